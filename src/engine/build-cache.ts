import {createHash} from 'node:crypto'
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Edition} from '../editions/align.js'
import type {SegmentedDocument} from '../core/types.js'
import {writeIfChanged} from './io.js'
import {packageVersion} from './segment-cache.js'

/**
 * Incremental builds: each output file is recorded in
 * `<outDir>/.cache/build-<hash of the output folder>.json` (under the
 * project's output folder even with `--out`, so a folder published as a web
 * site holds only editions) with a hash of what it was made from and a hash
 * of what was written. A file whose inputs hash the same as last time and
 * that is still on disk as written is not rendered again.
 *
 * What a file is made from, as read from disk: everything the document and
 * project share (the Markdown, the registry, options, UI strings, the date,
 * the code), the list of languages (every page links to every edition), and
 * the locale files of its own language; aligned files depend on every
 * language (a parallel PDF `aligned/<doc>.en-ko.pdf` on its two). A change
 * to one Korean translation re-renders the Korean and aligned files only.
 * The files are hashed as read rather than the editions made from them:
 * the same inputs, and a book's editions cost a second to serialise and
 * hash. So anything a renderer comes to read must be added here.
 */
const FORMAT = 1

export interface BuildRecord {
  /** Hash of the inputs the file was rendered from. */
  inputs: string
  /** Hash of the bytes written. */
  output: string
}

export type BuildCache = Record<string, BuildRecord>

export interface BuildCacheData {
  files: BuildCache
  /** Every path a renderer offered for a document, by `<doc>/<format>`. */
  renders: Record<string, string[]>
}

const hash = (...parts: Array<string | Uint8Array>): string => {
  const h = createHash('sha256')
  // Text as its UTF-16 code units: a third of the time of encoding a book's editions as UTF-8 first, and one-to-one.
  for (const part of parts) (typeof part === 'string' ? h.update(part, 'utf16le') : h.update(part)).update('\0')
  return h.digest('base64url').slice(0, 27)
}

export const contentHash = (content: string | Uint8Array): string => hash(content)

const dist = join(dirname(fileURLToPath(import.meta.url)), '..')
let code: string | undefined

/** Packages whose output ends up in editions: an upgrade re-renders everything. */
const PACKAGES = [
  'pdfkit',
  'fontkit',
  'remark-stringify',
  'remark-rehype',
  'rehype-sanitize',
  'rehype-stringify',
  'mdast-util-to-markdown',
  'i18next',
  'yaml',
  '@expo-google-fonts/noto-sans',
  '@expo-google-fonts/noto-sans-jp',
  '@expo-google-fonts/noto-sans-kr'
]

/** Every compiled module and the packages above: a new version of either re-renders everything. */
export function codeFingerprint(): string {
  if (code) return code
  const files: string[] = []
  // Dot folders hold caches (dist/cli/.code-cache), written by other runs while this one reads.
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, {withFileTypes: true}).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.')) walk(path)
      } else if (entry.name.endsWith('.js')) files.push(path)
    }
  }
  walk(dist)
  const versions = PACKAGES.map((name) => `${name}@${packageVersion(name)}`).join('\n')
  return (code = hash(versions, ...files.flatMap((f) => [f.slice(dist.length), readFileSync(f)])))
}

/** What one document's outputs are made from, besides what the project shares: the text of its files, as read. */
export interface DocumentInputs {
  /** The document's Markdown. */
  source: string
  /** The registry files (as `segment` writes them: `build` stops unless they are so on disk). */
  registry: string[]
  /** The locale files of a target language, `null` for one that is absent (see LocaleTexts). */
  locales: (language: string) => Array<string | null> | undefined
}

/** The input hash of every output path of one document, given what it is made from and what the project shares. */
export function inputHashes(document: SegmentedDocument, inputs: DocumentInputs, editions: Edition[], shared: unknown): (path: string) => string {
  const summary = editions.map((e) => [e.language, e.source])
  const base = hash(codeFingerprint(), inputs.source, ...inputs.registry, JSON.stringify(document.meta), JSON.stringify(summary), JSON.stringify(shared))
  const locales = (language: string): string[] => {
    const texts = inputs.locales(language)
    if (!texts) return ['none']
    // Which files there are, then their texts: an absent file and an empty one differ.
    return [texts.map((text) => (text === null ? '-' : '+')).join(''), ...texts.filter((text): text is string => text !== null)]
  }
  // The source edition is made from the document alone.
  const own = new Map(editions.map((e) => [e.language, e.source ? hash('source') : hash(e.language, ...locales(e.language))]))
  const all = hash(...editions.map((e) => own.get(e.language)!))
  return (path) => {
    const [folder, name = ''] = path.split('/')
    if (folder !== 'aligned') return hash(base, path, own.get(folder!) ?? all)
    const pair = /\.([a-z]{2,3}(?:-[A-Za-z0-9]+)?)-([a-z]{2,3}(?:-[A-Za-z0-9]+)?)\.pdf$/.exec(name)
    const parts = pair && own.has(pair[1]!) && own.has(pair[2]!) ? [own.get(pair[1]!)!, own.get(pair[2]!)!] : [all]
    return hash(base, path, ...parts)
  }
}

/** The record of builds into `out`, kept in `cacheDir`. */
// The folder's path as UTF-8, as record names have always been made.
export const cacheFile = (cacheDir: string, out: string): string => join(cacheDir, `build-${hash(Buffer.from(resolve(out), 'utf8')).slice(0, 12)}.json`)

export function readBuildCache(file: string): BuildCacheData {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as {format?: number} & Partial<BuildCacheData>
    if (data.format === FORMAT && data.files && typeof data.files === 'object' && data.renders && typeof data.renders === 'object') {
      return {files: Object.assign(Object.create(null), data.files), renders: Object.assign(Object.create(null), data.renders)}
    }
  } catch {
    // No cache, or not one this version can read: everything is rendered.
  }
  return {files: Object.create(null), renders: Object.create(null)}
}

/** Whether `path` (under `out`) is still what was written from these inputs. */
export function upToDate(cache: BuildCache, out: string, path: string, inputs: string): boolean {
  const record = Object.hasOwn(cache, path) ? cache[path] : undefined
  if (!record || record.inputs !== inputs) return false
  const file = join(out, ...path.split('/'))
  return existsSync(file) && contentHash(readFileSync(file)) === record.output
}

export function writeBuildCache(file: string, cache: BuildCacheData): void {
  const sorted = <T>(record: Record<string, T>): Record<string, T> =>
    Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((k) => [k, record[k]!])
    )
  try {
    writeIfChanged(file, JSON.stringify({format: FORMAT, files: sorted(cache.files), renders: sorted(cache.renders)}, null, 1) + '\n')
  } catch {
    // A cache that cannot be written only costs time on the next build.
  }
}
