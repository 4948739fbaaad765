import type {Edition, EditionSegment} from '../align.js'
import {endNote, metaMarker} from '../meta.js'
import {languageInfo, markerGap} from '../../core/languages.js'
import type {TextSpan} from '../../pdf/line-break.js'
import type {DocumentMeta} from '../../core/types.js'
import type {Translate} from '../../core/ui-strings.js'
import {noteMark} from './inline-spans.js'
import {COLORS} from './theme.js'

/*
 * Editor's notes in print: the note on what the source is missing set under
 * the last heading, and the numbered notes at the end of the text (a book's
 * endnotes: the statement has two, both on its first page), each in the
 * edition's language or its English where not translated yet.
 */

const label = (language: string, text: string): string => `${text}${languageInfo(language).labelColon}`

/** The note on what the source is missing, as spans, or undefined. */
export function endNoteSpans(edition: Edition, meta: DocumentMeta, t: Translate): TextSpan[] | undefined {
  const note = endNote(edition, meta)
  if (!note) return undefined
  return [{text: label(edition.language, t(edition.language, 'editorNote')), style: 'bold'}, ...noteBody(note, edition.language, t)]
}

/** The heading of the endnotes, or undefined without notes. */
export const notesHeading = (edition: Edition, t: Translate): TextSpan[] | undefined => (edition.notes.length ? [{text: t(edition.language, 'editorNotes'), style: 'bold'}] : undefined)

/** Each endnote as spans: its number, then its text. */
export function noteSpans(edition: Edition, t: Translate): TextSpan[][] {
  return edition.notes.map((note) => [{text: `${noteMark(note.number)} `, color: COLORS.link}, ...noteBody(note.note, edition.language, t)])
}

/** A note's text, marked as any segment is when missing (its English, tagged as such) or stale. */
function noteBody(note: EditionSegment, language: string, t: Translate): TextSpan[] {
  const marker = metaMarker(note, language, t)
  const mark: TextSpan[] = marker ? [{text: marker, style: 'italic', color: note.mark === 'missing' ? COLORS.missingMark : COLORS.staleMark, tag: {}}, {text: markerGap(language)}] : []
  return [...mark.filter((s) => s.text !== ''), {text: note.text, ...(note.mark === 'missing' ? {color: COLORS.missingText, tag: {lang: note.language}} : {})}]
}

/** The endnote of a stale segment: its number, what changed, and the current English (tagged as English). */
export function staleNoteSpans(segment: EditionSegment, number: number, language: string, sourceLanguage: string, t: Translate): TextSpan[] {
  const joiner = languageInfo(language).joiner
  return [
    {text: `${noteMark(number)} `, color: COLORS.link},
    {text: `${t(language, 'staleNote')}${joiner}${label(language, t(language, 'originalEnglish'))}`},
    {text: segment.source, tag: {lang: sourceLanguage}}
  ]
}
