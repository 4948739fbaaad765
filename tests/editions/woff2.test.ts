/**
 * The WOFF2 writer (null transform, Node's Brotli): fontkit reads the file
 * back as WOFF2 with the same glyphs, outlines and layout as the TrueType
 * subset it wraps, and the same input gives the same bytes.
 */
import {createRequire} from 'node:module'
import {readFileSync} from 'node:fs'
import * as fontkit from 'fontkit'
import {describe, expect, it} from 'vitest'
import {sfntToWoff2} from '../../src/editions/html/woff2.js'
import {fontPath, type FontKey} from '../../src/pdf/fonts.js'

const require = createRequire(import.meta.url)
const subsetFont = require('subset-font') as (font: Buffer, text: string, options: {targetFormat: 'truetype'}) => Promise<Buffer>

describe('sfntToWoff2', () => {
  it.each([
    ['kr-regular', '인권은 인간에게 주어진 가장 기본적인 권리이다. IPCNKR 2007'],
    ['jp-regular', '北朝鮮難民救援基金の事務局長であった。'],
    ['latin-bold', 'Joint Statement — 29 August 2007, “Resolutions:”']
  ] satisfies Array<[FontKey, string]>)('wraps a %s subset that reads back with the same glyphs and outlines', async (key, text) => {
    const sfnt = await subsetFont(readFileSync(fontPath(key)), text, {targetFormat: 'truetype'})
    const woff2 = sfntToWoff2(sfnt)
    expect(Buffer.from(woff2.subarray(0, 4)).toString('latin1')).toBe('wOF2')
    expect(woff2.byteLength % 4).toBe(0)
    expect(woff2.byteLength).toBeLessThan(sfnt.byteLength)
    expect(sfntToWoff2(sfnt)).toEqual(woff2)
    const back = fontkit.create(Buffer.from(woff2)) as fontkit.Font
    const original = fontkit.create(sfnt) as fontkit.Font
    expect(back.type).toBe('WOFF2')
    expect(back.numGlyphs).toBe(original.numGlyphs)
    const ids = (font: fontkit.Font) => font.layout(text).glyphs.map((g) => g.id)
    expect(ids(back)).toEqual(ids(original))
    expect(ids(back)).not.toContain(0)
    for (let id = 0; id < original.numGlyphs; id++) expect(back.getGlyph(id).path.toSVG()).toBe(original.getGlyph(id).path.toSVG())
  })
})
