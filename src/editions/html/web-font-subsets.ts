import {createRequire} from 'node:module'
import {fontPath, type FontKey} from '../../pdf/fonts.js'
import type {SubsetStore} from '../../pdf/subset-cache.js'
import {subsetInThread} from './subset-thread.js'
import {sfntToWoff2} from './woff2.js'

/**
 * WOFF2 subsets of the Noto faces for the HTML pages: subset-font (HarfBuzz's
 * hb-subset compiled to WebAssembly) makes the TrueType subset, woff2.ts
 * wraps it with Node's Brotli; no native build, no network, and the same
 * bytes for the same input. Subsets are kept in the build's subset store (the PDFs' one, see
 * src/engine/subset-file.ts) under the face, the tool versions and the code
 * points, and in memory for the pages of one run, so a page whose text uses
 * the same characters as last time costs a file read. The subsetting itself
 * runs on a thread of its own (subset-thread.ts), started with the first
 * subset: builds without HTML never load the WebAssembly.
 */
const require = createRequire(import.meta.url)

/**
 * The OpenType features browsers apply to horizontal Latin, Cyrillic, Korean
 * and Japanese text by default. The closure over every feature (vertical
 * forms, alternates, small caps...) doubled the CJK subsets for glyphs a page
 * never shows.
 */
const FEATURES = ['ccmp', 'locl', 'mark', 'mkmk', 'kern', 'liga', 'clig', 'calt', 'rlig', 'ljmo', 'vjmo', 'tjmo']

const version = (name: string): string => {
  try {
    return (require(`${name}/package.json`) as {version: string}).version
  } catch {
    return 'unknown'
  }
}
let tools: string | undefined
// The WOFF2 writer's own version goes in the key too: its output changed with it (null transform, Brotli 5).
const toolVersions = (): string => (tools ??= [...['subset-font', 'harfbuzzjs'].map((name) => `${name}@${version(name)}`), 'woff2-null-q5'].join(' '))

// The subsets of this process (a watch session's too): the last few, by face and code points.
const made = new Map<string, Promise<Uint8Array>>()
const KEPT = 24

/** The WOFF2 subset of face `key` with the characters `codePoints` (sorted). */
export function webSubset(key: FontKey, codePoints: readonly number[], store?: SubsetStore): Promise<Uint8Array> {
  const face = `woff2 ${key} ${toolVersions()} ${FEATURES.join(',')}`
  const memo = `${face}\u0000${codePoints.join(',')}`
  let subset = made.get(memo)
  if (!subset) {
    subset = (async () => {
      const stored = store?.get(face, codePoints)
      if (stored) return stored.data
      const data = sfntToWoff2(await subsetInThread(fontPath(key), String.fromCodePoint(...codePoints), {targetFormat: 'truetype', keepFeatures: FEATURES}))
      store?.put(face, codePoints, {glyphs: [], data})
      return data
    })()
    made.set(memo, subset)
    if (made.size > KEPT) made.delete(made.keys().next().value!)
  }
  return subset
}
