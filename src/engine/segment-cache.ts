import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import type {Options} from '../core/options.js'
import type {SegmentCache, UnitSegments} from '../segment/units.js'
import type {BlockKind} from '../core/types.js'
import {fingerprint} from './code-fingerprint.js'
import {writeIfChanged} from './io.js'

/**
 * The segment cache of a document, `<outDir>/.cache/<doc>.segments.json`:
 * the segments of each unit of the last version segmented (see
 * src/segment/units.ts). It is only a cache: a missing, unreadable or
 * outdated one is ignored and rebuilt, and it never changes a result. It is
 * tied to the code that made it (all the modules segmentation runs and the
 * parser packages, see code-fingerprint.ts), so an upgrade starts afresh.
 */
const FORMAT = 1

type Row = [text: string, kind: BlockKind, block: number, depth: number, line: number, column: number]

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
