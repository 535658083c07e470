/*
 * The reference for "as fast as this hardware allows": node:http + pg, no
 * framework, answering the benchmarked endpoints with the same SQL shapes as
 * the app (page through an index, join one page, planner-estimate totals).
 * Usage: PORT=3391 DB_DATABASE=... node bench/reference_server.js
 */
import http from 'node:http'
import pg from 'pg'

const pool = new pg.Pool({
  host: process.env.DB_HOST ?? '127.0.0.1',
  port: Number(process.env.DB_PORT ?? 5432),
  user: process.env.DB_USER ?? 'postgres',
  password: process.env.DB_PASSWORD || undefined,
  database: process.env.DB_DATABASE,
  max: Number(process.env.DB_POOL_MAX ?? 10),
})

const COLS = 'p.id, p.title, p.slug, p.price_paise, p.mrp_paise, p.stock, p.avg_rating, p.rating_count, p.category_id, p.seller_id, p.created_at'
const hydrate = (pageSql, order) => `WITH page AS (${pageSql})
  SELECT page.*, c.name AS category_name, c.slug AS category_slug, sp.business_name, img.path AS image_path
    FROM page JOIN categories c ON c.id = page.category_id
    LEFT JOIN seller_profiles sp ON sp.user_id = page.seller_id
    LEFT JOIN LATERAL (SELECT i.path FROM product_images i WHERE i.product_id = page.id ORDER BY i.position, i.id LIMIT 1) img ON true
   ORDER BY ${order}`

async function estimate(where, params) {
  const { rows } = await pool.query(`EXPLAIN (FORMAT JSON) SELECT 1 FROM products p WHERE ${where}`, params)
  const n = Math.round(rows[0]['QUERY PLAN'][0].Plan['Plan Rows'])
  if (n > 10000) return n
  const counted = await pool.query(`SELECT count(*)::int AS n FROM (SELECT 1 FROM products p WHERE ${where} LIMIT 10001) m`, params)
  return counted.rows[0].n
}

const item = (r) => ({
  id: r.id, title: r.title, slug: r.slug, price_paise: r.price_paise, mrp_paise: r.mrp_paise, stock: r.stock,
  in_stock: r.stock > 0, avg_rating: Number(r.avg_rating), rating_count: r.rating_count,
  image_url: r.image_path ? `/uploads/${r.image_path}` : null,
  category: { id: r.category_id, name: r.category_name, slug: r.category_slug },
  seller: { id: r.seller_id, business_name: r.business_name },
})
const page = (rows, total) => ({ data: rows.map(item), meta: { total, per_page: 20, current_page: 1, last_page: Math.max(1, Math.ceil(total / 20)) } })

async function list() {
  const [rows, total] = await Promise.all([
    pool.query(hydrate(`SELECT ${COLS} FROM products p WHERE p.is_visible ORDER BY p.created_at DESC, p.id DESC LIMIT 20`, 'page.created_at DESC, page.id DESC')),
    estimate('p.is_visible', []),
  ])
  return page(rows.rows, total)
}

async function category(slug) {
  const tree = await pool.query(
    `WITH RECURSIVE t AS (SELECT id FROM categories WHERE slug = $1 UNION ALL SELECT c.id FROM categories c JOIN t ON c.parent_id = t.id) SELECT id FROM t`, [slug])
  const ids = tree.rows.map((r) => r.id)
  if (!ids.length) return null
  const branch = (n) => `(SELECT ${COLS} FROM products p WHERE p.is_visible AND p.category_id = $${n} ORDER BY p.created_at DESC, p.id DESC LIMIT 20)`
  const sql = `SELECT * FROM (${ids.map((_, i) => branch(i + 1)).join(' UNION ALL ')}) p ORDER BY p.created_at DESC, p.id DESC LIMIT 20`
  const [rows, total] = await Promise.all([
    pool.query(hydrate(sql, 'page.created_at DESC, page.id DESC'), ids),
    estimate('p.is_visible AND p.category_id = ANY($1::int[])', [ids]),
  ])
  return page(rows.rows, total)
}

