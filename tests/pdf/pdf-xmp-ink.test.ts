/**
 * The XMP packet of a tagged document is well-formed XML whatever its
 * values hold, and says what the Info dictionary says; neutral colours are
 * written as DeviceGray, colours as RGB.
 */
import {execFileSync} from 'node:child_process'
import {describe, expect, it} from 'vitest'
import {greyLevel} from '../../src/pdf/ink.js'
import {createPdfDocument, pdfToBuffer} from '../../src/pdf/pdf-document.js'
import {defaultGeometry} from '../../src/pdf/page-flow.js'
import {xmpDescriptions} from '../../src/pdf/xmp.js'
import {xmpOf} from '../helpers/pdf-structure.js'

const wellFormed = (xml: string): string => execFileSync('xmllint', ['--noout', '-'], {input: xml, encoding: 'utf8'})

describe('XMP', () => {
  it('escapes markup in values and gives each text its language', () => {
    const xml = xmpDescriptions({
      title: 'Fish & <Chips> "now"',
      titleLang: 'ko',
      author: 'A & B',
      description: 'x < y',
      descriptionLang: 'en',
      creatorTool: 'Concord',
      producer: 'Concord (pdfkit)',
      date: new Date('2007-08-29T00:00:00Z'),
      languages: ['ko', 'en'],
      pdfua: 1
    })
    const packet = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">${xml}</rdf:RDF></x:xmpmeta>`
    expect(wellFormed(packet)).toBe('')
    expect(xml).toContain('<rdf:li xml:lang="x-default">Fish &amp; &lt;Chips&gt; &quot;now&quot;</rdf:li><rdf:li xml:lang="ko">')
    expect(xml).toContain('<dc:language><rdf:Bag><rdf:li>ko</rdf:li><rdf:li>en</rdf:li></rdf:Bag></dc:language>')
    expect(xml).toContain('<xmp:CreateDate>2007-08-29T00:00:00Z</xmp:CreateDate><xmp:ModifyDate>2007-08-29T00:00:00Z</xmp:ModifyDate>')
  })

  it('replaces pdfkit’s own descriptions in a tagged document, and leaves an untagged one alone', async () => {
    const make = async (tagged: boolean) => {
      const doc = createPdfDocument({lang: 'en', geometry: defaultGeometry(), tagged, info: {Title: 'T & U', Author: 'Me'}, date: new Date('2020-01-01T00:00:00Z')})
      doc.addPage()
      return xmpOf(await pdfToBuffer(doc))
    }
    const tagged = await make(true)
    expect(wellFormed(tagged)).toBe('')
    expect(tagged.match(/<dc:title>/g)).toHaveLength(1)
    expect(tagged).toContain('<pdfuaid:part>1</pdfuaid:part>')
    expect(tagged).toContain('<pdfaid:conformance>A</pdfaid:conformance>')
    const untagged = await make(false)
    expect(untagged).not.toContain('pdfuaid')
    expect(untagged).not.toContain('pdfaid')
  })
})

describe('ink', () => {
  it('gives neutral colours a grey level and leaves colours alone', () => {
    expect(greyLevel('black')).toBe(0)
    expect(greyLevel('#000')).toBe(0)
    expect(greyLevel('#555555')).toBeCloseTo(0x55 / 255)
    expect(greyLevel('#FFFFFF')).toBe(1)
    expect(greyLevel('#7a4a00')).toBeUndefined()
    expect(greyLevel('#1a4a8c')).toBeUndefined()
    expect(greyLevel('red')).toBeUndefined()
  })
})
