import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {generateCorpus, renderCorpus, reword} from '../src/bench/corpus.js'
import {judgeTargets} from '../src/bench/report.js'
import type {StepResult} from '../src/bench/steps.js'
import {pseudoTranslate, translateSegments} from '../src/bench/translate.js'
import {parseMarkdown} from '../src/parse.js'
import {segmentTree} from '../src/segment/segment.js'

describe('the benchmark corpus', () => {
  const corpus = generateCorpus(42, 100_000)
  const markdown = renderCorpus(corpus)
  const segments = segmentTree(parseMarkdown(new VFile({value: markdown})).tree, markdown, {language: 'en'})

  it('is the same for the same seed and differs for another', () => {
    expect(renderCorpus(generateCorpus(42, 100_000))).toBe(markdown)
    expect(renderCorpus(generateCorpus(43, 100_000))).not.toBe(markdown)
  })

  it('has the size asked for, about 6 500 segments per MB, with headings, lists, emphasis and links', () => {
    expect(markdown.length).toBeGreaterThanOrEqual(100_000)
    expect(markdown.length).toBeLessThan(102_000)
    expect(segments.length).toBeGreaterThan(500)
    expect(segments.length).toBeLessThan(900)
    const kinds = new Set(segments.map((s) => s.kind))
    expect([...kinds].sort()).toEqual(['heading', 'paragraph', 'tableCell'])
    for (const pattern of [/^- /m, /^1\. /m, /^> /m, /\*[a-z]/, /\*\*[a-z]/, /\]\(https:\/\/example\.org\//, /^```/m]) expect(markdown).toMatch(pattern)
    const marked = segments.filter((s) => /[*`[]/.test(s.text)).length / segments.length
    expect(marked).toBeGreaterThan(0.2)
    expect(marked).toBeLessThan(0.45)
  })

  it('rewords about the share of sentences asked for, each one word', () => {
    const {corpus: edited, changed} = reword(corpus, 0.05, 7)
    const after = renderCorpus(edited)
    const fresh = segmentTree(parseMarkdown(new VFile({value: after})).tree, after, {language: 'en'})
    expect(fresh.length).toBe(segments.length)
    const differing = fresh.filter((s, i) => s.text !== segments[i]!.text).length
    expect(differing).toBe(changed)
    expect(changed / segments.length).toBeGreaterThan(0.02)
    expect(changed / segments.length).toBeLessThan(0.08)
  })
})

describe('pseudo translations', () => {
  it('keep code spans and link targets, translate words the same way every time, and cover the share asked for', () => {
    const text = 'The *urgent* [report](https://example.org/a/1) uses `code_12` twice, the report.'
    for (const language of ['ko', 'ja', 'mn']) {
      const out = pseudoTranslate(text, language)
      expect(out).toContain('](https://example.org/a/1)')
      expect(out).toContain('`code_12`')
      expect(out).not.toMatch(/[A-Za-z]{3,}(?![^(]*\))(?![^`]*`)/)
      expect(pseudoTranslate(text, language)).toBe(out)
    }
    expect(pseudoTranslate('report.', 'ja')).toMatch(/。$/)
    expect(pseudoTranslate('report report', 'ko').split(' ')).toHaveLength(2)
    const segments = Array.from({length: 2000}, (_, i) => ({id: `s${i}`, text: `Sentence number ${i}.`}))
    const share = Object.keys(translateSegments(segments, 'ko', 0.9, 1)).length / segments.length
    expect(share).toBeGreaterThan(0.87)
    expect(share).toBeLessThan(0.93)
  })
})

describe('targets', () => {
  const ok = (corpus: string, step: string, ms: number, extra: StepResult['extra'] = {}, rssMb = 100): StepResult => ({corpus, step, status: 'ok', ms, rssMb, extra})

  it('judges each target from the measured steps', () => {
    const results = [
      ok('1 MB', 'build --format md,html', 3000), ok('1 MB', 'pandoc -f commonmark -t html', 1000),
      ok('10 MB', 'build --format md,html', 14_000), ok('10 MB', 'pandoc -f commonmark -t html', 10_000),
      ok('10 MB', 'segment after 1% reworded', 9000, {}, 2000),
      ok('1 MB', 'coverage', 1000), ok('10 MB', 'coverage', 13_000),
      ok('1 MB', 'build --format pdf --lang ko,ja', 12_000, {pages: 460}), ok('statement', 'build --format pdf --lang ko,ja', 2000, {pages: 10}),
      ok('statement', 'build --watch: rebuild after one ko segment changed', 500, {ratioToFull: 0.2, unaffectedRewritten: 0, rewritten: 6})
    ]
    // 3× pandoc; 1.4×; 2 GB; coverage grew 13×; 45 pages/s; one-off rebuild not run; watch rebuild 20%.
    expect(judgeTargets(results, '1 MB', '10 MB').map((t) => t.status)).toEqual(['fail', 'pass', 'fail', 'fail', 'pass', 'not measured', 'pass'])
  })
})
