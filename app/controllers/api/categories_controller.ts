import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import Category from '#models/category'
import SaveCategory from '#actions/catalog/save_category'
import CategoryPolicy from '#policies/category_policy'
import { NotFoundError } from '#exceptions/domain_errors'
import { findCategory } from '#services/catalog/categories'
import {
  createCategoryValidator,
  listCategoriesValidator,
  updateCategoryValidator,
} from '#validators/category'
import { categoryTree } from '#transformers/category_transformer'

async function categoryFor(idOrSlug: string) {
  const category = await findCategory(idOrSlug)
  if (!category) throw new NotFoundError('Category not found')
  return category
}

export default class CategoriesController {
  async index({ request }: HttpContext) {
    const { tree } = await request.validateUsing(listCategoriesValidator, { data: request.qs() })
    const all = await Category.query().orderBy('position').orderBy('name').orderBy('id')
    const shaped = await categoryTree(all)
    return { data: tree ? shaped.roots() : shaped.flat() }
  }

  async show({ params }: HttpContext) {
    const category = await categoryFor(params.category)
    const all = await Category.query().orderBy('position').orderBy('name').orderBy('id')
    return { data: (await categoryTree(all)).withFamily(category.id) }
  }

  @inject()
  async store({ bouncer, request, response }: HttpContext, saveCategory: SaveCategory) {
    await bouncer.with(CategoryPolicy).authorize('create')
    const input = await request.validateUsing(createCategoryValidator)
    const category = await saveCategory.create(input)
    return response.created({ data: await this.present(category.id) })
  }

  @inject()
  async update({ bouncer, params, request }: HttpContext, saveCategory: SaveCategory) {
    await bouncer.with(CategoryPolicy).authorize('update')
    const category = await categoryFor(params.category)
    const input = await request.validateUsing(updateCategoryValidator)
    await saveCategory.update(category, input)
    return { data: await this.present(category.id) }
  }

  @inject()
  async destroy({ bouncer, params, response }: HttpContext, saveCategory: SaveCategory) {
    await bouncer.with(CategoryPolicy).authorize('delete')
    await saveCategory.delete(await categoryFor(params.category))
    return response.noContent()
  }

  private async present(categoryId: number) {
    const all = await Category.query().orderBy('position').orderBy('name').orderBy('id')
    return (await categoryTree(all)).withFamily(categoryId)
  }
}
