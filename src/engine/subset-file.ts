import {createHash} from 'node:crypto'
import {mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {threadId} from 'node:worker_threads'
import type {SubsetEntry, SubsetStore} from '../pdf/subset-cache.js'
import {fontFingerprint} from './shaping-file.js'

/**
 * `<outDir>/.cache/subsets/`: the font subsets of the last builds' PDFs (see
 * src/pdf/subset-cache.ts), one file each, named by a hash of the face and
 * its glyph list. Only a cache: a file that is missing, damaged, or made
 * with other fontkit or font versions is passed over, and the subset built
 * afresh. Files are written whole under a temporary name and renamed, so
 * PDF worker threads and concurrent builds may share the folder.
 *
 * A file is a 4-byte header length, a JSON header (format, versions, face,
 * the glyphs asked for and after encoding, a SHA-1 of the data) and the
 * subset's bytes.
 */
const FORMAT = 'concord-subset-1'

/** Files used by no build for a while are removed when the folder holds more than this (bytes). */
const BUDGET = 64 * 1024 * 1024

interface Header {
  format: string
  fingerprint: string
  face: string
  asked: number[]
  glyphs: number[]
  sha1: string
}

export const subsetDir = (cacheDir: string): string => join(cacheDir, 'subsets')

const sha1 = (data: Uint8Array | string): string => createHash('sha1').update(data).digest('hex')

const fileName = (face: string, glyphs: readonly number[]): string => `${sha1(JSON.stringify([FORMAT, fontFingerprint(), face, glyphs]))}.bin`

const sameList = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((n, i) => n === b[i])

const isGlyphList = (value: unknown): value is number[] => Array.isArray(value) && value.every((n) => Number.isInteger(n) && n >= 0)

/** The entry stored in `bytes` for `face` and `asked`, or `undefined` when it is not exactly that, whole. */
export function decodeSubsetFile(bytes: Buffer, face: string, asked: readonly number[]): SubsetEntry | undefined {
  if (bytes.length < 4) return undefined
  const length = bytes.readUInt32LE(0)
  if (4 + length > bytes.length) return undefined
  let header: Partial<Header>
  try {
    header = JSON.parse(bytes.toString('utf8', 4, 4 + length)) as Partial<Header>
  } catch {
    return undefined
  }
  const data = bytes.subarray(4 + length)
  if (header.format !== FORMAT || header.fingerprint !== fontFingerprint() || header.face !== face) return undefined
  if (!isGlyphList(header.asked) || !sameList(header.asked, asked) || !isGlyphList(header.glyphs) || header.sha1 !== sha1(data)) return undefined
  return {glyphs: header.glyphs, data}
}

export function encodeSubsetFile(face: string, asked: readonly number[], entry: SubsetEntry): Buffer {
  const header: Header = {format: FORMAT, fingerprint: fontFingerprint(), face, asked: [...asked], glyphs: [...entry.glyphs], sha1: sha1(entry.data)}
  const json = Buffer.from(JSON.stringify(header), 'utf8')
  const length = Buffer.alloc(4)
  length.writeUInt32LE(json.length)
  return Buffer.concat([length, json, entry.data])
}

/** The store of the subsets in `dir`. Reading or writing it never fails a build: a cache that cannot be used is not used. */
export function subsetFileStore(dir: string): SubsetStore {
  return {
    get(face, glyphs) {
      const path = join(dir, fileName(face, glyphs))
      try {
        const entry = decodeSubsetFile(readFileSync(path), face, glyphs)
        // Used now: pruning goes by modification time.
        if (entry) utimesSync(path, new Date(), new Date())
        return entry
      } catch {
        return undefined
      }
    },
    put(face, glyphs, entry) {
      const path = join(dir, fileName(face, glyphs))
      const temp = `${path}.tmp-${process.pid}-${threadId}`
      try {
        mkdirSync(dir, {recursive: true})
        writeFileSync(temp, encodeSubsetFile(face, glyphs, entry))
        renameSync(temp, path)
      } catch {
        try {
          rmSync(temp, {force: true})
        } catch {
          // The folder itself is unusable: there is no temporary file either.
        }
      }
    }
  }
}

/**
 * Keep the folder under its budget: remove the files least recently used,
 * never one used or written since `since` (the start of this build).
 */
export function pruneSubsets(dir: string, since: number, budget = BUDGET): void {
  try {
    const files = readdirSync(dir, {withFileTypes: true})
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const stat = statSync(join(dir, entry.name))
        return {path: join(dir, entry.name), size: stat.size, used: stat.mtimeMs}
      })
    let total = files.reduce((sum, file) => sum + file.size, 0)
    for (const file of files.sort((a, b) => a.used - b.used)) {
      if (total <= budget || file.used >= since) break
      rmSync(file.path, {force: true})
      total -= file.size
    }
  } catch {
    // Missing or unreadable folder: nothing to keep small.
  }
}
