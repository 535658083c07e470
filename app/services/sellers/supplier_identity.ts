import { FieldInvalidError } from '#exceptions/domain_errors'
import { isIntraState, stateFromGstin } from '#services/tax/gst'

/** Five letters, four digits, a letter: the Income-tax Department's PAN. */
export const PAN_PATTERN = /^[A-Z]{5}[0-9]{4}[A-Z]$/

/** Characters 3–12 of a GSTIN are the holder's PAN. */
export function panFromGstin(gstin: string) {
  return gstin.slice(2, 12)
}

/**
 * What a seller's tax identity must agree on, for every door that writes it
 * (registration, the profile API, the panel). A GST-registered supplier
 * invoices from the state of its GSTIN, so an address in another state is
 * refused rather than silently used for CGST/SGST vs IGST; its PAN is the one
 * inside its GSTIN. Field names are the caller's (nested or flat forms).
 */
export function settleSupplierIdentity(
  input: { gstin: string | null; pan?: string | null; state?: string | null },
  fields: { state: string; pan: string }
) {
  if (!input.gstin) return { pan: input.pan ?? null }
  const registeredIn = stateFromGstin(input.gstin)
  if (input.state && registeredIn && !isIntraState(input.state, registeredIn)) {
    throw new FieldInvalidError(
      fields.state,
      'gstinState',
      `GSTIN ${input.gstin} is registered in ${registeredIn}; the business address must be in ${registeredIn} too`
    )
  }
  const pan = panFromGstin(input.gstin)
  if (input.pan && input.pan !== pan) {
    throw new FieldInvalidError(
      fields.pan,
      'gstinPan',
      `The PAN must be the one inside the GSTIN (${pan})`
    )
  }
  return { pan }
}
