/** A translation unit of the TMX export: one current translation of one segment. */
export interface TmxUnit {
  id: string
  document: string
  state: string
  source: string
  target: string
}

export interface TmxInput {
  sourceLanguage: string
  language: string
  /** The tool's version, for the header. */
  version: string
  units: readonly TmxUnit[]
}

/** Characters XML 1.0 cannot carry; TMX has no escape for them, so they become U+FFFD. */
export const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

export const xmlText = (value: string): string =>
  value.replace(XML_INVALID, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\r/g, '&#13;')

/**
 * TMX 1.4 of one language's current translations, for a CAT tool's memory:
 * the segment ID is the `tuid`, the document and the state are properties.
 * No dates: the same locales give the same file.
 */
export function exportTmx(input: TmxInput): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<tmx version="1.4">',
    `  <header creationtool="concord" creationtoolversion="${xmlText(input.version)}" segtype="sentence" o-tmf="concord" adminlang="en" srclang="${xmlText(input.sourceLanguage)}" datatype="plaintext"/>`,
    '  <body>'
  ]
  for (const unit of input.units) {
    lines.push(
      `    <tu tuid="${xmlText(unit.id)}">`,
      `      <prop type="x-document">${xmlText(unit.document)}</prop>`,
      `      <prop type="x-state">${xmlText(unit.state)}</prop>`,
      `      <tuv xml:lang="${xmlText(input.sourceLanguage)}"><seg>${xmlText(unit.source)}</seg></tuv>`,
      `      <tuv xml:lang="${xmlText(input.language)}"><seg>${xmlText(unit.target)}</seg></tuv>`,
      '    </tu>'
    )
  }
  lines.push('  </body>', '</tmx>')
  return lines.join('\n') + '\n'
}
