import PDFDocument from 'pdfkit'
import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {createRequire} from 'node:module'
import {describe, expect, it} from 'vitest'
import {allFontKeys, commonMetrics, fontKey, fontPath, hasGlyph, loadFont} from '../../src/pdf/fonts.js'
import {documentMeasure, measureText} from '../../src/pdf/measure.js'
import {assignFonts, checkCoverage, checkSpansCoverage, classifyChar, describeUncovered, normalizeText, splitRuns, UncoveredCharacterError} from '../../src/pdf/script-runs.js'
import {breakLines} from '../../src/pdf/line-break.js'
import {createPdfDocument} from '../../src/pdf/pdf-document.js'
import {lazyPostTable} from '../../src/pdf/post-header.js'
import {readFaceHeader} from '../../src/pdf/face-header.js'
import {repo, tempDir} from '../helpers/cli.js'
import {defaultGeometry} from '../../src/pdf/page-flow.js'
import {BRIEF_SENTENCES, SAMPLES} from '../helpers/pdf-editions.js'

const runs = (text: string, lang: string) => splitRuns(text, lang).map((r) => `${r.font}:${r.text}`)

describe('font files', () => {
  it('resolves every face from the npm packages and parses each once per process', () => {
    expect(allFontKeys()).toEqual(['latin-regular', 'latin-bold', 'latin-italic', 'latin-bold-italic', 'kr-regular', 'kr-bold', 'jp-regular', 'jp-bold'])
    for (const key of allFontKeys()) expect(existsSync(fontPath(key)), key).toBe(true)
    expect(fontPath('kr-bold')).toMatch(/noto-sans-kr[\\/]700Bold[\\/]NotoSansKR_700Bold\.ttf$/)
    expect(loadFont('kr-regular')).toBe(loadFont('kr-regular'))
    expect(loadFont('jp-regular').postscriptName).toBe('NotoSansJP-Regular')
  })

  it('hands pdfkit the process-wide parsed fonts, not paths to parse again', () => {
    const a = createPdfDocument({lang: 'ko', geometry: defaultGeometry('A5'), info: {Title: 'a'}})
    const b = createPdfDocument({lang: 'ja', geometry: defaultGeometry('A5'), info: {Title: 'b'}})
    const registered = (doc: unknown, key: string) => (doc as {_registeredFonts: Record<string, {src: unknown}>})._registeredFonts[key]!.src
    for (const key of allFontKeys()) {
      expect(registered(a, key)).toBe(loadFont(key))
      expect(registered(b, key)).toBe(loadFont(key))
    }
  })

  it('reads each face’s `post` header as fontkit does, and its glyph names only when asked', () => {
    const require = createRequire(import.meta.url)
    const fontkit = require('fontkit') as {openSync: (path: string) => Record<string, unknown> & {getGlyph: (id: number) => {name: string}}}
    const header = ['version', 'italicAngle', 'underlinePosition', 'underlineThickness', 'isFixedPitch', 'minMemType42', 'maxMemType42', 'minMemType1', 'maxMemType1']
    for (const key of allFontKeys()) {
      const fresh = fontkit.openSync(fontPath(key))
      const post = fresh.post as Record<string, unknown>
      const lazy = fontkit.openSync(fontPath(key))
      lazyPostTable(lazy)
      const tables = lazy._tables as Record<string, Record<string, unknown>>
      for (const field of header) expect(tables.post![field], `${key} ${field}`).toBe(post[field])
      expect(lazy.italicAngle, key).toBe(fresh.italicAngle)
      // Noto Sans has glyph names (format 2): decoded on demand, the same as fontkit's.
      expect(lazy.getGlyph(36).name, key).toBe(fresh.getGlyph(36).name)
      expect(tables.post!.names, key).toEqual(post.names)
    }
    expect((fontkit.openSync(fontPath('latin-italic')).post as {italicAngle: number}).italicAngle).toBeLessThan(0)
    expect(loadFont('latin-regular').postscriptName).toBe('NotoSans-Regular')
  })

  it('reads each face’s vertical metrics from the file’s header as fontkit does', () => {
    for (const key of allFontKeys()) {
      const font = loadFont(key)
      expect(readFaceHeader(fontPath(key)), key).toEqual({unitsPerEm: font.unitsPerEm, ascent: font.ascent, descent: font.descent, lineGap: font.lineGap})
    }
    // Not a font, or cut short: the caller asks fontkit instead.
    const dir = tempDir('concord-face-header-')
    writeFileSync(join(dir, 'short.ttf'), readFileSync(fontPath('latin-regular')).subarray(0, 100))
    expect(readFaceHeader(join(dir, 'short.ttf'))).toBeUndefined()
    expect(readFaceHeader(join(repo, 'package.json'))).toBeUndefined()
    expect(readFaceHeader(join(dir, 'missing.ttf'))).toBeUndefined()
  })

  it('falls back to the upright face where a family has no italic', () => {
    expect(fontKey('kr', 'italic')).toBe('kr-regular')
    expect(fontKey('jp', 'bold-italic')).toBe('jp-bold')
    expect(fontKey('latin', 'bold-italic')).toBe('latin-bold-italic')
  })

  it('reports glyph coverage, including Mongolian Ө ө Ү ү in Noto Sans only', () => {
    for (const ch of 'ӨөҮү') {
      expect(hasGlyph('latin-regular', ch.codePointAt(0)!)).toBe(true)
      expect(hasGlyph('kr-regular', ch.codePointAt(0)!)).toBe(false)
    }
    expect(hasGlyph('jp-regular', 'あ'.codePointAt(0)!)).toBe(true)
    expect(hasGlyph('latin-regular', '한'.codePointAt(0)!)).toBe(false)
    expect(commonMetrics().ascender).toBeGreaterThanOrEqual(1069)
  })
})

