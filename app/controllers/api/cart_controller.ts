import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import OrderPolicy from '#policies/order_policy'
import ShowCart from '#actions/cart/show_cart'
import AddToCart from '#actions/cart/add_to_cart'
import UpdateCartItem from '#actions/cart/update_cart_item'
import { NotFoundError } from '#exceptions/domain_errors'
import { addToCartValidator, updateCartItemValidator } from '#validators/cart'

@inject()
export default class CartController {
  constructor(private showCart: ShowCart) {}

  async show({ auth, bouncer }: HttpContext) {
    await bouncer.with(OrderPolicy).authorize('shop')
    return { data: await this.showCart.handle(auth.getUserOrFail()) }
  }

  @inject()
  async add({ auth, bouncer, request, response }: HttpContext, addToCart: AddToCart) {
    await bouncer.with(OrderPolicy).authorize('shop')
    const input = await request.validateUsing(addToCartValidator)
    const user = auth.getUserOrFail()
    await addToCart.handle(user, input.product_id, input.quantity)
    return response.created({ data: await this.showCart.handle(user) })
  }

  @inject()
  async update({ auth, bouncer, params, request }: HttpContext, updateCartItem: UpdateCartItem) {
    await bouncer.with(OrderPolicy).authorize('shop')
    const { quantity } = await request.validateUsing(updateCartItemValidator)
    const user = auth.getUserOrFail()
    await updateCartItem.handle(user, params.item, quantity)
    return { data: await this.showCart.handle(user) }
  }

  async remove({ auth, bouncer, params, response }: HttpContext) {
    await bouncer.with(OrderPolicy).authorize('shop')
    const deleted = await db
      .from('cart_items')
      .where({ id: params.item, user_id: auth.getUserOrFail().id })
      .delete()
    if (!Number(deleted)) throw new NotFoundError('Cart item not found')
    return response.noContent()
  }

  async clear({ auth, bouncer, response }: HttpContext) {
    await bouncer.with(OrderPolicy).authorize('shop')
    await db.from('cart_items').where('user_id', auth.getUserOrFail().id).delete()
    return response.noContent()
  }
}
