import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {boundedDistance} from '../../src/memory/compare.js'
import {buildMemory, findMatches, type MemoryEntry} from '../../src/memory/memory.js'
import {comparable} from '../../src/memory/compare.js'
import {parseTmx} from '../../src/memory/tmx-parse.js'

/** The textbook full-matrix Levenshtein distance, to check the banded one against. */
function levenshtein(a: string[], b: string[]): number {
  let row = Array.from({length: b.length + 1}, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const next = [i]
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    row = next
  }
  return row[b.length]!
}

const words = ['rights', 'refugees', 'coalition', 'meeting', 'border', 'summit', 'the', 'of', 'and', '북한', '難民', 'хүний']
const sentence = fc.array(fc.constantFrom(...words), {minLength: 1, maxLength: 12}).map((w) => `${w.join(' ')}.`)
const chars = fc.array(fc.constantFrom('a', 'b', 'c', '가', '日'), {maxLength: 14})

describe('the bounded edit distance', () => {
  it('is the Levenshtein distance when within the limit, and null only when above it', () => {
    fc.assert(
      fc.property(chars, chars, fc.nat(16), (a, b, limit) => {
        const full = levenshtein(a, b)
        expect(boundedDistance(a, b, limit)).toBe(full <= limit ? full : null)
      }),
      {numRuns: 2000}
    )
  })
})

describe('the translation memory', () => {
  const entries = fc.array(fc.record({source: sentence, target: fc.string({minLength: 1, maxLength: 8}).filter((t) => t.trim() !== ''), origin: fc.string({minLength: 1, maxLength: 6})}), {
    minLength: 1,
    maxLength: 40
  })

  it('always finds an entry whose English is the query (similarity 100), however large the memory', () => {
    fc.assert(
      fc.property(entries, fc.nat(), (list, pick) => {
        const wanted = list[pick % list.length]!
        const matches = findMatches(buildMemory(list), wanted.source, {threshold: 75, limit: 1000})
        expect(matches.some((m) => m.similarity === 100 && comparable(m.source) === comparable(wanted.source) && m.target === wanted.target)).toBe(true)
      })
    )
  })

  it('offers only matches at or above the threshold, scored as 1 − distance / longer length', () => {
    fc.assert(
      fc.property(entries, sentence, fc.integer({min: 40, max: 100}), (list, query, threshold) => {
        for (const m of findMatches(buildMemory(list), query, {threshold, limit: 1000})) {
          expect(m.similarity).toBeGreaterThanOrEqual(threshold)
          const [a, b] = [Array.from(comparable(query)), Array.from(comparable(m.source))]
          const exact = Math.floor((100 * (Math.max(a.length, b.length) - levenshtein(a, b))) / Math.max(a.length, b.length))
          expect(m.similarity).toBe(query === m.source ? 100 : Math.min(exact, 99))
        }
      })
    )
  })

  it('finds a near repeat among thousands of unrelated entries, and never the excluded origin', () => {
    const list: MemoryEntry[] = Array.from({length: 5000}, (_, k) => ({source: `Unrelated sentence number ${k} about topic ${k % 97}.`, target: `t${k}`, origin: `doc#u${k}`}))
    list.push({source: 'The coalition calls on China to stop the forced repatriation of refugees.', target: '번역', origin: 'statement#s1'})
    const memory = buildMemory(list)
    const [best] = findMatches(memory, 'The coalition calls on China to stop forced repatriation of refugees.', {threshold: 75})
    expect(best).toMatchObject({origin: 'statement#s1', target: '번역'})
    expect(best!.similarity).toBeGreaterThanOrEqual(90)
    expect(best!.similarity).toBeLessThan(100)
    expect(findMatches(memory, 'The coalition calls on China to stop the forced repatriation of refugees.', {threshold: 75, exclude: 'statement#s1'})).toEqual([])
  })
})

describe('TMX files (untrusted)', () => {
  const tmx = (body: string): VFile =>
    new VFile({path: 'tm/old.tmx', value: `<?xml version="1.0"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx version="1.4"><header srclang="en-US"/><body>\n${body}\n</body></tmx>\n`})

  it('reads the language pair, inline codes left out, `__proto__` as data, origins by tuid or number', () => {
    const file = tmx(
      [
        '<tu tuid="__proto__"><tuv xml:lang="en-US"><seg>Hello <bpt i="1">&lt;b&gt;</bpt>world<ept i="1">&lt;/b&gt;</ept></seg></tuv><tuv xml:lang="ko-KR"><seg>안녕 세상</seg></tuv></tu>',
        '<tu><tuv lang="EN"><seg>Only English</seg></tuv><tuv xml:lang="ja"><seg>日本語</seg></tuv></tu>',
        '<tu><tuv xml:lang="en"><seg>Second</seg></tuv><tuv xml:lang="ko"><seg>둘째</seg></tuv></tu>'
      ].join('\n')
    )
    expect(parseTmx(file, 'en', 'ko')).toEqual([
      {source: 'Hello world', target: '안녕 세상', origin: 'tm/old.tmx#__proto__'},
      {source: 'Second', target: '둘째', origin: 'tm/old.tmx#3'}
    ])
    expect(({} as Record<string, unknown>).source).toBeUndefined()
  })

  it('refuses malformed XML and other roots at their line and column, with the rule ID', () => {
    const bad = tmx('<tu><tuv xml:lang="en"><seg>a</tuv></tu>')
    expect(() => parseTmx(bad, 'en', 'ko')).toThrow(/Unexpected XML: .*expected well-formed TMX/)
    expect(bad.messages[0]).toMatchObject({ruleId: 'tmx-malformed', line: 4, fatal: true})
    const other = new VFile({path: 'tm/x.tmx', value: '<xliff/>'})
    expect(() => parseTmx(other, 'en', 'ko')).toThrow(/Unexpected root element `<xliff>`, expected `<tmx>`/)
    expect(other.messages[0]).toMatchObject({ruleId: 'tmx-malformed', line: 1, column: 1})
  })
})
