import env from '#start/env'

/** Free shipping from this subtotal (default ₹499), otherwise a flat fee (default ₹49). */
export function shippingFor(subtotalPaise: number) {
  const threshold = env.get('FREE_SHIPPING_THRESHOLD_PAISE', 49_900)
  const fee = env.get('SHIPPING_FEE_PAISE', 4_900)
  return subtotalPaise >= threshold ? 0 : fee
}
