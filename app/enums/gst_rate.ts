/** The GST slabs a product can carry, in percent. */
export const GST_RATES = [0, 5, 12, 18, 28] as const
export type GstRate = (typeof GST_RATES)[number]
export const DEFAULT_GST_RATE: GstRate = 18
