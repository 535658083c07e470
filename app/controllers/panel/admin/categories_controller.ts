import { inject } from '@adonisjs/core'
import type { HttpContext, Request } from '@adonisjs/core/http'
import Category from '#models/category'
import SaveCategory from '#actions/catalog/save_category'
import CategoryPolicy from '#policies/category_policy'
import { GST_RATES } from '#enums/gst_rate'
import { categoryOptions } from '#controllers/panel/support/categories'
import { panelMessages } from '#controllers/panel/support/forms'
import { createCategoryValidator, updateCategoryValidator } from '#validators/category'

/** Form fields → the API's category input (selects post numbers as text). */
function categoryInput(request: Request) {
  const body = request.only([
    'name',
    'slug',
    'parent_id',
    'description',
    'gst_rate',
    'hsn_code',
    'position',
  ])
  const number = (value: unknown) =>
    typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value
  return {
    name: body.name ?? undefined,
    slug: body.slug ?? undefined,
    parent_id: number(body.parent_id ?? null),
    description: body.description ?? null,
    gst_rate: number(body.gst_rate ?? null),
    hsn_code: body.hsn_code?.trim() ? body.hsn_code : null,
    position: body.position ?? undefined,
  }
}

/** The category tree, edited through SaveCategory like /api/categories. */
export default class CategoriesController {
  async index({ bouncer, view }: HttpContext) {
    await bouncer.with(CategoryPolicy).authorize('update')
    return view.render('panel/admin/categories/index', {
      categories: await categoryOptions(),
      gstRates: GST_RATES,
    })
  }

  @inject()
  async store({ bouncer, request, response, session }: HttpContext, saveCategory: SaveCategory) {
    await bouncer.with(CategoryPolicy).authorize('create')
    const input = await createCategoryValidator.validate(categoryInput(request), {
      messagesProvider: panelMessages,
    })
    const category = await saveCategory.create(input)
    session.flash('success', `Category ${category.name} created.`)
    return response.redirect('/panel/admin/categories')
  }

  async edit({ bouncer, params, view }: HttpContext) {
    await bouncer.with(CategoryPolicy).authorize('update')
    const category = await Category.findOrFail(params.id)
    return view.render('panel/admin/categories/edit', {
      category,
      // A category cannot move under itself; SaveCategory also refuses its subcategories.
      parents: (await categoryOptions()).filter((option) => option.id !== category.id),
      gstRates: GST_RATES,
    })
  }

  @inject()
  async update(
    { bouncer, params, request, response, session }: HttpContext,
    saveCategory: SaveCategory
  ) {
    await bouncer.with(CategoryPolicy).authorize('update')
    const category = await Category.findOrFail(params.id)
    const input = await updateCategoryValidator.validate(categoryInput(request), {
      messagesProvider: panelMessages,
    })
    await saveCategory.update(category, input)
    session.flash('success', `Category ${category.name} saved.`)
    return response.redirect('/panel/admin/categories')
  }

  @inject()
  async destroy({ bouncer, params, response, session }: HttpContext, saveCategory: SaveCategory) {
    await bouncer.with(CategoryPolicy).authorize('delete')
    const category = await Category.findOrFail(params.id)
    await saveCategory.delete(category)
    session.flash('success', `Category ${category.name} deleted.`)
    return response.redirect('/panel/admin/categories')
  }
}
