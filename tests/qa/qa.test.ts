import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import fc from 'fast-check'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {
  checkGlossary,
  checkGlossaryComplete,
  checkIdentical,
  checkLength,
  checkMarkup,
  checkNumbers,
  checkSegment,
  checkTypography,
  extractNumbers,
  parseGlossary,
  RULES,
  trackMessages,
  type SegmentPair
} from '../../src/qa/index.js'
import type {TrackResult} from '../../src/translations/track.js'
import type {BlockKind} from '../../src/core/types.js'
import {repo} from '../helpers/cli.js'
import {tracked} from '../helpers/render-inputs.js'

const pair = (source: string, target: string, language = 'ko', kind: BlockKind = 'paragraph'): SegmentPair => ({id: 'sabc123', kind, source, target, language, place: {line: 7, column: 3}})
const rules = (messages: Array<{ruleId?: string | undefined}>): string[] => messages.map((m) => m.ruleId!)
const glossary = parseGlossary(new VFile({path: 'content/glossary.json', value: readFileSync(join(repo, 'content/glossary.json'), 'utf8')}))

describe('number-mismatch', () => {
  const english = 'At least 100,000 people came in 2007.'
  it.each([
    ['ko', '2007년에 최소 10만 명이 왔다.'],
    ['ja', '2007年に少なくとも10万人が来た。'],
    ['ja', '２００７年に少なくとも１０万人が来た。'],
    ['ja', '二〇〇七年に少なくとも十万人が来た。'],
    ['mn', '2007 онд дор хаяж 100 000 хүн ирсэн.'],
    ['mn', '2007 онд дор хаяж 100\u00a0000 хүн ирсэн.'],
    ['mn', '2007 онд дор хаяж 100\u202f000 хүн ирсэн.'],
    ['ko', '2007년에 최소 100,000명이 왔다.']
  ])('accepts %s %s', (language, target) => {
    expect(checkNumbers(pair(english, target, language))).toEqual([])
  })

  it.each([
    ['ko', '4th General Meeting', '제4차 총회'],
    ['ja', '4th General Meeting', '第4回総会'],
    ['ja', '4th General Meeting', '第四回総会'],
    ['mn', '4th General Meeting', '4 дүгээр Ерөнхий чуулган'],
    ['ko', 'From the 28th to the 30th of August 2007', '2007년 8월 28일부터 30일까지'],
    ['mn', 'From the 28th to the 30th of August 2007', '2007 оны 8 дугаар сарын 28-30-ны өдрүүдэд'],
    ['ko', 'A budget of 120,000,000 won', '1억 2000만 원의 예산'],
    ['ja', 'A budget of 12,000 yen', '1万2000円の予算'],
    ['ja', 'In 35 places', '35か所で'],
    ['mn', 'A rise of 3.5 percent', '3,5 хувиар өссөн'],
    ['ko', 'Rounds 1, 2 and 3', '1,2,3차 회의'],
    ['ko', 'COVID-19 in the 1990s', '1990년대의 코로나19']
  ])('accepts ordinals, dates and CJK multipliers: %s %s → %s', (language, source, target) => {
    expect(checkNumbers(pair(source, target, language))).toEqual([])
  })

  it('fires when a number is missing, naming it and what was found', () => {
    const [message] = checkNumbers(pair(english, '최소 10만 명이 왔다.'))
    expect(message!.ruleId).toBe('number-mismatch')
    expect(message!.fatal).toBe(true)
    expect(message!.reason).toContain('`sabc123`')
    expect(message!.reason).toContain('without `2007`')
    expect(message!.reason).toContain('found `100000`')
    expect(message!.place).toEqual({line: 7, column: 3})
  })

  it.each([
    ['ko', '2008년에 최소 10만 명이 왔다.'],
    ['ja', '2007年に少なくとも1万人が来た。'],
    ['mn', '2007 онд дор хаяж 10 000 хүн ирсэн.'],
    ['ko', '2007년에 최소 100,001명이 왔다.']
  ])('fires when a number changed: %s %s', (language, target) => {
    expect(rules(checkNumbers(pair(english, target, language)))).toEqual(['number-mismatch'])
  })

  it('reads values, not digits', () => {
    expect(extractNumbers('100,000 and 300 000 and 3.5 and 4th')).toEqual([100000, 300000, 3.5, 4])
    expect(extractNumbers('최소 10만 명(최대 30만 명)', 'ko')).toEqual([100000, 300000])
    expect(extractNumbers('2007 100')).toEqual([2007, 100])
    // Translations are read every way they can be: 3,5 is 3.5, or 3 and 5.
    expect([...new Set(extractNumbers('3,5', 'mn', true))].sort()).toEqual([3, 3.5, 5])
    expect(extractNumbers('第四回', 'ja')).toEqual([])
    expect(extractNumbers('第四回', 'ja', true)).toEqual([4])
  })
})

