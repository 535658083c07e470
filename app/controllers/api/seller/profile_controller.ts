import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import UpdateSellerProfile from '#actions/sellers/update_seller_profile'
import SellerProfilePolicy from '#policies/seller_profile_policy'
import { serializeSellerProfile } from '#transformers/user_transformer'
import { updateSellerProfileValidator } from '#validators/seller_profile'

/** The seller's business details, as its invoices print them: the same action as the panel's form. */
export default class SellerProfileController {
  async show({ auth, bouncer }: HttpContext) {
    await bouncer.with(SellerProfilePolicy).authorize('update')
    return { data: serializeSellerProfile(auth.getUserOrFail().sellerProfile) }
  }

  @inject()
  async update({ auth, bouncer, request }: HttpContext, updateSellerProfile: UpdateSellerProfile) {
    await bouncer.with(SellerProfilePolicy).authorize('update')
    const seller = auth.getUserOrFail()
    const { address, ...rest } = await request.validateUsing(updateSellerProfileValidator, {
      meta: { userId: seller.id },
    })
    const { profile } = await updateSellerProfile.handle(
      seller,
      {
        ...rest,
        ...(address
          ? {
              address_line1: address.line1,
              address_line2: address.line2 ?? null,
              city: address.city,
              state: address.state,
              pincode: address.pincode,
            }
          : {}),
      },
      { state: 'address.state', pan: 'pan' }
    )
    return { data: serializeSellerProfile(profile) }
  }
}
