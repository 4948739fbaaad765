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
  /** For stale segments (and drafts over a stale translation): the English the translation was made against, when known. */
  previousSource?: string
  /** For stale segments: whether the English changed in wording (`meaning`) or only in form (`minor`). */
  change?: ChangeClass
  /** For drafts: the unconfirmed text (`translation` is then the confirmed one, if any). */
  draft?: string
  /** For drafts: the state of the confirmed translation beside it; absent without one (missing). */
  base?: 'translated' | 'reviewed' | 'stale'
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
/**
 * A record written key by key, each key once, in the order it is to be
 * written. Kept as two lists until the end: when it holds exactly the
 * entries of the record it was made from, in the same order (a locale that
 * tracking leaves as it is, the usual case), that record is the result, and
 * a book's locale is not copied key by key into a new one.
 */
class Entries<T> {
  readonly keys: string[] = []
  readonly values: T[] = []
  set(key: string, value: T): void {
    this.keys.push(key)
    this.values.push(value)
  }
  toRecord(from: Record<string, T>, fromKeys: string[]): Record<string, T> {
    const {keys, values} = this
    let same = Object.getPrototypeOf(from) === null && keys.length === fromKeys.length
    for (let i = 0; same && i < keys.length; i++) same = keys[i] === fromKeys[i] && values[i] === from[keys[i]!]
    if (same) return from
    const record: Record<string, T> = Object.create(null)
    for (let i = 0; i < keys.length; i++) record[keys[i]!] = values[i]!
    return record
  }
}

export function trackTranslations(registry: Registry, locale: LocaleData, actor?: () => Actor | undefined): TrackResult {
  const strings = new Entries<string>()
  const meta = new Entries<TranslationMeta>()
  const obsolete: Record<string, ObsoleteEntry> = Object.assign(Object.create(null), locale.obsolete)
  const statuses: SegmentStatus[] = []
  const current = new Set(registry.segments.map((s) => s.id))
  const result = {orphans: [] as string[], moved: [] as string[], restored: [] as string[], empty: [] as string[]}

  // Listed once: a book's locales hold tens of thousands of keys.
  const stringIds = Object.keys(locale.strings)
  const metaIds = Object.keys(locale.meta)
  // Retired translations leave first, so that their English can bring them back below.
  for (const id of stringIds) {
    if (current.has(id) || !Object.hasOwn(registry.retired, id)) continue
    const old = locale.meta[id]
    const english = registry.retired[id]!
    const translation = locale.strings[id]!
    if (translation.trim() === '' && old?.state === 'draft') continue
    // Edited since last recorded (or never recorded): it translates the last English.
    const fresh = !old || old.target !== textHash(translation)
    const upToDate = fresh || old.source === english.hash
    obsolete[id] = {
      source: upToDate ? english.text : (registry.history[id]?.[String(old.rev)] ?? english.text),
      translation,
      state: fresh ? 'translated' : upToDate ? (old.state === 'draft' ? 'translated' : old.state) : 'stale'
    }
    result.moved.push(id)
  }
  // A retired segment's draft, without a confirmed translation, is kept as an obsolete draft.
  for (const id of metaIds) {
    const draft = locale.meta[id]!.draft
    if (draft === undefined || current.has(id) || !Object.hasOwn(registry.retired, id) || (locale.strings[id] ?? '').trim() !== '') continue
    obsolete[id] = {source: registry.retired[id]!.text, translation: draft, state: 'draft'}
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
        if (entry.state === 'draft') recorded = {rev: segment.rev, source: segment.hash, target: '', state: 'draft', draft: entry.translation}
        else {
          translation = entry.translation
          recorded = {rev: segment.rev, source: segment.hash, target: textHash(translation), state: entry.state === 'reviewed' ? 'reviewed' : 'translated'}
        }
        delete obsolete[back]
        result.restored.push(segment.id)
      }
    }
    const draft = recorded?.state === 'draft' ? recorded.draft : undefined
    if (translation === undefined || translation.trim() === '') {
      if (translation !== undefined) {
        strings.set(segment.id, translation)
        result.empty.push(segment.id)
      }
      if (draft !== undefined) {
        meta.set(segment.id, recorded!)
        statuses.push({id: segment.id, state: 'draft', draft})
      } else statuses.push({id: segment.id, state: 'missing'})
      continue
    }
    strings.set(segment.id, translation)
    const targetHash = textHash(translation)
    if (!recorded || recorded.target !== targetHash) {
      // New or edited by the translator: it now translates the current English (supersedes a draft; whoever records it made the change).
      recorded = stamp<TranslationMeta>({rev: segment.rev, source: segment.hash, target: targetHash, state: 'translated'}, actor?.(), 'changed')
    }
    meta.set(segment.id, recorded)
    if (recorded.state === 'draft') {
      const current = recorded.source === segment.hash
      const previousSource = current ? undefined : registry.history[segment.id]?.[String(recorded.rev)]
      statuses.push({id: segment.id, state: 'draft', translation, draft: recorded.draft!, base: current ? 'translated' : 'stale', ...(previousSource === undefined ? {} : {previousSource})})
    } else if (recorded.source === segment.hash) {
      statuses.push({id: segment.id, state: recorded.state, translation})
    } else {
      const previousSource = registry.history[segment.id]?.[String(recorded.rev)]
      const change = changeSince(registry, segment.id, recorded.rev, segment)
      statuses.push({id: segment.id, state: 'stale', translation, ...(previousSource === undefined ? {} : {previousSource}), change})
    }
  }

  const moved = new Set(result.moved)
  for (const id of stringIds) {
    if (current.has(id) || moved.has(id)) continue
    strings.set(id, locale.strings[id]!)
    if (Object.hasOwn(locale.meta, id)) meta.set(id, locale.meta[id]!)
    result.orphans.push(id)
  }
  // A draft under an unknown ID, without a translation: kept too.
  for (const id of metaIds) {
    if (locale.meta[id]!.draft === undefined || current.has(id) || moved.has(id) || Object.hasOwn(locale.strings, id) || Object.hasOwn(registry.retired, id)) continue
    meta.set(id, locale.meta[id]!)
    result.orphans.push(id)
  }
  return {
    language: locale.language,
    document: locale.document,
    statuses,
    strings: strings.toRecord(locale.strings, stringIds),
    meta: meta.toRecord(locale.meta, metaIds),
    obsolete,
    ...result
  }
}

