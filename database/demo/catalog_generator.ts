import db from '@adonisjs/lucid/services/db'
import hash from '@adonisjs/core/services/hash'
import { gstinCheckDigit } from '#validators/rules/gstin'
import { stateForGstCode } from '#enums/indian_states'
import { seedDemoCategories, DEMO_COLOURS } from '#database/demo/catalog'
import { searchWords } from '#services/catalog/search_query'

export type GenerateOptions = {
  products: number
  sellers: number
  chunk: number
  concurrency: number
}
export type GenerateReport = {
  products: number
  loadSeconds: number
  totalSeconds: number
  loadRate: number
  overallRate: number
}

const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9
const sqlArray = (values: string[]) =>
  `{${values.map((v) => `"${v.replace(/"/g, '')}"`).join(',')}}`

/** `n` approved synthetic sellers (valid GSTINs), created once and reused by later runs. */
async function syntheticSellers(count: number, passwordHash: string) {
  const existing = await db
    .from('users')
    .whereLike('email', 'gen-seller-%@bench.meesho.local')
    .orderBy('id')
    .select('id')
  for (let i = existing.length; i < count; i += 500) {
    const rows = []
    for (let j = i; j < Math.min(count, i + 500); j++) {
      rows.push({
        email: `gen-seller-${j}@bench.meesho.local`,
        password: passwordHash,
        full_name: `Bench Seller ${j}`,
        role: 'seller',
        is_active: true,
        created_at: new Date(),
        updated_at: new Date(),
      })
    }
    const users = await db.table('users').insert(rows).returning(['id', 'email'])
    await db.table('seller_profiles').insert(
      users.map((user: { id: number; email: string }) => {
        const j = Number(user.email.match(/gen-seller-(\d+)@/)![1])
        const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ'
        const pan = `AA${letters[j % 24]}C${letters[Math.floor(j / 24) % 24]}${String(j % 10000).padStart(4, '0')}${letters[Math.floor(j / 576) % 24]}`
        const code = String(1 + (j % 37)).padStart(2, '0')
        const first14 = `${code}${pan}1Z`
        return {
          user_id: user.id,
          business_name: `Bench Traders ${j}`,
          gstin: `${first14}${gstinCheckDigit(first14)}`,
          // Approved sellers have a complete address: every invoice prints it.
          address_line1: `${j} Bench Road`,
          city: 'Bench Town',
          state: stateForGstCode(code) ?? null,
          pincode: '560001',
          status: 'approved',
          created_at: new Date(),
          updated_at: new Date(),
        }
      })
    )
  }
  const all = await db
    .from('users')
    .whereLike('email', 'gen-seller-%@bench.meesho.local')
    .orderBy('id')
    .limit(count)
    .select('id')
  return all.map((row) => row.id as number)
}

/** Secondary indexes and unique constraints of products, to drop and rebuild around the load. */
async function productIndexes() {
  const constraints = await db.rawQuery(
    `SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint
      WHERE conrelid = 'products'::regclass AND contype = 'u'`
  )
  const indexes = await db.rawQuery(
    `SELECT indexname AS name, indexdef AS definition FROM pg_indexes
      WHERE tablename = 'products' AND schemaname = current_schema()
        AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = 'products'::regclass)`
  )
  return {
    constraints: constraints.rows as { name: string; definition: string }[],
    indexes: indexes.rows as { name: string; definition: string }[],
  }
}

