import { Exception } from '@adonisjs/core/exceptions'

/**
 * Expected failures of domain work. The exception handler turns each into
 * the API's error shape with its status; none of them is ever a 500.
 */
export class DomainError extends Exception {
  field?: string
  rule?: string
  /** One entry per problem when a single request has several (e.g. every short cart line). */
  details?: { message: string; field?: string; code?: string }[]

  constructor(
    message: string,
    options: {
      status: number
      code: string
      field?: string
      rule?: string
      details?: { message: string; field?: string; code?: string }[]
    }
  ) {
    super(message, { status: options.status, code: options.code })
    this.field = options.field
    this.rule = options.rule
    this.details = options.details
  }
}

/** 422 for a rule that needs the database to decide (e.g. a duplicate lost in a race). */
export class FieldInvalidError extends DomainError {
  constructor(field: string, rule: string, message: string) {
    super(message, { status: 422, code: 'E_VALIDATION_ERROR', field, rule })
  }
}

/** 409: the request is valid but the current state does not allow it. */
export class ConflictError extends DomainError {
  constructor(message: string, code = 'E_CONFLICT') {
    super(message, { status: 409, code })
  }

  /** One 409 that lists every problem (e.g. each cart line that cannot be bought). */
  static listing(problems: { message: string; field?: string; code?: string }[], code: string) {
    const error = new ConflictError(problems.map((p) => p.message).join('; '), code)
    error.details = problems
    return error
  }
}

/** 404 for rows that are missing or belong to someone else. */
export class NotFoundError extends DomainError {
  constructor(message = 'Not found') {
    super(message, { status: 404, code: 'E_NOT_FOUND' })
  }
}

/** PostgreSQL's unique_violation; lets actions map a lost race to a clean 4xx. */
export function isUniqueViolation(error: unknown, constraint?: string) {
  const err = error as { code?: string; constraint?: string }
  return err?.code === '23505' && (!constraint || err.constraint === constraint)
}