/**
 * Mark segments as current again without new wording (`concord accept`), or
 * as reviewed (`concord review`). A draft becomes the translation: its text
 * moves to the strings (what i18next loads). Segments already current
 * (accept) or already reviewed (review) are left as they are and listed in
 * `unchanged`.
 */
export function acceptTranslations(registry: Registry, tracked: TrackResult, ids: string[], state?: 'reviewed', actor?: Actor): TrackResult & {unchanged: string[]} {
  const meta: Record<string, TranslationMeta> = Object.assign(Object.create(null), tracked.meta)
  const strings: Record<string, string> = Object.assign(Object.create(null), tracked.strings)
  const statuses = new Map(tracked.statuses.map((s) => [s.id, s.state]))
  const segments = new Map(registry.segments.map((s) => [s.id, s]))
  const unchanged: string[] = []
  for (const id of ids) {
    const segment = segments.get(id)
    const draft = meta[id]?.state === 'draft' ? meta[id]!.draft : undefined
    const translation = draft ?? strings[id]
    if (!segment || translation === undefined || translation.trim() === '' || !meta[id]) continue
    const now = statuses.get(id)
    if (draft === undefined && (state === 'reviewed' ? now === 'reviewed' : now !== 'stale')) {
      unchanged.push(id)
      continue
    }
    if (draft !== undefined) strings[id] = draft
    const {draft: _confirmed, ...recorded} = meta[id]!
    const kept = recorded.state === 'draft' ? 'translated' : recorded.state
    const current = {...recorded, rev: segment.rev, source: segment.hash, target: textHash(translation), state: state ?? kept}
    meta[id] = stamp(current, actor, state === 'reviewed' ? 'reviewed' : 'changed')
  }
  return {...tracked, strings, meta, unchanged}
}

/**
 * Record `text` as the draft of segment `id` (an editor's save, a fuzzy import): the confirmed
 * translation, if any, stays in the strings; the draft goes to the state file. Pure.
 */
export function withDraft(registry: Registry, tracked: TrackResult, id: string, text: string): TrackResult {
  const segment = registry.segments.find((s) => s.id === id)
  if (!segment) throw new Error(`No current segment \`${id}\` in \`${registry.document}\``)
  const meta: Record<string, TranslationMeta> = Object.assign(Object.create(null), tracked.meta)
  const strings: Record<string, string> = Object.assign(Object.create(null), tracked.strings)
  const confirmed = strings[id]
  const old = Object.hasOwn(meta, id) ? meta[id] : undefined
  meta[id] =
    old && confirmed !== undefined && confirmed.trim() !== '' && old.target === textHash(confirmed)
      ? {...old, state: 'draft', draft: text}
      : {rev: segment.rev, source: segment.hash, target: '', state: 'draft', draft: text}
  const retracked = trackTranslations(registry, {language: tracked.language, document: tracked.document, strings, meta, obsolete: tracked.obsolete, places: new Map()})
  return retracked
}
