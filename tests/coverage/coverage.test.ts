import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import fc from 'fast-check'
import {Ajv2020} from 'ajv/dist/2020.js'
import {describe, expect, it} from 'vitest'
import {loadTranslations} from '../../src/engine/locales-sync.js'
import {loadProject} from '../../src/engine/project.js'
import {computeCoverage, coverageGate, percentOf, type Coverage} from '../../src/coverage/count.js'
import {countCharacters, countWords} from '../../src/coverage/volume.js'
import {parseInline} from '../../src/markdown/parse.js'
import {flatText} from '../../src/segment/inline.js'
import type {SegmentStatus, TrackResult} from '../../src/translations/track.js'
import type {Segment, TranslationState} from '../../src/core/types.js'
import {repo} from '../helpers/cli.js'

const schema = JSON.parse(readFileSync(join(repo, 'src/schemas/coverage.schema.json'), 'utf8')) as object
const validateCoverage = new Ajv2020({allErrors: true, strict: true}).compile(schema)

const fixture = join(repo, 'tests/fixtures/coverage-basic')

function fixtureCoverage(): Coverage {
  // Read-only: a test leaves nothing (not even the segment cache) in the fixture.
  const project = loadProject(fixture, undefined, {readOnly: true})
  return computeCoverage({documents: project.documents.map((d) => d.document), tracked: loadTranslations(project), languages: project.options.languages})
}

describe('coverage of the coverage-basic fixture (counts known by construction)', () => {
  // guide.md: 11 segments (2 before the first heading, 5 under "Getting started", 4 under "Details").
  // ko: all translated, 3 reviewed. ja: 8 translated (1 reviewed), 2 stale (English edited after translation), 1 missing. mn: no file.
  // notes.md: 3 segments. ko: all translated. ja: 1 translated, 2 missing. mn: 1 translated, 1 stale, 1 empty (= missing).
  const coverage = fixtureCoverage()
  const [guide, notes] = coverage.documents

  it('counts segments by state per document and language', () => {
    const pick = (l: {total: number; translated: number; reviewed: number; stale: number; missing: number; percent: number}) => [
      l.total,
      l.translated,
      l.reviewed,
      l.stale,
      l.missing,
      l.percent
    ]
    expect(coverage.documents.map((d) => d.id)).toEqual(['guide', 'notes'])
    expect(pick(guide!.languages.ko!)).toEqual([11, 11, 3, 0, 0, 100])
    expect(pick(guide!.languages.ja!)).toEqual([11, 8, 1, 2, 1, 72.7])
    expect(pick(guide!.languages.mn!)).toEqual([11, 0, 0, 0, 11, 0])
    expect(pick(notes!.languages.ko!)).toEqual([3, 3, 0, 0, 0, 100])
    expect(pick(notes!.languages.ja!)).toEqual([3, 1, 0, 0, 2, 33.3])
    expect(pick(notes!.languages.mn!)).toEqual([3, 1, 0, 1, 1, 33.3])
    expect(pick(coverage.totals.languages.ja!)).toEqual([14, 9, 1, 2, 3, 64.3])
    expect(pick(coverage.totals.languages.mn!)).toEqual([14, 1, 0, 1, 12, 7.1])
  })

  it('counts English words and weighs progress by them', () => {
    // 3+4+2+8+5+7+4+1+4+6+8: "100,000" and "°C" are words, "*three*" is one word.
    expect(guide!.words).toBe(52)
    expect(notes!.words).toBe(10)
    expect(coverage.totals.words).toBe(62)
    // ja misses "Keep them cool and dry." (5), "The first kit shipped in May 2007." (7), "Store the kit at 5 °C or warmer." (8).
    expect(guide!.languages.ja!.translatedWords).toBe(32)
    expect(guide!.languages.ja!.wordPercent).toBe(61.5)
  })

  it('breaks each language down by section, headings included', () => {
    expect(guide!.languages.ja!.sections.map((s) => [s.id, s.heading, s.total, s.translated, s.stale, s.missing, s.percent])).toEqual([
      [null, null, 2, 2, 0, 0, 100],
      ['sz34m30', 'Getting started', 5, 3, 2, 0, 60],
      ['stycf1e', 'Details', 4, 3, 0, 1, 75]
    ])
  })

  it('lists every stale and missing segment in document order with its section, English, line, words and change', () => {
    expect(guide!.languages.ja!.gaps).toEqual([
      {id: 's83k533', state: 'stale', section: 'sz34m30', english: 'Keep them cool and dry.', line: 9, words: 5, change: 'meaning'},
      {id: 'sy0xe81', state: 'stale', section: 'sz34m30', english: 'The first kit shipped in May 2007.', line: 11, words: 7, change: 'meaning'},
      {id: 's96230r', state: 'missing', section: 'stycf1e', english: 'Store the kit at 5 °C or warmer.', line: 18, words: 8}
    ])
    expect(notes!.languages.mn!.gaps.map(({id, state, section}) => ({id, state, section}))).toEqual([
      {id: 'shcc07n', state: 'missing', section: 's70jf5y'},
      {id: 'saaccfz', state: 'stale', section: 's70jf5y'}
    ])
    expect(guide!.languages.ko!.gaps).toEqual([])
  })

  it('counts target characters without whitespace or markup', () => {
    // "メモ" is the only ja translation of notes.md.
    expect(notes!.languages.ja!.characters).toBe(2)
    expect(notes!.languages.ko!.characters).toBe([...'메모메모하나가먼저나옵니다.메모두개가더뒤따릅니다.'].length)
  })

  it('validates against the JSON Schema', () => {
    expect(validateCoverage(JSON.parse(JSON.stringify(coverage))), JSON.stringify(validateCoverage.errors)).toBe(true)
  })

  it('is rejected by the schema when a field is missing or wrong', () => {
    const broken = JSON.parse(JSON.stringify(coverage)) as {documents: Array<{languages: Record<string, Record<string, unknown>>}>}
    delete broken.documents[0]!.languages.ko!.gaps
    expect(validateCoverage(broken)).toBe(false)
    const wrongState = JSON.parse(JSON.stringify(coverage)) as {documents: Array<{languages: Record<string, {gaps: Array<{state: string}>}>}>}
    wrongState.documents[0]!.languages.ja!.gaps[0]!.state = 'translated'
    expect(validateCoverage(wrongState)).toBe(false)
  })
})

