import env from '#start/env'

/**
 * The marketplace's business rules with money or time in them. App code
 * reads them through app/services/platform/settings.ts, never from here or
 * from env: the admin settings page will override these defaults there.
 * Limits for cash on delivery belong here too when it arrives.
 */
const commerceConfig = {
  shipping: {
    /** Orders whose subtotal reaches this ship free (₹499). */
    freeThresholdPaise: env.get('FREE_SHIPPING_THRESHOLD_PAISE', 49_900),
    /** Flat fee below the threshold (₹49). */
    feePaise: env.get('SHIPPING_FEE_PAISE', 4_900),
  },

  /** Minutes an order waits for payment before it expires and releases its stock. */
  paymentWindowMinutes: env.get('ORDER_PAYMENT_TTL_MINUTES', 30),

  /** Days after delivery in which a customer may ask to return an item. */
  returnWindowDays: env.get('RETURN_WINDOW_DAYS', 7),

  /** Approve new sellers at registration (demos) instead of queueing them for review. */
  sellerAutoApprove: env.get('SELLER_AUTO_APPROVE', false),
}

export default commerceConfig

export type CommerceConfig = typeof commerceConfig
