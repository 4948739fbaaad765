import type {VFile} from 'vfile'
import type {ChangeClass, DocumentMeta, Registry, RegistryEntry, Segment, SourceSegment} from '../core/types.js'
import {classifyChange} from './change-class.js'
import {failRule} from '../core/rules.js'
import {parseInline} from '../markdown/parse.js'
import {flatText} from '../segment/inline.js'
import {IdAllocator} from './allocate.js'
import {textHash} from './similarity.js'
import {reconcile, type ReconcileResult} from './reconcile.js'

const isMeta = (entry: RegistryEntry): boolean => entry.kind === 'meta'

/** `keywords.2` → `keywords`: list items of one field may trade places without losing their IDs. */
const family = (field: string | undefined): string => (field ?? '').replace(/\.\d+$/, '')

/**
 * Pair the front matter's segments with the registry's `meta` entries. A
 * field is its own key, so no similarity is needed and the title never takes
 * the ID of the top heading that reads the same: the same field and text
 * keep ID and revision; the same text in another item of the same list keeps
 * the ID; the same field with new text keeps the ID with a new revision (the
 * old text goes to the history, and translations become stale); what is left
 * gets a fresh ID or is retired.
 */
function pairMeta(old: RegistryEntry[], fresh: SourceSegment[]): Array<RegistryEntry | undefined> {
  const taken = new Set<RegistryEntry>()
  const match = new Array<RegistryEntry | undefined>(fresh.length)
  const take = (j: number, test: (entry: RegistryEntry) => boolean): void => {
    if (match[j]) return
    const entry = old.find((e) => !taken.has(e) && test(e))
    if (entry) taken.add(entry), (match[j] = entry)
  }
  fresh.forEach((s, j) => take(j, (e) => e.field === s.field && e.text === s.text))
  fresh.forEach((s, j) => take(j, (e) => family(e.field) === family(s.field) && e.text === s.text))
  fresh.forEach((s, j) => take(j, (e) => e.field === s.field))
  return match
}

/**
 * Reconcile a document's body and front matter apart, and put them together
 * (front matter first). The body goes through `reconcile` unchanged, with the
 * front matter's IDs reserved, so that adding `meta` segments changes no
 * body ID.
 */
export function reconcileDocument(registry: Registry, body: SourceSegment[], meta: SourceSegment[]): ReconcileResult {
  const oldMeta = registry.segments.filter(isMeta)
  const result = reconcile({...registry, segments: registry.segments.filter((e) => !isMeta(e))}, body, [...oldMeta.map((e) => e.id)])
  if (oldMeta.length === 0 && meta.length === 0) return result
  const used = new Set<string>([...oldMeta.map((e) => e.id), ...result.registry.segments.map((e) => e.id), ...Object.keys(result.registry.retired)])
  const ids = new IdAllocator(registry.document, (id) => used.has(id))
  const {history, retired} = result.registry
  const changes = result.registry.changes ?? {}
  const added: string[] = []
  const changed: string[] = []
  const match = pairMeta(oldMeta, meta)
  const entries: RegistryEntry[] = meta.map((segment, j): RegistryEntry => {
    const previous = match[j]
    const base = {kind: 'meta' as const, field: segment.field!, section: null}
    if (previous?.text === segment.text) return {...previous, ...base, blockId: previous.id}
    const hash = textHash(segment.text)
    if (!previous) {
      const id = ids.allocate(segment.text)
      used.add(id)
      added.push(id)
      return {id, text: segment.text, rev: 1, hash, ...base, blockId: id}
    }
    changed.push(previous.id)
    const revisions = (history[previous.id] ??= Object.create(null) as Record<string, string>)
    revisions[String(previous.rev)] = previous.text
    ;(changes[previous.id] ??= Object.create(null) as Record<string, ChangeClass>)[String(previous.rev)] = classifyChange(previous.text, segment.text)
    return {id: previous.id, text: segment.text, rev: previous.rev + 1, hash, ...base, blockId: previous.id}
  })
  const kept = new Set(match)
  const retiredIds = oldMeta.filter((e) => !kept.has(e)).map((e) => e.id)
  for (const entry of oldMeta) if (!kept.has(entry)) retired[entry.id] = {text: entry.text, rev: entry.rev, hash: entry.hash}
  const segments: Segment[] = entries.map((entry, j) => {
    const {text, block, depth, line, column} = meta[j]!
    return {text, kind: 'meta', field: entry.field!, block, depth, line, column, id: entry.id, rev: entry.rev, hash: entry.hash, section: null, blockId: entry.id}
  })
  return {
    segments: [...segments, ...result.segments],
    registry: {...result.registry, segments: [...entries, ...result.registry.segments], history, changes, retired},
    added: [...added, ...result.added],
    changed: [...changed, ...result.changed],
    retired: [...retiredIds, ...result.retired]
  }
}

/**
 * The body segment each editor's note is attached to: the one whose English,
 * as plain text, holds the note's `at` words. None, or more than one, is a
 * fatal `editor-note-anchor` message: a note must not drift to another
 * sentence, or vanish, when the English is edited.
 */
export function noteAnchors(meta: DocumentMeta, segments: Segment[], file: VFile): Array<{note: string; segment: string}> {
  const notes = Array.isArray(meta.editorNotes) ? meta.editorNotes : []
  if (notes.length === 0) return []
  const body = segments.filter((s) => s.kind !== 'meta').map((s) => ({id: s.id, plain: flatText(parseInline(s.text)).replace(/\s+/g, ' ')}))
  return notes.map((note, i) => {
    const own = segments.find((s) => s.field === `editorNotes.${i}`)!
    const at = note.at.replace(/\s+/g, ' ').trim()
    const hits = body.filter((s) => s.plain.includes(at))
    if (hits.length !== 1) {
      const found = hits.length === 0 ? 'no sentence' : `${hits.length} sentences (\`${hits.map((h) => h.id).join('`, `')}\`)`
      failRule(
        file,
        'editor-note-anchor',
        `Unexpected \`at: ${at}\` of editor's note ${i + 1} in ${found}, expected words of exactly one sentence of the English; quote more of the sentence`,
        {
          line: own.line,
          column: 1
        }
      )
    }
    return {note: own.id, segment: hits[0]!.id}
  })
}
