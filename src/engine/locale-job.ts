import {existsSync} from 'node:fs'
import {join, relative} from 'node:path'
import type {VFile} from 'vfile'
import type {Registry} from '../core/types.js'
import {parseLocale, serializeLocale, type LocaleData} from '../translations/locale.js'
import {trackTranslations, type TrackResult} from '../translations/track.js'
import type {Actor} from '../translations/provenance.js'
import {readTextIfExists, wouldChangeFromRead} from './io.js'
import {localeDigest, type LocaleRecord} from './locale-digest.js'

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

export function readLocale(job: LocaleJob): ParsedLocale {
  return parseRead(job, readLocaleFiles(job.root, job.paths))
}

export const parseRead = (job: LocaleJob, read: LocaleRead): ParsedLocale => ({locale: parseLocale(job.language, job.document, read.files), texts: read.texts})

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
  return [...lines, ...lastingReport(where, result)]
}

/**
 * The lines a run over the files as written would print again: what the
 * locale holds, not what this run did to it (a move to obsolete is made
 * once). These are what a locale's record keeps.
 */
function lastingReport(where: string, result: TrackResult): string[] {
  const lines: string[] = []
  if (result.orphans.length) lines.push(`${where}: ${result.orphans.length} orphan translation(s) under unknown IDs, kept: ${result.orphans.map((id) => `\`${id}\``).join(', ')}`)
  if (result.empty.length) lines.push(`${where}: ${result.empty.length} empty translation(s), counted as missing: ${result.empty.join(', ')}`)
  return lines
}

export interface LocaleJob {
  root: string
  paths: LocalePaths
  language: string
  document: string
}

/**
 * What `segment` does with one locale: the files to write (all of them, or
 * with `check` only those that differ from the files as read), the report,
 * and (without `check`) the record of what the locale holds afterwards
 * (see locale-digest.ts).
 */
export interface LocaleSync {
  outputs: Array<{path: string; content: string}>
  report: string[]
  records: Array<{document: string; language: string} & LocaleRecord>
}

/** What is known of a locale before tracking it: the digest of the registry it is tracked against and the last run's record. */
export interface LocaleKnown {
  registry: string
  recorded?: LocaleRecord | undefined
}

const pathsOf = (paths: LocalePaths): string[] => [paths.strings, paths.state, paths.obsolete]

/**
 * The locale as the last `segment` left it, when its files and registry are
 * exactly those it recorded: nothing to track or write but a file with a
 * byte-order mark, which tracking would write without one.
 */
export function recordedSync(job: LocaleJob, texts: LocaleRead['texts'], known: LocaleKnown): LocaleSync | undefined {
  if (!known.recorded) return undefined
  const digest = localeDigest(known.registry, job.language, job.document, relative(job.root, job.paths.strings), texts)
  if (digest !== known.recorded.digest) return undefined
  const outputs = pathsOf(job.paths).flatMap((path, k) => {
    const text = texts[k]
    return text != null && wouldChangeFromRead(path, text, text) ? [{path, content: text}] : []
  })
  return {outputs, report: known.recorded.report, records: [{document: job.document, language: job.language, digest, report: known.recorded.report}]}
}

/** Track a locale against `registry` (`known`: its digest, for the record the run leaves). */
export function syncLocale(
  job: LocaleJob,
  registry: Registry,
  {locale, texts}: ParsedLocale,
  {check = false, actor, known}: {check?: boolean; actor?: () => Actor | undefined; known?: LocaleKnown} = {}
): LocaleSync {
  const result = trackTranslations(registry, locale, actor)
  const written = localeFileOutputs(job.paths, result)
  const report = localeReport(job.root, job.paths, result)
  if (check) {
    const asRead = new Map(pathsOf(job.paths).map((path, k) => [path, texts[k] ?? null]))
    return {outputs: written.filter((o) => wouldChangeFromRead(o.path, o.content, asRead.get(o.path))), report, records: []}
  }
  // The files once written: what tracking gives, else the file as it was.
  const after = pathsOf(job.paths).map((path, k) => written.find((o) => o.path === path)?.content ?? texts[k] ?? null)
  const where = relative(job.root, job.paths.strings)
  const records = known
    ? [{document: job.document, language: job.language, digest: localeDigest(known.registry, job.language, job.document, where, after), report: lastingReport(where, result)}]
    : []
  return {outputs: written, report, records}
}

/**
 * `segment`'s work on a locale as read, the same in either thread: the
 * record of the last run where the files are as it left them, else tracked
 * against `registry()` (parsed, and the registry wanted, only then).
 */
export function syncRead(
  job: LocaleJob,
  read: LocaleRead,
  known: LocaleKnown,
  registry: () => Registry,
  {check = false, actor, parsed}: {check?: boolean; actor?: () => Actor | undefined; parsed?: ParsedLocale} = {}
): LocaleSync {
  return recordedSync(job, read.texts, known) ?? syncLocale(job, registry(), parsed ?? parseRead(job, read), {check, known, ...(actor ? {actor} : {})})
}
