import {SOURCE_HASH_NOTE, TARGET_HASH_NOTE, unitContext, type ExportDocument, type ExportInput, type ExportUnit} from './model.js'
import {attribute, inlineText, needsPreserve, plainText} from './xml-text.js'

export const XLIFF_NAMESPACE = 'urn:oasis:names:tc:xliff:document:2.0'


/** Group IDs must not clash with unit IDs; segment IDs never contain `.`. */
export const groupId = (section: string): string => `g.${section}`

const XLIFF_STATE = {missing: 'initial', stale: 'initial', translated: 'translated', reviewed: 'reviewed'} as const

function content(tag: 'source' | 'target', value: string): string {
  const space = needsPreserve(value) ? ' xml:space="preserve"' : ''
  return `<${tag}${space}>${inlineText(value)}</${tag}>`
}

function note(category: string, text: string, appliesTo?: 'source' | 'target'): string {
  const applies = appliesTo ? ` appliesTo="${appliesTo}"` : ''
  return `<note category="${category}"${applies}>${plainText(text)}</note>`
}

function unit(doc: ExportDocument, u: ExportUnit, indent: string): string[] {
  const notes = [
    note('context', unitContext(u)),
    note('location', `${doc.path}:${u.line}`),
    note(SOURCE_HASH_NOTE, u.sourceHash),
    note(TARGET_HASH_NOTE, u.targetHash),
    ...(u.previousSource === undefined ? [] : [note('previous-source', `Previous English: ${u.previousSource}`, 'source')])
  ]
  return [
    `${indent}<unit id="${attribute(u.id)}">`,
    `${indent}  <notes>`,
    ...notes.map((n) => `${indent}    ${n}`),
    `${indent}  </notes>`,
    `${indent}  <segment state="${XLIFF_STATE[u.state]}">`,
    `${indent}    ${content('source', u.source)}`,
    ...(u.target === undefined ? [] : [`${indent}    ${content('target', u.target)}`]),
    `${indent}  </segment>`,
    `${indent}</unit>`
  ]
}

function file(doc: ExportDocument): string[] {
  const lines = [`  <file id="${attribute(doc.id)}" original="${attribute(doc.path)}" canResegment="no">`]
  if (doc.title !== null) lines.push('    <notes>', `      ${note('title', doc.title)}`, '    </notes>')
  let open: string | null = null
  for (const u of doc.units) {
    if (u.section !== open) {
      if (open !== null) lines.push('    </group>')
      open = u.section
      // Units before the first heading sit directly in the file.
      if (open !== null) lines.push(`    <group id="${attribute(groupId(open))}" name="${attribute(u.sectionTitle ?? open)}">`)
    }
    lines.push(...unit(doc, u, open === null ? '    ' : '      '))
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
    ...documents.flatMap(file),
    '</xliff>'
  ]
  return lines.join('\n') + '\n'
}
