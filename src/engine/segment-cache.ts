import {createHash} from 'node:crypto'
import {existsSync, readFileSync} from 'node:fs'
import {dirname, extname, join, relative, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Options} from '../core/options.js'
import type {SegmentCache, UnitSegments} from '../segment/units.js'
import type {SegmentKind} from '../core/types.js'
import {writeIfChanged} from './io.js'

/**
 * The segment cache of a document, `<outDir>/.cache/<doc>.segments.json`:
 * the segments of each unit of the last version segmented (see
 * src/segment/units.ts). It is only a cache: a missing, unreadable or
 * outdated one is ignored and rebuilt, and it never changes a result. It is
 * tied to the code that made it (all the modules segmentation runs and the
 * parser packages, see `fingerprint` below), so an upgrade starts afresh.
 */
const FORMAT = 1

type Row = [text: string, kind: SegmentKind, block: number, depth: number, line: number, column: number]

export const cachePath = (root: string, options: Options, id: string): string => resolve(root, options.outDir, '.cache', `${id}.segments.json`)

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

/**
 * What cached segments depend on: all the code
 * segmentation runs, and the parser packages. Cached segments made by other
 * code must not be used: a changed inline parser or serialiser helper cuts
 * or writes segments otherwise, and so gives other segments and IDs.
 *
 * The modules are found, not listed, so the set cannot silently go stale
 * when segmentation comes to import another module: from the segmentation
 * entry points, every module they import, transitively. Inside the CLI
 * bundle (dist/cli/concord.cjs, see tooling/bundle.ts) the modules are
 * not separate files: the bundle itself is hashed, which holds them all.
 */
const self = fileURLToPath(import.meta.url)

/** Where the compiled stages are: dist/ (or src/ when run from the sources, in tests). */
const stages = resolve(dirname(self), '..')

/** The modules segments are made by: whole documents (units.js) and ranges of units on parse threads (unit-range.js). */
const ENTRIES = ['segment/units', 'segment/unit-range']

/** Packages the parsers and serialiser helpers are built on (their own dependencies are not imported by name, so listed). */
const PACKAGES = ['micromark', 'mdast-util-from-markdown', 'remark-parse', 'remark-gfm', 'remark-frontmatter', 'mdast-util-to-markdown', 'remark-stringify']

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

// `import … from '…'`, `export … from '…'`, `import '…'` and `import('…')`, as tsc writes them.
const IMPORT = /(?:\bimport|\bexport)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g

/**
 * The modules `entries` import, transitively, entries included, sorted;
 * and the packages they import by name. Modules are files with the
 * extension `ext` (`.js` compiled, `.ts` in the sources, whose imports say
 * `.js`).
 */
export function importedModules(entries: string[], ext = extname(self)): {modules: string[]; packages: string[]} {
  const modules = new Set<string>()
  const packages = new Set<string>()
  const visit = (file: string): void => {
    if (modules.has(file) || !existsSync(file)) return
    modules.add(file)
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2] ?? match[3]!
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier.replace(/\.js$/, ext)))
      else if (!specifier.startsWith('node:'))
        packages.add(
          specifier
            .split('/')
            .slice(0, specifier.startsWith('@') ? 2 : 1)
            .join('/')
        )
    }
  }
  for (const entry of entries) visit(entry)
  return {modules: [...modules].sort(), packages: [...packages].sort()}
}

/** The modules under `root` (dist/ or src/) that segmentation runs, and the packages they import. */
export const segmentationModules = (root = stages, ext = extname(self)): {modules: string[]; packages: string[]} =>
  importedModules(
    ENTRIES.map((entry) => join(root, entry + ext)),
    ext
  )

/** The fingerprint of the modules segmentation runs under `root` and of the packages they and the parsers are. */
export const segmentationFingerprint = (root = stages, ext = extname(self)): string => modulesFingerprint(ENTRIES, root, ext)

/** The fingerprint of the modules `entries` (paths under `root`, without extension) import, and of the packages they and the parsers are. */
export function modulesFingerprint(entries: string[], root = stages, ext = extname(self)): string {
  const hash = createHash('sha256')
  const {modules, packages} = importedModules(
    entries.map((entry) => join(root, entry + ext)),
    ext
  )
  for (const file of modules) hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0')
  for (const name of new Set([...PACKAGES, ...packages])) hash.update(`${name}@${packageVersion(name)}\n`)
  return hash.digest('base64url').slice(0, 22)
}

let memo: string | undefined

/** The fingerprint of the code running now: the bundle this module is part of, else the modules themselves. */
export function fingerprint(): string {
  if (memo) return memo
  if (extname(self) !== '.cjs') return (memo = segmentationFingerprint())
  const hash = createHash('sha256').update(readFileSync(self))
  for (const name of PACKAGES) hash.update(`${name}@${packageVersion(name)}\n`)
  return (memo = hash.digest('base64url').slice(0, 22))
}
