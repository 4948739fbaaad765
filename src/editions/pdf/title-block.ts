import {MARKER_KEYS, type Edition, type EditionSegment} from '../align.js'
import {formatDate, metaField} from '../meta.js'
import {bracketed, languageInfo, markerGap} from '../../core/languages.js'
import type {Options} from '../../core/options.js'
import type {TextSpan} from '../../pdf/line-break.js'
import type {DocumentMeta} from '../../core/types.js'
import type {Translate} from '../../core/ui-strings.js'
import {blockSpans} from './inline-spans.js'
import {titleItem, type PrintItem} from './structure.js'
import {COLORS} from './theme.js'

/** A front matter field shown in the title block: its UI label key, its value as printed and the value's language. */
export interface MetaField {
  /** UI key of the label; the front matter field for the glyph check's messages. */
  key: 'author' | 'date' | 'source' | 'note'
  field: string
  value: string
  /** The value's mark: a missing one is its English, a stale one an outdated translation. */
  mark?: 'missing' | 'stale' | 'draft'
  language: string
}

/** Author, date and what the source is (all in the edition's language where translated), in that order; absent ones are left out. */
export function metaFields(edition: Edition, meta: DocumentMeta): MetaField[] {
  const fields: MetaField[] = []
  const author = metaField(edition, 'author')
  const marked = (s: EditionSegment) => (s.mark === 'current' ? {} : {mark: s.mark})
  if (author) fields.push({key: 'author', field: 'author', value: author.text, language: author.language, ...marked(author)})
  if (typeof meta.date === 'string' && meta.date.trim() !== '') fields.push({key: 'date', field: 'date', value: formatDate(meta.date.trim(), edition.language), language: edition.language})
  const source = metaField(edition, 'sourceNote')
  if (source) fields.push({key: 'source', field: 'sourceNote', value: source.text, language: source.language, ...marked(source)})
  // An incomplete document's notes say what is missing: they go under its last heading (notes.ts).
  const notes = meta.incomplete === true ? undefined : metaField(edition, 'notes')
  if (notes) fields.push({key: 'note', field: 'notes', value: notes.text, language: notes.language, ...marked(notes)})
  return fields
}

/** `Label: value`, the label in `language` (the colon as it writes it), the value in its own language. */
export function fieldSpans(field: MetaField, language: string, t: Translate): TextSpan[] {
  const colon = languageInfo(language).labelColon
  // A value not translated yet is English: tagged with its language for screen readers.
  const foreign = field.language !== language
  // Marked as any segment is; the marker a span of its own in the tags.
  const marker: TextSpan[] = field.mark
    ? [
        {text: bracketed(language, t(language, MARKER_KEYS[field.mark])), style: 'italic', color: COLORS[`${field.mark}Mark`], tag: {}},
        ...(markerGap(language) ? [{text: markerGap(language)}] : [])
      ]
    : []
  return [
    {text: `${t(language, field.key)}${colon}`, style: 'bold', color: COLORS.muted},
    ...marker,
    {text: field.value, color: COLORS.muted, ...(foreign ? {tag: {lang: field.language}} : {})}
  ]
}

/**
 * "Draft — N% translated" when the edition is a translation below
 * `pdf.draftBelow`, else undefined; "N outdated" when every sentence is
 * translated and its only gaps are outdated ones: such an edition is
 * complete, and its markers and notes show what to update.
 */
export function draftText(edition: Edition, options: Options, t: Translate): string | undefined {
  const {counts} = edition
  if (edition.source || counts.percent >= options.pdf.draftBelow) return undefined
  if (counts.missing === 0 && counts.stale > 0) return t(edition.language, 'outdated', {count: counts.stale})
  return t(edition.language, 'draft', {percent: counts.percent})
}

/**
 * A footer: the folio, after the draft notice when there is one, so that a
 * draft says so on every page and not on the first alone.
 */
export function footerSpans(folio: string, draft: string | undefined, language: string): TextSpan[] {
  if (!draft) return [{text: folio}]
  const separator = languageInfo(language).joiner === '' ? '\u3000' : ' · '
  return [{text: draft, style: 'bold', color: COLORS.draft}, {text: `${separator}${folio}`}]
}

/**
 * The title as printed: the top heading's segments (with their marks) when
 * the document opens with one, else the edition's plain title.
 */
export function titleSpans(edition: Edition, items: readonly PrintItem[], t: Translate, aligned = false): TextSpan[] {
  const item = titleItem(items)
  const block = item ? edition.blocks.find((b) => b.index === item.index) : undefined
  const spans = block ? blockSpans(block.segments, {language: edition.language, t, bold: true, aligned}) : []
  return spans.length ? spans : [{text: edition.title, style: 'bold'}]
}

/** Header text: the short title in the edition's language when the front matter has one, else the edition's title. */
export function runningTitle(edition: Edition): string {
  const short = metaField(edition, 'shortTitle')
  return short && short.mark !== 'missing' ? short.text : edition.title
}
