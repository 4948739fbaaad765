import type {VFile} from 'vfile'
import type {Place} from '../core/json.js'
import {textHash} from '../ids/similarity.js'
import type {SegmentStatus} from '../translations/track.js'
import type {ChangeClass, SegmentKind, Segment, TranslationState} from '../core/types.js'
import type {Provenance} from '../translations/provenance.js'
import {reportRule, type ErrorRuleId} from '../core/rules.js'
import type {MemoryMatch} from '../memory/memory.js'
import {sectionLabel} from './section-label.js'

/** A neighbour left out of the file, for context: its English and current translation, if any. */
export interface Neighbour {
  id: string
  source: string
  target?: string
}

/** One segment as a translator sees it in an exported file. */
export interface ExportUnit {
  id: string
  /** The current English (inline Markdown, kept as text). */
  source: string
  /** Hash of `source`: the English revision this unit was exported with. */
  sourceHash: string
  /** Hash of `target` (or `-` without one), read back by the import to notice the translator's edits. */
  targetHash: string
  state: TranslationState
  /** Present when a translation exists, also for stale segments; for drafts, the draft. */
  target?: string
  /** For stale segments: the English the old translation was made against, when known. */
  previousSource?: string
  /** For stale segments: how the English changed. */
  change?: ChangeClass
  /** Who translated and reviewed the translation, when known. */
  provenance?: Provenance
  kind: SegmentKind
  /** For front matter segments: the field (`title`, `keywords.0`, `editorNotes.1`). */
  field?: string
  depth: number
  /** ID and English of the nearest heading, `null` before the first heading. */
  section: string | null
  sectionTitle: string | null
  /** Where the segment starts in the Markdown, for `#:` references and notes. */
  line: number
  /** Position of the sentence in its block (1-based) and the block's sentence count. */
  sentence: number
  sentences: number
  /** Translation memory matches, best first, for missing and stale segments (see src/memory/). */
  matches?: MemoryMatch[]
  /** Glossary terms the English holds, with this language's rendering. */
  terms?: Array<{term: string; rendering: string}>
  /** With `--only`: the neighbouring body segments left out of the file, as read-only context. */
  previous?: Neighbour
  next?: Neighbour
}

export interface ExportDocument {
  id: string
  /** The Markdown file, relative to the project root with `/` separators, e.g. `content/statement.md`. */
  path: string
  title: string | null
  units: ExportUnit[]
}

export interface ExportInput {
  sourceLanguage: string
  language: string
  documents: ExportDocument[]
}

/**
 * What an export records so that the import can tell the translator's edits
 * apart: the hash of the English (XLIFF note) and of the translation (XLIFF
 * note, PO `#.` comment) each unit was exported with.
 */
export const SOURCE_HASH_NOTE = 'concord-source-hash'
export const TARGET_HASH_NOTE = 'concord-target-hash'

/** Recorded target hash of a unit exported without a translation. */
export const NO_TARGET = '-'

/** States a translator asks for with `--only`. */
export const STATES: readonly TranslationState[] = ['missing', 'stale', 'draft', 'translated', 'reviewed']

/** The units of one document, in document order, keeping only the states in `only` (all when absent). */
export function exportDocument(
  doc: {id: string; path: string; title?: string; shortTitle?: string; segments: Segment[]},
  statuses: SegmentStatus[],
  only?: ReadonlySet<TranslationState>,
  meta?: Record<string, Provenance>
): ExportDocument {
  const byId = new Map(statuses.map((s) => [s.id, s]))
  const topHeading = doc.segments.find((s) => s.kind === 'heading')
  const labels = new Map(
    doc.segments.filter((s) => s.kind === 'heading').map((s) => [s.id, sectionLabel(s.text, {topHeading: s === topHeading && s.depth === 1, shortTitle: doc.shortTitle})])
  )
  const body = doc.segments.filter((s) => s.kind !== 'meta')
  const order = new Map(body.map((s, i) => [s.id, i]))
  const stateOf = (id: string): TranslationState => byId.get(id)?.state ?? 'missing'
  // A neighbour left out by `--only`, as context: its English and confirmed translation.
  const neighbour = (index: number | undefined): Neighbour | undefined => {
    const segment = index === undefined ? undefined : body[index]
    if (!only || !segment || only.has(stateOf(segment.id))) return undefined
    const translation = byId.get(segment.id)?.translation
    return {id: segment.id, source: segment.text, ...(translation === undefined || translation.trim() === '' ? {} : {target: translation})}
  }
  const blockSize = new Map<string, number>()
  for (const s of doc.segments) blockSize.set(s.blockId, (blockSize.get(s.blockId) ?? 0) + 1)
  const seen = new Map<string, number>()
  const units: ExportUnit[] = []
  for (const segment of doc.segments) {
    const sentence = (seen.get(segment.blockId) ?? 0) + 1
    seen.set(segment.blockId, sentence)
    // A segment without a status has no locale yet: it is missing.
    const status = byId.get(segment.id) ?? {id: segment.id, state: 'missing' as const}
    if (only && !only.has(status.state)) continue
    const shown = status.state === 'draft' ? status.draft : status.translation
    const target = shown !== undefined && shown.trim() !== '' ? shown : undefined
    const at = order.get(segment.id)
    const previous = at === undefined ? undefined : neighbour(at - 1)
    const next = at === undefined ? undefined : neighbour(at + 1)
    units.push({
      id: segment.id,
      source: segment.text,
      sourceHash: segment.hash,
      targetHash: target === undefined ? NO_TARGET : textHash(target),
      state: status.state,
      ...(target === undefined ? {} : {target}),
      ...((status.state === 'stale' || status.state === 'draft') && status.previousSource !== undefined ? {previousSource: status.previousSource} : {}),
      ...(status.state === 'stale' && status.change !== undefined ? {change: status.change} : {}),
      ...(target !== undefined && meta && Object.hasOwn(meta, segment.id) ? provenanceOf(meta[segment.id]!) : {}),
      kind: segment.kind,
      ...(segment.field === undefined ? {} : {field: segment.field}),
      depth: segment.depth,
      section: segment.section,
      sectionTitle: segment.section === null ? null : (labels.get(segment.section) ?? null),
      line: segment.line,
      sentence,
      sentences: blockSize.get(segment.blockId) ?? 1,
      ...(previous ? {previous} : {}),
      ...(next ? {next} : {})
    })
  }
  return {id: doc.id, path: doc.path, title: doc.title ?? null, units}
}