describe('glossary-term', () => {
  it('passes renderings, case-insensitively and with either apostrophe', () => {
    expect(checkGlossary(pair('Human rights matter in North Korea.', '북한에서 인권은 중요하다.'), glossary)).toEqual([])
    expect(checkGlossary(pair("the International Parliamentarians' Coalition for North Korean Refugees' Human Rights", '북한자유이주민 인권을 위한 국제의원연맹'), glossary)).toEqual([])
    expect(checkGlossary(pair('The Resolutions', '결의사항'), glossary)).toEqual([])
  })

  it('reads Mongolian renderings as stems, with a fleeting vowel', () => {
    expect(checkGlossary(pair('North Korean refugees fled.', 'Хойд Солонгосын дүрвэгчид зугтсан.', 'mn'), glossary)).toEqual([])
    const org = 'International Parliamentarians’ Coalition for North Korean Refugees’ Human Rights'
    expect(checkGlossary(pair(`members of the ${org}`, 'Хойд Солонгосын дүрвэгчдийн хүний эрхийн төлөөх Олон улсын парламентчдын эвслийн гишүүд', 'mn'), glossary)).toEqual([])
  })

  it('counts a term inside a longer term once, as the longer term', () => {
    // "Human Rights" and "North Korean Refugees" are inside the coalition's name; only the name is required.
    expect(checkGlossary(pair('International Parliamentarians’ Coalition for North Korean Refugees’ Human Rights', '북한자유이주민 인권을 위한 국제의원연맹'), glossary)).toEqual([])
  })

  it('fires for each term not rendered as the glossary says', () => {
    const messages = checkGlossary(pair('The Six Party Talks with North Korea resumed.', '조선과의 육자 회담이 재개되었다.'), glossary)
    expect(rules(messages)).toEqual(['glossary-term', 'glossary-term'])
    expect(messages[0]!.reason).toContain('`Six Party Talks`')
    expect(messages[0]!.reason).toContain('expected `6자회담`')
    expect(messages[0]!.fatal).toBe(false)
    expect(rules(checkGlossary(pair('human rights', 'эрх', 'mn'), glossary))).toEqual(['glossary-term'])
  })

  it('fires glossary-incomplete for a term without a rendering for a target language', () => {
    const partial = parseGlossary(new VFile({path: 'g.json', value: '{"terms": {"Kato Hiroshi": {"ko": "가토 히로시"}}}'}))
    expect(rules(checkGlossaryComplete(partial, ['ko', 'ja']))).toEqual(['glossary-incomplete'])
    expect(checkGlossaryComplete(glossary, ['ko', 'ja', 'mn'])).toEqual([])
  })
})

