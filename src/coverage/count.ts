import {countWords, excerpt, plainText, volume} from './volume.js'
import type {SegmentStatus, TrackResult} from '../translations/track.js'
import type {ChangeClass, Segment, SegmentedDocument} from '../core/types.js'

/** Segment counts by state; `translated` includes `reviewed`, so translated + draft + stale + missing = total. */
export interface Counts {
  total: number
  translated: number
  reviewed: number
  /** Unconfirmed translations (not in `translated`, not shown by i18next). */
  draft: number
  stale: number
  missing: number
  /** translated / total × 100, one decimal (100 when there is nothing to translate). */
  percent: number
}

export interface LanguageTotals extends Counts {
  /** English words of the current translated segments. */
  translatedWords: number
  /** translatedWords / source words × 100, one decimal: long sentences weigh more. */
  wordPercent: number
  /** Characters (whitespace excluded) of the current translations: the volume measure for CJK text. */
  characters: number
  /** Words of the current translations: the volume measure for scripts with spaces between words. */
  targetWords: number
}

/** A language over all documents, with its gate: `threshold` (null: no gate) and whether it is met. */
export interface GatedTotals extends LanguageTotals {
  threshold: number | null
  passed: boolean
}

export interface SectionCoverage extends Counts {
  /** ID of the heading segment; `null` for the segments before the first heading. */
  id: string | null
  /** The heading's English text, or `null` before the first heading. */
  heading: string | null
}

export interface Gap {
  id: string
  state: 'missing' | 'stale' | 'draft'
  section: string | null
  /** Plain text of the English, its first ~80 characters (with `…` when cut). */
  english: string
  /** Where the segment starts in the document's Markdown file. */
  line: number
  /** English words of the segment. */
  words: number
  /** Stale only: how the English changed (`minor`: `concord accept --minor` takes it). */
  change?: ChangeClass
}

export interface LanguageCoverage extends LanguageTotals {
  sections: SectionCoverage[]
  /** Every missing, stale and draft segment, in document order. */
  gaps: Gap[]
}

export interface DocumentCoverage {
  id: string
  /** The Markdown file, relative to the project, for `file:line` of the gaps. */
  path?: string
  title: string | null
  segments: number
  words: number
  languages: Record<string, LanguageCoverage>
}

export interface Coverage {
  documents: DocumentCoverage[]
  totals: {documents: number; segments: number; words: number; languages: Record<string, GatedTotals>}
}

/** The gates of .concordrc.json (`coverage`): a language's own threshold wins over `failUnder`. */
export interface Gates {
  failUnder: number | null
  thresholds: Record<string, number>
}

export interface CoverageInput {
  documents: Array<Pick<SegmentedDocument, 'id' | 'meta' | 'segments'> & {path?: string}>
  /** Default: no gates. */
  gates?: Gates
  tracked: TrackResult[]
  /** Target languages, in display order. */
  languages: string[]
}

/** One decimal, computed on integers first so 2/3 gives 66.7 on every platform. */
export function percentOf(part: number, whole: number): number {
  return whole === 0 ? 100 : Math.round((part * 1000) / whole) / 10
}

function emptyTotals(): LanguageTotals {
  return {total: 0, translated: 0, reviewed: 0, draft: 0, stale: 0, missing: 0, percent: 100, translatedWords: 0, wordPercent: 100, characters: 0, targetWords: 0}
}

function add(into: Counts, state: SegmentStatus['state']): void {
  into.total++
  if (state === 'missing') into.missing++
  else if (state === 'stale') into.stale++
  else if (state === 'draft') into.draft++
  else {
    into.translated++
    if (state === 'reviewed') into.reviewed++
  }
}

function finish<T extends Counts>(counts: T): T {
  counts.percent = percentOf(counts.translated, counts.total)
  return counts
}