describe('helpers', () => {
  it('rounds percentages to one decimal from integers', () => {
    expect(percentOf(2, 3)).toBe(66.7)
    expect(percentOf(1, 3)).toBe(33.3)
    expect(percentOf(21, 31)).toBe(67.7)
    expect(percentOf(0, 0)).toBe(100)
  })

  it('counts the same words and characters without the parser when the text has no Markdown syntax', () => {
    const tokens = [
      'word',
      'Wort',
      '낱말',
      '言葉',
      'үг',
      '2007',
      '100,000',
      '.',
      ':',
      '-',
      '+',
      '#',
      '|',
      '=',
      '1.',
      ' ',
      '  ',
      '\n',
      '(',
      ')',
      '"',
      "'",
      '’',
      'http://example.org',
      'www.example.org'
    ]
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...tokens), {maxLength: 12}), (parts) => {
        const text = parts.join('')
        const plain = flatText(parseInline(text))
        expect(countWords(text)).toBe(plain.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length)
        expect(countCharacters(text)).toBe([...plain].filter((c) => !/\s/u.test(c)).length)
      })
    )
  })

  it('counts words like pocount: runs with a letter or digit, not markup or lone punctuation', () => {
    expect(countWords('A *b* [c d](https://x.example) — e.')).toBe(5)
    expect(countWords('— …')).toBe(0)
  })
})

describe('the gate', () => {
  const coverage = fixtureCoverage()
  it('names each language below the global threshold', () => {
    expect(coverageGate(coverage, 100, {}).map((f) => f.language)).toEqual(['ja', 'mn'])
    expect(coverageGate(coverage, 50, {}).map((f) => f.language)).toEqual(['mn'])
    expect(coverageGate(coverage, 0, {})).toEqual([])
    expect(coverageGate(coverage, null, {})).toEqual([])
  })

  it('lets a per-language threshold win over the global one', () => {
    expect(coverageGate(coverage, 100, {mn: 5, ja: 60}).map((f) => f.language)).toEqual([])
    expect(coverageGate(coverage, null, {ko: 100, ja: 65}).map((f) => [f.language, f.threshold, f.percent])).toEqual([['ja', 65, 64.3]])
  })

  it('compares exactly, not on the rounded percent', () => {
    // ja totals: 9 of 14 = 64.2857…%, shown as 64.3.
    expect(coverageGate(coverage, 64.3, {}).map((f) => f.language)).toEqual(['ja', 'mn'])
    expect(coverageGate(coverage, 64.28, {}).map((f) => f.language)).toEqual(['mn'])
  })
})