describe('glossary sources', () => {
  const read = (value: string) => parseGlossary(new VFile({path: 'g.json', value}))
  const failure = (value: string): {ruleId?: string | undefined; reason: string; line?: number | undefined} => {
    try {
      read(value)
    } catch (error) {
      return error as {ruleId?: string; reason: string; line?: number}
    }
    throw new Error('expected the glossary to be rejected')
  }

  it('reads a source per rendering, apart from the renderings', () => {
    const [term] = read('{"terms": {"Kato Hiroshi": {"ko": "가토 히로시", "ja": "加藤博", "sources": {"ko": "VOA Korean, 2006-03-03"}}}}').terms
    expect(term!.renderings).toEqual({ko: '가토 히로시', ja: '加藤博'})
    expect(term!.sources).toEqual({ko: 'VOA Korean, 2006-03-03'})
    // Not a language: no rendering check or completeness warning is asked of `sources`.
    expect(checkGlossaryComplete(read('{"terms": {"IPCNKR": {"ko": "IPCNKR", "sources": {"ko": "press"}}}}'), ['ko'])).toEqual([])
  })

  it('still reads a glossary without sources', () => {
    expect(read('{"terms": {"Kato Hiroshi": {"ko": "가토 히로시"}}}').terms[0]!.sources).toEqual({})
  })

  it('records a source for every rendering of the shipped glossary', () => {
    for (const entry of glossary.terms) expect(Object.keys(entry.sources).sort(), entry.term).toEqual(Object.keys(entry.renderings).sort())
  })

  it.each([
    ['not an object', '{"terms": {"IPCNKR": {"ko": "IPCNKR",\n "sources": "press"}}}', 2],
    ['an empty source', '{"terms": {"IPCNKR": {"ko": "IPCNKR",\n "sources": {"ko": " "}}}}', 2],
    ['a source without a rendering', '{"terms": {"IPCNKR": {"ko": "IPCNKR",\n "sources": {"ko": "press",\n "jp": "press"}}}}', 3]
  ])('rejects sources that are %s, at their place', (_, value, line) => {
    const error = failure(value)
    expect(error.ruleId).toBe('glossary-invalid')
    expect(error.reason).toMatch(/^Unexpected .*sources|^Unexpected source for `jp`/)
    expect(error.line).toBe(line)
  })
})

describe('markup-mismatch', () => {
  const english = 'See *this* and `code` in the [manual](https://example.org/m).'
  it('passes the same markup in another order with translated link text', () => {
    expect(checkMarkup(pair(english, '[설명서](https://example.org/m)의 `code`와 *이것*을 보라.'))).toEqual([])
  })

  it.each([
    ['lost emphasis', '[설명서](https://example.org/m)의 `code`와 이것을 보라.', 'emphasis'],
    ['strong instead of emphasis', '[설명서](https://example.org/m)의 `code`와 **이것**을 보라.', 'strong'],
    ['lost code span', '[설명서](https://example.org/m)의 code와 *이것*을 보라.', 'code spans'],
    ['lost link', '설명서의 `code`와 *이것*을 보라.', 'links'],
    ['changed target', '[설명서](https://example.org/x)의 `code`와 *이것*을 보라.', 'link target `https://example.org/x`']
  ])('fires on %s', (_, target, what) => {
    const messages = checkMarkup(pair(english, target))
    expect(messages.map((m) => m.ruleId)).toContain('markup-mismatch')
    expect(messages.map((m) => m.reason).join('\n')).toContain(what)
    expect(messages[0]!.fatal).toBe(true)
  })
})

describe('identical-to-source', () => {
  it('fires on a copy of the English, whatever the spacing or case', () => {
    expect(rules(checkIdentical(pair('Refugees are often victims.', 'refugees are  often victims.'), ['IPCNKR']))).toEqual(['identical-to-source'])
  })

  it('passes a translation, and English made only of allowed terms, numbers and punctuation', () => {
    expect(checkIdentical(pair('Refugees are often victims.', '난민은 흔히 피해자가 된다.'), ['IPCNKR'])).toEqual([])
    expect(checkIdentical(pair('IPCNKR', 'IPCNKR', 'ja', 'heading'), ['IPCNKR'])).toEqual([])
    expect(checkIdentical(pair('IPCNKR 2007:', 'IPCNKR 2007:', 'mn', 'heading'), ['IPCNKR'])).toEqual([])
    expect(rules(checkIdentical(pair('IPCNKR News', 'IPCNKR News', 'ko', 'heading'), ['IPCNKR']))).toEqual(['identical-to-source'])
  })

  it('allows glossary terms whose rendering is the English term', () => {
    expect(rules(checkSegment(pair('IPCNKR', 'IPCNKR', 'ko', 'heading'), {glossary, allowIdentical: []}))).toEqual([])
  })
})

