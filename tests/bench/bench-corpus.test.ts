import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {generateCorpus, renderCorpus, reword} from '../../src/bench/corpus.js'
import {judgeTargets} from '../../src/bench/report.js'
import {POCOUNT, type StepResult} from '../../src/bench/steps.js'
import {measureInTurn, type RunResult} from '../../src/bench/measure.js'
import {pseudoTranslate, translateSegments} from '../../src/bench/translate.js'
import {parseMarkdown} from '../../src/markdown/parse.js'
import {segmentTree} from '../../src/segment/segment.js'

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
      ok('1 MB', 'build --format md,html', 3000),
      ok('1 MB', 'pandoc -f commonmark -t html', 1000),
      ok('10 MB', 'build --format md,html', 14_000),
      ok('10 MB', 'pandoc -f commonmark -t html', 10_000),
      ok('10 MB', 'segment after 1% reworded', 9000, {}, 2000),
      ok('1 MB', 'coverage', 1000),
      ok('10 MB', 'coverage', 13_000),
      ok('10 MB', POCOUNT, 10_000),
      ok('10 MB', 'segment (cold: no registry)', 4700),
      ok('10 MB', 'segment --check (up to date)', 5800),
      ok('1 MB', 'build --format pdf --lang ko,ja', 12_000, {pages: 460}),
      ok('statement', 'build --format pdf --lang ko,ja', 2000, {pages: 10}),
      ok('statement', 'build --watch: rebuild after one ko segment changed', 500, {ratioToFull: 0.2, unaffectedRewritten: 0, rewritten: 6})
    ]
    // 3× pandoc; 1.4×; coverage 1.3× pocount; --check slower than a cold segment; 2 GB; coverage grew 13×; 45 pages/s; one-off rebuild not run; watch rebuild 20%.
    expect(judgeTargets(results, '1 MB', '10 MB').map((t) => t.status)).toEqual(['fail', 'pass', 'pass', 'fail', 'fail', 'fail', 'pass', 'not measured', 'pass'])
    const faster = results.map((r) => (r.step === 'segment --check (up to date)' ? {...r, ms: 4000} : r.step === POCOUNT ? {...r, ms: 8000} : r))
    expect(
      judgeTargets(faster, '1 MB', '10 MB')
        .map((t) => t.status)
        .slice(2, 4)
    ).toEqual(['fail', 'pass'])
  })
})

describe('timing in turn', () => {
  const result = (ms: number, code = 0): RunResult => ({ms, rssMb: 10, cpuMs: ms, code, stdout: '', stderr: code ? 'error: boom\n' : ''})

  it('runs the commands in turn, round after round, each the median of its runs', () => {
    const calls: string[] = []
    const step = (name: string, times: number[]) => ({before: (i: number) => void calls.push(`${name}-before-${i}`), once: (i: number) => (calls.push(`${name}-${i}`), result(times[i]!))})
    const [a, b] = measureInTurn(3, [step('a', [100, 300, 200]), step('b', [40, 10, 30])])
    expect(calls).toEqual(['a-before-0', 'a-0', 'b-before-0', 'b-0', 'a-before-1', 'a-1', 'b-before-1', 'b-1', 'a-before-2', 'a-2', 'b-before-2', 'b-2'])
    expect(a).toMatchObject({ok: true, measurement: {ms: 200, runsMs: [100, 300, 200]}})
    expect(b).toMatchObject({ok: true, measurement: {ms: 30, runsMs: [40, 10, 30]}})
  })

  it('stops at a failing run and says which command failed', () => {
    let round = 0
    const [a, b] = measureInTurn(3, [{once: () => (round++, result(100))}, {once: () => (round === 2 ? result(5, 1) : result(50))}])
    expect(a).toMatchObject({ok: true, measurement: {runsMs: [100, 100]}})
    expect(b).toEqual({ok: false, reason: 'error: boom', available: true})
    expect(measureInTurn(2, [{once: () => result(1, 2)}, {once: () => result(1)}])[1]).toMatchObject({ok: false, reason: 'not run: an earlier step failed'})
  })
})
