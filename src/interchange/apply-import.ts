import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {QaContext} from '../qa/index.js'
import type {ObsoleteEntry, TranslationMeta} from '../translations/locale.js'
import {textHash} from '../ids/similarity.js'
import {trackTranslations, type TrackResult} from '../translations/track.js'
import type {Registry, RegistryEntry, TranslationState} from '../core/types.js'
import {reject, type ImportUnit, type ParsedInterchange} from './model.js'
import {checkUnit, configuredLanguage, conflict, placed, qaFindings, revisionOf} from './import-checks.js'
import {reportRule} from '../core/rules.js'
import {stamp, type Actor} from '../translations/provenance.js'

export interface ImportContext {
  sourceLanguage: string
  /** Configured target languages. */
  languages: string[]
  registries: Map<string, Registry>
  /** The current locales, one per document and target language (from `loadTranslations`). */
  tracked: TrackResult[]
  /** Who made the file's changes (`--translator`); else the file's own translator (PO `Last-Translator`, XLIFF metadata), dated `at`. */
  translator?: string
  /** When the changes are recorded (ISO 8601, UTC). */
  at?: string
  /** Settle every conflict one way: the file's translation, or the locale's. */
  prefer?: 'file' | 'locale'
  /** Import the segments whose checks find errors as drafts, instead of stopping. */
  allowErrors?: boolean
  /** `concord check`'s per-segment rules, run on every segment the import changes. */
  qa?: QaContext
}

export interface ImportChange {
  document: string
  id: string
  /** `added`/`updated`: new wording; `accepted`: a stale translation confirmed unchanged; `reviewed`: marked reviewed; `obsolete`: kept for a retired segment. */
  action: 'added' | 'updated' | 'accepted' | 'reviewed' | 'obsolete'
  before: TranslationState
  after: TranslationState
  translation: string
}

export interface ImportResult {
  language: string | null
  /** Re-tracked locales of the documents that change, ready for `localeOutputs`; empty when nothing changes. */
  tracked: TrackResult[]
  changes: ImportChange[]
  /** Units that were read but change nothing. */
  unchanged: number
  /** Findings of `concord check`'s rules on the changed segments, placed in the imported file. */
  findings: VFileMessage[]
  /** Conflicts settled by `prefer`. */
  settled: number
}

/** A record changed by the file's translator, also as its reviewer when the file marks it reviewed. */
function credit(meta: TranslationMeta, actor: Actor | undefined, state: TranslationState): TranslationMeta {
  const changed = stamp(meta, actor, 'changed')
  return state === 'reviewed' ? stamp(changed, actor, 'reviewed') : changed
}

type Status = TrackResult['statuses'][number]

/** Look-ups by segment ID, made once per document: a file may hold every segment of a book, and a search of the list per unit was quadratic. */
interface ById {
  segments: Map<string, RegistryEntry>
  statuses: Map<string, Status>
}

interface Working {
  strings: Record<string, string>
  meta: Record<string, TranslationMeta>
  obsolete: Record<string, ObsoleteEntry>
}

/** The state record of a draft: beside the confirmed translation, if any (its record kept), else for the English the draft translates. */
function draftMeta(recorded: TranslationMeta | undefined, confirmedText: string | undefined, unit: ImportUnit, rev: number, draft: string): TranslationMeta {
  if (recorded && confirmedText !== undefined && confirmedText.trim() !== '') return {...recorded, state: 'draft', draft}
  return {rev, source: textHash(unit.source), target: '', state: 'draft', draft}
}

