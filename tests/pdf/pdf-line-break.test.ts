import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {atomize, mayBreakBetween, NO_LINE_END, NO_LINE_START} from '../../src/pdf/break-units.js'
import {breakLines, lineText, type Line} from '../../src/pdf/line-break.js'
import {measureText} from '../../src/pdf/measure.js'
import {hasGlyph} from '../../src/pdf/fonts.js'
import {BRIEF_SENTENCES, SAMPLES} from '../helpers/pdf-editions.js'

const SIZE = 10
const texts = (lines: Line[]) => lines.map(lineText)

function assertGeometry(lines: Line[], width: number): void {
  for (const line of lines) {
    expect(line.width).toBeLessThanOrEqual(width + 0.01)
    let x = 0
    for (const run of line.runs) {
      // Runs abut exactly and each is measured as pdfkit will draw it.
      expect(run.x).toBeCloseTo(x, 6)
      expect(run.width).toBeCloseTo(measureText(run.text, run.font, SIZE), 6)
      x += run.width
    }
    expect(line.width).toBeCloseTo(x, 6)
  }
}

describe('Korean: keep-all', () => {
  it('breaks the brief’s sentence only at spaces', () => {
    const lines = breakLines(BRIEF_SENTENCES.ko, {lang: 'ko', size: SIZE, width: 90})
    expect(texts(lines)).toEqual(['IPCNKR은', '2007년 8월 29일', '서울에서 제4차', '총회를 개최하였다.'])
    expect(lines[0]!.runs.map((r) => r.font)).toEqual(['latin-regular', 'kr-regular'])
  })

  const syllable = fc.integer({min: 0xac00, max: 0xd7a3}).map((c) => String.fromCodePoint(c))
  const word = fc.oneof(
    {weight: 6, arbitrary: fc.array(syllable, {minLength: 1, maxLength: 6}).map((s) => s.join(''))},
    {weight: 1, arbitrary: fc.constantFrom('IPCNKR은', '2007년', '(한국,', '35명은', '“인권”', '8월,')}
  )

  it('never splits a space-delimited word unless it alone is wider than the line', () => {
    fc.assert(
      fc.property(fc.array(word, {minLength: 1, maxLength: 40}), fc.integer({min: 30, max: 400}), (words, width) => {
        const lines = breakLines(words.join(' '), {lang: 'ko', size: SIZE, width})
        assertGeometry(lines, width)
        const out = lines.flatMap((l) => lineText(l).split(' '))
        if (words.every((w) => measureText(w, 'kr-regular', SIZE) * 1.2 < width)) {
          expect(out).toEqual(words)
          for (const l of lines) expect(lineText(l)).toBe(lineText(l).trim())
        } else {
          // Emergency cuts lose no character.
          expect(out.join('')).toBe(words.join(''))
        }
      }),
      {numRuns: 300}
    )
  })
})

