import type {VFile} from 'vfile'
import {isObject, parseJson, stringifyJson, type JsonValue, type Place} from '../core/json.js'
import {failRule, type ErrorRuleId} from '../core/rules.js'
import {readProvenance, type Provenance} from './provenance.js'

/**
 * A target language's files for one document, under `locales/<lng>/`:
 * - `<doc>.json`: i18next JSON v4, flat, segment ID → translation (what i18next loads);
 * - `<doc>.state.json`: per segment, the English revision and hash it translates,
 *   a hash of the translation (to notice edits) and `translated`, `reviewed` or `draft`;
 *   a draft's text is here (`draft`), never in `<doc>.json`: i18next would show it;
 * - `<doc>.obsolete.json`: translations of retired segments, with their English.
 */
export interface TranslationMeta extends Provenance {
  /** English revision the translation was made against. */
  rev: number
  /** Hash of that English text. */
  source: string
  /** Hash of the translation when it was last recorded; a different hash means the translator edited it. */
  target: string
  /**
   * `draft`: an unconfirmed translation, held in `draft`; `rev`/`source`/`target` then describe the
   * confirmed translation in `<doc>.json` (a stale one), or, without one, the English the draft was made for.
   */
  state: 'translated' | 'reviewed' | 'draft'
  /** The draft's text (state `draft` only). */
  draft?: string
}

export interface ObsoleteEntry {
  /** The English of the retired segment. */
  source: string
  translation: string
  state: 'translated' | 'reviewed' | 'stale' | 'draft'
}

export interface LocaleData {
  language: string
  document: string
  /** Translations in file order (null prototype: `__proto__` is an ordinary key). */
  strings: Record<string, string>
  meta: Record<string, TranslationMeta>
  obsolete: Record<string, ObsoleteEntry>
  /** Where each key of `strings` is, for messages. */
  places: Map<string, Place>
  file?: VFile
}

/**
 * The longest translation Concord reads: 64 Ki characters, the length limit
 * of an English segment (see segment/limits.ts). A 50 MB translation made
 * every later command run out of memory or stack; read from a locale file it
 * is a message with its place, and an import refuses far less (see
 * `translationLimit`).
 */
export const MAX_TRANSLATION_LENGTH = 65_536

/**
 * What an import accepts for a segment: 20 times its English (the widest
 * usual ratio, Mongolian, is about 2), at least 1,000 characters (a short
 * heading may need a longer rendering), at most MAX_TRANSLATION_LENGTH.
 */
export const translationLimit = (english: string): number => Math.min(MAX_TRANSLATION_LENGTH, Math.max(1000, 20 * english.length))

const fail = (file: VFile, place: Place | undefined, reason: string, ruleId: ErrorRuleId): never => failRule(file, ruleId, reason, place ?? {line: 1, column: 1})

