import { SimpleMessagesProvider } from '@vinejs/vine'
import type { Request } from '@adonisjs/core/http'
import { VALIDATION_MESSAGES } from '#start/validator'

/** What the panel's forms call the API's fields ("price" rather than "price_paise"). */
export const FIELD_LABELS: Record<string, string> = {
  price_paise: 'price',
  mrp_paise: 'MRP',
  category_id: 'category',
  gst_rate: 'GST rate',
  hsn_code: 'HSN code',
  is_active: 'status',
  parent_id: 'parent category',
  full_name: 'name',
  business_name: 'business name',
  gstin: 'GSTIN',
  pan: 'PAN',
  address_line1: 'address',
  address_line2: 'address line 2',
}

/** The API's validators, with the field names a person reads on the panel's forms. */
export const panelMessages = new SimpleMessagesProvider(VALIDATION_MESSAGES, FIELD_LABELS)

const FIELD_NAMES = new RegExp(`\\b(${Object.keys(FIELD_LABELS).join('|')})\\b`, 'g')

/**
 * A domain error's message as the panel shows it: the API's field names
 * ("mrp_paise must not be below price_paise") replaced by the form's labels
 * ("MRP must not be below price"). The API keeps its own wording.
 */
export function labelFields(message: string) {
  return message.replace(FIELD_NAMES, (name, _group, offset: number) => {
    const label = FIELD_LABELS[name]
    return offset === 0 ? label.charAt(0).toUpperCase() + label.slice(1) : label
  })
}

/**
 * Rupees typed in a form ("1,299.50") → integer paise. Blank is `undefined`
 * (or `null` when the field may be cleared); anything unreadable is passed
 * through so the validator reports it next to the field.
 */
export function rupeesToPaise(value: unknown, blank: null | undefined = undefined) {
  if (value === undefined) return undefined
  if (value === null) return blank
  const text = String(value).replace(/[,₹\s]/g, '')
  if (text === '') return blank
  return /^\d{1,8}(\.\d{1,2})?$/.test(text) ? Math.round(Number(text) * 100) : text
}

/** Paise → the rupee figure a form field shows ("1299.50"). */
export function paiseToRupees(paise: number | null | undefined) {
  if (paise === null || paise === undefined) return ''
  return (paise / 100).toFixed(2).replace(/\.00$/, '')
}

/**
 * List filters from the query string. They come from the page's own selects
 * and links, so a malformed one (an edited URL) is dropped, not an error page.
 */
export async function listFilters<T extends Record<string, unknown>>(
  validator: { validate(data: unknown): Promise<T> },
  request: Request
): Promise<Partial<T>> {
  const qs = Object.fromEntries(
    Object.entries(request.qs()).filter(([, value]) => value !== '' && value !== undefined)
  )
  try {
    return await validator.validate(qs)
  } catch {
    const rest = { ...qs }
    delete rest.page
    try {
      return await validator.validate(rest)
    } catch {
      return {}
    }
  }
}

export type Pager = {
  page: number
  lastPage: number
  total: number
  prev: string | null
  next: string | null
}

/** Previous / next links that keep the current filters. */
export function pager(request: Request, page: number, perPage: number, total: number): Pager {
  const lastPage = Math.max(1, Math.ceil(total / perPage))
  const link = (n: number) => {
    const params = new URLSearchParams()
    for (const [key, value] of Object.entries(request.qs())) {
      if (key !== 'page' && value !== '' && value !== undefined) params.set(key, String(value))
    }
    params.set('page', String(n))
    return `?${params.toString()}`
  }
  return {
    page,
    lastPage,
    total,
    prev: page > 1 ? link(page - 1) : null,
    next: page < lastPage ? link(page + 1) : null,
  }
}

/** Where a form goes back to: the panel page it was posted from, never another site. */
export function backTo(request: Request, fallback: string) {
  const referer = request.header('referer')
  if (!referer) return fallback
  try {
    const url = new URL(referer)
    const host = request.header('host')
    if (host && url.host === host && url.pathname.startsWith('/panel')) {
      return url.pathname + url.search
    }
  } catch {}
  return fallback
}
