import { test } from '@japa/runner'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import app from '@adonisjs/core/services/app'

/** The layers that call each other at run time; models, policies and views are leaves or roots. */
const LAYERS = ['app/services', 'app/jobs', 'app/mails', 'app/actions']
const ALIASES: Record<string, string> = {
  services: 'app/services',
  jobs: 'app/jobs',
  mails: 'app/mails',
  actions: 'app/actions',
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : []
  })
}

/** Static and dynamic imports of `#services/…`, `#jobs/…`, `#mails/…` and `#actions/…`. */
function importsOf(source: string) {
  const found = source.matchAll(/(?:from\s+|import\s*\(\s*)'#(\w+)\/([^']+)'/g)
  return [...found]
    .filter(([, alias]) => ALIASES[alias])
    .map(([, alias, path]) => `${ALIASES[alias]}/${path}.ts`)
}

function findCycle(graph: Map<string, string[]>) {
  const state = new Map<string, 'open' | 'done'>()
  const stack: string[] = []
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'done') return null
    if (state.get(node) === 'open') return [...stack.slice(stack.indexOf(node)), node]
    state.set(node, 'open')
    stack.push(node)
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next)
      if (cycle) return cycle
    }
    stack.pop()
    state.set(node, 'done')
    return null
  }
  for (const node of graph.keys()) {
    const cycle = visit(node)
    if (cycle) return cycle
  }
  return null
}

test.group('Import graph', () => {
  test('services, jobs, mails and actions import each other without a circle', ({ assert }) => {
    const root = app.makePath()
    const graph = new Map<string, string[]>()
    for (const layer of LAYERS) {
      for (const file of filesUnder(join(root, layer))) {
        graph.set(relative(root, file), importsOf(readFileSync(file, 'utf8')))
      }
    }
    assert.isAbove(graph.size, 40)
    const cycle = findCycle(graph)
    assert.isNull(cycle, `import circle: ${cycle?.join(' → ')}`)
  })
})
