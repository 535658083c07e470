import vine from '@vinejs/vine'
import { hsnCode } from '#validators/rules/hsn_code'
import { GST_RATES } from '#enums/gst_rate'

const parentId = () => vine.number().withoutDecimals().min(1).max(2_147_483_647)

export const createCategoryValidator = vine.compile(
  vine.object({
    name: vine.string().trim().minLength(2).maxLength(100),
    parent_id: parentId().nullable().optional(),
    description: vine.string().trim().maxLength(2000).nullable().optional(),
    gst_rate: vine.enum(GST_RATES).nullable().optional(),
    hsn_code: hsnCode().nullable().optional(),
  })
)

export const updateCategoryValidator = vine.compile(
  vine.object({
    name: vine.string().trim().minLength(2).maxLength(100).optional(),
    slug: vine
      .string()
      .trim()
      .toLowerCase()
      .maxLength(120)
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
      .optional(),
    parent_id: parentId().nullable().optional(),
    description: vine.string().trim().maxLength(2000).nullable().optional(),
    gst_rate: vine.enum(GST_RATES).nullable().optional(),
    hsn_code: hsnCode().nullable().optional(),
    position: vine.number().withoutDecimals().min(0).max(10_000).optional(),
  })
)

export const listCategoriesValidator = vine.compile(
  vine.object({
    tree: vine.boolean().optional(),
  })
)
