import {describe, expect, it} from 'vitest'
import {glueRanges} from '../../src/pdf/glue.js'
import {breakLines, isShortLastLine, lineText} from '../../src/pdf/line-break.js'

const SIZE = 10
const glued = (text: string, lang: string) => glueRanges(text, lang).map(([a, b]) => text.slice(a, b))

// The breaks the issue found, each in the sentence it came from.
const CASES: Array<[lang: string, text: string, unit: string]> = [
  ['ja', '2005年8月に36か国から111名の代表と10万人が参加した。', '2005年8月'],
  ['ja', '北朝鮮自由移住民人権国際会議の第4回総会が2007年8月29日に発表した共同声明である。', '2007年8月29日'],
  ['ko', '일본에서 36개국에서 온 10만 명이 참석하였다.', '10만 명이'],
  ['ko', '북한자유이주민 인권을 위한 국제의원연맹 제4차 총회가 2007년 8월 29일 발표한 공동성명이다.', '2007년 8월 29일'],
  ['mn', 'Хойд Солонгосын дүрвэгсдийн асуудлаарх IPCNKR-ын 3 дугаар чуулган болон эвсэл 4 дүгээр удаагаа хуралдав.', '3 дугаар'],
  ['mn', 'Тус хурлыг 2007 оны 8 дугаар сарын 29-нд Сөүл хотноо хуралдуулав.', '2007 оны 8 дугаар сарын 29-нд'],
  ['en', 'The joint statement of the fourth General Meeting was issued on 29 August 2007 in Seoul.', '29 August 2007'],
  ['en', 'The conference met in Seoul and the statement was adopted in 2007 August by all delegates.', '2007 August'],
  ['ko', '원문에는 [오래된 / 번역] 표시가 붙은 문장이 있다.', '[오래된 / 번역]']
]

describe('glued stretches', () => {
  it('find numbers with their units, dates and markers', () => {
    for (const [lang, text, unit] of CASES) expect(glued(text, lang), text).toContain(unit)
  })

  it('leave ordinary words and years alone', () => {
    expect(glued('In 2007 the delegates met.', 'en')).toEqual([])
    expect(glued('2007년에 일본에서', 'ko').every((g) => !g.includes(' '))).toBe(true)
  })

  it('are never cut by a line break at any width that holds them', () => {
    for (const [lang, text, unit] of CASES) {
      const whole = breakLines(unit, {lang, size: SIZE, width: Number.POSITIVE_INFINITY})[0]!.width
      for (let width = Math.ceil(whole) + 1; width < whole * 4; width += 3) {
        const lines = breakLines(text, {lang, size: SIZE, width}).map(lineText)
        expect(
          lines.some((l) => l.includes(unit)),
          `${unit} at ${width}: ${lines.join(' | ')}`
        ).toBe(true)
      }
    }
  })
})

describe('last lines', () => {
  it('tell one or two characters plus punctuation, or a short word alone', () => {
    expect(isShortLastLine('た。', 10, 300, 'ja')).toBe(true)
    expect(isShortLastLine('한다.', 20, 300, 'ko')).toBe(true)
    expect(isShortLastLine('it.', 10, 300, 'en')).toBe(true)
    expect(isShortLastLine('参加した。', 45, 300, 'ja')).toBe(false)
    expect(isShortLastLine('북한자유이주민의 인권', 100, 300, 'ko')).toBe(false)
  })

  it('never end a paragraph on one or two characters plus punctuation when the line before can give', () => {
    const texts: Array<[string, string]> = [
      ['ja', '北朝鮮自由移住民人権国際議員連盟は第4回総会で共同声明を採択し、各国政府に協力を求めた。'],
      ['ko', '북한자유이주민 인권을 위한 국제의원연맹은 제4차 총회에서 공동성명을 채택하고 각국 정부에 협력을 촉구한다.'],
      ['en', 'The delegates adopted the joint statement and asked every government to help them do it.']
    ]
    for (const [lang, text] of texts) {
      let checked = 0
      for (let width = 60; width < 400; width += 2) {
        const lines = breakLines(text, {lang, size: SIZE, width})
        if (lines.length < 2) continue
        checked++
        const last = lines[lines.length - 1]!
        const letters = Array.from(lineText(last)).filter((c) => !/[\p{P}\s]/u.test(c)).length
        expect(letters, `${lang} at ${width}: ${lines.map(lineText).join(' | ')}`).toBeGreaterThan(2)
      }
      expect(checked).toBeGreaterThan(20)
    }
  })
})