function applyUnit(
  file: VFile,
  doc: string,
  registry: Registry,
  tracked: TrackResult,
  work: Working,
  unit: ImportUnit,
  byId: ById,
  context: ImportContext,
  held: boolean,
  settle: () => void,
  actor?: Actor
): ImportChange | null {
  const {id, target} = unit
  const segment = byId.segments.get(id)
  const status = byId.statuses.get(id)
  const rev = revisionOf(registry, id, unit.source, segment)
  if (rev === null || target === undefined || target.trim() === '') return null
  // Held back by an error of the checks (with --allow-errors): a draft, whatever the file says.
  const confirmed = unit.state !== 'initial' && !held
  const state = unit.state === 'reviewed' ? 'reviewed' : 'translated'
  if (!segment || !status) {
    const old = Object.hasOwn(work.obsolete, id) ? work.obsolete[id] : undefined
    if (old?.translation === target) return null
    work.obsolete[id] = {source: unit.source, translation: target, state: confirmed ? state : 'stale'}
    reportRule(
      file,
      'import-retired',
      `Unexpected retired segment \`${id}\`: its English was removed after the export; the translation is kept in the obsolete file and returns if the same English comes back`,
      unit.place
    )
    return {document: doc, id, action: 'obsolete', before: 'missing', after: 'missing', translation: target}
  }
  const isCurrent = rev === segment.rev
  const confirmedText = Object.hasOwn(work.strings, id) ? work.strings[id] : undefined
  const recorded = Object.hasOwn(work.meta, id) ? work.meta[id] : undefined
  // A draft is the locale's text for this segment: what the file was exported with, and what a confirmation confirms.
  const draft = recorded?.state === 'draft' ? recorded.draft : undefined
  const current = draft ?? confirmedText
  const change = (action: ImportChange['action'], after: TranslationState): ImportChange => ({document: doc, id, action, before: status.state, after, translation: target})
  if (target === current) {
    // Same words: only a confirmation in the file changes something.
    if (!confirmed || !isCurrent) return null
    if (draft !== undefined) {
      work.strings[id] = target
      work.meta[id] = credit({rev: segment.rev, source: segment.hash, target: textHash(target), state}, actor, state)
      return change('accepted', state)
    }
    if (status.state === 'stale') {
      work.meta[id] = credit({...recorded, rev: segment.rev, source: segment.hash, target: textHash(target), state}, actor, state)
      return change('accepted', state)
    }
    if (status.state === 'translated' && state === 'reviewed' && recorded) {
      work.meta[id] = stamp<TranslationMeta>({...recorded, state: 'reviewed'}, actor, 'reviewed')
      return change('reviewed', 'reviewed')
    }
    return null
  }
  if (unit.exportedTarget !== undefined) {
    // Three-way: the file's translation, the one it was exported with, the locale's now.
    if (textHash(target) === unit.exportedTarget) return null
    const now = current === undefined || current.trim() === '' ? null : textHash(current)
    if (now !== unit.exportedTarget) {
      if (context.prefer === undefined) {
        conflict(file, tracked.language, unit, current)
        return null
      }
      settle()
      if (context.prefer === 'locale') return null
    }
  }
  if (!confirmed) {
    // Fuzzy / initial (a memory match as offered, too): nobody confirmed it. Kept as a draft; the confirmed translation, if any, stays what i18next shows.
    work.meta[id] = stamp(draftMeta(recorded, confirmedText, unit, rev, target), actor, 'changed')
    return change(current === undefined || current.trim() === '' ? 'added' : 'updated', 'draft')
  }
  work.strings[id] = target
  // New words: the review recorded for the old ones no longer applies.
  work.meta[id] = credit({rev, source: textHash(unit.source), target: textHash(target), state}, actor, state)
  if (!isCurrent) {
    reportRule(
      file,
      'import-stale',
      `Unexpected English revision ${rev} for \`${id}\`, expected revision ${segment.rev}: the English changed after the export, so the translation is imported as stale; update it (\`npx concord status\` shows the change) or accept it with \`npx concord accept ${tracked.language} ${id}\``,
      unit.place
    )
  }
  return change(current === undefined || current.trim() === '' ? 'added' : 'updated', isCurrent ? state : 'stale')
}

/**
 * Apply a translator's file to the locales. Pure: problems are messages on
 * `file` (fatal ones mean nothing may be written), and the result holds the
 * re-tracked locales of the documents that change. Units that are missing or
 * have no target never remove a translation.
 */
