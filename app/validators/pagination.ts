import vine from '@vinejs/vine'

/** `?page=` (≥ 1) and `?per_page=` (1–100, default 20), shared by every list. */
export const paginationFields = {
  page: vine.number().withoutDecimals().min(1).max(1_000_000).optional(),
  per_page: vine.number().withoutDecimals().min(1).max(100).optional(),
}

export const paginationValidator = vine.compile(vine.object(paginationFields))
