import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Bulk-generates a synthetic catalog for benchmarks: `--products=N` rows
 * spread over the demo category tree and `--sellers=M` approved sellers.
 *
 * Rows are produced inside PostgreSQL (INSERT … SELECT generate_series), in
 * chunks on parallel connections. Secondary indexes are dropped first and
 * rebuilt once at the end (maintaining a GIN index row by row is the slowest
 * part of a bulk load), and the per-row triggers are skipped for the load
 * (session_replication_role = replica) and their work redone in bulk:
 * visibility is set directly, category counts are recomputed, the stock
 * ledger gets one 'initial' entry per product.
 */
export default class CatalogGenerate extends BaseCommand {
  static commandName = 'catalog:generate'
  static description = 'Bulk-generate a synthetic catalog (benchmarks)'
  static options: CommandOptions = { startApp: true }

  @flags.number({ description: 'Products to add', default: 100_000 })
  declare products: number

  @flags.number({ description: 'Synthetic sellers to spread them over', default: 500 })
  declare sellers: number

  @flags.number({ description: 'Rows per INSERT statement', default: 25_000 })
  declare chunk: number

  @flags.number({ description: 'Parallel connections for the load', default: 2 })
  declare concurrency: number

  async run() {
    const { default: db } = await import('@adonisjs/lucid/services/db')
    const { generateCatalog } = await import('#database/demo/catalog_generator')
    if (!Number.isInteger(this.products) || this.products < 1) {
      this.logger.error('--products must be a positive whole number')
      this.exitCode = 1
      return
    }
    const connection = db.connection().getWriteClient().client.config.connection as any
    this.logger.info(
      `generating ${this.products.toLocaleString('en-IN')} products into ${connection?.database}`
    )
    const report = await generateCatalog(
      {
        products: this.products,
        sellers: Math.max(1, this.sellers),
        chunk: Math.max(1000, this.chunk),
        concurrency: Math.max(1, Math.min(8, this.concurrency)),
      },
      (done, total, rate) => {
        const width = 30
        const filled = Math.round((done / total) * width)
        process.stdout.write(
          `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.floor((done / total) * 100)}% ` +
            `${done.toLocaleString('en-IN')}/${total.toLocaleString('en-IN')} ` +
            `${Math.round(rate).toLocaleString('en-IN')} products/s   `
        )
      },
      (phase, seconds) => this.logger.info(`${phase}: ${seconds.toFixed(1)} s`)
    )
    process.stdout.write('\n')
    const { bumpCatalogVersion } = await import('#services/catalog/listing_cache')
    await bumpCatalogVersion()
    this.logger.success(
      `${report.products.toLocaleString('en-IN')} products in ${report.totalSeconds.toFixed(1)} s: ` +
        `${Math.round(report.loadRate).toLocaleString('en-IN')} products/s loading rows, ` +
        `${Math.round(report.overallRate).toLocaleString('en-IN')} products/s overall ` +
        `(indexes, ledger, statistics included)`
    )
  }
}
