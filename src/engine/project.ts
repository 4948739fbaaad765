import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import type {VFile} from 'vfile'
import {documentId, segmentDocument, type DocumentResult} from '../ids/document.js'
import {loadOptions, type Options} from '../core/options.js'
import {emptyRegistry} from '../ids/reconcile.js'
import {parseRegistry, serializeRegistry} from '../ids/registry.js'
import {stringifyJson} from '../core/json.js'
import {readText, readTextIfExists} from './io.js'
import {prepareInParallel, type Prepared} from './parse-pool.js'
import {readSegmentCache, writeSegmentCache} from './segment-cache.js'

export const CONFIG_FILE = '.concordrc.json'

export interface Project {
  root: string
  options: Options
  documents: LoadedDocument[]
}

export interface LoadedDocument extends DocumentResult {
  id: string
  file: VFile
  /** Registry files and the text they should have. */
  outputs: Array<{path: string; content: string}>
  /** Whether the committed registry differs from the reconciled one. */
  outdated: boolean
  /** Whether `document.tree` was parsed ahead (by `openProject`). */
  parsedAhead?: boolean
}

export function loadProjectOptions(root: string): Options {
  return loadOptions(readTextIfExists(join(root, CONFIG_FILE), root))
}

/** `content/*.md`, sorted by name so every run sees documents in the same order. */
export function listDocuments(root: string, options: Options): string[] {
  const folder = join(root, options.contentDir)
  if (!existsSync(folder)) return []
  return readdirSync(folder)
    .filter((name) => name.endsWith('.md') && !name.startsWith('.'))
    .sort()
    .map((name) => join(folder, name))
}

export function registryPaths(root: string, options: Options, id: string): {strings: string; meta: string} {
  const folder = join(root, options.localesDir, options.sourceLanguage)
  return {strings: join(folder, `${id}.json`), meta: join(folder, `${id}.registry.json`)}
}

/** What `openProject` parsed ahead, per document: for the text it was parsed from. */
export type PreparedDocuments = Map<string, Prepared & {source: string}>

/**
 * `loadProject` with long documents parsed on two threads first (see
 * parse-pool.ts), and their trees ready when `tree` is set (`build` renders
 * from them). The result is the same; only faster.
 */
export interface OpenOptions {
  /** Parse trees ahead too (see `prepareInParallel`). */
  tree?: boolean | 'if-parsing'
  threads?: number
  /** Write nothing, not even the segment cache (`segment --check`). */
  readOnly?: boolean
}

export async function openProject(root: string, only?: string[], {tree = false, threads, readOnly = false}: OpenOptions = {}): Promise<Project> {
  const options = loadProjectOptions(root)
  const prepared: PreparedDocuments = new Map()
  for (const path of listDocuments(root, options)) {
    const id = documentId(path)
    if (only && !only.includes(id)) continue
    const source = readFileSync(path, 'utf8')
    // Any failure here is met again, and reported properly, by loadProject.
    const cache = readSegmentCache(root, options, id)
    const ready = await prepareInParallel(source, options.sourceLanguage, cache, tree, threads).catch(() => undefined)
    // Passed on even when nothing was parsed ahead, so loadProject does not read the cache file again.
    prepared.set(id, {...(ready ?? {cache}), source})
  }
  return loadProject(root, only, prepared, {readOnly})
}

/** Read, segment and reconcile every document (or only `only`); nothing is written. */
export function loadProject(root: string, only?: string[], prepared?: PreparedDocuments, {readOnly = false}: {readOnly?: boolean} = {}): Project {
  const options = loadProjectOptions(root)
  const documents: LoadedDocument[] = []
  for (const path of listDocuments(root, options)) {
    const id = documentId(path)
    if (only && !only.includes(id)) continue
    const file = readText(path, root)
    const paths = registryPaths(root, options, id)
    const stringsFile = readTextIfExists(paths.strings, root)
    const metaFile = stringsFile ? readTextIfExists(paths.meta, root) : undefined
    const registry = stringsFile ? parseRegistry(id, stringsFile, metaFile) : emptyRegistry(id)
    // Segments of unchanged parts of the file come from the cache of the last run (see segment-cache.ts).
    const ahead = prepared?.get(id)
    const ready = ahead && ahead.source === String(file) ? ahead : undefined
    const result = segmentDocument(file, registry, options, ready?.cache ?? readSegmentCache(root, options, id))
    if (ready?.tree) result.document.tree = ready.tree
    if (result.cache && !readOnly) writeSegmentCache(root, options, id, result.cache)
    const {strings, meta} = serializeRegistry(result.registry)
    const outputs = [
      {path: paths.strings, content: stringifyJson(strings)},
      {path: paths.meta, content: stringifyJson(meta)}
    ]
    // Compared with the text as read (a byte-order mark is not content), not read and encoded again: a book's registry is megabytes.
    const onDisk = [stringsFile, metaFile]
    const outdated = outputs.some((o, k) => onDisk[k] === undefined || String(onDisk[k]) !== o.content)
    documents.push({...result, id, file, outputs, outdated, ...(ready?.tree ? {parsedAhead: true} : {})})
  }
  if (only) {
    for (const id of only) {
      if (!documents.some((d) => d.id === id)) {
        throw new UsageError(`Unexpected document \`${id}\`, expected one of ${documents.map((d) => `\`${d.id}\``).join(', ') || 'the files in content/'}`)
      }
    }
  }
  return {root, options, documents}
}

/** A mistake in how the CLI was called (exit code 2). */
export class UsageError extends Error {}

/**
 * Commands other than `segment` work from the committed registry; when the
 * Markdown has changed since, IDs in locales could be misread, so stop.
 */
export function requireUpToDate(project: Project): void {
  for (const doc of project.documents) {
    if (!doc.outdated) continue
    doc.file.fail(
      `Unexpected change in \`${doc.file.path}\` since the registry was written, expected an up-to-date registry; run \`npx concord segment\` first`,
      {place: {line: 1, column: 1}, ruleId: 'registry-outdated', source: 'concord'}
    )
  }
}
