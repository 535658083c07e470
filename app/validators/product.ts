import vine from '@vinejs/vine'
import { hsnCode } from '#validators/rules/hsn_code'
import { paginationFields } from '#validators/pagination'
import { GST_RATES } from '#enums/gst_rate'
import { PRODUCT_SORTS } from '#enums/product_sort'
import { MAX_STOCK } from '#services/inventory/stock'
import { prohibitedWith } from '#validators/rules/prohibited_with'

/** Paise fit PostgreSQL's integer: up to ₹2,14,74,836.47. */
const paise = () => vine.number().withoutDecimals().min(1).max(2_147_483_647)
const stock = () => vine.number().withoutDecimals().min(0).max(MAX_STOCK)

export const listProductsValidator = vine.compile(
  vine.object({
    ...paginationFields,
    search: vine.string().trim().maxLength(200).optional(),
    category: vine.string().trim().maxLength(120).optional(),
    seller: vine.number().withoutDecimals().min(1).max(2_147_483_647).optional(),
    min_price: vine.number().withoutDecimals().min(0).max(2_147_483_647).optional(),
    max_price: vine.number().withoutDecimals().min(0).max(2_147_483_647).optional(),
    in_stock: vine.boolean().optional(),
    sort: vine.enum(PRODUCT_SORTS).optional(),
  })
)

export const createProductValidator = vine.compile(
  vine.object({
    title: vine.string().trim().minLength(3).maxLength(200),
    description: vine.string().trim().maxLength(10_000),
    price_paise: paise(),
    mrp_paise: paise().optional(),
    stock: stock(),
    category_id: vine.number().withoutDecimals().min(1).max(2_147_483_647),
    gst_rate: vine.enum(GST_RATES).optional(),
    // Null or absent: the category's code is printed on invoices.
    hsn_code: hsnCode().nullable().optional(),
    is_active: vine.boolean().optional(),
  })
)

export const updateProductValidator = vine.compile(
  vine.object({
    title: vine.string().trim().minLength(3).maxLength(200).optional(),
    description: vine.string().trim().maxLength(10_000).optional(),
    price_paise: paise().optional(),
    mrp_paise: paise().nullable().optional(),
    // A stock edit says what it was made against (see stockEditDelta): the
    // stock the client read, or a signed adjustment instead of a new value.
    stock: stock().optional(),
    expected_stock: stock().optional().requiredIfExists('stock'),
    stock_adjustment: vine
      .number()
      .withoutDecimals()
      .min(-MAX_STOCK)
      .max(MAX_STOCK)
      .optional()
      .use(prohibitedWith({ other: 'stock' })),
    category_id: vine.number().withoutDecimals().min(1).max(2_147_483_647).optional(),
    gst_rate: vine.enum(GST_RATES).optional(),
    hsn_code: hsnCode().nullable().optional(),
    is_active: vine.boolean().optional(),
  })
)

/** Product images: a real JPEG, PNG or WebP (content is checked too), at most 5 MB. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024

export const uploadImageValidator = vine.compile(
  vine.object({
    // The format is checked from the bytes (AddProductImage), not the name.
    image: vine.file({ size: MAX_IMAGE_BYTES }),
  })
)