describe('typography', () => {
  it('fires whitespace-edge on leading or trailing whitespace', () => {
    expect(rules(checkTypography(pair('It rains.', ' 비가 온다.')))).toEqual(['whitespace-edge'])
    expect(rules(checkTypography(pair('It rains.', '비가 온다.\n')))).toEqual(['whitespace-edge'])
    expect(checkTypography(pair('It rains.', '비가 온다.'))).toEqual([])
  })

  it('fires whitespace-double on doubled or ideographic doubled spaces and line breaks', () => {
    expect(rules(checkTypography(pair('It rains.', '비가  온다.')))).toEqual(['whitespace-double'])
    expect(rules(checkTypography(pair('It rains.', '雨が\u3000\u3000降る。', 'ja')))).toEqual(['whitespace-double'])
    expect(rules(checkTypography(pair('It rains.', '비가\n온다.')))).toEqual(['whitespace-double'])
  })

  it('fires final-punctuation when the English sentence ends and the translation does not', () => {
    expect(rules(checkTypography(pair('It rains.', '비가 온다')))).toEqual(['final-punctuation'])
    expect(rules(checkTypography(pair('It rains.', '雨が降る.', 'ja')))).toEqual(['final-punctuation'])
  })

  it.each([
    ['ko', 'paragraph', 'It rains.', '비가 온다.'],
    ['ja', 'paragraph', 'It rains!', '雨が降る！'],
    ['ja', 'paragraph', 'They resolved:', '以下のとおり決議した。'],
    ['ja', 'paragraph', 'He said “it rains.”', '「雨が降る。」と言った。'],
    ['ja', 'heading', 'Resolutions:', '決議'],
    ['ja', 'heading', 'Resolutions:', '決議：'],
    ['ko', 'heading', 'Getting started', '시작하기'],
    ['mn', 'paragraph', 'See the [manual](https://example.org).', '[Гарын авлагыг](https://example.org) үзнэ үү.'],
    ['ko', 'paragraph', 'A list without a stop', '마침표 없는 목록']
  ])('passes final punctuation %s %s %s → %s', (language, kind, source, target) => {
    expect(checkTypography(pair(source, target, language, kind as BlockKind))).toEqual([])
  })

  it.each([
    ['(a bracket', 'ja', 'A bracket (here).', '括弧（ここ。'],
    ['「 corner quote', 'ja', 'He said “yes.”', '「はい。と言った。'],
    ['『 double corner', 'ja', 'The book “Kim” is here.', '『金は』ここにある』。'],
    ['straight quote', 'ko', 'He said "yes."', '그는 "예.라고 말했다.']
  ])('fires unbalanced-brackets on %s', (_, language, source, target) => {
    expect(rules(checkTypography(pair(source, target, language)))).toEqual(['unbalanced-brackets'])
  })

  it('passes balanced brackets and quotes, and English that is itself unbalanced', () => {
    expect(checkTypography(pair('A bracket (here).', '括弧（ここ）。', 'ja'))).toEqual([])
    expect(checkTypography(pair('He said “yes.”', '「はい」と『言った』。', 'ja'))).toEqual([])
    expect(checkTypography(pair('Item a) is first.', '항목 a)가 먼저다.'))).toEqual([])
  })
})

describe('length-ratio', () => {
  const english = 'Refugees are often the victims of violent crimes.' // 49 characters
  it('passes translations in the usual band', () => {
    expect(checkLength(pair(english, '난민들은 흔히 폭력 범죄의 피해자가 된다.'))).toEqual([])
    expect(checkLength(pair(english, '難民はしばしば暴力犯罪の被害者となっている。', 'ja'))).toEqual([])
    expect(checkLength(pair(english, 'Дүрвэгчид ихэвчлэн хүчирхийллийн гэмт хэргийн хохирогч болдог.', 'mn'))).toEqual([])
  })

  it('fires, as a warning, far outside it', () => {
    const [long] = checkLength(pair(english, '난민들은 흔히 폭력 범죄의 피해자가 된다. '.repeat(3)))
    expect(long!.ruleId).toBe('length-ratio')
    expect(long!.fatal).toBe(false)
    expect(long!.reason).toContain('added or repeated')
    expect(rules(checkLength(pair(english, '난민.')))).toEqual(['length-ratio'])
    expect(rules(checkLength(pair(english, 'Дүрвэгчид.', 'mn')))).toEqual(['length-ratio'])
  })

  it('does not judge short segments', () => {
    expect(checkLength(pair('Resolutions:', '決議：', 'ja', 'heading'))).toEqual([])
  })
})

