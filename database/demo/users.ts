import User from '#models/user'
import SellerProfile from '#models/seller_profile'

export const DEMO_PASSWORD = 'Meesho@2026'

export const DEMO_LOGINS = [
  { role: 'admin', email: 'admin@demo.meesho.local' },
  { role: 'seller', email: 'seller@demo.meesho.local' },
  { role: 'customer', email: 'customer@demo.meesho.local' },
] as const

/** The three demo logins printed by `npm run dev`; safe to run again. */
export async function seedDemoUsers() {
  await User.updateOrCreate(
    { email: 'admin@demo.meesho.local' },
    { fullName: 'Asha Admin', role: 'admin', password: DEMO_PASSWORD, isActive: true }
  )
  const seller = await User.updateOrCreate(
    { email: 'seller@demo.meesho.local' },
    {
      fullName: 'Ravi Kumar',
      role: 'seller',
      phone: '9876543210',
      password: DEMO_PASSWORD,
      isActive: true,
    }
  )
  await SellerProfile.updateOrCreate(
    { userId: seller.id },
    {
      businessName: 'Jaipur Handloom House',
      gstin: '08AABCJ1234K1ZP',
      addressLine1: '14 Johari Bazaar',
      city: 'Jaipur',
      state: 'Rajasthan',
      pincode: '302003',
      status: 'approved',
    }
  )
  await User.updateOrCreate(
    { email: 'customer@demo.meesho.local' },
    {
      fullName: 'Priya Sharma',
      role: 'customer',
      phone: '9123456780',
      password: DEMO_PASSWORD,
      isActive: true,
    }
  )
}