export function applyImport(parsed: ParsedInterchange, context: ImportContext, file: VFile): ImportResult {
  const known = context.languages.map((l) => `\`${l}\``).join(', ')
  const language = parsed.language === null ? null : configuredLanguage(parsed.language, context.languages)
  if (parsed.language === null) {
    reject(
      file,
      `Unexpected file without a target language, expected ${parsed.format === 'po' ? 'a `Language` header' : 'a `trgLang` attribute'} naming one of ${known}`,
      parsed.languagePlace,
      'import-language'
    )
  } else if (language === null) {
    reject(
      file,
      `Unexpected language \`${parsed.language}\`, expected a configured target language (${known}); add it to \`languages\` in .concordrc.json or fix the file's language`,
      parsed.languagePlace,
      'import-language'
    )
  }
  if (parsed.sourceLanguage !== null && parsed.sourceLanguage !== context.sourceLanguage) {
    reject(file, `Unexpected source language \`${parsed.sourceLanguage}\`, expected \`${context.sourceLanguage}\``, parsed.languagePlace, 'import-language')
  }
  if (parsed.documents.length === 0 && parsed.format !== 'po') {
    reject(file, 'Unexpected XLIFF without `<file>`, expected one `<file id="<document>">` per document', parsed.languagePlace, 'import-document')
  }
  const result: ImportResult = {language, tracked: [], changes: [], unchanged: 0, findings: [], settled: 0}
  const translator = context.translator ?? parsed.translator
  const actor = translator !== undefined && context.at !== undefined ? {name: translator, at: context.at} : undefined
  const settle = (): void => void result.settled++
  const documents = new Set<string>()
  for (const doc of parsed.documents) {
    const registry = context.registries.get(doc.id)
    if (!registry || documents.has(doc.id)) {
      const names = [...context.registries.keys()].map((d) => `\`${d}\``).join(', ')
      const reason = registry
        ? `Unexpected second \`<file>\` for \`${doc.id}\`, expected each document once`
        : `Unexpected document \`${doc.id}\`, expected one of ${names}; the file belongs to another document or project`
      reject(file, reason, doc.place, 'import-document')
      continue
    }
    documents.add(doc.id)
    const seen = new Set<string>()
    const segments = new Map(registry.segments.map((s) => [s.id, s]))
    const valid = doc.units.filter((unit) => checkUnit(file, doc, registry, unit, seen, segments))
    const tracked = context.tracked.find((t) => t.document === doc.id && t.language === language)
    if (!tracked) continue
    const work: Working = {
      strings: Object.assign(Object.create(null), tracked.strings),
      meta: Object.assign(Object.create(null), tracked.meta),
      obsolete: Object.assign(Object.create(null), tracked.obsolete)
    }
    const byId: ById = {segments, statuses: new Map(tracked.statuses.map((s) => [s.id, s]))}
    const changes: ImportChange[] = []
    for (const unit of valid) {
      const findings = qaFindings(unit, segments.get(unit.id), tracked.language, context.qa)
      const held = context.allowErrors === true && findings.some((f) => f.fatal === true)
      const change = applyUnit(file, doc.id, registry, tracked, work, unit, byId, context, held, settle, actor)
      if (change === null) continue
      changes.push(change)
      for (const finding of findings) result.findings.push(placed(file, finding))
    }
    result.unchanged += doc.units.length - changes.length
    if (changes.length === 0) continue
    const retracked = trackTranslations(registry, {language: tracked.language, document: doc.id, ...work, places: new Map()})
    const after = new Map(retracked.statuses.map((s) => [s.id, s.state]))
    // One by one: a file may hold hundreds of thousands of units, too many to spread as arguments.
    for (const c of changes) result.changes.push({...c, after: after.get(c.id) ?? c.after})
    result.tracked.push(retracked)
  }
  return result
}
