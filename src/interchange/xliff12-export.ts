import {textHash} from '../ids/similarity.js'
import {XML_INVALID, xmlText} from '../memory/tmx-export.js'
import {entriesChecksum} from './integrity.js'
import {SOURCE_HASH_NOTE, TARGET_HASH_NOTE, unitContext, type ExportDocument, type ExportInput, type ExportUnit} from './model.js'

export const XLIFF12_NAMESPACE = 'urn:oasis:names:tc:xliff:document:1.2'
/** Header notes (`<note from="…">`) with the entry count and checksum (see integrity.ts): XLIFF 1.2 strict allows no foreign attributes. */
export const ENTRIES_NOTE = 'concord-entries'
export const CHECKSUM_NOTE = 'concord-checksum'

/**
 * Target states: translate-toolkit reads `approved="yes"` as "not fuzzy",
 * OmegaT and others read `state`. Stale targets need review; missing ones have no target.
 */
const STATE: Readonly<Record<string, string>> = {stale: 'needs-review-translation', translated: 'translated', reviewed: 'signed-off'}

/** The state of a target that is a copy of the English: the import takes such a target, unchanged, as no translation. */
export const COPIED_STATE = 'new'

const note = (from: string, text: string): string => `<note from="${from}">${xmlText(text)}</note>`

/** XLIFF 1.2 has no escape for XML-invalid characters: they become U+FFFD, and the recorded hash is of what was written, so the import sees no edit. */
function written(target: string, recorded: string): {text: string; hash: string} {
  const clean = target.replace(XML_INVALID, '\uFFFD')
  return {text: xmlText(clean), hash: clean === target ? recorded : textHash(clean)}
}

/** `copySource`: a unit without translation carries the English as its target, `state="new"` (see exportXliff12). */
export type Xliff12Input = ExportInput & {copySource?: boolean}

function unit(doc: ExportDocument, u: ExportUnit, indent: string, copySource: boolean): string[] {
  const preserve = /^\s|\s$|\s\s|[\t\n\r]/.test(u.source + (u.target ?? '')) ? ' xml:space="preserve"' : ''
  const approved = u.state === 'translated' || u.state === 'reviewed' ? ' approved="yes"' : ''
  const target = u.target === undefined ? null : written(u.target, u.targetHash)
  const lines = [`${indent}<trans-unit id="${xmlText(u.id)}"${approved}${preserve}>`, `${indent}  <source>${xmlText(u.source)}</source>`]
  if (target !== null) lines.push(`${indent}  <target state="${STATE[u.state] ?? 'needs-translation'}">${target.text}</target>`)
  else if (copySource) lines.push(`${indent}  <target state="${COPIED_STATE}">${xmlText(u.source)}</target>`)
  lines.push(
    `${indent}  <context-group purpose="location"><context context-type="sourcefile">${xmlText(doc.path)}</context><context context-type="linenumber">${u.line}</context></context-group>`,
    `${indent}  ${note('context', unitContext(u))}`,
    `${indent}  ${note(SOURCE_HASH_NOTE, u.sourceHash)}`,
    `${indent}  ${note(TARGET_HASH_NOTE, target === null ? u.targetHash : target.hash)}`
  )
  if (u.previousSource !== undefined) lines.push(`${indent}  ${note('previous-source', `Previous English: ${u.previousSource}`)}`)
  if (u.terms && u.terms.length > 0) lines.push(`${indent}  ${note('glossary', `Glossary: ${u.terms.map((t) => `${t.term} → ${t.rendering}`).join('; ')}`)}`)
  for (const m of u.matches ?? []) {
    // alt-trans is XLIFF 1.2's place for memory matches: CAT tools and translate-toolkit show it as a suggestion.
    lines.push(`${indent}  <alt-trans match-quality="${m.similarity}" origin="${xmlText(m.origin)}"><source>${xmlText(m.source)}</source><target>${xmlText(m.target)}</target></alt-trans>`)
  }
  lines.push(`${indent}</trans-unit>`)
  return lines
}

function file(input: Xliff12Input, doc: ExportDocument): string[] {
  const lines = [
    `  <file original="${xmlText(doc.path)}" source-language="${xmlText(input.sourceLanguage)}" target-language="${xmlText(input.language)}" datatype="x-markdown" product-name="${xmlText(doc.id)}">`,
    '    <header>',
    `      ${note(ENTRIES_NOTE, String(doc.units.length))}`,
    `      ${note(CHECKSUM_NOTE, entriesChecksum(doc.units))}`,
    ...(doc.title === null ? [] : [`      ${note('title', doc.title)}`]),
    '    </header>',
    '    <body>'
  ]
  let open: string | null = null
  for (const u of doc.units) {
    if (u.section !== open) {
      if (open !== null) lines.push('      </group>')
      open = u.section
      if (open !== null) lines.push(`      <group id="g.${xmlText(open)}" resname="${xmlText(u.sectionTitle ?? open)}">`)
    }
    lines.push(...unit(doc, u, open === null ? '      ' : '        ', input.copySource === true))
  }
  if (open !== null) lines.push('      </group>')
  lines.push('    </body>', '  </file>')
  return lines
}

/**
 * XLIFF 1.2 (OASIS strict schema), for tools that read no XLIFF 2.0:
 * translate-toolkit (`pocount`, `xliff2po`), OmegaT 3.x, older Trados.
 * Same units and notes as the XLIFF 2.0 export; memory matches as `<alt-trans>`.
 *
 * OmegaT 3.x's built-in XLIFF filter translates the `<target>`, not the
 * `<source>`: a unit without a target is not a segment there. `copySource`
 * writes the English into the target of every unit without a translation
 * (as Okapi's tools do), which translate-toolkit in turn counts as fuzzy;
 * hence an option, not the default.
 */
export function exportXliff12(input: Xliff12Input): string {
  const documents = input.documents.filter((d) => d.units.length > 0)
  return ['<?xml version="1.0" encoding="UTF-8"?>', `<xliff version="1.2" xmlns="${XLIFF12_NAMESPACE}">`, ...documents.flatMap((d) => file(input, d)), '</xliff>'].join('\n') + '\n'
}
