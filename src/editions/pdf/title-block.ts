import type {Edition} from '../align.js'
import {languageInfo} from '../../core/languages.js'
import type {Options} from '../../core/options.js'
import type {TextSpan} from '../../pdf/line-break.js'
import type {DocumentMeta} from '../../core/types.js'
import type {Translate} from '../../core/ui-strings.js'
import {blockSpans} from './inline-spans.js'
import {titleItem, type PrintItem} from './structure.js'
import {COLORS} from './theme.js'

/** A front matter field shown in the title block: its UI label key and its (English) value. */
export interface MetaField {
  /** Front matter key, and UI key of the label. */
  key: 'author' | 'date' | 'source' | 'note'
  value: string
  /** Language of the value as written: the front matter's (`language`, else English). */
  language: string
}

/** A document date in the reader's language ("2007년 8월 29일"); anything that is not an ISO date stays as written. */
export function formatDate(value: string, language: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return value
  const date = new Date(`${value}T00:00:00Z`)
  if (Number.isNaN(date.getTime())) return value
  let format = dateFormats.get(language)
  if (!format) dateFormats.set(language, (format = new Intl.DateTimeFormat(language, {dateStyle: 'long', timeZone: 'UTC'})))
  return format.format(date)
}

// Creating an ICU formatter costs milliseconds; every edition formats the same date.
const dateFormats = new Map<string, Intl.DateTimeFormat>()

/** The language the front matter is written in (its `language` field, else English). */
export const frontMatterLanguage = (meta: DocumentMeta): string => (typeof meta.language === 'string' && meta.language.trim() ? meta.language.trim() : 'en')

/** Author, date, source and the notes (e.g. what the source is missing), in that order; absent ones are left out. */
export function metaFields(meta: DocumentMeta): MetaField[] {
  const fields: MetaField[] = []
  const language = frontMatterLanguage(meta)
  const add = (key: MetaField['key'], value: unknown): void => {
    if (typeof value === 'string' && value.trim() !== '') fields.push({key, value: value.trim(), language})
  }
  add('author', meta.author)
  add('date', meta.date)
  add('source', meta.source)
  add('note', meta.notes)
  return fields
}

/** The value as printed in `language`: dates are localised, the rest is the front matter's own text. */
export const fieldValue = (field: MetaField, language: string): string => (field.key === 'date' ? formatDate(field.value, language) : field.value)

/**
 * `Label: value`, the label in `language`; the value as the front matter has
 * it (a date localised), tagged with its own language when that differs.
 */
export function fieldSpans(field: MetaField, language: string, t: Translate): TextSpan[] {
  const colon = languageInfo(language).joiner === '' ? '：' : ': '
  const foreign = field.key !== 'date' && field.language !== language
  return [
    {text: `${t(language, field.key)}${colon}`, style: 'bold', color: COLORS.muted},
    {text: fieldValue(field, language), color: COLORS.muted, ...(foreign ? {tag: {lang: field.language}} : {})}
  ]
}

/** "Draft — N% translated" when the edition is a translation below `pdf.draftBelow`, else undefined. */
export function draftText(edition: Edition, options: Options, t: Translate): string | undefined {
  if (edition.source || edition.counts.percent >= options.pdf.draftBelow) return undefined
  return t(edition.language, 'draft', {percent: edition.counts.percent})
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

/** Header text: the short title for the source edition (when the front matter has one), else the edition's title. */
export function runningTitle(edition: Edition, meta: DocumentMeta): string {
  return edition.source && typeof meta.shortTitle === 'string' && meta.shortTitle.trim() ? meta.shortTitle.trim() : edition.title
}
