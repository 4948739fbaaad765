import {existsSync} from 'node:fs'
import {join, relative} from 'node:path'
import type {VFile} from 'vfile'
import type {Registry} from '../core/types.js'
import {parseLocale, serializeLocale, type LocaleData} from '../translations/locale.js'
import {trackTranslations, type TrackResult} from '../translations/track.js'
import type {Actor} from '../translations/provenance.js'
import {readTextIfExists, wouldChangeFromRead} from './io.js'

/**
 * One document's locale in one language: the unit `segment` reads, tracks
 * against the registry and writes back. The same functions run in this
 * thread and in the locale workers (locale-pool.ts), so a book's languages
 * can be worked on side by side with one implementation.
 */
export interface LocalePaths {
  strings: string
  state: string
  obsolete: string
}

export function localePathsIn(root: string, localesDir: string, language: string, document: string): LocalePaths {
  const folder = join(root, localesDir, language)
  return {
    strings: join(folder, `${document}.json`),
    state: join(folder, `${document}.state.json`),
    obsolete: join(folder, `${document}.obsolete.json`)
  }
}

/** The locale files as read: for parsing, and their text (`null`: absent) for comparing with what would be written. */
export interface LocaleRead {
  files: {strings?: VFile; state?: VFile; obsolete?: VFile}
  texts: Array<string | null>
}

export function readLocaleFiles(root: string, paths: LocalePaths): LocaleRead {
  const files = {
    strings: readTextIfExists(paths.strings, root),
    state: readTextIfExists(paths.state, root),
    obsolete: readTextIfExists(paths.obsolete, root)
  }
  return {files, texts: [files.strings, files.state, files.obsolete].map((file) => (file ? String(file) : null))}
}

/** A locale read and parsed: what `syncLocale` tracks. */
export interface ParsedLocale {
  locale: LocaleData
  texts: LocaleRead['texts']
}

export function readLocale(job: {root: string; paths: LocalePaths; language: string; document: string}): ParsedLocale {
  const read = readLocaleFiles(job.root, job.paths)
  return {locale: parseLocale(job.language, job.document, read.files), texts: read.texts}
}

/** The files of a tracked locale as they should be. */
export function localeFileOutputs(paths: LocalePaths, result: TrackResult): Array<{path: string; content: string}> {
  const outputs: Array<{path: string; content: string}> = []
  const files = serializeLocale(result)
  // Drafts alone count too: they live in the state file, and a locale holding only drafts must not lose them.
  const hasAny = Object.keys(result.strings).length > 0 || Object.keys(result.meta).length > 0 || existsSync(paths.strings)
  if (hasAny) outputs.push({path: paths.strings, content: files.strings}, {path: paths.state, content: files.state})
  if (files.obsolete !== null || existsSync(paths.obsolete)) outputs.push({path: paths.obsolete, content: files.obsolete ?? '{}\n'})
  return outputs
}

/** What tracking moved, restored or found odd in a locale, one line each. */
export function localeReport(root: string, paths: LocalePaths, result: TrackResult): string[] {
  const where = relative(root, paths.strings)
  const lines: string[] = []
  if (result.moved.length) lines.push(`${where}: moved ${result.moved.length} retired translation(s) to obsolete: ${result.moved.join(', ')}`)
  if (result.restored.length) lines.push(`${where}: restored ${result.restored.length} translation(s) from obsolete: ${result.restored.join(', ')}`)
  if (result.orphans.length) lines.push(`${where}: ${result.orphans.length} orphan translation(s) under unknown IDs, kept: ${result.orphans.map((id) => `\`${id}\``).join(', ')}`)
  if (result.empty.length) lines.push(`${where}: ${result.empty.length} empty translation(s), counted as missing: ${result.empty.join(', ')}`)
  return lines
}

/** What `segment` does with one locale: the files to write (all of them, or with `check` only those that differ from the files as read) and the report. */
export interface LocaleSync {
  outputs: Array<{path: string; content: string}>
  report: string[]
}

export function syncLocale(
  job: {root: string; paths: LocalePaths; language: string; document: string},
  registry: Registry,
  {locale, texts}: ParsedLocale,
  {check = false, actor}: {check?: boolean; actor?: () => Actor | undefined} = {}
): LocaleSync {
  const result = trackTranslations(registry, locale, actor)
  let outputs = localeFileOutputs(job.paths, result)
  if (check) {
    const asRead = new Map([job.paths.strings, job.paths.state, job.paths.obsolete].map((path, k) => [path, texts[k] ?? null]))
    outputs = outputs.filter((o) => wouldChangeFromRead(o.path, o.content, asRead.get(o.path)))
  }
  return {outputs, report: localeReport(job.root, job.paths, result)}
}
