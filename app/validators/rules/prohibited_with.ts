import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'

/** The field may not be sent together with `other` (two ways of saying one thing). */
export const prohibitedWith = vine.createRule(
  (_value: unknown, options: { other: string }, field: FieldContext) => {
    if (field.parent?.[options.other] === undefined) return
    field.report(
      `Send either {{ field }} or ${options.other}, not both`,
      'prohibitedWith',
      field,
      options
    )
  }
)
