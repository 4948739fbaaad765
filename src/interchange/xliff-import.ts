import {SaxesParser, type SaxesTagNS} from 'saxes'
import type {VFile} from 'vfile'
import type {Place} from '../core/json.js'
import {EXPORTED_TARGET_NOTE} from './review-context.js'
import {NO_TARGET, reject, SOURCE_HASH_NOTE, TARGET_HASH_NOTE, type ImportDocument, type ImportUnit, type ParsedInterchange} from './model.js'
import {XLIFF_NAMESPACE} from './xliff-export.js'
import {failRule, type ErrorRuleId} from '../core/rules.js'
import {cleanName} from '../translations/provenance.js'
import {INTEGRITY_NAMESPACE, verifyEntries, type Declared} from './integrity.js'

/** The XLIFF 2 metadata module: `<mda:meta type="translator">` names who translated the file. */
const METADATA_NAMESPACE = 'urn:oasis:names:tc:xliff:metadata:2.0'

const STATES: Record<string, ImportUnit['state']> = {initial: 'initial', translated: 'translated', reviewed: 'reviewed', final: 'reviewed'}
/** Inline codes Concord never writes: Markdown travels as text, so a code here would be lost. */
const CODES = new Set(['ph', 'pc', 'sc', 'ec'])

interface OpenUnit {
  id: string
  place: Place
  segments: number
  source?: string
  target?: string
  state: ImportUnit['state']
  sourceHash?: string
  exportedTarget?: string | null
  exportedText?: string
  targetPlace?: Place
}

/**
 * Read an XLIFF 2.0 file exported by `concord export --format xliff` and
 * translated in a CAT tool (XLIFF 1.2 goes to xliff12-import.ts). Strict XML (saxes); malformed XML and XLIFF 1.0/1.1
 * are fatal at their line and column, other problems are collected.
 */
