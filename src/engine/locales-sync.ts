import {failRule} from '../core/rules.js'
import {existsSync, readdirSync, statSync} from 'node:fs'
import {join, relative} from 'node:path'
import {VFile} from 'vfile'
import {acceptTranslations, trackTranslations, type TrackResult} from '../translations/track.js'
import type {Actor} from '../translations/provenance.js'
import {UsageError} from './reporter.js'
import {localeFileOutputs, localePathsIn, readLocale, type LocalePaths} from './locale-job.js'
import type {Project} from './project.js'

export type {LocalePaths}

export function localePaths(project: Project, language: string, document: string): LocalePaths {
  return localePathsIn(project.root, project.options.localesDir, language, document)
}

/** A locale folder for a language that is not configured is an error: its translations would be silently ignored. */
export function checkLocaleFolders(project: Project): void {
  const folder = join(project.root, project.options.localesDir)
  if (!existsSync(folder)) return
  const known = new Set([project.options.sourceLanguage, ...project.options.languages])
  for (const name of readdirSync(folder).sort()) {
    if (known.has(name) || name.startsWith('.') || !statSync(join(folder, name)).isDirectory()) continue
    const file = new VFile({path: relative(project.root, join(folder, name))})
    failRule(
      file,
      'locale-unknown-language',
      `Unexpected locale folder \`${name}\`, expected a configured language (${[...known].map((l) => `\`${l}\``).join(', ')}); add \`${name}\` to \`languages\` in .concordrc.json, or move the folder away`,
      {line: 1, column: 1}
    )
  }
}

/**
 * The text of each locale file read for a document's language (`<doc>/<lng>`):
 * strings, state and obsolete, `null` where a file is absent. With the
 * document and its registry, that is everything its edition is made from.
 */
export type LocaleTexts = Map<string, Array<string | null>>

/** The key of a document's language in LocaleTexts. */
export const localeKey = (document: string, language: string): string => `${document}/${language}`

/** Read and track every target language of every document (keeping what was read in `texts`, when given). Nothing is written. */
export function loadTranslations(project: Project, texts?: LocaleTexts): TrackResult[] {
  checkLocaleFolders(project)
  const results: TrackResult[] = []
  for (const doc of project.documents) {
    for (const language of project.options.languages) {
      const parsed = readLocale({root: project.root, paths: localePaths(project, language, doc.id), language, document: doc.id})
      texts?.set(localeKey(doc.id, language), parsed.texts)
      results.push(trackTranslations(doc.registry, parsed.locale))
    }
  }
  return results
}

/** The locale files as they should be after tracking, plus a report of what moved. */
export function localeOutputs(project: Project, tracked: TrackResult[]): Array<{path: string; content: string}> {
  return tracked.flatMap((result) => localeFileOutputs(localePaths(project, result.language, result.document), result))
}

/**
 * `accept` (stale → current: the English change needs no new wording) or
 * `review` (current → reviewed) of the segments `ids` in `language`: every
 * tracked result of that language, with the marks set, and the IDs that
 * were already current (accept) or already reviewed (review), left as they
 * are. Nothing is written.
 */
export function markTranslations(project: Project, language: string, ids: string[], mark: 'accept' | 'review', actor?: Actor): {updated: TrackResult[]; unchanged: string[]} {
  if (!project.options.languages.includes(language)) {
    throw new UsageError(`Unexpected language \`${language}\`, expected one of ${project.options.languages.map((l) => `\`${l}\``).join(', ')}`)
  }
  const tracked = loadTranslations(project).filter((r) => r.language === language)
  const unchanged: string[] = []
  const updated = tracked.map((result) => {
    const doc = project.documents.find((d) => d.id === result.document)!
    const mine = ids.filter((id) => doc.registry.segments.some((s) => s.id === id))
    if (!mine.length) return result
    const marked = acceptTranslations(doc.registry, result, mine, mark === 'review' ? 'reviewed' : undefined, actor)
    unchanged.push(...marked.unchanged)
    return marked
  })
  for (const id of ids) {
    const result = updated.find((r) => r.statuses.some((s) => s.id === id))
    if (!result) throw new UsageError(`Unexpected segment ID \`${id}\`, expected a current segment ID (run \`npx concord status --lang ${language}\`)`)
    const status = result.statuses.find((s) => s.id === id)!
    if (status.state === 'missing') throw new UsageError(`Unexpected \`${mark}\` of \`${id}\`, expected a segment that has a ${language} translation; translate it first`)
    if (mark === 'review' && status.state === 'stale')
      throw new UsageError(`Unexpected \`review\` of stale \`${id}\`, expected a current translation; update it or run \`concord accept ${language} ${id}\` first`)
  }
  return {updated, unchanged}
}
