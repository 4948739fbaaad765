import {createHash} from 'node:crypto'
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {dirname, join, relative} from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Options} from '../core/options.js'
import type {SegmentCache, UnitSegments} from '../segment/units.js'
import type {BlockKind} from '../core/types.js'
import {writeIfChanged} from './io.js'

/**
 * The segment cache of a document, `<outDir>/.cache/<doc>.segments.json`:
 * the segments of each unit of the last version segmented (see
 * src/segment/units.ts). It is only a cache: a missing, unreadable or
 * outdated one is ignored and rebuilt, and it never changes a result. It is
 * tied to the code that made it (the segmenting modules and the parser
 * packages), so an upgrade starts afresh.
 */
const FORMAT = 1

type Row = [text: string, kind: BlockKind, block: number, depth: number, line: number, column: number]

const here = dirname(fileURLToPath(import.meta.url))

/** Version of an installed package (walking up from its entry point to its package.json). */
export function packageVersion(name: string): string {
  try {
    let dir = dirname(fileURLToPath(import.meta.resolve(name)))
    for (let i = 0; i < 6; i++, dir = dirname(dir)) {
      const path = join(dir, 'package.json')
      if (!existsSync(path)) continue
      const pkg = JSON.parse(readFileSync(path, 'utf8')) as {name?: string; version?: string}
      if (pkg.name === name) return pkg.version ?? '?'
    }
  } catch {
    // Unresolvable: the fingerprint still differs from one where it resolves.
  }
  return '?'
}

let memo: string | undefined

/** What the cached segments depend on: our segmenting code and the parser and serialiser packages. */
export function fingerprint(): string {
  if (memo) return memo
  const hash = createHash('sha256')
  // Every module of the stages segmentation runs: the Markdown parsers and serialiser helpers, segmenting, and the core they share.
  const files = ['core', 'markdown', 'segment'].flatMap((stage) => {
    const dir = join(here, '..', stage)
    return readdirSync(dir).filter((f) => f.endsWith('.js')).sort().map((f) => join(dir, f))
  })
  for (const file of files) hash.update(relative(here, file)).update(readFileSync(file))
  for (const name of ['micromark', 'mdast-util-from-markdown', 'remark-parse', 'remark-gfm', 'remark-frontmatter', 'mdast-util-to-markdown', 'remark-stringify']) {
    hash.update(`${name}@${packageVersion(name)}\n`)
  }
  return (memo = hash.digest('base64url').slice(0, 22))
}

export const cachePath = (root: string, options: Options, id: string): string => join(root, options.outDir, '.cache', `${id}.segments.json`)

export function readSegmentCache(root: string, options: Options, id: string): SegmentCache {
  const path = cachePath(root, options, id)
  const cache: SegmentCache = new Map()
  if (!existsSync(path)) return cache
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as {format?: number; fingerprint?: string; units?: Record<string, [number, Row[]]>}
    if (data.format !== FORMAT || data.fingerprint !== fingerprint() || typeof data.units !== 'object' || data.units === null) return cache
    for (const [key, [blocks, rows]] of Object.entries(data.units)) {
      cache.set(key, {blocks, segments: rows.map(([text, kind, block, depth, line, column]) => ({text, kind, block, depth, line, column}))})
    }
  } catch {
    cache.clear()
  }
  return cache
}

/** Write the cache (when it changed); a cache that cannot be written is simply not written. */
export function writeSegmentCache(root: string, options: Options, id: string, cache: SegmentCache): void {
  const units: Record<string, [number, Row[]]> = Object.create(null)
  for (const [key, entry] of cache) units[key] = [entry.blocks, entry.segments.map((s: UnitSegments['segments'][number]): Row => [s.text, s.kind, s.block, s.depth, s.line, s.column])]
  try {
    writeIfChanged(cachePath(root, options, id), JSON.stringify({format: FORMAT, fingerprint: fingerprint(), units}))
  } catch {
    // Read-only output folder: every run segments afresh.
  }
}