export function parseXliff(file: VFile): ParsedInterchange {
  const parser = new SaxesParser({xmlns: true, position: true})
  const result: ParsedInterchange = {format: 'xliff', sourceLanguage: null, language: null, languagePlace: {line: 1, column: 1}, documents: []}
  const fatal = (reason: string, place: Place, ruleId: ErrorRuleId): never => failRule(file, ruleId, reason, place)
  let start: Place = {line: 1, column: 1}
  let depth = 0
  let foreign = 0
  let doc: ImportDocument | null = null
  let declared: Declared = {}
  let unit: OpenUnit | null = null
  let ignorable = false
  let translator: string | null = null
  let capture: {into: 'source' | 'target' | 'note'; value: string; category?: string} | null = null

  const text = String(file)
  parser.on('error', (error) => {
    const reason = error.message.replace(/^\d+:\d+: /, '').replace(/\.$/, '')
    let place: Place = {line: parser.line, column: Math.max(parser.column, 1)}
    // saxes notices a bad entity at its `;`, possibly lines later: point at the `&` instead.
    const amp = /entity/.test(reason) ? text.lastIndexOf('&', parser.position - 1) : -1
    if (amp >= 0) place = {line: text.slice(0, amp).split('\n').length, column: amp - text.lastIndexOf('\n', amp - 1)}
    fatal(`Unexpected XML: ${reason}; expected well-formed XML (write \`&\` as \`&amp;\` and \`<\` as \`&lt;\`, and close every element)`, place, 'import-malformed-xml')
  })
  parser.on('doctype', () => fatal('Unexpected DOCTYPE, expected XLIFF 2.0 without a document type declaration', {line: parser.line, column: 1}, 'import-malformed-xml'))
  parser.on('opentagstart', (tag) => {
    start = {line: parser.line, column: Math.max(parser.column - tag.name.length - 1, 1)}
  })
  parser.on('opentag', (raw) => {
    const tag = raw as SaxesTagNS
    const attr = (name: string): string | undefined => tag.attributes[name]?.value
    depth++
    if (depth === 1) {
      const version = attr('version') ?? ''
      if (tag.local !== 'xliff') fatal(`Unexpected root element \`<${tag.name}>\`, expected \`<xliff>\` (XLIFF 2.0)`, start, 'import-malformed-xml')
      const old = /^urn:oasis:names:tc:xliff:document:(1\.\d)$/.exec(tag.uri)?.[1] ?? (version.startsWith('1.') ? version : null)
      if (old !== null) {
        fatal(
          `Unexpected XLIFF ${old} (version \`${version}\`, namespace \`${tag.uri}\`), expected XLIFF 2.0 (namespace \`${XLIFF_NAMESPACE}\`) or 1.2; export again with \`npx concord export --format xliff\` (or \`xliff12\`) and have the CAT tool save the same version`,
          start,
          'import-xliff-version'
        )
      }
      if (tag.uri !== XLIFF_NAMESPACE || !/^2\.\d$/.test(version)) {
        fatal(`Unexpected XLIFF version \`${version}\` with namespace \`${tag.uri}\`, expected version \`2.0\` in namespace \`${XLIFF_NAMESPACE}\``, start, 'import-xliff-version')
      }
      result.sourceLanguage = attr('srcLang') ?? null
      result.language = attr('trgLang') ?? null
      result.languagePlace = start
      return
    }
    if (tag.uri === METADATA_NAMESPACE && tag.local === 'meta' && /^(?:last-)?translator$/i.test(attr('type') ?? '') && capture === null) translator = ''
    if (foreign > 0 || tag.uri !== XLIFF_NAMESPACE) {
      // Elements of XLIFF modules and other namespaces carry nothing Concord imports but the translator's name (metadata module).
      if (capture === null) foreign++
      else if (tag.local !== 'mrk') reject(file, `Unexpected element \`<${tag.name}>\` inside \`<${capture.into}>\`, expected plain text`, start, 'import-inline-code')
      return
    }
    const name = tag.local
    if (capture !== null) {
      if (name === 'cp') {
        const hex = attr('hex') ?? ''
        if (/^[0-9A-Fa-f]{1,6}$/.test(hex)) capture.value += String.fromCodePoint(parseInt(hex, 16))
        else reject(file, `Unexpected \`<cp hex="${hex}">\`, expected a hexadecimal code point`, start, 'import-malformed-xml')
      } else if (CODES.has(name)) {
        reject(
          file,
          `Unexpected inline code \`<${name}>\` in unit \`${unit?.id ?? '?'}\`, expected plain text: Concord keeps Markdown as text (\`**bold**\`, \`[link](…)\`); set the CAT tool to not convert it`,
          start,
          'import-inline-code'
        )
      }
      return
    }
    if (name === 'file') {
      doc = {id: attr('id') ?? '', place: start, units: []}
      const integrity = (local: string): string | undefined => Object.values(tag.attributes).find((a) => a.uri === INTEGRITY_NAMESPACE && a.local === local)?.value
      declared = {entries: integrity('entries'), checksum: integrity('checksum')}
      result.documents.push(doc)
    } else if (name === 'unit' && doc) {
      unit = {id: attr('id') ?? '', place: start, segments: 0, state: 'initial'}
    } else if (name === 'ignorable') {
      ignorable = true
    } else if (name === 'segment' && unit) {
      unit.segments++
      if (unit.segments > 1)
        reject(file, `Unexpected second \`<segment>\` in unit \`${unit.id}\`, expected one segment per unit; join the segments again in the CAT tool`, start, 'import-resegmented')
      const state = attr('state') ?? 'initial'
      if (Object.hasOwn(STATES, state)) unit.state = STATES[state]!
      else reject(file, `Unexpected state \`${state}\` in unit \`${unit.id}\`, expected \`initial\`, \`translated\`, \`reviewed\` or \`final\``, start, 'import-malformed-xml')
    } else if ((name === 'source' || name === 'target') && unit && !ignorable) {
      capture = {into: name, value: ''}
      if (name === 'target' && unit.segments <= 1) unit.targetPlace = start
    } else if (name === 'note' && unit && (attr('category') === SOURCE_HASH_NOTE || attr('category') === TARGET_HASH_NOTE || attr('category') === EXPORTED_TARGET_NOTE)) {
      capture = {into: 'note', value: '', category: attr('category')!}
    }
  })
  const append = (value: string): void => {
    if (capture !== null && foreign === 0) capture.value += value
    if (translator !== null && translator.length < 1000) translator += value
  }
  parser.on('text', append)
  parser.on('cdata', append)
  parser.on('closetag', (raw) => {
    const tag = raw as SaxesTagNS
    depth--
    if (translator !== null && tag.uri === METADATA_NAMESPACE && tag.local === 'meta') {
      // The first name given is the file's.
      result.translator ??= cleanName(translator)
      if (result.translator === undefined) delete result.translator
      translator = null
    }
    if (foreign > 0) {
      foreign--
      return
    }
    if (tag.uri !== XLIFF_NAMESPACE) return
    const name = tag.local
    if (capture !== null && (name === 'source' || name === 'target' || name === 'note')) {
      const recorded = capture.value.trim()
      if (unit && capture.category === SOURCE_HASH_NOTE) unit.sourceHash = recorded
      else if (unit && capture.category === TARGET_HASH_NOTE) unit.exportedTarget = recorded === NO_TARGET ? null : recorded
      else if (unit && capture.category === EXPORTED_TARGET_NOTE) unit.exportedText = capture.value
      else if (unit && capture.into === 'source' && unit.segments <= 1) unit.source = capture.value
      else if (unit && capture.into === 'target' && unit.segments <= 1) unit.target = capture.value
      capture = null
    } else if (name === 'ignorable') {
      ignorable = false
    } else if (name === 'unit' && unit && doc) {
      const {id, place, source, target, state, sourceHash, exportedTarget, exportedText, targetPlace} = unit
      if (source === undefined) reject(file, `Unexpected unit \`${id}\` without \`<source>\`, expected the English in \`<segment><source>\``, place, 'import-malformed-xml')
      else
        doc.units.push({
          id,
          source,
          ...(target === undefined || target === '' ? {} : {target}),
          state,
          ...(sourceHash ? {sourceHash} : {}),
          ...(exportedTarget === undefined ? {} : {exportedTarget}),
          ...(exportedText === undefined ? {} : {exportedText}),
          ...(targetPlace === undefined ? {} : {targetPlace}),
          place
        })
      unit = null
    } else if (name === 'file') {
      if (doc) verifyEntries(file, declared, doc.units, doc.place, {entries: 'concord:entries', checksum: 'concord:checksum'})
      doc = null
    }
  })
  parser.write(text).close()
  return result
}
