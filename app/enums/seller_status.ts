export const SELLER_STATUSES = ['pending', 'approved', 'rejected'] as const
export type SellerStatus = (typeof SELLER_STATUSES)[number]
