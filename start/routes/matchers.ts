/**
 * Numeric ids in paths: anything else (letters, negatives, values past the
 * integer range) is a 404 before it reaches the database.
 */
export const idParam = { match: /^[1-9]\d{0,8}$/, cast: (value: string) => Number(value) }