function provenanceOf(meta: Provenance): {provenance?: Provenance} {
  const {by, at, reviewedBy, reviewedAt} = meta
  const known = Object.fromEntries(Object.entries({by, at, reviewedBy, reviewedAt}).filter(([, v]) => v !== undefined)) as Provenance
  return Object.keys(known).length === 0 ? {} : {provenance: known}
}

/** Where each front matter field shows, for translators: it has no place in the text to see it in. */
const FIELD_USES: Record<string, string> = {
  title: 'the title of every edition, page and PDF',
  shortTitle: 'the short title, in running heads',
  author: 'the author, in the title block and the metadata',
  description: 'the description, in the page and PDF metadata',
  keywords: 'a keyword, in the page and PDF metadata',
  sourceNote: 'what the source is, in the title block',
  notes: 'a note on the document (under its last heading when it is incomplete)',
  editorNotes: 'an editor’s note on the source, numbered where it applies'
}

/** A short description of where a unit sits, for translators (PO `#.` comment, XLIFF note). */
export function unitContext(unit: ExportUnit): string {
  if (unit.kind === 'meta') {
    const field = unit.field ?? ''
    return `Front matter \`${field}\`: ${FIELD_USES[field.replace(/\.\d+$/, '')] ?? 'a field of the document'}`
  }
  const what = unit.kind === 'heading' ? `Heading (level ${unit.depth})` : unit.kind === 'tableCell' ? 'Table cell' : 'Paragraph'
  const part = unit.sentences > 1 ? `, sentence ${unit.sentence} of ${unit.sentences}` : ''
  const section = unit.kind !== 'heading' && unit.sectionTitle !== null ? `; section: ${unit.sectionTitle}` : ''
  return `${what}${part}${section}`
}

/** A translator's unit as read back from an XLIFF or PO file. */
export interface ImportUnit {
  id: string
  source: string
  /** Absent or empty when the file has no translation for it. */
  target?: string
  /**
   * What the file says about the target: `initial` (XLIFF `initial`, PO `fuzzy`: not confirmed),
   * `translated`, or `reviewed` (XLIFF `reviewed` or `final`).
   */
  state: 'initial' | 'translated' | 'reviewed'
  /** Hash of the English recorded at export (XLIFF only), to notice an edited source. */
  sourceHash?: string
  /**
   * Hash of the translation the file was exported with (`null`: none), to tell
   * the translator's edits from changes made in the locales since the export.
   * Absent when a tool dropped the note or comment that records it.
   */
  exportedTarget?: string | null
  /** The translation as exported (PO `#.` comment, XLIFF note), to show in a conflict. */
  exportedText?: string
  /** Where the target is in the file, for the findings of the checks at import. */
  targetPlace?: Place
  place: Place
}

export interface ImportDocument {
  id: string
  place: Place
  units: ImportUnit[]
}

export interface ParsedInterchange {
  format: 'xliff' | 'xliff12' | 'po'
  sourceLanguage: string | null
  language: string | null
  /** Where the language is declared, for messages. */
  languagePlace: Place
  documents: ImportDocument[]
  /** Who translated the file, as it says (PO `Last-Translator`, XLIFF metadata `translator`), name only. */
  translator?: string
}

/**
 * Record an error on the imported file and go on, so that one run lists every
 * problem; the CLI writes nothing when any message is fatal.
 */
export function reject(file: VFile, reason: string, place: Place, ruleId: ErrorRuleId): void {
  reportRule(file, ruleId, reason, place)
}
