import {SaxesParser, type SaxesTagNS} from 'saxes'
import type {VFile} from 'vfile'
import type {Place} from '../core/json.js'
import {failRule} from '../core/rules.js'
import {verifyEntries, type Declared} from './integrity.js'
import {NO_TARGET, reject, SOURCE_HASH_NOTE, TARGET_HASH_NOTE, type ImportDocument, type ImportUnit, type ParsedInterchange} from './model.js'
import {CHECKSUM_NOTE, COPIED_STATE, ENTRIES_NOTE, XLIFF12_NAMESPACE} from './xliff12-export.js'

/** Whether an XML file is XLIFF 1.2 (by its root's version or namespace), read from its start. */
export const isXliff12 = (text: string): boolean => /<xliff\b[^>]*(\bversion\s*=\s*["']1\.2["']|urn:oasis:names:tc:xliff:document:1\.2)/.test(text.slice(0, 4096))

const STATES: Record<string, ImportUnit['state']> = {translated: 'translated', 'signed-off': 'reviewed', final: 'reviewed'}
/** XLIFF 1.2 inline codes: Concord keeps Markdown as text, so a code here would be lost. `<mrk>` only marks text and is kept. */
const CODES = new Set(['g', 'x', 'bx', 'ex', 'ph', 'bpt', 'ept', 'it', 'sub'])

/** A target's state: its `state` when it has one (`needs-*` and `new` are not confirmed), else `approved`, as translate-toolkit reads it. */
function stateOf(state: string | undefined, approved: string | undefined): ImportUnit['state'] {
  if (state !== undefined) return Object.hasOwn(STATES, state) ? STATES[state]! : 'initial'
  return approved === 'no' ? 'initial' : 'translated'
}

interface OpenUnit {
  id: string
  place: Place
  source?: string
  target?: string
  state: ImportUnit['state']
  /** The target's `state` attribute as written. */
  targetState?: string
  approved?: string
  sourceHash?: string
  exportedTarget?: string | null
}

/**
 * Read an XLIFF 1.2 file exported by `concord export --format xliff12` and
 * translated in a CAT tool into the same units as an XLIFF 2.0 or PO file,
 * for the same import (apply-import.ts). The document is the `<file>`'s
 * `product-name`, else the name of its `original` Markdown file.
 */
export function parseXliff12(file: VFile): ParsedInterchange {
  const parser = new SaxesParser({xmlns: true, position: true})
  const result: ParsedInterchange = {format: 'xliff12', sourceLanguage: null, language: null, languagePlace: {line: 1, column: 1}, documents: []}
  let start: Place = {line: 1, column: 1}
  let doc: ImportDocument | null = null
  let declared: Declared = {}
  let unit: OpenUnit | null = null
  let skip = 0
  let capture: {into: 'source' | 'target' | 'note'; value: string; from?: string} | null = null
  parser.on('error', (error) => {
    const reason = error.message.replace(/^\d+:\d+: /, '').replace(/\.$/, '')
    failRule(file, 'import-malformed-xml', `Unexpected XML: ${reason}; expected well-formed XML (write \`&\` as \`&amp;\` and \`<\` as \`&lt;\`)`, {
      line: parser.line,
      column: Math.max(parser.column, 1)
    })
  })
  parser.on('doctype', () => failRule(file, 'import-malformed-xml', 'Unexpected DOCTYPE, expected XLIFF 1.2 without a document type declaration', {line: parser.line, column: 1}))
  parser.on('opentagstart', (tag) => {
    start = {line: parser.line, column: Math.max(parser.column - tag.name.length - 1, 1)}
  })
  parser.on('opentag', (raw) => {
    const tag = raw as SaxesTagNS
    const attr = (name: string): string | undefined => tag.attributes[name]?.value
    if (skip > 0 || tag.uri !== XLIFF12_NAMESPACE || tag.local === 'alt-trans' || tag.local === 'context-group') {
      // Matches, context and other namespaces carry nothing to import.
      if (capture === null) skip++
      else if (tag.local !== 'mrk') reject(file, `Unexpected element \`<${tag.name}>\` inside \`<${capture.into}>\`, expected plain text`, start, 'import-inline-code')
      return
    }
    const name = tag.local
    if (capture !== null) {
      if (CODES.has(name)) {
        reject(
          file,
          `Unexpected inline code \`<${name}>\` in unit \`${unit?.id ?? '?'}\`, expected plain text: Concord keeps Markdown as text; set the CAT tool to not convert it`,
          start,
          'import-inline-code'
        )
      }
      return
    }
    if (name === 'xliff' && attr('version') !== '1.2') {
      failRule(file, 'import-xliff-version', `Unexpected XLIFF version \`${attr('version') ?? ''}\`, expected \`1.2\` in namespace \`${XLIFF12_NAMESPACE}\``, start)
    } else if (name === 'file') {
      const original = attr('original') ?? ''
      const id = attr('product-name') || (/([^/\\]+)\.md$/.exec(original)?.[1] ?? original)
      doc = {id, place: start, units: []}
      declared = {}
      result.sourceLanguage = attr('source-language') ?? null
      result.language = attr('target-language') ?? null
      result.languagePlace = start
      result.documents.push(doc)
    } else if (name === 'trans-unit' && doc) {
      unit = {id: attr('id') ?? '', place: start, state: 'translated', ...(attr('approved') === undefined ? {} : {approved: attr('approved')!})}
    } else if ((name === 'source' || name === 'target') && unit) {
      if (name === 'target') {
        unit.state = stateOf(attr('state'), unit.approved)
        const state = attr('state')
        if (state !== undefined) unit.targetState = state
      }
      capture = {into: name, value: ''}
    } else if (name === 'note') {
      capture = {into: 'note', value: '', from: attr('from') ?? ''}
    }
  })
  const append = (value: string): void => {
    if (capture !== null && skip === 0) capture.value += value
  }
  parser.on('text', append)
  parser.on('cdata', append)
  parser.on('closetag', (raw) => {
    const tag = raw as SaxesTagNS
    if (skip > 0) {
      skip--
      return
    }
    const name = tag.local
    if (capture !== null && name === capture.into) {
      const value = capture.value
      if (capture.into === 'note') {
        const recorded = value.trim()
        if (unit && capture.from === SOURCE_HASH_NOTE) unit.sourceHash = recorded
        else if (unit && capture.from === TARGET_HASH_NOTE) unit.exportedTarget = recorded === NO_TARGET ? null : recorded
        else if (!unit && capture.from === ENTRIES_NOTE) declared.entries = recorded
        else if (!unit && capture.from === CHECKSUM_NOTE) declared.checksum = recorded
      } else if (unit) unit[capture.into] = value
      capture = null
    } else if (name === 'trans-unit' && unit && doc) {
      const {id, place, source, sourceHash, exportedTarget} = unit
      // A copy of the English left as exported (`--copy-source`) is no translation.
      const target = unit.targetState === COPIED_STATE && unit.target === source ? undefined : unit.target
      if (source === undefined) reject(file, `Unexpected unit \`${id}\` without \`<source>\`, expected the English in \`<source>\``, place, 'import-malformed-xml')
      else
        doc.units.push({
          id,
          source,
          ...(target === undefined || target === '' ? {} : {target}),
          state: unit.state,
          ...(sourceHash ? {sourceHash} : {}),
          ...(exportedTarget === undefined ? {} : {exportedTarget}),
          place
        })
      unit = null
    } else if (name === 'file') {
      if (doc) verifyEntries(file, declared, doc.units, doc.place, {entries: ENTRIES_NOTE, checksum: CHECKSUM_NOTE})
      doc = null
    }
  })
  parser.write(String(file)).close()
  return result
}
