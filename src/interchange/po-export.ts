import {languageInfo} from '../core/languages.js'
import {TARGET_HASH_NOTE, unitContext, type ExportDocument, type ExportUnit} from './model.js'
import {escapePo, poString} from './po-syntax.js'
import {poMemory} from './po-memory.js'
import {unitNotes} from './unit-notes.js'
import {CHECKSUM_HEADER, entriesChecksum, ENTRIES_HEADER, ENTRY_NOTE} from './integrity.js'
import {reviewComments} from './review-context.js'

/** Header naming the document, so `concord import` knows where the entries belong. */
export const DOCUMENT_HEADER = 'X-Concord-Document'

/** CLDR plural rules in gettext syntax; Korean and Japanese have one form. */
const PLURAL_FORMS: Record<string, string> = {
  ko: 'nplurals=1; plural=0;',
  ja: 'nplurals=1; plural=0;',
  mn: 'nplurals=2; plural=(n != 1);',
  en: 'nplurals=2; plural=(n != 1);'
}

export interface PoExportInput {
  sourceLanguage: string
  language: string
  document: ExportDocument
  /** Seconds since the epoch for `PO-Revision-Date` (SOURCE_DATE_EPOCH, so that output is reproducible). */
  date: number
}

function poDate(seconds: number): string {
  const iso = new Date(seconds * 1000).toISOString()
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}+0000`
}

function header(input: PoExportInput): string[] {
  const fields: Array<[string, string]> = [
    ['Project-Id-Version', input.document.id],
    ['PO-Revision-Date', poDate(input.date)],
    ['Last-Translator', ''],
    ['Language-Team', languageInfo(input.language).englishName],
    ['Language', input.language],
    ['MIME-Version', '1.0'],
    ['Content-Type', 'text/plain; charset=UTF-8'],
    ['Content-Transfer-Encoding', '8bit'],
    ['Plural-Forms', PLURAL_FORMS[input.language] ?? 'nplurals=2; plural=(n != 1);'],
    [DOCUMENT_HEADER, input.document.id],
    ['X-Source-Language', input.sourceLanguage],
    // So that the import can tell a complete file from one cut short (see integrity.ts).
    [ENTRIES_HEADER, String(input.document.units.length)],
    [CHECKSUM_HEADER, entriesChecksum(input.document.units)]
  ]
  const title = input.document.title === null ? [] : [`# ${input.document.title.replace(/\s+/g, ' ')}`]
  return [
    ...title,
    `# ${languageInfo(input.language).englishName} translation of ${input.document.path}, exported by concord.`,
    '# msgctxt is the segment ID: keep it. Inline Markdown (**bold**, [links](…)) is part of the text.',
    'msgid ""',
    'msgstr ""',
    ...fields.map(([key, value]) => `"${escapePo(`${key}: ${value}\n`)}"`)
  ]
}

function entry(doc: ExportDocument, unit: ExportUnit, index: number, language: string): string[] {
  const place = `#. ${ENTRY_NOTE}: ${index + 1}/${doc.units.length}`
  const memory = poMemory(unit)
  const lines = [`#. ${unitContext(unit)}`.replace(/\s*\n\s*/g, ' '), `#. ${TARGET_HASH_NOTE}: ${unit.targetHash}`, place, ...memory.comments]
  lines.splice(1, 0, ...unitNotes(unit).map(([, text]) => `#. ${text}`))
  lines.push(...reviewComments(unit, language), `#: ${doc.path}:${unit.line}`)
  // Drafts are not confirmed: fuzzy, as for stale translations.
  if (unit.state === 'stale' || unit.state === 'draft') {
    lines.push('#, fuzzy')
    if (unit.previousSource !== undefined) lines.push(...poString('msgid', unit.previousSource, '#| '))
  } else if (memory.prefill !== undefined) lines.push('#, fuzzy')
  lines.push(...poString('msgctxt', unit.id), ...poString('msgid', unit.source), ...poString('msgstr', unit.target ?? memory.prefill ?? ''))
  return lines
}

/**
 * A gettext PO file for one document and language: `msgctxt` = segment ID,
 * `msgid` = English, `msgstr` = translation. Stale translations are `fuzzy`
 * with the previous English as `#| msgid`, so msgfmt's translated / fuzzy /
 * untranslated counts are the translated+reviewed / stale / missing counts.
 * PO has no "reviewed" state: reviewed entries are plain translated entries.
 */
export function exportPo(input: PoExportInput): string {
  const blocks = [header(input), ...input.document.units.map((u, k) => entry(input.document, u, k, input.language))]
  return blocks.map((b) => b.join('\n')).join('\n\n') + '\n'
}