describe('Japanese: kinsoku shori', () => {
  it('keeps closers off line starts and openers off line ends in the brief’s sentence', () => {
    // From the width of the widest unbreakable cluster, （IPCNKR）, up.
    for (let width = 62; width <= 300; width += 7) {
      const lines = texts(breakLines(BRIEF_SENTENCES.ja, {lang: 'ja', size: SIZE, width}))
      expect(lines.join('')).toBe(BRIEF_SENTENCES.ja)
      for (const l of lines.slice(1)) expect(NO_LINE_START.has(l[0]!), `${width}: ${l}`).toBe(false)
      for (const l of lines.slice(0, -1)) expect(NO_LINE_END.has(l.at(-1)!), `${width}: ${l}`).toBe(false)
      // IPCNKR and the numbers stay whole.
      for (const token of ['IPCNKR', '2007', '28', '30'])
        expect(
          lines.some((l) => l.includes(token)),
          `${width}: ${token}`
        ).toBe(true)
    }
  })

  // Noto Sans JP covers JIS X 0208/0213 kanji, not every unified ideograph.
  const kanji = fc
    .integer({min: 0x4e00, max: 0x9fa5})
    .filter((c) => hasGlyph('jp-regular', c))
    .map((c) => String.fromCodePoint(c))
  const kana = fc.constantFrom(...Array.from('あいうえおかきくけこさしすせそたちつてとなにぬねのアイウエオカキクケコソウル'))
  const small = fc.constantFrom(...Array.from('ゃゅょっャュョッァィ'))
  const core = fc.oneof(
    {weight: 5, arbitrary: kanji},
    {weight: 5, arbitrary: kana},
    {weight: 2, arbitrary: fc.tuple(kana, small).map(([a, b]) => a + b)},
    {weight: 1, arbitrary: fc.tuple(kana, fc.constant('ー')).map(([a, b]) => a + b)},
    // A kana after each Latin word or number keeps the longest unbreakable cluster narrower than the narrowest line
    // (a cluster wider than a line must be cut somewhere: see the emergency test below).
    {weight: 1, arbitrary: fc.constantFrom('IPCNKR', '2007', '111', 'NGO', '28', 'Human').map((w) => `${w}の`)}
  )
  const opener = fc.constantFrom('「', '『', '（', '【', '〔', '〈', '《', '“')
  const closer = fc.constantFrom('、', '。', '，', '．', '」', '』', '）', '】', '〕', '〉', '》', '・', '！', '？', '：', '；', '々', '”')
  const token = fc.tuple(fc.option(opener, {freq: 4}), core, fc.array(closer, {maxLength: 2})).map(([o, c, cs]) => (o ?? '') + c + cs.join(''))

  it('holds for random Japanese text at random widths', () => {
    fc.assert(
      fc.property(fc.array(token, {minLength: 1, maxLength: 60}), fc.integer({min: 80, max: 420}), (tokens, width) => {
        const text = tokens.join('')
        const lines = breakLines(text, {lang: 'ja', size: SIZE, width})
        assertGeometry(lines, width)
        const out = texts(lines)
        expect(out.join('')).toBe(text)
        for (const l of out.slice(1)) expect(NO_LINE_START.has(Array.from(l)[0]!), l).toBe(false)
        for (const l of out.slice(0, -1)) expect(NO_LINE_END.has(Array.from(l).at(-1)!), l).toBe(false)
        // Latin words and digit runs are never split across lines.
        for (let i = 1; i < out.length; i++) expect(/[A-Za-z0-9]$/.test(out[i - 1]!) && /^[A-Za-z0-9]/.test(out[i]!), `${out[i - 1]} | ${out[i]}`).toBe(false)
      }),
      {numRuns: 300}
    )
  })

  it('cuts a cluster wider than the line where kinsoku allows before cutting anywhere', () => {
    // `IPCNKRIPCNKR“あゃ` cannot break inside by the rules, and is wider than 80 pt: the cut goes before the opener.
    expect(texts(breakLines('IPCNKRIPCNKR“あゃあー', {lang: 'ja', size: SIZE, width: 80}))).toEqual(['IPCNKRIPCNKR', '“あゃあー'])
  })

  it('breaks between ideographs but not inside words or bracket pairs', () => {
    expect(mayBreakBetween('北', '朝', 'ja')).toBe(true)
    expect(mayBreakBetween('総', '。', 'ja')).toBe(false)
    expect(mayBreakBetween('「', '北', 'ja')).toBe(false)
    expect(mayBreakBetween('I', 'P', 'ja')).toBe(false)
    expect(mayBreakBetween('…', '…', 'ja')).toBe(false)
    expect(mayBreakBetween('北', '朝', 'ko')).toBe(false)
    const atoms = atomize('（IPCNKR）の第4回', 'ja').map((a) => '（IPCNKR）の第4回'.slice(a.start, a.end))
    expect(atoms).toEqual(['（IPCNKR）', 'の', '第', '4回'])
  })
})

describe('English and Mongolian: words', () => {
  it('breaks at spaces and keeps every word whole', () => {
    for (const lang of ['en', 'mn'] as const) {
      for (const s of SAMPLES) {
        const lines = breakLines(s[lang], {lang, size: SIZE, width: 150})
        assertGeometry(lines, 150)
        expect(texts(lines).join(' ')).toBe(s[lang].replace(/\s+/g, ' ').trim())
      }
    }
  })

  it('cuts a word wider than the line after a hyphen first, then between characters', () => {
    const lines = texts(breakLines('IPCNKR-ын', {lang: 'mn', size: SIZE, width: 40}))
    expect(lines).toEqual(['IPCNKR-', 'ын'])
    const long = texts(breakLines('Supercalifragilisticexpialidocious', {lang: 'en', size: SIZE, width: 60}))
    expect(long.length).toBeGreaterThan(1)
    expect(long.join('')).toBe('Supercalifragilisticexpialidocious')
  })

  it('keeps styles apart in runs and collapses whitespace across spans', () => {
    const lines = breakLines([{text: 'Human rights are '}, {text: ' the most', style: 'bold'}, {text: ' basic.', style: 'italic'}], {lang: 'en', size: SIZE, width: 500})
    expect(lines).toHaveLength(1)
    expect(lines[0]!.runs.map((r) => [r.text, r.font, r.span])).toEqual([
      ['Human rights are ', 'latin-regular', 0],
      ['the most', 'latin-bold', 1],
      [' basic.', 'latin-italic', 2]
    ])
  })
})
