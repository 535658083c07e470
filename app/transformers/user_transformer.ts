import type User from '#models/user'
import type SellerProfile from '#models/seller_profile'
import type { AccessToken } from '@adonisjs/auth/access_tokens'

/** The `user` shape of the API contract. Expects `sellerProfile` preloaded for sellers. */
export function serializeUser(user: User) {
  const profile = user.role === 'seller' ? user.sellerProfile : null
  return {
    id: user.id,
    email: user.email,
    full_name: user.fullName,
    phone: user.phone,
    role: user.role,
    is_active: user.isActive,
    created_at: user.createdAt.toISO(),
    seller: profile
      ? {
          business_name: profile.businessName,
          gstin: profile.gstin,
          status: profile.status,
        }
      : null,
  }
}

export function serializeToken(token: AccessToken) {
  return {
    type: 'bearer' as const,
    token: token.value!.release(),
    expires_at: token.expiresAt ? token.expiresAt.toISOString() : null,
  }
}

/** A seller as admins see it in the approval queue (`id` is the user id). */
export function serializeSellerForAdmin(user: User) {
  return {
    id: user.id,
    email: user.email,
    full_name: user.fullName,
    business_name: user.sellerProfile.businessName,
    gstin: user.sellerProfile.gstin,
    status: user.sellerProfile.status,
    review_note: user.sellerProfile.reviewNote,
    is_active: user.isActive,
    created_at: user.createdAt.toISO(),
  }
}

/** `GET/PATCH /api/seller/profile`: the business details a seller's invoices print. */
export function serializeSellerProfile(profile: SellerProfile) {
  const hasAddress = profile.addressLine1 || profile.city || profile.state || profile.pincode
  return {
    business_name: profile.businessName,
    gstin: profile.gstin,
    pan: profile.pan,
    address: hasAddress
      ? {
          line1: profile.addressLine1,
          line2: profile.addressLine2,
          city: profile.city,
          state: profile.state,
          pincode: profile.pincode,
        }
      : null,
    status: profile.status,
  }
}
