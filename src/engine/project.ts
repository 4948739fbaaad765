import {failRule} from '../core/rules.js'
import {existsSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import type {VFile} from 'vfile'
import {documentId, segmentDocument, type DocumentResult} from '../ids/document.js'
import {loadOptions, type Options} from '../core/options.js'
import {emptyRegistry} from '../ids/reconcile.js'
import {parseRegistry, serializeRegistry} from '../ids/registry.js'
import {stringifyJson} from '../core/json.js'
import {UsageError} from './reporter.js'
import {readText, readTextIfExists} from './io.js'
import {toLf} from '../markdown/characters.js'
import {prepareInParallel, type Prepared} from './parse-pool.js'
import type {SegmentCache} from '../segment/units.js'
import {readSegmentCache, writeSegmentCache} from './segment-cache.js'
import {readRegistryDigest, registryDigest, writeRegistryDigest} from './registry-digest.js'

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

/**
 * How a command opens the project. Each input is read once: the options,
 * then per document its Markdown, registry files and segment cache, which
 * are passed on to whatever needs them (the build hashes the texts as read).
 */
export interface OpenOptions {
  /** Parse long documents' trees ahead too, on two threads (see `prepareInParallel`); `build` renders from them. */
  tree?: boolean | 'if-parsing'
  threads?: number
  /** Write nothing, not even the segment cache (`segment --check`). */
  readOnly?: boolean
  /** The options, when the caller has loaded them already (they are read once). */
  options?: Options
}

/** The files of one document, as read. */
interface DocumentFiles {
  id: string
  file: VFile
  paths: {strings: string; meta: string}
  stringsFile: VFile | undefined
  metaFile: VFile | undefined
  cache: SegmentCache
  /** What the last run recorded of the Markdown and registry it found up to date (see registry-digest.ts). */
  digest: string | undefined
}

function readDocument(root: string, options: Options, path: string): DocumentFiles {
  const id = documentId(path)
  const file = readText(path, root)
  // As Markdown reads them, and for every reader of the text alike (parsing ahead, build caches): outputs have LF only.
  file.value = toLf(String(file))
  const paths = registryPaths(root, options, id)
  const stringsFile = readTextIfExists(paths.strings, root)
  const metaFile = stringsFile ? readTextIfExists(paths.meta, root) : undefined
  // Segments of unchanged parts of the file come from the cache of the last run (see segment-cache.ts).
  return {id, file, paths, stringsFile, metaFile, cache: readSegmentCache(root, options, id), digest: readRegistryDigest(root, options, id)}
}

/** Segment and reconcile one document read by `readDocument`, from what was parsed ahead when anything was. */
function reconcileDocument(root: string, options: Options, read: DocumentFiles, ready: Prepared | undefined, readOnly: boolean): LoadedDocument {
  const {id, file, paths, stringsFile, metaFile} = read
  const registry = stringsFile ? parseRegistry(id, stringsFile, metaFile) : emptyRegistry(id)
  const result = segmentDocument(file, registry, options, ready?.cache ?? read.cache)
  if (ready?.tree) result.document.tree = ready.tree
  if (result.cache && !readOnly) writeSegmentCache(root, options, id, result.cache)
  // The registry as it should be written: as read, when a run of this code found these very files up to date for this Markdown.
  const found = read.digest !== undefined && stringsFile && metaFile ? registryDigest(options.sourceLanguage, String(file), String(stringsFile), String(metaFile)) : undefined
  if (found !== undefined && found === read.digest) {
    const outputs = [
      {path: paths.strings, content: String(stringsFile)},
      {path: paths.meta, content: String(metaFile)}
    ]
    return {...result, id, file, outputs, outdated: false, ...(ready?.tree ? {parsedAhead: true} : {})}
  }
  const {strings, meta} = serializeRegistry(result.registry)
  const outputs = [
    {path: paths.strings, content: stringifyJson(strings)},
    {path: paths.meta, content: stringifyJson(meta)}
  ]
  // Compared with the text as read (a byte-order mark is not content), not read and encoded again: a book's registry is megabytes.
  const onDisk = [stringsFile, metaFile]
  const outdated = outputs.some((o, k) => onDisk[k] === undefined || String(onDisk[k]) !== o.content)
  // What the registry files hold once written (`segment`), or hold already: the next run need not write them out to compare.
  if (!readOnly) writeRegistryDigest(root, options, id, registryDigest(options.sourceLanguage, String(file), outputs[0]!.content, outputs[1]!.content))
  return {...result, id, file, outputs, outdated, ...(ready?.tree ? {parsedAhead: true} : {})}
}

/** The documents to load: all of content/, or those of `only`. */
const selectDocuments = (root: string, options: Options, only?: string[]): string[] => listDocuments(root, options).filter((path) => !only || only.includes(documentId(path)))

/** The IDs of the documents `openProject` loads for `only`. */
export const selectDocumentIds = (root: string, options: Options, only?: string[]): string[] => selectDocuments(root, options, only).map(documentId)

function checkSelected(only: string[] | undefined, documents: LoadedDocument[]): void {
  for (const id of only ?? []) {
    if (!documents.some((d) => d.id === id)) {
      throw new UsageError(`Unexpected document \`${id}\`, expected one of ${documents.map((d) => `\`${d.id}\``).join(', ') || 'the files in content/'}`)
    }
  }
}

/** Read, segment and reconcile every document (or only `only`), long ones parsed on two threads first when `threads` allows (see parse-pool.ts); nothing is written but the segment cache. */
export async function openProject(root: string, only?: string[], {tree = false, threads, readOnly = false, ...rest}: OpenOptions = {}): Promise<Project> {
  const options = rest.options ?? loadProjectOptions(root)
  const documents: LoadedDocument[] = []
  for (const path of selectDocuments(root, options, only)) {
    const read = readDocument(root, options, path)
    // Any failure here is met again, and reported properly, by segmenting in this thread.
    const ready = await prepareInParallel(String(read.file), options.sourceLanguage, read.cache, tree, threads).catch(() => undefined)
    documents.push(reconcileDocument(root, options, read, ready, readOnly))
  }
  checkSelected(only, documents)
  return {root, options, documents}
}

/** `openProject` in this thread alone, for commands that need no tree. */
export function loadProject(root: string, only?: string[], {readOnly = false}: {readOnly?: boolean} = {}): Project {
  const options = loadProjectOptions(root)
  const documents = selectDocuments(root, options, only).map((path) => reconcileDocument(root, options, readDocument(root, options, path), undefined, readOnly))
  checkSelected(only, documents)
  return {root, options, documents}
}

/**
 * Commands other than `segment` work from the committed registry; when the
 * Markdown has changed since, IDs in locales could be misread, so stop.
 */
export function requireUpToDate(project: Project): void {
  for (const doc of project.documents) {
    if (!doc.outdated) continue
    failRule(doc.file, 'registry-outdated', `Unexpected change in \`${doc.file.path}\` since the registry was written, expected an up-to-date registry; run \`npx concord segment\` first`, {
      line: 1,
      column: 1
    })
  }
}
