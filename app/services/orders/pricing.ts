import { settings } from '#services/platform/settings'

/** Free shipping from the threshold subtotal, otherwise the flat fee (config/commerce.ts). */
export function shippingFor(subtotalPaise: number) {
  const { freeThresholdPaise, feePaise } = settings.shipping()
  return subtotalPaise >= freeThresholdPaise ? 0 : feePaise
}