function languageCoverage(segments: Segment[], words: Map<string, number>, headings: Map<string, string>, result: TrackResult | undefined): LanguageCoverage {
  const states = new Map((result?.statuses ?? []).map((s) => [s.id, s]))
  const totals = emptyTotals()
  const sections = new Map<string | null, SectionCoverage>()
  const gaps: Gap[] = []
  let sourceWords = 0
  for (const segment of segments) {
    const status = states.get(segment.id)
    const state = status?.state ?? 'missing'
    const section = segment.section
    if (!sections.has(section)) {
      sections.set(section, {
        id: section,
        heading: section === null ? null : (headings.get(section) ?? null),
        total: 0,
        translated: 0,
        reviewed: 0,
        draft: 0,
        stale: 0,
        missing: 0,
        percent: 100
      })
    }
    add(totals, state)
    add(sections.get(section)!, state)
    sourceWords += words.get(segment.id)!
    if (state === 'missing' || state === 'stale' || state === 'draft')
      gaps.push({
        id: segment.id,
        state,
        section,
        english: excerpt(segment.text),
        line: segment.line,
        words: words.get(segment.id)!,
        ...(status?.change === undefined ? {} : {change: status.change})
      })
    else {
      totals.translatedWords += words.get(segment.id)!
      const target = volume(status!.translation!)
      totals.characters += target.characters
      totals.targetWords += target.words
    }
  }
  finish(totals)
  totals.wordPercent = percentOf(totals.translatedWords, sourceWords)
  return {...totals, sections: [...sections.values()].map(finish), gaps}
}

function accumulate(into: LanguageTotals, from: LanguageTotals): void {
  for (const key of ['total', 'translated', 'reviewed', 'draft', 'stale', 'missing', 'translatedWords', 'characters', 'targetWords'] as const) into[key] += from[key]
}

/**
 * The coverage report: per document and target language, segment counts by
 * state, word-weighted progress, a per-section breakdown and the gaps.
 * Pure; the same input gives the same object, keys in a fixed order.
 */
export function computeCoverage(input: CoverageInput): Coverage {
  const totals = {documents: input.documents.length, segments: 0, words: 0, languages: {} as Record<string, GatedTotals>}
  for (const language of input.languages) totals.languages[language] = {...emptyTotals(), threshold: null, passed: true}
  const documents = input.documents.map((doc): DocumentCoverage => {
    const words = new Map(doc.segments.map((s) => [s.id, countWords(s.text)]))
    const headings = new Map(doc.segments.filter((s) => s.kind === 'heading').map((s) => [s.id, plainText(s.text)]))
    const wordTotal = [...words.values()].reduce((a, b) => a + b, 0)
    const languages: Record<string, LanguageCoverage> = {}
    for (const language of input.languages) {
      const result = input.tracked.find((r) => r.document === doc.id && r.language === language)
      languages[language] = languageCoverage(doc.segments, words, headings, result)
      accumulate(totals.languages[language]!, languages[language])
    }
    totals.segments += doc.segments.length
    totals.words += wordTotal
    const title = typeof doc.meta.title === 'string' ? doc.meta.title : null
    return {id: doc.id, ...(doc.path === undefined ? {} : {path: doc.path}), title, segments: doc.segments.length, words: wordTotal, languages}
  })
  for (const language of input.languages) {
    const t = totals.languages[language]!
    t.percent = percentOf(t.translated, t.total)
    t.wordPercent = percentOf(t.translatedWords, totals.words)
    t.threshold = thresholdOf(input.gates, language)
    t.passed = passes(t, t.threshold)
  }
  return {documents, totals}
}

function thresholdOf(gates: Gates | undefined, language: string): number | null {
  if (!gates) return null
  return Object.hasOwn(gates.thresholds, language) ? gates.thresholds[language]! : gates.failUnder
}

/** Compared exactly, not on the rounded percent: 99.96% is below 100. */
function passes(t: Counts, threshold: number | null): boolean {
  return threshold === null || t.total === 0 || t.translated * 100 >= threshold * t.total
}

export interface GateFailure {
  language: string
  percent: number
  threshold: number
  translated: number
  total: number
  stale: number
  missing: number
}

/**
 * Languages below their threshold. A per-language threshold wins over the
 * global one, so a language known to be partial can have a lower bar.
 * Compared exactly, not on the rounded percent: 99.96% is below 100.
 */
export function coverageGate(coverage: Coverage, failUnder: number | null, thresholds: Record<string, number>): GateFailure[] {
  const failures: GateFailure[] = []
  for (const [language, t] of Object.entries(coverage.totals.languages)) {
    const threshold = thresholdOf({failUnder, thresholds}, language)
    if (threshold === null || passes(t, threshold)) continue
    failures.push({language, percent: t.percent, threshold, translated: t.translated, total: t.total, stale: t.stale, missing: t.missing})
  }
  return failures
}
