import type {ExportUnit} from './model.js'

export const MATCHES_NAMESPACE = 'urn:oasis:names:tc:xliff:matches:2.0'
export const GLOSSARY_NAMESPACE = 'urn:oasis:names:tc:xliff:glossary:2.0'

/** The ID the unit's one segment takes when a module refers to it (`ref="#s1"`). */
export const SEGMENT_ID = 's1'

export interface XmlWriters {
  /** Element content. */
  text: (value: string) => string
  /** Attribute value in double quotes. */
  attribute: (value: string) => string
}

/**
 * XLIFF 2.0 module elements that go first in a `<unit>`: the Translation
 * Candidates module (`<mtc:matches>`, memory matches with similarity and
 * origin) and the Glossary module (`<gls:glossary>`, the terms the English
 * holds with this language's rendering). Namespaces are declared on the
 * elements, so units without them are as before. The import skips both.
 */
export function unitModules(u: ExportUnit, indent: string, xml: XmlWriters): string[] {
  const lines: string[] = []
  if (u.matches && u.matches.length > 0) {
    lines.push(`${indent}<mtc:matches xmlns:mtc="${MATCHES_NAMESPACE}">`)
    for (const m of u.matches) {
      lines.push(
        `${indent}  <mtc:match ref="#${SEGMENT_ID}" type="tm" similarity="${m.similarity}" origin="${xml.attribute(m.origin)}">`,
        `${indent}    <source>${xml.text(m.source)}</source>`,
        `${indent}    <target>${xml.text(m.target)}</target>`,
        `${indent}  </mtc:match>`
      )
    }
    lines.push(`${indent}</mtc:matches>`)
  }
  if (u.terms && u.terms.length > 0) {
    lines.push(`${indent}<gls:glossary xmlns:gls="${GLOSSARY_NAMESPACE}">`)
    for (const t of u.terms) {
      lines.push(
        `${indent}  <gls:glossEntry>`,
        `${indent}    <gls:term source="content/glossary.json">${xml.text(t.term)}</gls:term>`,
        `${indent}    <gls:translation>${xml.text(t.rendering)}</gls:translation>`,
        `${indent}  </gls:glossEntry>`
      )
    }
    lines.push(`${indent}</gls:glossary>`)
  }
  return lines
}
