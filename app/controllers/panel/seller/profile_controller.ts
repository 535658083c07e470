import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import UpdateSellerProfile from '#actions/sellers/update_seller_profile'
import SellerProfilePolicy from '#policies/seller_profile_policy'
import { INDIAN_STATES } from '#enums/indian_states'
import { panelMessages } from '#controllers/panel/support/forms'
import { sellerProfileValidator } from '#validators/seller_profile'

/** Business name, GSTIN and address: what the seller's invoices print. */
export default class ProfileController {
  async show({ auth, bouncer, view }: HttpContext) {
    await bouncer.with(SellerProfilePolicy).authorize('update')
    return view.render('panel/seller/profile', {
      profile: auth.getUserOrFail().sellerProfile,
      states: Object.keys(INDIAN_STATES),
    })
  }

  @inject()
  async update(
    { auth, bouncer, request, response, session }: HttpContext,
    updateSellerProfile: UpdateSellerProfile
  ) {
    await bouncer.with(SellerProfilePolicy).authorize('update')
    const seller = auth.getUserOrFail()
    const input = await request.validateUsing(sellerProfileValidator, {
      meta: { userId: seller.id },
      messagesProvider: panelMessages,
    })
    const { changedForReview } = await updateSellerProfile.handle(seller, input)
    if (changedForReview) {
      session.flash(
        'success',
        `Business details saved. Your new ${changedForReview} needs a review by the marketplace ` +
          'team: until an admin approves the change, your products are hidden from the ' +
          'storefront and the seller area is closed.'
      )
      // The seller area is closed now; the panel home shows the review status.
      return response.redirect('/panel')
    }
    session.flash('success', 'Business details saved.')
    return response.redirect('/panel/seller/profile')
  }
}
