import type {LocaleData, ObsoleteEntry, TranslationMeta} from './locale.js'
import {textHash} from '../ids/similarity.js'
import type {ChangeClass, Registry, TranslationState} from '../core/types.js'
import {changeSince} from '../ids/change-class.js'
import {stamp, type Actor} from './provenance.js'

export interface SegmentStatus {
  id: string
  state: TranslationState
  /** The translation (also for stale segments); absent when missing. */
  translation?: string
  /** For stale segments: the English the translation was made against, when known. */
  previousSource?: string
  /** For stale segments: whether the English changed in wording (`meaning`) or only in form (`minor`). */
  change?: ChangeClass
}

export interface TrackResult {
  language: string
  document: string
  /** Every current segment, in document order. */
  statuses: SegmentStatus[]
  /** The locale as it should be written: current segments in document order, then orphans. */
  strings: Record<string, string>
  meta: Record<string, TranslationMeta>
  obsolete: Record<string, ObsoleteEntry>
  /** Keys that are neither current nor retired IDs: kept in place and reported. */
  orphans: string[]
  /** IDs whose translations moved to obsolete in this run. */
  moved: string[]
  /** New IDs that got a translation back from obsolete because their English returned. */
  restored: string[]
  /** IDs whose translation is an empty string (counted as missing). */
  empty: string[]
}

/**
 * Work out each segment's state in one language and the locale files that
 * record it. Pure: nothing is dropped; translations of retired segments move
 * to `obsolete`, and come back when a segment with the same English appears.
 */
export function trackTranslations(registry: Registry, locale: LocaleData, actor?: () => Actor | undefined): TrackResult {
  const strings: Record<string, string> = Object.create(null)
  const meta: Record<string, TranslationMeta> = Object.create(null)
  const obsolete: Record<string, ObsoleteEntry> = Object.assign(Object.create(null), locale.obsolete)
  const statuses: SegmentStatus[] = []
  const current = new Set(registry.segments.map((s) => s.id))
  const result = {orphans: [] as string[], moved: [] as string[], restored: [] as string[], empty: [] as string[]}

  // Retired translations leave first, so that their English can bring them back below.
  for (const id of Object.keys(locale.strings)) {
    if (current.has(id) || !Object.hasOwn(registry.retired, id)) continue
    const old = locale.meta[id]
    const english = registry.retired[id]!
    const translation = locale.strings[id]!
    // Edited since last recorded (or never recorded): it translates the last English.
    const fresh = !old || old.target !== textHash(translation)
    const upToDate = fresh || old.source === english.hash
    obsolete[id] = {
      source: upToDate ? english.text : (registry.history[id]?.[String(old.rev)] ?? english.text),
      translation,
      state: fresh ? 'translated' : upToDate ? old.state : 'stale'
    }
    result.moved.push(id)
  }

  const bySource = new Map<string, string[]>()
  // Appended in place: copying the list for each entry was quadratic in obsolete entries sharing an English.
  for (const [id, entry] of Object.entries(obsolete)) {
    const ids = bySource.get(entry.source)
    if (ids) ids.push(id)
    else bySource.set(entry.source, [id])
  }

  for (const segment of registry.segments) {
    let translation = Object.hasOwn(locale.strings, segment.id) ? locale.strings[segment.id] : undefined
    let recorded = Object.hasOwn(locale.meta, segment.id) ? locale.meta[segment.id] : undefined
    if (translation === undefined) {
      const back = bySource.get(segment.text)?.shift()
      if (back !== undefined) {
        const entry = obsolete[back]!
        translation = entry.translation
        recorded = {rev: segment.rev, source: segment.hash, target: textHash(translation), state: entry.state === 'reviewed' ? 'reviewed' : 'translated'}
        delete obsolete[back]
        result.restored.push(segment.id)
      }
    }
    if (translation === undefined) {
      statuses.push({id: segment.id, state: 'missing'})
      continue
    }
    strings[segment.id] = translation
    if (translation.trim() === '') {
      result.empty.push(segment.id)
      statuses.push({id: segment.id, state: 'missing'})
      continue
    }
    const targetHash = textHash(translation)
    if (!recorded || recorded.target !== targetHash) {
      // New or edited by the translator: it now translates the current English (and whoever records it made the change).
      recorded = stamp<TranslationMeta>({rev: segment.rev, source: segment.hash, target: targetHash, state: 'translated'}, actor?.(), 'changed')
    }
    meta[segment.id] = recorded
    if (recorded.source === segment.hash) {
      statuses.push({id: segment.id, state: recorded.state, translation})
    } else {
      const previousSource = registry.history[segment.id]?.[String(recorded.rev)]
      const change = changeSince(registry, segment.id, recorded.rev, segment)
      statuses.push({id: segment.id, state: 'stale', translation, ...(previousSource === undefined ? {} : {previousSource}), change})
    }
  }

  const moved = new Set(result.moved)
  for (const id of Object.keys(locale.strings)) {
    if (current.has(id) || moved.has(id)) continue
    strings[id] = locale.strings[id]!
    if (Object.hasOwn(locale.meta, id)) meta[id] = locale.meta[id]!
    result.orphans.push(id)
  }
  return {language: locale.language, document: locale.document, statuses, strings, meta, obsolete, ...result}
}

/**
 * Mark segments as current again without new wording (`concord accept`), or
 * as reviewed (`concord review`). Segments already current (accept) or
 * already reviewed (review) are left as they are and listed in `unchanged`.
 */
export function acceptTranslations(registry: Registry, tracked: TrackResult, ids: string[], state?: 'reviewed', actor?: Actor): TrackResult & {unchanged: string[]} {
  const meta: Record<string, TranslationMeta> = Object.assign(Object.create(null), tracked.meta)
  const statuses = new Map(tracked.statuses.map((s) => [s.id, s.state]))
  const segments = new Map(registry.segments.map((s) => [s.id, s]))
  const unchanged: string[] = []
  for (const id of ids) {
    const segment = segments.get(id)
    const translation = tracked.strings[id]
    if (!segment || translation === undefined || translation.trim() === '' || !meta[id]) continue
    const now = statuses.get(id)
    if (state === 'reviewed' ? now === 'reviewed' : now !== 'stale') {
      unchanged.push(id)
      continue
    }
    const current = {...meta[id]!, rev: segment.rev, source: segment.hash, target: textHash(translation), state: state ?? meta[id]!.state}
    meta[id] = stamp(current, actor, state === 'reviewed' ? 'reviewed' : 'changed')
  }
  return {...tracked, meta, unchanged}
}
