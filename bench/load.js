/*
 * A bounded closed-loop load generator (a separate process from the
 * servers): C keep-alive connections to 127.0.0.1 for D seconds, printing
 * JSON { requests, rps, p50, p99, errors }. Usage: node bench/load.js URL C D
 */
import http from 'node:http'

const [url, connections = '32', duration = '10'] = process.argv.slice(2)
const target = new URL(url)
if (target.hostname !== '127.0.0.1') throw new Error('bench loads 127.0.0.1 only')
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(connections) })
const latencies = []
let errors = 0
const until = Date.now() + Number(duration) * 1000

function once() {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint()
    const req = http.get(target, { agent }, (res) => {
      res.resume()
      res.on('end', () => {
        if (res.statusCode !== 200) errors++
        latencies.push(Number(process.hrtime.bigint() - started) / 1e6)
        resolve()
      })
    })
    req.on('error', () => {
      errors++
      resolve()
    })
  })
}

const begun = Date.now()
await Promise.all(
  Array.from({ length: Number(connections) }, async () => {
    while (Date.now() < until) await once()
  })
)
const elapsed = (Date.now() - begun) / 1000
latencies.sort((a, b) => a - b)
const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))] ?? 0
console.log(JSON.stringify({ requests: latencies.length, rps: latencies.length / elapsed, p50: at(0.5), p99: at(0.99), errors }))
agent.destroy()
