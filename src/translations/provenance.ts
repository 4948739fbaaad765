import type {JsonValue} from '../core/json.js'

/**
 * Who did what to a translation, kept beside its state in
 * `locales/<lng>/<doc>.state.json`: `by`/`at` for the last change of the
 * translation (or its acceptance against new English), `reviewedBy`/
 * `reviewedAt` for the review. Optional: files written before it, and
 * changes nobody can be named for, have none.
 */
export interface Provenance {
  /** Who last changed the translation (or accepted it against new English), and when (ISO 8601, UTC). */
  by?: string
  at?: string
  /** Who reviewed it, and when. */
  reviewedBy?: string
  reviewedAt?: string
}

/** Who is recorded and when (ISO 8601 in UTC, to the second). */
export interface Actor {
  name: string
  at: string
}

/** Names come from files and headers other people wrote: kept short and on one line. */
const MAX_NAME = 200

/** A name as recorded: one line, no control characters, at most MAX_NAME characters; `undefined` when nothing is left. */
export function cleanName(value: string): string | undefined {
  const name = value
    .replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_NAME)
    .trim()
  return name === '' ? undefined : name
}

/** `Jane Doe <jane@example.org>` (a PO `Last-Translator`) → `Jane Doe`: the name, not the address, goes into the project's history. */
export function nameOf(header: string): string | undefined {
  const name = header.replace(/<[^>]*>/g, ' ').replace(/\([^)]*@[^)]*\)/g, ' ')
  return /^(?:full name|first last|your name)$/i.test(name.trim()) ? undefined : cleanName(name)
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/

/** The provenance fields of a state record; anything malformed is dropped rather than refused: it is information, not state. */
export function readProvenance(record: Record<string, JsonValue>): Provenance {
  const out: Provenance = {}
  for (const key of ['by', 'reviewedBy'] as const) {
    const value = record[key]
    const name = typeof value === 'string' ? cleanName(value) : undefined
    if (name !== undefined) out[key] = name
  }
  for (const key of ['at', 'reviewedAt'] as const) {
    const value = record[key]
    if (typeof value === 'string' && ISO.test(value)) out[key] = value
  }
  return out
}

/** The date to record for a change made now: SOURCE_DATE_EPOCH when set, so that the same run gives the same files. */
export function stampDate(sourceDateEpoch: string | undefined, now: () => number = Date.now): string {
  const given = Number(sourceDateEpoch)
  const ms = sourceDateEpoch !== undefined && sourceDateEpoch.trim() !== '' && Number.isInteger(given) && given >= 0 ? given * 1000 : now()
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** A record changed by `actor`: the translation (`changed`) or the review. */
export function stamp<T extends Provenance>(meta: T, actor: Actor | undefined, what: 'changed' | 'reviewed'): T {
  if (!actor) return meta
  return what === 'changed' ? {...meta, by: actor.name, at: actor.at} : {...meta, reviewedBy: actor.name, reviewedAt: actor.at}
}

/** `by Jane Doe, 2026-12-01; reviewed by Bo Kim, 2026-12-03`, or `null` when nothing is known. */
export function describeProvenance(meta: Provenance | undefined): string | null {
  if (!meta) return null
  const part = (label: string, name: string | undefined, at: string | undefined): string | null =>
    name === undefined && at === undefined ? null : `${label}${name ?? 'unknown'}${at === undefined ? '' : `, ${at.slice(0, 10)}`}`
  const parts = [part('translated by ', meta.by, meta.at), part('reviewed by ', meta.reviewedBy, meta.reviewedAt)].filter((p) => p !== null)
  return parts.length === 0 ? null : parts.join('; ')
}