export async function generateCatalog(
  options: GenerateOptions,
  progress: (done: number, total: number, rate: number) => void,
  phase: (name: string, seconds: number) => void
): Promise<GenerateReport> {
  const started = process.hrtime.bigint()
  const leaves = await seedDemoCategories()
  const sellerIds = await syntheticSellers(
    options.sellers,
    await hash.make('bench-seller-password')
  )
  const sellerArray = `{${sellerIds.join(',')}}`
  phase('categories and sellers', seconds(started))

  const { constraints, indexes } = await productIndexes()
  let step = process.hrtime.bigint()
  for (const c of constraints) await db.rawQuery(`ALTER TABLE products DROP CONSTRAINT ${c.name}`)
  for (const i of indexes) await db.rawQuery(`DROP INDEX ${i.name}`)
  phase(`dropped ${constraints.length + indexes.length} indexes`, seconds(step))

  // Slugs end in a number past every existing id, so runs can be repeated.
  const base = Number(
    (await db.rawQuery('SELECT COALESCE(max(id), 0) AS max FROM products')).rows[0].max
  )
  const chunks: { from: number; to: number }[] = []
  for (let from = 1; from <= options.products; from += options.chunk) {
    chunks.push({ from, to: Math.min(options.products, from + options.chunk - 1) })
  }

  const loadStarted = process.hrtime.bigint()
  let done = 0
  const insertChunk = async ({ from, to }: { from: number; to: number }) => {
    await db.transaction(async (trx) => {
      // Triggers (visibility, category counts) and FK checks are redone in bulk below.
      await trx.rawQuery('SET LOCAL session_replication_role = replica').catch(() => {})
      for (const [index, { category, leaf, gst }] of leaves.entries()) {
        // Rows whose number falls on this leaf: from..to stepping by the leaf count.
        const first = from + ((index - (from % leaves.length) + leaves.length) % leaves.length)
        if (first > to) continue
        await trx.rawQuery(
          `INSERT INTO products (seller_id, category_id, title, slug, description, price_paise, mrp_paise,
                                 stock, gst_rate, is_active, is_visible, avg_rating, rating_count,
                                 sales_count, created_at, updated_at)
           SELECT s.seller_id, ?, t.title, t.slug || '-' || (? + g.i), t.title || '. ' || ?,
                  s.price, s.price + (s.price * (g.i % 7)) / 10, s.stock, ?, s.active, s.active,
                  s.rating, s.ratings, s.sales, s.created, s.created
             FROM generate_series(?::int, ?::int, ?::int) AS g(i)
             CROSS JOIN LATERAL (
               SELECT (?::text[])[1 + g.i % ?] AS colour,
                      (?::text[])[1 + (g.i / 7) % ?] AS style,
                      (?::text[])[1 + (g.i / 3) % ?] AS item
             ) w
             CROSS JOIN LATERAL (
               SELECT w.colour || ' ' || w.style || ' ' || w.item AS title,
                      trim(both '-' from lower(regexp_replace(w.colour || ' ' || w.style || ' ' || w.item, '[^A-Za-z0-9]+', '-', 'g'))) AS slug
             ) t
             CROSS JOIN LATERAL (
               SELECT (?::int[])[1 + (g.i::bigint * 7919) % ?] AS seller_id,
                      (? + floor(random() * ?)::int) * 100 - 100 AS price,
                      CASE WHEN g.i % 13 = 0 THEN 0 ELSE 1 + (g.i * 31) % 120 END AS stock,
                      g.i % 50 <> 0 AS active,
                      CASE WHEN g.i % 3 = 0 THEN 0 ELSE round((2.5 + random() * 2.5)::numeric, 2) END AS rating,
                      CASE WHEN g.i % 3 = 0 THEN 0 ELSE 1 + (g.i * 17) % 400 END AS ratings,
                      floor(1000 * power(random(), 4))::int AS sales,
                      now() - (random() * interval '365 days') AS created
             ) s`,
          [
            category.id,
            base,
            leaf.blurb,
            gst,
            first,
            to,
            leaves.length,
            sqlArray(DEMO_COLOURS),
            DEMO_COLOURS.length,
            sqlArray(leaf.styles),
            leaf.styles.length,
            sqlArray(leaf.items),
            leaf.items.length,
            sellerArray,
            sellerIds.length,
            leaf.price[0] + 1,
            leaf.price[1] - leaf.price[0],
          ]
        )
      }
    })
    done += to - from + 1
    progress(done, options.products, done / seconds(loadStarted))
  }

  let loadSeconds = 0
  try {
    // A small pool of connections, each taking the next chunk.
    let next = 0
    await Promise.all(
      Array.from({ length: Math.min(options.concurrency, chunks.length) }, async () => {
        while (next < chunks.length) await insertChunk(chunks[next++])
      })
    )
    loadSeconds = seconds(loadStarted)
    process.stdout.write('\n')
    phase(
      `loaded ${options.products} rows (${Math.round(options.products / loadSeconds)} products/s)`,
      loadSeconds
    )
  } finally {
    // Indexes come back even when the load fails half-way.
    step = process.hrtime.bigint()
    await Promise.all(
      [
        ...constraints.map((c) => `ALTER TABLE products ADD CONSTRAINT ${c.name} ${c.definition}`),
        ...indexes.map((i) => i.definition),
      ].map((sql) =>
        db.transaction(async (trx) => {
          await trx.rawQuery(`SET LOCAL maintenance_work_mem = '256MB'`)
          await trx.rawQuery(sql)
        })
      )
    )
  }
  phase(`rebuilt ${constraints.length + indexes.length} indexes`, seconds(step))

  step = process.hrtime.bigint()
  await db.transaction(async (trx) => {
    // Product ids come straight from products: no need to check each foreign key.
    await trx.rawQuery('SET LOCAL session_replication_role = replica').catch(() => {})
    await trx.rawQuery(
      `INSERT INTO stock_movements (product_id, delta, reason, reference_type, reference_id, stock_after, created_at)
     SELECT id, stock, 'initial', 'product', id, stock, created_at FROM products WHERE id > ? AND stock > 0`,
      [base]
    )
  })
  await db.rawQuery(
    `UPDATE categories c SET product_count = COALESCE(n.count, 0)
       FROM categories c2 LEFT JOIN (SELECT category_id, count(*) AS count FROM products WHERE is_visible GROUP BY category_id) n
         ON n.category_id = c2.id
      WHERE c.id = c2.id`
  )
  const words = [
    ...new Set(
      leaves.flatMap(({ leaf }) => searchWords([...leaf.styles, ...leaf.items].join(' ')))
    ),
    ...DEMO_COLOURS.flatMap((colour) => searchWords(colour)),
  ].filter((word) => word.length >= 3)
  await db.rawQuery(
    'INSERT INTO search_words (word) SELECT unnest(?::text[]) ON CONFLICT DO NOTHING',
    [`{${words.join(',')}}`]
  )
  phase('stock ledger, category counts, search words', seconds(step))

  step = process.hrtime.bigint()
  await db.rawQuery('ANALYZE products')
  await db.rawQuery('ANALYZE stock_movements')
  phase('planner statistics (ANALYZE)', seconds(step))

  const totalSeconds = seconds(started)
  return {
    products: options.products,
    loadSeconds,
    totalSeconds,
    loadRate: options.products / loadSeconds,
    overallRate: options.products / totalSeconds,
  }
}