describe('sync rules from tracking', () => {
  const base: TrackResult = tracked('ko', [{id: 'sa', state: 'translated', translation: '가'}], 'guide')
  const places = {
    strings: new Map([
      ['sa', {line: 2, column: 3}],
      ['sz', {line: 3, column: 3}],
      ['se', {line: 4, column: 3}]
    ]),
    obsolete: new Map([['so', {line: 2, column: 3}]])
  }

  it('says nothing about a clean locale', () => {
    expect(trackMessages(base, places)).toEqual({strings: [], obsolete: []})
  })

  it('reports orphans and empty translations (warnings), stale and obsolete entries (info) at their keys', () => {
    const found = trackMessages(
      {
        ...base,
        statuses: [
          {id: 'sa', state: 'stale', translation: '가'},
          {id: 'se', state: 'missing'}
        ],
        orphans: ['sz'],
        empty: ['se'],
        obsolete: {so: {source: 'Old.', translation: '옛.', state: 'translated'}}
      },
      places
    )
    expect(found.strings.map((m) => [m.ruleId, m.line, m.fatal])).toEqual([
      ['orphan-translation', 3, false],
      ['empty-translation', 4, false],
      ['stale-translation', 2, undefined]
    ])
    expect(found.obsolete.map((m) => [m.ruleId, m.line, m.fatal])).toEqual([['obsolete-translation', 2, undefined]])
  })
})

describe('rule table', () => {
  it('gives every message the severity of its rule', () => {
    for (const rule of Object.values(RULES)) expect(['error', 'warning', 'info']).toContain(rule.severity)
    const messages = checkSegment(pair('See *this* in 2007.', ' 이것을 보라  '), {glossary, allowIdentical: []})
    for (const m of messages) expect(m.fatal).toBe(RULES[m.ruleId as keyof typeof RULES].severity === 'error')
    expect(rules(messages).sort()).toEqual(['final-punctuation', 'markup-mismatch', 'number-mismatch', 'whitespace-edge'])
  })
})

describe('number-mismatch over random numbers', () => {
  /** How a Korean or Japanese writer may put a number: 만/万 and 억/億 groups, e.g. 1억 2000만 5 or 12万3456. */
  const cjk = (n: number, man: string, eok: string, space: string): string => {
    const parts = [
      [Math.floor(n / 1e8), eok],
      [Math.floor((n % 1e8) / 1e4), man],
      [n % 1e4, '']
    ] as const
    return (
      parts
        .filter(([v]) => v > 0)
        .map(([v, unit]) => `${v}${unit}`)
        .join(space) || '0'
    )
  }

  it('accepts every notation of the same value and rejects a different value', () => {
    fc.assert(
      fc.property(fc.integer({min: 0, max: 2_000_000_000}), fc.integer({min: 1, max: 9}), (n, delta) => {
        const english = `About ${n.toLocaleString('en-US')} people came.`
        const forms: Array<[string, string]> = [
          ['ko', `약 ${cjk(n, '만', '억', ' ')} 명이 왔다.`],
          ['ja', `約${cjk(n, '万', '億', '')}人が来た。`],
          ['mn', `Ойролцоогоор ${n.toLocaleString('en-US').replace(/,/g, '\u00a0')} хүн ирсэн.`],
          ['ko', `약 ${n}명이 왔다.`]
        ]
        for (const [language, target] of forms) expect(checkNumbers(pair(english, target, language)), target).toEqual([])
        expect(rules(checkNumbers(pair(english, `약 ${cjk(n + delta, '만', '억', ' ')} 명이 왔다.`)))).toEqual(['number-mismatch'])
      }),
      {numRuns: 200}
    )
  }, 60_000)
})
