import vine from '@vinejs/vine'
import { paginationFields } from '#validators/pagination'

export const createReviewValidator = vine.compile(
  vine.object({
    rating: vine.number().withoutDecimals().min(1).max(5),
    comment: vine.string().trim().maxLength(2000).nullable().optional(),
  })
)

export const listReviewsValidator = vine.compile(vine.object({ ...paginationFields }))
