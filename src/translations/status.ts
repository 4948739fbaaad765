import {diffWords} from 'diff'
import type {TrackResult} from './track.js'
import type {ChangeClass, Segment, TranslationState} from '../core/types.js'

export const STATES: TranslationState[] = ['missing', 'stale', 'draft', 'translated', 'reviewed']

/** `{"<document>": {"<lng>": {"<segment-id>": state}}}`, every current segment of every document and language. */
export function statusJson(tracked: TrackResult[]): Record<string, Record<string, Record<string, TranslationState>>> {
  const out: Record<string, Record<string, Record<string, TranslationState>>> = Object.create(null)
  for (const result of tracked) {
    const perDocument = (out[result.document] ??= Object.create(null) as Record<string, Record<string, TranslationState>>)
    const states: Record<string, TranslationState> = Object.create(null)
    for (const status of result.statuses) states[status.id] = status.state
    perDocument[result.language] = states
  }
  return out
}

export function countStates(result: TrackResult): Record<TranslationState, number> {
  const counts: Record<TranslationState, number> = {missing: 0, stale: 0, draft: 0, translated: 0, reviewed: 0}
  for (const status of result.statuses) counts[status.state]++
  return counts
}

export interface WorkItem {
  id: string
  state: 'missing' | 'stale' | 'draft'
  english: string
  section: string | null
  line: number
  /** Stale only: the English the translation was made against. */
  previousEnglish?: string
  /** Stale only: the current translation. */
  translation?: string
  /** Draft only: the unconfirmed text (`concord accept` confirms it). */
  draft?: string
  /** Stale only: word diff from the previous to the current English, `[-old-]{+new+}` style. */
  diff?: string
  /** Stale only: `minor` (form only, `concord accept --minor` takes it) or `meaning`. */
  change?: ChangeClass
}

/** A word diff in the notation of `git diff --word-diff=plain`. */
export function wordDiff(before: string, after: string): string {
  return diffWords(before, after)
    .map((part) => (part.added ? `{+${part.value}+}` : part.removed ? `[-${part.value}-]` : part.value))
    .join('')
}

/** The translator's worklist for one language of one document: missing, stale and draft segments in document order. */
export function worklist(segments: Segment[], result: TrackResult): WorkItem[] {
  const byId = new Map(segments.map((s) => [s.id, s]))
  const items: WorkItem[] = []
  for (const status of result.statuses) {
    if (status.state !== 'missing' && status.state !== 'stale' && status.state !== 'draft') continue
    const segment = byId.get(status.id)!
    const item: WorkItem = {id: status.id, state: status.state, english: segment.text, section: segment.section, line: segment.line}
    if (status.draft !== undefined) item.draft = status.draft
    if (status.state === 'stale') {
      if (status.translation !== undefined) item.translation = status.translation
      if (status.change !== undefined) item.change = status.change
      if (status.previousSource !== undefined) {
        item.previousEnglish = status.previousSource
        item.diff = wordDiff(status.previousSource, segment.text)
      }
    }
    items.push(item)
  }
  return items
}
