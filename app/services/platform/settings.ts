import config from '@adonisjs/core/services/config'
import type { CommerceConfig } from '#config/commerce'

/**
 * The marketplace's business settings, the one way app code reads them.
 * Defaults come from config/commerce.ts (env variables change them). The
 * admin settings page will store overrides in the database and merge them
 * in `current()`, kept in memory and refreshed when saved, so the getters
 * stay synchronous and callers do not change.
 */
function current(): CommerceConfig {
  return config.get<CommerceConfig>('commerce')
}

export const settings = {
  /** Free-shipping threshold and the flat fee below it, in paise. */
  shipping: () => current().shipping,

  /** Minutes an unpaid order holds its stock. */
  paymentWindowMinutes: () => current().paymentWindowMinutes,

  /** Whether a new seller is approved at registration. */
  sellerAutoApprove: () => current().sellerAutoApprove,
}
