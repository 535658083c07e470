/*
 * Single-client latency: sequential keep-alive GETs against a running server,
 * printing p50 and p95 per path after a warm-up. Not part of npm test.
 * Usage: node bench/latency.js BASE_URL N PATH...
 *   e.g. node bench/latency.js http://127.0.0.1:3340 40 '/api/products?search=coton%20sare'
 */
import http from 'node:http'

const [base, count = '40', ...paths] = process.argv.slice(2)
if (new URL(base).hostname !== '127.0.0.1') throw new Error('latency measures 127.0.0.1 only')
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })

function get(url) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint()
    http
      .get(url, { agent }, (res) => {
        res.resume()
        res.on('end', () => {
          if (res.statusCode !== 200) reject(new Error(`${url}: ${res.statusCode}`))
          else resolve(Number(process.hrtime.bigint() - started) / 1e6)
        })
      })
      .on('error', reject)
  })
}

const at = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * q) - 1)]
for (const path of paths) {
  const url = new URL(path, base)
  for (let i = 0; i < 5; i++) await get(url)
  const times = []
  for (let i = 0; i < Number(count); i++) times.push(await get(url))
  times.sort((a, b) => a - b)
  console.log(`${at(times, 0.5).toFixed(1).padStart(7)} ${at(times, 0.95).toFixed(1).padStart(7)}  ${path}`)
}
agent.destroy()
