import type {TrackResult} from '../translations/track.js'
import type {MemoryEntry} from './memory.js'

/** What the memory needs of a document: its ID and each segment's current English. */
export interface MemoryDocument {
  id: string
  segments: ReadonlyArray<{id: string; text: string}>
}

/**
 * The entries one language's locales give the memory, document by document:
 * every current translation (with the English it translates: the previous
 * English for a stale one, when the history has it), then the obsolete
 * translations of retired segments. Origins are `document#segment-id`.
 */
export function localeEntries(documents: readonly MemoryDocument[], tracked: readonly TrackResult[]): MemoryEntry[] {
  const entries: MemoryEntry[] = []
  for (const doc of documents) {
    const english = new Map(doc.segments.map((s) => [s.id, s.text]))
    for (const result of tracked.filter((t) => t.document === doc.id)) {
      for (const status of result.statuses) {
        if (status.translation === undefined) continue
        const source = status.state === 'stale' ? status.previousSource : status.state === 'translated' || status.state === 'reviewed' ? english.get(status.id) : undefined
        if (source !== undefined) entries.push({source, target: status.translation, origin: `${doc.id}#${status.id}`})
      }
      // An unconfirmed draft is nobody's translation: not offered.
      for (const [id, old] of Object.entries(result.obsolete)) if (old.state !== 'draft') entries.push({source: old.source, target: old.translation, origin: `${doc.id}#${id}`})
    }
  }
  return entries
}
