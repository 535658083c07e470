import vine from '@vinejs/vine'

/** An HSN (goods) code as invoices print it: 4 to 8 digits (the database checks the same). */
export const hsnCode = () =>
  vine
    .string()
    .trim()
    .regex(/^[0-9]{4,8}$/)