async function search(q) {
  const where = `p.is_visible AND p.search_vector @@ plainto_tsquery('english', $1)`
  const { rows: plan } = await pool.query(`EXPLAIN (FORMAT JSON) SELECT 1 FROM products p WHERE ${where}`, [q])
  const estimated = Math.round(plan[0]['QUERY PLAN'][0].Plan['Plan Rows'])
  const inTitle = `regexp_replace(plainto_tsquery('english', $1)::text, '''([a-z0-9]+)''', '''\\1'':A', 'g')::tsquery`
  const score = `ts_rank_cd('{0.02, 0.05, 0.2, 1.0}', p.search_vector, plainto_tsquery('english', $1)) * (1 + 0.05 * ln(1 + p.sales_count))`
  // As the app: few matches are read once (count, title flag, both candidate sets);
  // many are met in popularity order and the total is the estimate.
  const sql = estimated <= 15000
    ? `WITH matches AS MATERIALIZED (SELECT p.id, p.sales_count, p.search_vector @@ ${inTitle} AS in_title FROM products p WHERE ${where}),
        candidates AS ((SELECT id FROM matches WHERE in_title ORDER BY sales_count DESC, id DESC LIMIT 200)
                       UNION (SELECT id FROM matches ORDER BY sales_count DESC, id DESC LIMIT 200))
        SELECT ${COLS}, ${score} AS score, (SELECT count(*) FROM matches)::int AS matched
          FROM candidates JOIN products p ON p.id = candidates.id ORDER BY score DESC, p.id DESC LIMIT 20`
    : `WITH candidates AS ((SELECT p.id FROM products p WHERE p.is_visible AND p.search_vector @@ ${inTitle} ORDER BY p.sales_count DESC, p.id DESC LIMIT 200)
                          UNION (SELECT p.id FROM products p WHERE ${where} ORDER BY p.sales_count DESC, p.id DESC LIMIT 200))
        SELECT ${COLS}, ${score} AS score, ${estimated} AS matched
          FROM candidates JOIN products p ON p.id = candidates.id ORDER BY score DESC, p.id DESC LIMIT 20`
  const rows = await pool.query(hydrate(sql, 'page.score DESC, page.id DESC'), [q])
  return page(rows.rows, rows.rows[0]?.matched ?? 0)
}

async function detail(slug) {
  const { rows } = await pool.query(
    `SELECT p.*, c.name AS category_name, c.slug AS category_slug, sp.business_name,
            COALESCE((SELECT json_agg(json_build_object('id', i.id, 'path', i.path, 'position', i.position) ORDER BY i.position, i.id)
                        FROM product_images i WHERE i.product_id = p.id), '[]') AS images
       FROM products p JOIN categories c ON c.id = p.category_id LEFT JOIN seller_profiles sp ON sp.user_id = p.seller_id
      WHERE p.slug = $1`, [slug])
  const r = rows[0]
  if (!r || !r.is_visible) return null
  r.image_path = r.images[0]?.path ?? null
  return { data: { ...item(r), description: r.description, gst_rate: r.gst_rate, images: r.images, created_at: r.created_at, updated_at: r.updated_at } }
}

const server = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url, 'http://x')
    let body = null
    if (url.pathname === '/api/products' && url.searchParams.get('search')) body = await search(url.searchParams.get('search'))
    else if (url.pathname === '/api/products' && url.searchParams.get('category')) body = await category(url.searchParams.get('category'))
    else if (url.pathname === '/api/products') body = await list()
    else if (url.pathname.startsWith('/api/products/')) body = await detail(decodeURIComponent(url.pathname.slice(14)))
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' })
    res.end(JSON.stringify(body ?? { errors: [{ message: 'Not found' }] }))
  } catch (error) {
    res.writeHead(500, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ errors: [{ message: String(error.message) }] }))
  }
})
server.listen(Number(process.env.PORT ?? 3391), '127.0.0.1')
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))))
