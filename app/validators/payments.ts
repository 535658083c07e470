import vine from '@vinejs/vine'

const razorpayId = (prefix: string) =>
  vine
    .string()
    .trim()
    .maxLength(64)
    .regex(new RegExp(`^${prefix}_[A-Za-z0-9]+$`))

export const verifyPaymentValidator = vine.compile(
  vine.object({
    razorpay_order_id: razorpayId('order'),
    razorpay_payment_id: razorpayId('pay'),
    razorpay_signature: vine.string().trim().maxLength(128),
  })
)
