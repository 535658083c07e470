import db from '@adonisjs/lucid/services/db'

export type SearchQuery = {
  /** All words (each word or its spelling correction) must match. */
  all: string
  /** Any word may match: the fallback when nothing matches every word. */
  any: string
  /** `all` restricted to title lexemes (weight A), for title-first candidates. */
  allInTitle: string
}

const MAX_WORDS = 8
const LEXEME = /'([a-z0-9]+)'/g
const SAFE_TSQUERY = /^[a-z0-9'&|!<>()\- ]*$/

/** Words of a search string as the title dictionary stores them. */
export function searchWords(text: string) {
  return [
    ...new Set(
      text
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter((word) => word.length > 0 && word.length <= 40)
    ),
  ].slice(0, MAX_WORDS)
}

type WordQuery = { q: string | null; fixed: string | null }

/**
 * Each word's tsquery and spelling correction, kept for a while: shoppers
 * repeat the same words (and typos), and with a dictionary of a few hundred
 * thousand words one trigram lookup takes 2–17 ms. The dictionary only grows:
 * this process forgets everything when it adds words, other processes within
 * the TTL (a correction is only ever an extra alternative to the typed word).
 */
const WORD_TTL_MS = 60_000
const WORD_CACHE_SIZE = 10_000
const wordCache = new Map<string, WordQuery & { until: number }>()

export function forgetWordCorrections() {
  wordCache.clear()
}

async function lookUpWords(words: string[]) {
  const now = Date.now()
  const found = new Map<string, WordQuery>()
  for (const word of words) {
    const cached = wordCache.get(word)
    if (cached && cached.until > now) found.set(word, cached)
  }
  const missing = words.filter((word) => !found.has(word))
  if (missing.length === 0) return found
  const { rows } = await db.rawQuery(
    `SELECT t.w,
            plainto_tsquery('english', t.w)::text AS q,
            CASE WHEN length(t.w) >= 4 AND NOT EXISTS (SELECT 1 FROM search_words k WHERE k.word = t.w)
              THEN (SELECT plainto_tsquery('english', s.word)::text FROM search_words s
                    WHERE s.word % t.w ORDER BY s.word <-> t.w, s.word LIMIT 1)
            END AS fixed
       FROM unnest(?::text[]) AS t(w)`,
    [`{${missing.join(',')}}`]
  )
  for (const row of rows as ({ w: string } & WordQuery)[]) {
    const entry = { q: row.q, fixed: row.fixed }
    found.set(row.w, entry)
    if (wordCache.size >= WORD_CACHE_SIZE) wordCache.delete(wordCache.keys().next().value!)
    wordCache.set(row.w, { ...entry, until: now + WORD_TTL_MS })
  }
  return found
}

/**
 * Turns what a shopper typed into tsquery text. A word that never appears in
 * any title is also matched through its closest title word (trigram
 * similarity over the `search_words` dictionary), so "coton sare" still finds
 * cotton sarees. Returns null when nothing searchable remains (only stop
 * words or punctuation).
 */
export async function buildSearchQuery(text: string): Promise<SearchQuery | null> {
  const words = searchWords(text)
  if (words.length === 0) return null
  const looked = await lookUpWords(words)
  const parts: string[] = []
  for (const word of words) {
    const row = looked.get(word)
    const options = [row?.q, row?.fixed].filter(
      (q): q is string => !!q && q.length > 0 && SAFE_TSQUERY.test(q)
    )
    const unique = [...new Set(options)]
    if (unique.length === 1) parts.push(`(${unique[0]})`)
    if (unique.length === 2) parts.push(`(${unique[0]} | ${unique[1]})`)
  }
  if (parts.length === 0) return null
  const all = parts.join(' & ')
  return {
    all,
    any: parts.join(' | '),
    allInTitle: all.replace(LEXEME, "'$1':A"),
  }
}

/** Adds the words of product titles to the dictionary used for typo correction. */
export async function rememberTitleWords(titles: string[], trx?: any) {
  const words = [...new Set(titles.flatMap((title) => searchWords(title)))].filter(
    (word) => word.length >= 3
  )
  if (words.length === 0) return
  const inserted = await (trx ?? db).rawQuery(
    'INSERT INTO search_words (word) SELECT unnest(?::text[]) ON CONFLICT DO NOTHING',
    [`{${words.join(',')}}`]
  )
  if (inserted.rowCount > 0) forgetWordCorrections()
}
