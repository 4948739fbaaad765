/**
 * The XMP metadata packet of a tagged edition (ISO 16684-1), which PDF/A
 * and PDF/UA read their identification from. pdfkit writes a packet of its
 * own from the Info dictionary, without escaping and without languages;
 * this one replaces its descriptions (see `pdfkit-private.ts`) and must
 * agree with the Info dictionary entry for entry (PDF/A-2 §6.6.2.3):
 * Title ↔ dc:title, Author ↔ dc:creator, Subject ↔ dc:description,
 * Keywords ↔ pdf:Keywords, Creator ↔ xmp:CreatorTool, Producer ↔
 * pdf:Producer, CreationDate/ModDate ↔ xmp:CreateDate/ModifyDate.
 */

export interface XmpValues {
  title: string
  /** Language of the title (xml:lang), when it is in one. */
  titleLang?: string
  author?: string
  description?: string
  descriptionLang?: string
  keywords?: string
  creatorTool: string
  producer: string
  date: Date
  /** dc:language: the languages of the text, the main one first. */
  languages: readonly string[]
  /** pdfuaid:part (pdfaid:part and conformance are written by pdfkit, from its `subset` option). */
  pdfua?: 1
}

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** An xmp date: seconds and UTC, as the Info dictionary's `D:YYYYMMDDHHmmSSZ` has them. */
export const xmpDate = (date: Date): string => `${date.toISOString().slice(0, 19)}Z`

/** A language alternative: x-default first (what PDF/A compares with Info), then the same text in its language. */
function alt(text: string, lang?: string): string {
  const items = [`<rdf:li xml:lang="x-default">${escape(text)}</rdf:li>`, ...(lang ? [`<rdf:li xml:lang="${escape(lang)}">${escape(text)}</rdf:li>`] : [])]
  return `<rdf:Alt>${items.join('')}</rdf:Alt>`
}

const list = (kind: 'Bag' | 'Seq', items: readonly string[]): string => `<rdf:${kind}>${items.map((i) => `<rdf:li>${escape(i)}</rdf:li>`).join('')}</rdf:${kind}>`

// pdfuaid is not among the schemas PDF/A-2 predefines, so the packet describes it (PDF/A-2 §6.6.2.3.3).
const PDFUA_EXTENSION = `<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Part of ISO 14289 the document conforms to</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>`

/** The rdf:Description elements of the packet (pdfkit wraps them in x:xmpmeta and rdf:RDF). */
export function xmpDescriptions(values: XmpValues): string {
  const dc = [
    '<dc:format>application/pdf</dc:format>',
    `<dc:title>${alt(values.title, values.titleLang)}</dc:title>`,
    ...(values.author ? [`<dc:creator>${list('Seq', [values.author])}</dc:creator>`] : []),
    ...(values.description ? [`<dc:description>${alt(values.description, values.descriptionLang)}</dc:description>`] : []),
    ...(values.languages.length ? [`<dc:language>${list('Bag', values.languages)}</dc:language>`] : [])
  ]
  const date = xmpDate(values.date)
  const xmp = [
    `<xmp:CreateDate>${date}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${date}</xmp:MetadataDate>`,
    `<xmp:CreatorTool>${escape(values.creatorTool)}</xmp:CreatorTool>`
  ]
  const pdf = [`<pdf:Producer>${escape(values.producer)}</pdf:Producer>`, ...(values.keywords ? [`<pdf:Keywords>${escape(values.keywords)}</pdf:Keywords>`] : [])]
  return [
    `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">${dc.join('')}</rdf:Description>`,
    `<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">${xmp.join('')}</rdf:Description>`,
    `<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">${pdf.join('')}</rdf:Description>`,
    ...(values.pdfua
      ? [`<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"><pdfuaid:part>${values.pdfua}</pdfuaid:part></rdf:Description>`, PDFUA_EXTENSION]
      : [])
  ].join('\n')
}
