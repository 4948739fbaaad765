import {MARKER_KEYS, type Edition, type EditionSegment, type EditorNote} from './align.js'
import {bracketed} from '../core/languages.js'
import type {DocumentMeta} from '../core/types.js'
import type {Translate} from '../core/ui-strings.js'

/**
 * What every renderer prints of the front matter, in the edition's language:
 * the fields are segments (see segment/meta.ts), so a translated edition has
 * its own author, description and notes, and a missing one shows its
 * English, marked missing, as any segment does.
 */

/** A front matter field of the edition, when the document has it. */
export const metaField = (edition: Edition, field: string): EditionSegment | undefined => (Object.hasOwn(edition.meta, field) ? edition.meta[field] : undefined)

/** The field's text in the edition (the English when missing), or undefined. */
export const metaText = (edition: Edition, field: string): string | undefined => metaField(edition, field)?.text

/** The keywords, in the edition's language where translated. */
export function metaKeywords(edition: Edition): EditionSegment[] {
  const single = metaField(edition, 'keywords')
  if (single) return [single]
  const out: EditionSegment[] = []
  for (let i = 0; metaField(edition, `keywords.${i}`); i++) out.push(metaField(edition, `keywords.${i}`)!)
  return out
}

/** The note printed at the end of an incomplete document (what the source is missing), or undefined. */
export const endNote = (edition: Edition, meta: DocumentMeta): EditionSegment | undefined => (meta.incomplete === true ? metaField(edition, 'notes') : undefined)

/**
 * The stale segments shown in an edition, by ID, numbered on from the
 * editor's notes: each gets a note with its current English (the Markdown's
 * footnote, the HTML page's and the PDF's endnote).
 */
export function staleNoteNumbers(edition: Edition): Map<string, number> {
  const numbers = new Map<string, number>()
  for (const block of edition.blocks)
    for (const segment of block.segments) if (segment.mark === 'stale' && segment.display === 'text') numbers.set(segment.id, edition.notes.length + numbers.size + 1)
  return numbers
}

/** The editor's notes attached to each body segment, by segment ID. */
export function notesBySegment(edition: Edition): Map<string, EditorNote[]> {
  const out = new Map<string, EditorNote[]>()
  for (const note of edition.notes) {
    const list = out.get(note.segment)
    if (list) list.push(note)
    else out.set(note.segment, [note])
  }
  return out
}

/** The month in Mongolian takes the ordinal suffix that agrees with the vowels of its numeral (1 нэг → дүгээр, 8 найм → дугаар). */
const MN_ORDINAL = ['', 'дүгээр', 'дугаар', 'дугаар', 'дүгээр', 'дугаар', 'дугаар', 'дугаар', 'дугаар', 'дүгээр', 'дугаар', 'дүгээр', 'дугаар']

/**
 * The document date as readers of the language write it: 29 August 2007
 * (the English title's own style), 2007년 8월 29일, 2007年8月29日,
 * 2007 оны 8 дугаар сарын 29 (the numeric form the Mongolian press uses;
 * ICU spells the month out). Anything that is not an ISO date stays as written.
 */
export function formatDate(value: string, language: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!match) return value
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  if (Number.isNaN(date.getTime()) || date.getUTCDate() !== day) return value
  if (language === 'mn') return `${year} оны ${month} ${MN_ORDINAL[month]} сарын ${day}`
  let format = dateFormats.get(language)
  if (!format) dateFormats.set(language, (format = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : language, {dateStyle: 'long', timeZone: 'UTC'})))
  return format.format(date)
}

// Creating an ICU formatter costs milliseconds; every edition formats the same date.
const dateFormats = new Map<string, Intl.DateTimeFormat>()

/**
 * The marker a front matter value carries, as any segment does: a missing
 * one shows its English after "[Translation missing …]", a stale one its
 * old translation after "[Outdated translation]"; undefined when current.
 */
export function metaMarker(segment: EditionSegment, language: string, t: Translate): string | undefined {
  if (segment.mark === 'current') return undefined
  return bracketed(language, t(language, MARKER_KEYS[segment.mark]))
}
