import {unitNotes} from './unit-notes.js'
import {entriesChecksum, INTEGRITY_NAMESPACE, INTEGRITY_PREFIX} from './integrity.js'
import {SEGMENT_ID, unitModules} from './xliff-modules.js'
import {reviewNotes} from './review-context.js'
import {SOURCE_HASH_NOTE, TARGET_HASH_NOTE, unitContext, type ExportDocument, type ExportInput, type ExportUnit} from './model.js'

/**
 * XML text for XLIFF 2.0. Translations are untrusted and may hold characters
 * XML 1.0 cannot carry at all (C0 controls, U+FFFE/U+FFFF, lone surrogates):
 * XLIFF 2.0 writes those as `<cp hex="…"/>`, which the import turns back into
 * the same character, so every string round-trips exactly.
 */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

const hex = (char: string): string => char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')

/** Element content with inline `<cp>` codes: for `<source>` and `<target>`. */
function inlineText(value: string): string {
  return (
    value
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      // A parser turns a raw CR into LF; a character reference survives.
      .replace(/\r/g, '&#13;')
      .replace(XML_INVALID, (char) => `<cp hex="${hex(char)}"/>`)
  )
}

/** Element content that allows no inline codes (`<note>`): invalid characters become U+FFFD, since notes are informative only. */
function plainText(value: string): string {
  return inlineText(value.replace(XML_INVALID, '\uFFFD'))
}

/** Attribute value in double quotes; whitespace is escaped so attribute normalisation keeps it. */
function attribute(value: string): string {
  return plainText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;')
}

/** Whether a text needs `xml:space="preserve"` for tools to keep its whitespace as it is. */
function needsPreserve(value: string): boolean {
  return /^\s|\s$|\s\s|[\t\n\r]/.test(value)
}

export const XLIFF_NAMESPACE = 'urn:oasis:names:tc:xliff:document:2.0'

/** Group IDs must not clash with unit IDs; segment IDs never contain `.`. */
const groupId = (section: string): string => `g.${section}`

const XLIFF_STATE = {missing: 'initial', stale: 'initial', draft: 'initial', translated: 'translated', reviewed: 'reviewed'} as const

function content(tag: 'source' | 'target', value: string): string {
  const space = needsPreserve(value) ? ' xml:space="preserve"' : ''
  return `<${tag}${space}>${inlineText(value)}</${tag}>`
}

function note(category: string, text: string, appliesTo?: 'source' | 'target'): string {
  const applies = appliesTo ? ` appliesTo="${appliesTo}"` : ''
  return `<note category="${category}"${applies}>${plainText(text)}</note>`
}

function unit(doc: ExportDocument, u: ExportUnit, indent: string, language: string): string[] {
  const notes = [
    note('context', unitContext(u)),
    note('location', `${doc.path}:${u.line}`),
    note(SOURCE_HASH_NOTE, u.sourceHash),
    note(TARGET_HASH_NOTE, u.targetHash),
    ...(u.previousSource === undefined ? [] : [note('previous-source', `Previous English: ${u.previousSource}`, 'source')]),
    ...unitNotes(u).map(([category, text]) => note(category, text)),
    ...reviewNotes(u, language).map(([category, text]) => note(category, text))
  ]
  return [
    `${indent}<unit id="${attribute(u.id)}">`,
    ...unitModules(u, `${indent}  `, {text: inlineText, attribute}),
    `${indent}  <notes>`,
    ...notes.map((n) => `${indent}    ${n}`),
    `${indent}  </notes>`,
    `${indent}  <segment${u.matches?.length ? ` id="${SEGMENT_ID}"` : ''} state="${XLIFF_STATE[u.state]}">`,
    `${indent}    ${content('source', u.source)}`,
    ...(u.target === undefined ? [] : [`${indent}    ${content('target', u.target)}`]),
    `${indent}  </segment>`,
    `${indent}</unit>`
  ]
}

function file(doc: ExportDocument, language: string): string[] {
  // Entry count and checksum for the import (see integrity.ts).
  const integrity = `xmlns:${INTEGRITY_PREFIX}="${INTEGRITY_NAMESPACE}" ${INTEGRITY_PREFIX}:entries="${doc.units.length}" ${INTEGRITY_PREFIX}:checksum="${entriesChecksum(doc.units)}"`
  const lines = [`  <file id="${attribute(doc.id)}" original="${attribute(doc.path)}" canResegment="no" ${integrity}>`]
  if (doc.title !== null) lines.push('    <notes>', `      ${note('title', doc.title)}`, '    </notes>')
  let open: string | null = null
  for (const u of doc.units) {
    if (u.section !== open) {
      if (open !== null) lines.push('    </group>')
      open = u.section
      // Units before the first heading sit directly in the file.
      if (open !== null) lines.push(`    <group id="${attribute(groupId(open))}" name="${attribute(u.sectionTitle ?? open)}">`)
    }
    lines.push(...unit(doc, u, open === null ? '    ' : '      ', language))
  }
  if (open !== null) lines.push('    </group>')
  lines.push('  </file>')
  return lines
}

/**
 * An XLIFF 2.0 core document: one `<file>` per document, a `<group>` per
 * section, a `<unit>` per segment. Inline Markdown stays as text (escaped XML),
 * so `**bold**` reaches the translator as `**bold**` and comes back unchanged.
 * Documents without units are left out; the caller handles an empty result.
 */
export function exportXliff(input: ExportInput): string {
  const documents = input.documents.filter((d) => d.units.length > 0)
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff xmlns="${XLIFF_NAMESPACE}" version="2.0" srcLang="${attribute(input.sourceLanguage)}" trgLang="${attribute(input.language)}">`,
    ...documents.flatMap((d) => file(d, input.language)),
    '</xliff>'
  ]
  return lines.join('\n') + '\n'
}
