import {readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {listFiles} from '../../src/bench/steps.js'
import {decodeSubsetFile, encodeSubsetFile, pruneSubsets, subsetFileStore} from '../../src/engine/subset-file.js'
import {fontPath} from '../../src/pdf/fonts.js'
import {encodeSubsetsWith, withSubsetCache, type SubsetEntry, type SubsetStore} from '../../src/pdf/subset-cache.js'
import {concord, tempDir, tempProject} from '../helpers/cli.js'

interface Subset {
  glyphs: number[]
  includeGlyph(glyph: number): number
  encode(): Uint8Array
}
interface Font {
  createSubset(): Subset
  layout(text: string): {glyphs: Array<{id: number}>}
}
const fontkit = createRequire(import.meta.url)('fontkit') as {openSync(path: string): Font}

/** A subset of `font` with the glyphs of `text`, in the order a document would first use them. */
function subsetOf(font: Font, text: string): Subset {
  const subset = font.createSubset()
  for (const glyph of font.layout(text).glyphs) subset.includeGlyph(glyph.id)
  return subset
}

function memoryStore(): SubsetStore & {entries: Map<string, SubsetEntry>; hits: number} {
  const entries = new Map<string, SubsetEntry>()
  const store = {
    entries,
    hits: 0,
    get: (face: string, glyphs: readonly number[]) => {
      const entry = entries.get(`${face} ${glyphs.join(',')}`)
      if (entry) store.hits++
      return entry
    },
    put: (face: string, glyphs: readonly number[], entry: SubsetEntry) => void entries.set(`${face} ${glyphs.join(',')}`, entry)
  }
  return store
}

// Ä and ǻ are composite glyphs: encoding adds their parts to the subset.
const TEXT = 'Ärger ǻ Hello, world'

describe('font subset cache', () => {
  it('answers with the bytes and glyph list fontkit builds, composite glyphs included', () => {
    const plain = subsetOf(fontkit.openSync(fontPath('latin-regular')), TEXT)
    const expected = plain.encode()
    const store = memoryStore()
    const font = withSubsetCache(fontkit.openSync(fontPath('latin-regular')), 'latin-regular')
    const first = subsetOf(font, TEXT)
    expect(encodeSubsetsWith(store, () => first.encode())).toEqual(expected)
    expect(store.entries.size).toBe(1)
    expect(store.hits).toBe(0)
    const second = subsetOf(font, TEXT)
    const asked = [...second.glyphs]
    expect(encodeSubsetsWith(store, () => second.encode())).toEqual(expected)
    expect(store.hits).toBe(1)
    expect(second.glyphs).toEqual(plain.glyphs)
    expect(second.glyphs.length).toBeGreaterThan(asked.length)
    // Another order of first use numbers the glyphs otherwise: another subset.
    const other = subsetOf(font, 'world, Hello ǻ Ärger')
    expect(encodeSubsetsWith(store, () => other.encode())).not.toEqual(expected)
    expect(store.entries.size).toBe(2)
    // Outside `encodeSubsetsWith` (another document, without a store): the store is not used.
    expect(subsetOf(font, TEXT).encode()).toEqual(expected)
    expect(store.hits).toBe(1)
  })

  it('builds the subset itself when the store has none, or one for other glyphs', () => {
    const font = withSubsetCache(fontkit.openSync(fontPath('kr-regular')), 'kr-regular')
    const expected = subsetOf(fontkit.openSync(fontPath('kr-regular')), '북한 난민').encode()
    // No store: nothing kept.
    expect(subsetOf(font, '북한 난민').encode()).toEqual(expected)
    const liar: SubsetStore = {get: () => ({glyphs: [0, 1, 2], data: new Uint8Array([1, 2, 3])}), put: () => undefined}
    const subset = subsetOf(font, '북한 난민')
    expect(encodeSubsetsWith(liar, () => subset.encode())).toEqual(expected)
  })

  it('stores each subset in a file it checks when reading, and ignores a damaged one', () => {
    const dir = tempDir('concord-subsets-')
    const store = subsetFileStore(dir)
    const entry: SubsetEntry = {glyphs: [0, 5, 9, 3], data: new Uint8Array([0, 1, 0, 0, 42, 7])}
    store.put('kr-bold', [0, 5, 9], entry)
    expect(store.get('kr-bold', [0, 5, 9])).toEqual({glyphs: entry.glyphs, data: Buffer.from(entry.data)})
    expect(store.get('kr-regular', [0, 5, 9])).toBeUndefined()
    expect(store.get('kr-bold', [0, 5])).toBeUndefined()
    const [file] = readdirSync(dir)
    const bytes = readFileSync(join(dir, file!))
    expect(decodeSubsetFile(bytes, 'kr-bold', [0, 5, 9])).toBeDefined()
    // One byte of the font changed, cut short, or another file under this name: passed over.
    const flipped = Buffer.from(bytes)
    flipped[flipped.length - 2] ^= 1
    expect(decodeSubsetFile(flipped, 'kr-bold', [0, 5, 9])).toBeUndefined()
    expect(decodeSubsetFile(bytes.subarray(0, bytes.length - 1), 'kr-bold', [0, 5, 9])).toBeUndefined()
    expect(decodeSubsetFile(bytes.subarray(0, 10), 'kr-bold', [0, 5, 9])).toBeUndefined()
    expect(decodeSubsetFile(encodeSubsetFile('kr-bold', [0, 5, 8], entry), 'kr-bold', [0, 5, 9])).toBeUndefined()
    writeFileSync(join(dir, file!), flipped)
    expect(store.get('kr-bold', [0, 5, 9])).toBeUndefined()
    // An unwritable folder is no error: the subset is simply not kept.
    writeFileSync(join(dir, 'plain-file'), '')
    expect(() => subsetFileStore(join(dir, 'plain-file', 'sub')).put('kr-bold', [0], entry)).not.toThrow()
  })

  it('keeps the folder under its budget, dropping the files unused the longest and none of this build', () => {
    const dir = tempDir('concord-subsets-')
    const now = Date.now()
    const ages = {a: 40, b: 30, c: 20, d: 10, e: 0}
    for (const [name, minutes] of Object.entries(ages)) {
      writeFileSync(join(dir, `${name}.bin`), Buffer.alloc(100))
      const time = new Date(now - minutes * 60_000)
      utimesSync(join(dir, `${name}.bin`), time, time)
    }
    pruneSubsets(dir, now - 15 * 60_000, 300)
    expect(readdirSync(dir).sort()).toEqual(['c.bin', 'd.bin', 'e.bin'])
    // Over budget, but d and e were used by this build.
    pruneSubsets(dir, now - 15 * 60_000, 50)
    expect(readdirSync(dir).sort()).toEqual(['d.bin', 'e.bin'])
  })

  it('gives byte-identical PDFs with subsets built, stored or damaged', {timeout: 300_000}, () => {
    const dir = tempProject()
    const args = ['build', '--format', 'pdf', '--lang', 'ko,ja']
    const subsets = join(dir, 'output/.cache/subsets')
    expect(concord([...args, '--out', 'cold'], dir).code).toBe(0)
    const files = readdirSync(subsets)
    expect(files.length).toBeGreaterThan(5)
    const pdfs = listFiles(join(dir, 'cold')).filter((f) => f.endsWith('.pdf'))
    expect(pdfs.length).toBe(5)

    // Stored: every subset is read back, and marked as used.
    for (const f of files) utimesSync(join(subsets, f), new Date(0), new Date(0))
    expect(concord([...args, '--out', 'warm'], dir).code).toBe(0)
    expect(readdirSync(subsets).sort()).toEqual([...files].sort())
    for (const f of files) expect(statSync(join(subsets, f)).mtimeMs, f).toBeGreaterThan(0)

    // Damaged: passed over, built again and stored whole.
    for (const f of files) {
      const bytes = readFileSync(join(subsets, f))
      bytes[bytes.length - 1] ^= 0xff
      writeFileSync(join(subsets, f), bytes)
    }
    expect(concord([...args, '--out', 'damaged'], dir).code).toBe(0)
    for (const f of files) {
      const bytes = readFileSync(join(subsets, f))
      const header = JSON.parse(bytes.toString('utf8', 4, 4 + bytes.readUInt32LE(0))) as {face: string; asked: number[]}
      expect(decodeSubsetFile(bytes, header.face, header.asked), f).toBeDefined()
    }

    for (const file of pdfs) {
      const cold = readFileSync(join(dir, 'cold', file))
      expect(readFileSync(join(dir, 'warm', file)).equals(cold), `${file} stored`).toBe(true)
      expect(readFileSync(join(dir, 'damaged', file)).equals(cold), `${file} damaged`).toBe(true)
    }
    rmSync(subsets, {recursive: true})
  })
})
