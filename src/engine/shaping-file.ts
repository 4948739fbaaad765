import {existsSync, readFileSync, rmSync} from 'node:fs'
import {join} from 'node:path'
import {drainAdded, LINES, mergeShapingData, shapingStore, storable, toShapingData, type ShapingData} from '../pdf/shaping-cache.js'
import {codeFingerprint} from './build-cache.js'
import {writeIfChanged} from './io.js'
import {packageVersion} from './segment-cache.js'

/**
 * `<outDir>/.cache/shaping.json`: the shaped pieces of the last builds'
 * PDFs (see src/pdf/shaping-cache.ts) and the lines their paragraphs broke
 * into (src/pdf/line-cache.ts). Only a cache: unreadable, outdated or
 * missing means shaping and breaking afresh, with the same result. It is
 * tied to the fontkit and font package versions, so an upgrade starts
 * afresh, its lines also to Concord's code (`code`), and it is capped so a
 * long book does not grow it without bound.
 *
 * A rebuild after one changed sentence adds a few pieces to a file of
 * thousands: those go to a small file beside it (`shaping.added.json`, the
 * pieces added since the large one was written), and the large one is
 * written again, with them, only once they are a sizeable part of it.
 */
// 2: pieces as strings (see StoredRun); lines.
const FORMAT = 2
const LIMIT = 400_000

const FONT_PACKAGES = ['fontkit', '@expo-google-fonts/noto-sans', '@expo-google-fonts/noto-sans-kr', '@expo-google-fonts/noto-sans-jp']

let memo: string | undefined
/** The versions of fontkit and the font packages, which shaped pieces and subsets depend on. */
export const fontFingerprint = (): string => (memo ??= FONT_PACKAGES.map((name) => `${name}@${packageVersion(name)}`).join(' '))

export const shapingPath = (cacheDir: string): string => join(cacheDir, 'shaping.json')

/** Where the pieces added since `path` was written are kept. */
const addedPath = (path: string): string => path.replace(/(\.json)?$/, '.added.json')

// The added pieces each file's side file holds, as this process read or wrote them: saved again with the new ones.
const sides = new Map<string, ShapingData>()

/** Pieces stored by the last builds (the file and the pieces added beside it), or nothing when there is no usable file. */
export function readShapingFile(path: string): ShapingData {
  const pieces = readOne(path)
  const added = Object.keys(pieces).length > 0 ? readOne(addedPath(path)) : {}
  sides.set(path, added)
  for (const key of Object.keys(added)) pieces[key] = Object.assign(Object.create(null), added[key], pieces[key])
  return pieces
}

function readOne(path: string): ShapingData {
  if (!existsSync(path)) return {}
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as {format?: unknown; fingerprint?: unknown; code?: unknown; pieces?: unknown}
    if (data.format !== FORMAT || data.fingerprint !== fontFingerprint() || typeof data.pieces !== 'object' || data.pieces === null) return {}
    // Keys are font names, text pieces and paragraphs, all data: no prototype to pollute.
    const pieces: ShapingData = Object.create(null)
    for (const [key, value] of Object.entries(data.pieces as Record<string, unknown>)) {
      if (typeof value !== 'object' || value === null) continue
      // Lines are checked when used (line-cache.ts), and kept only for the code that broke them.
      if (key === LINES && data.code !== codeFingerprint()) continue
      const table: ShapingData[string] = Object.create(null)
      for (const [text, entry] of Object.entries(value)) if (storable(key, entry)) table[text] = entry
      pieces[key] = table
    }
    return pieces
  } catch {
    return {}
  }
}

/** Give this process's fonts the pieces stored at `path`. */
export function preloadShaping(path: string): void {
  mergeShapingData(shapingStore().known, readShapingFile(path))
}

/** Pieces a worker shaped, merged into this process's store so they get saved. */
export function addShaping(data: ShapingData): void {
  mergeShapingData(shapingStore().added, data)
}

/** Save stored and newly shaped pieces when there are new ones; a cache that cannot be written is simply not written. */
export function saveShaping(path: string): void {
  const store = shapingStore()
  if (store.added.size === 0) return
  let count = 0
  for (const map of store.added.values()) count += map.size
  let known = 0
  for (const map of store.known.values()) known += map.size
  const side = new Map<string, Map<string, string>>()
  mergeShapingData(side, sides.get(path) ?? {})
  mergeShapingData(side, toShapingData(store.added))
  let sideCount = 0
  for (const map of side.values()) sideCount += map.size
  const header = {format: FORMAT, fingerprint: fontFingerprint(), code: codeFingerprint()}
  try {
    // A few pieces added to a large file: beside it (read and merged with it), so the large one is not written again.
    if (existsSync(path) && sides.has(path) && sideCount * 8 <= known && known + count <= LIMIT) {
      const pieces = toShapingData(side)
      writeIfChanged(addedPath(path), JSON.stringify({...header, pieces}))
      sides.set(path, pieces)
    } else {
      const all = new Map([...store.known].map(([key, map]) => [key, new Map(map)]))
      // Over the cap, keep only what this process shaped: the pieces of the documents built now.
      if (known + count > LIMIT) all.clear()
      mergeShapingData(all, toShapingData(store.added))
      writeIfChanged(path, JSON.stringify({...header, pieces: toShapingData(all)}))
      rmSync(addedPath(path), {force: true})
      sides.set(path, {})
    }
  } catch {
    // Read-only output folder: the next build shapes afresh.
  }
  // Saved: a later build in this process (--watch) only saves what is new again.
  drainAdded(store)
}
