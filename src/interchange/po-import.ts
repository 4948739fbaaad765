import type {VFile} from 'vfile'
import {NO_TARGET, reject, TARGET_HASH_NOTE, type ImportUnit, type ParsedInterchange} from './model.js'
import {DOCUMENT_HEADER} from './po-export.js'
import {parsePoEntries, type PoEntry} from './po-parse.js'
import {failRule} from '../core/rules.js'
import {nameOf} from '../translations/provenance.js'
import {exportedFromComments} from './review-context.js'
import {CHECKSUM_HEADER, ENTRIES_HEADER, ENTRY_NOTE, verifyEntries, verifyFinalNewline} from './integrity.js'

function headerFields(entry: PoEntry): Map<string, string> {
  const fields = new Map<string, string>()
  for (const line of (entry.msgstr[0] ?? '').split('\n')) {
    const colon = line.indexOf(':')
    if (colon > 0) fields.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim())
  }
  return fields
}

/** The document a PO file belongs to: our header, else the `#:` references (`content/<doc>.md:<line>`), which tools keep. */
function documentOf(fields: Map<string, string>, entries: PoEntry[]): string | null {
  const declared = fields.get(DOCUMENT_HEADER.toLowerCase())
  if (declared) return declared
  for (const entry of entries) {
    for (const reference of entry.references) {
      const match = /([^/\\]+)\.md(?::\d+)?$/.exec(reference)
      if (match) return match[1]!
    }
  }
  return null
}

/**
 * Read a PO file exported by `concord export --format po` (and possibly
 * rewrapped, merged or edited by gettext tools, Poedit, Translate Toolkit):
 * `msgctxt` is the segment ID, `msgid` the English, `msgstr` the translation,
 * `#, fuzzy` means "not confirmed". Obsolete (`#~`) entries are ignored.
 */
export function parsePo(file: VFile): ParsedInterchange {
  verifyFinalNewline(file)
  const entries = parsePoEntries(file)
  const live = entries.filter((e) => !e.obsolete)
  const header = live.find((e) => e.msgid === '' && e.msgctxt === undefined)
  const top = {line: 1, column: 1}
  if (!header) {
    failRule(
      file,
      'import-language',
      'Unexpected PO file without a header entry, expected `msgid ""` with `Language` and `X-Concord-Document`; export the file again with `npx concord export --format po`',
      top
    )
  }
  const fields = headerFields(header!)
  const charset = /charset=([^;\s]+)/i.exec(fields.get('content-type') ?? '')?.[1]
  if (charset && !/^(utf-8|utf8|ascii|us-ascii|charset)$/i.test(charset)) {
    reject(file, `Unexpected charset \`${charset}\`, expected UTF-8; convert the file with \`msgconv --to-code=UTF-8\``, header!.place, 'import-malformed-po')
  }
  const document = documentOf(fields, live)
  if (document === null) {
    reject(
      file,
      `Unexpected PO file without \`${DOCUMENT_HEADER}\` header or \`#:\` references, expected one of them to name the document; export the file again`,
      header!.place,
      'import-document'
    )
  }
  const declared = {entries: fields.get(ENTRIES_HEADER.toLowerCase()), checksum: fields.get(CHECKSUM_HEADER.toLowerCase())}
  const others = live.filter((e) => e !== header)
  const ordinal = (e: PoEntry): number | undefined =>
    Number(
      /^(\d+)\//.exec(
        e.extracted
          .find((c) => c.startsWith(`${ENTRY_NOTE}:`))
          ?.slice(ENTRY_NOTE.length + 1)
          .trim() ?? ''
      )?.[1]
    ) || undefined
  const counted = others.map((e) => ({id: e.msgctxt ?? '', source: e.msgid ?? ''}))
  verifyEntries(file, declared, counted, header!.place, {entries: ENTRIES_HEADER, checksum: CHECKSUM_HEADER}, others.map(ordinal))
  const units: ImportUnit[] = []
  for (const entry of live) {
    if (entry === header) continue
    if (entry.msgctxt === undefined) {
      reject(
        file,
        `Unexpected entry without \`msgctxt\` (msgid \`${entry.msgid!.slice(0, 40)}\`), expected the segment ID as \`msgctxt\`; keep the msgctxt lines of the exported file`,
        entry.place,
        'import-unknown-id'
      )
      continue
    }
    if (entry.msgidPlural !== undefined) {
      reject(file, `Unexpected plural entry \`${entry.msgctxt}\`, expected one \`msgstr\` per segment`, entry.place, 'import-malformed-po')
      continue
    }
    const target = entry.msgstr[0] ?? ''
    const recorded = entry.extracted
      .find((c) => c.startsWith(`${TARGET_HASH_NOTE}:`))
      ?.slice(TARGET_HASH_NOTE.length + 1)
      .trim()
    const exportedText = exportedFromComments(entry.extracted)
    units.push({
      id: entry.msgctxt,
      source: entry.msgid!,
      ...(exportedText === undefined ? {} : {exportedText}),
      ...(entry.msgstrPlace === undefined ? {} : {targetPlace: entry.msgstrPlace}),
      ...(target === '' ? {} : {target}),
      state: entry.flags.includes('fuzzy') ? 'initial' : 'translated',
      ...(recorded === undefined ? {} : {exportedTarget: recorded === NO_TARGET ? null : recorded}),
      place: entry.place
    })
  }
  const translator = nameOf(fields.get('last-translator') ?? '')
  return {
    ...(translator === undefined ? {} : {translator}),
    format: 'po',
    sourceLanguage: fields.get('x-source-language') || null,
    language: fields.get('language') || null,
    languagePlace: header!.place,
    documents: document === null ? [] : [{id: document, place: header!.place, units}]
  }
}