/** A random document: segment kinds and states; sections follow from where the headings are. */
const documentArbitrary = fc.record({
  segments: fc.array(fc.record({heading: fc.boolean(), words: fc.integer({min: 1, max: 6})}), {minLength: 1, maxLength: 40}),
  states: fc.dictionary(fc.constantFrom('ko', 'ja', 'mn'), fc.array(fc.constantFrom<TranslationState>('missing', 'stale', 'translated', 'reviewed'), {minLength: 40, maxLength: 40}))
})

type DocInput = {segments: Array<{heading: boolean; words: number}>; states: Partial<Record<string, TranslationState[]>>}

function build(docs: DocInput[]) {
  const languages = ['ko', 'ja', 'mn']
  const tracked: TrackResult[] = []
  const documents = docs.map((doc, d) => {
    let section: string | null = null
    const segments: Segment[] = doc.segments.map((s, i) => {
      const id = `s${d}x${i}`
      if (s.heading) section = id
      const text = Array.from({length: s.words}, (_, w) => `word${w}`).join(' ')
      return {id, text, kind: s.heading ? 'heading' : 'paragraph', block: i, depth: s.heading ? 1 : 0, line: i + 1, column: 1, rev: 1, hash: 'h', section, blockId: id}
    })
    for (const language of languages) {
      const states = doc.states[language]
      if (!states) continue // no locale file: everything missing
      const statuses: SegmentStatus[] = segments.map((s, i) => (states[i] === 'missing' ? {id: s.id, state: 'missing'} : {id: s.id, state: states[i]!, translation: `t ${s.id}`}))
      tracked.push({language, document: `doc${d}`, statuses, strings: {}, meta: {}, obsolete: {}, orphans: [], moved: [], restored: [], empty: []})
    }
    return {id: `doc${d}`, meta: {}, segments}
  })
  return {documents, tracked, languages}
}

describe('properties over random state assignments', () => {
  it('the sums always hold, per document, section and in total, and the output fits the schema', () => {
    fc.assert(
      fc.property(fc.array(documentArbitrary, {minLength: 1, maxLength: 3}), (docs) => {
        const input = build(docs)
        const coverage = computeCoverage(input)
        expect(validateCoverage(JSON.parse(JSON.stringify(coverage)))).toBe(true)
        for (const language of input.languages) {
          const totals = coverage.totals.languages[language]!
          let sum = 0
          for (const [d, doc] of coverage.documents.entries()) {
            const l = doc.languages[language]!
            const states = input.tracked.find((r) => r.document === doc.id && r.language === language)?.statuses.map((s) => s.state) ?? input.documents[d]!.segments.map(() => 'missing')
            expect(l.translated + l.stale + l.missing).toBe(l.total)
            expect(l.total).toBe(doc.segments)
            expect(l.reviewed).toBeLessThanOrEqual(l.translated)
            expect(l.reviewed).toBe(states.filter((s) => s === 'reviewed').length)
            expect(l.translated).toBe(states.filter((s) => s === 'translated' || s === 'reviewed').length)
            expect(l.percent).toBe(Math.round((l.translated * 1000) / l.total) / 10)
            for (const key of ['total', 'translated', 'reviewed', 'stale', 'missing'] as const) {
              expect(l.sections.reduce((a, s) => a + s[key], 0)).toBe(l[key])
            }
            for (const s of l.sections) expect(s.translated + s.stale + s.missing).toBe(s.total)
            const segments = input.documents[d]!.segments
            expect(l.gaps.map(({id, state, section, line}) => ({id, state, section, line}))).toEqual(
              segments.flatMap((s, i) => (states[i] === 'missing' || states[i] === 'stale' ? [{id: s.id, state: states[i], section: s.section, line: s.line}] : []))
            )
            expect(l.gaps.length).toBe(l.stale + l.missing)
            expect(l.wordPercent).toBeGreaterThanOrEqual(0)
            expect(l.wordPercent).toBeLessThanOrEqual(100)
            sum += l.translated
          }
          expect(totals.translated).toBe(sum)
          expect(totals.translated + totals.stale + totals.missing).toBe(totals.total)
          expect(totals.total).toBe(coverage.totals.segments)
        }
      }),
      {numRuns: 200}
    )
  }, 60_000)
})