describe('script runs', () => {
  it('draws Latin and digits in a Korean sentence with faces that have them', () => {
    expect(runs(BRIEF_SENTENCES.ko, 'ko')).toEqual(['latin-regular:IPCNKR', 'kr-regular:은 2007년 8월 29일 서울에서 제4차 총회를 개최하였다.'])
  })

  it('sets kana and ideographs in Noto Sans JP, Latin in Noto Sans', () => {
    expect(runs(BRIEF_SENTENCES.ja, 'ja')).toEqual([
      'jp-regular:北朝鮮難民人権国際議員連盟（',
      'latin-regular:IPCNKR',
      'jp-regular:）の第4回総会は、2007年8月28日から30日までソウルで開催された。'
    ])
  })

  it('keeps Mongolian Cyrillic, Latin and digits in one Noto Sans run', () => {
    expect(runs(BRIEF_SENTENCES.mn, 'mn')).toEqual([`latin-regular:${BRIEF_SENTENCES.mn}`])
  })

  it('gives neutral characters the edition’s face, Han the edition’s CJK face', () => {
    expect(runs('2007 (漢字)', 'ko')).toEqual(['kr-regular:2007 (漢字)'])
    expect(runs('2007 (漢字)', 'en')).toEqual(['latin-regular:2007 (', 'jp-regular:漢字', 'latin-regular:)'])
    expect(runs('한국어 and 日本語', 'en')).toEqual(['kr-regular:한국어', 'latin-regular: and ', 'jp-regular:日本語'])
    // Word-internal punctuation stays with its Latin letters even in Japanese text.
    expect(runs('“don’t”と', 'ja')).toEqual(['jp-regular:“', 'latin-regular:don’t', 'jp-regular:”と'])
    expect(classifyChar('ー')).toBe('kana')
    expect(classifyChar('、')).toBe('cjk-punct')
    expect(classifyChar('5')).toBe('neutral')
  })

  it('keeps combining marks with their base and uses bold faces for bold text', () => {
    const fonts = assignFonts('e\u0301 한', 'en', 'bold').map((c) => c.font)
    expect(fonts).toEqual(['latin-bold', 'latin-bold', 'latin-bold', 'kr-bold'])
  })

  it('covers every character of every sample translation', () => {
    for (const s of SAMPLES) for (const lang of ['en', 'ko', 'ja', 'mn'] as const) expect(checkCoverage(s[lang], lang), `${s.id} ${lang}`).toEqual([])
    for (const lang of ['en', 'ko', 'ja', 'mn'] as const) expect(checkCoverage(BRIEF_SENTENCES[lang], lang)).toEqual([])
  })

  it('flags a character no face covers, with its code point and position', () => {
    const bad = checkCoverage('IPCNKR은 \u{10900} 회의', 'ko')
    expect(bad).toEqual([{char: '\u{10900}', codePoint: 0x10900, hex: 'U+10900', index: 8}])
    expect(describeUncovered(bad)).toBe('U+10900 “\u{10900}” at character 9')
    expect(checkCoverage('😀', 'en').map((c) => c.hex)).toEqual(['U+1F600'])
    expect(checkSpansCoverage([{text: '총회 '}, {text: 'a\u{10900}', style: 'bold'}], 'ko').map((c) => [c.hex, c.index])).toEqual([['U+10900', 4]])
  })

  it('refuses to lay out text with an uncovered character instead of drawing a box', () => {
    const attempt = () => breakLines([{text: '총회 '}, {text: '\u{10900}', style: 'bold'}], {lang: 'ko', size: 10, width: 200})
    expect(attempt).toThrow(UncoveredCharacterError)
    expect(attempt).toThrow(/U\+10900 .* at character 4/)
  })

  it('normalises whitespace the way the line breaker sees it', () => {
    expect(normalizeText('a \n b\u00adc')).toBe('a bc')
    expect(normalizeText('総会は\n開催')).toBe('総会は開催')
    expect(normalizeText('총회\n개최')).toBe('총회 개최')
  })
})

describe('measurement', () => {
  it('matches pdfkit’s own widthOfString to the hundredth of a point', () => {
    const doc = new PDFDocument({autoFirstPage: false})
    for (const key of allFontKeys()) doc.registerFont(key, loadFont(key) as unknown as Buffer)
    const viaDoc = documentMeasure(doc)
    const cases: Array<[string, 'latin-regular' | 'kr-regular' | 'jp-regular' | 'latin-italic']> = [
      ['AVATAR Wo Ta, office fi', 'latin-regular'],
      ['Ерөнхий чуулган Үндэсний', 'latin-italic'],
      ['은 2007년 8월 29일 서울에서', 'kr-regular'],
      ['）の第4回総会は、2007年8月', 'jp-regular']
    ]
    for (const [text, font] of cases) expect(measureText(text, font, 10.5)).toBeCloseTo(viaDoc(text, font, 10.5), 2)
  })
})