/** Parse a locale's files; malformed content is a fatal message naming the file, line and column. */
export function parseLocale(language: string, document: string, files: {strings?: VFile; state?: VFile; obsolete?: VFile}): LocaleData {
  let strings: Record<string, string> = Object.create(null)
  const meta: Record<string, TranslationMeta> = Object.create(null)
  const obsolete: Record<string, ObsoleteEntry> = Object.create(null)
  // Positions are for messages: worked out only when something asks (JSON with positions is slow to parse).
  let keyPlaces = (): Map<string, Place> => new Map()

  if (files.strings) {
    const parsed = parseJson(String(files.strings), files.strings)
    if (!isObject(parsed.value)) fail(files.strings, undefined, 'Unexpected JSON value, expected an object of segment ID → translation', 'locale-invalid')
    const value = parsed.value as Record<string, JsonValue>
    for (const id of Object.keys(value)) {
      const translation = value[id]!
      if (typeof translation !== 'string') {
        fail(
          files.strings,
          parsed.places.get(`/${id}`),
          `Unexpected ${translation === null ? 'null' : Array.isArray(translation) ? 'array' : typeof translation} for \`${id}\`, expected a string (flat i18next JSON: one translation per segment ID)`,
          'locale-invalid'
        )
      }
      if (typeof translation === 'string' && translation.length > MAX_TRANSLATION_LENGTH) {
        fail(
          files.strings,
          parsed.places.get(`/${id}`),
          `Unexpected translation of \`${id}\` of \`${translation.length}\` characters, expected at most \`${MAX_TRANSLATION_LENGTH}\`; shorten it, or restore the file from version control if it was not meant`,
          'translation-too-long'
        )
      }
    }
    // Every value is a string, and the object has no prototype (parseJson): it is the strings as they are, not copied.
    strings = value as Record<string, string>
    keyPlaces = () => new Map([...parsed.places].map(([path, place]) => [path.slice(1), place]))
  }
  if (files.state) {
    const parsed = parseJson(String(files.state), files.state)
    const segments = isObject(parsed.value) ? parsed.value.segments : undefined
    if (!isObject(segments)) fail(files.state, undefined, 'Unexpected JSON value, expected `{"segments": {…}}`; restore the file from git or delete it', 'locale-invalid')
    const records = segments as Record<string, JsonValue>
    for (const id of Object.keys(records)) {
      const value = records[id]!
      if (!isObject(value) || typeof value.rev !== 'number' || typeof value.source !== 'string') {
        fail(files.state, parsed.places.get(`/segments/${id}`), `Unexpected state for \`${id}\`, expected \`{"rev", "source", "target", "state"}\``, 'locale-invalid')
      }
      const record = value as Record<string, JsonValue>
      const draft = record.state === 'draft' && typeof record.draft === 'string' && record.draft.trim() !== '' ? record.draft : undefined
      if (draft !== undefined && draft.length > MAX_TRANSLATION_LENGTH) {
        fail(
          files.state,
          parsed.places.get(`/segments/${id}/draft`),
          `Unexpected draft of \`${id}\` of \`${draft.length}\` characters, expected at most \`${MAX_TRANSLATION_LENGTH}\``,
          'translation-too-long'
        )
      }
      // Built field by field, not spread: a book's state files hold tens of thousands of records.
      const entry: TranslationMeta = {
        rev: record.rev as number,
        source: record.source as string,
        target: typeof record.target === 'string' ? record.target : '',
        state: draft !== undefined ? 'draft' : record.state === 'reviewed' ? 'reviewed' : 'translated'
      }
      if (draft !== undefined) entry.draft = draft
      if (record.by !== undefined || record.at !== undefined || record.reviewedBy !== undefined || record.reviewedAt !== undefined) Object.assign(entry, readProvenance(record))
      meta[id] = entry
    }
  }
  if (files.obsolete) {
    const parsed = parseJson(String(files.obsolete), files.obsolete)
    if (!isObject(parsed.value)) fail(files.obsolete, undefined, 'Unexpected JSON value, expected an object of obsolete entries', 'locale-invalid')
    for (const [id, value] of Object.entries(parsed.value as Record<string, JsonValue>)) {
      // The English is text: an object there (null prototype, from parseJson) cannot even be turned into one.
      if (!isObject(value) || typeof value.translation !== 'string' || (typeof value.source === 'object' && value.source !== null)) {
        fail(files.obsolete, parsed.places.get(`/${id}`), `Unexpected obsolete entry \`${id}\`, expected \`{"source", "translation", "state"}\``, 'locale-invalid')
      }
      const record = value as Record<string, JsonValue>
      const state = record.state === 'reviewed' || record.state === 'stale' || record.state === 'draft' ? record.state : 'translated'
      obsolete[id] = {source: String(record.source ?? ''), translation: record.translation as string, state}
    }
  }
  let places: Map<string, Place> | undefined
  return {
    language,
    document,
    strings,
    meta,
    obsolete,
    get places() {
      return (places ??= keyPlaces())
    },
    file: files.strings
  }
}

/** File contents for a locale, deterministic: keys in the order given (document order). */
export function serializeLocale(data: Pick<LocaleData, 'strings' | 'meta' | 'obsolete'>): {strings: string; state: string; obsolete: string | null} {
  const state = {format: 1, segments: data.meta}
  const hasObsolete = Object.keys(data.obsolete).length > 0
  return {
    strings: stringifyJson(data.strings),
    state: stringifyJson(state),
    obsolete: hasObsolete ? stringifyJson(data.obsolete) : null
  }
}
