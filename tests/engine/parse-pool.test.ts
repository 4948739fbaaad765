import {mkdirSync, readFileSync, rmSync} from 'node:fs'
import {join} from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {generateCorpus, renderCorpus} from '../../src/bench/corpus.js'
import {parseTree} from '../../src/markdown/parse.js'
import {segmentRange, treeOfRanges, withRanges} from '../../src/segment/unit-range.js'
import {segmentSource, unitPlan} from '../../src/segment/units.js'
import {concord, repo, tempProject, write} from '../helpers/cli.js'
import {documentArb} from '../helpers/markdown-arb.js'

/** What one thread makes of `text`: the whole tree and the segments. */
const oneThread = (text: string) => ({tree: parseTree(text), segments: segmentSource(text, 'en', new Map()).segments})

describe('parsing a document on two threads', () => {
  it('joins ranges of units into exactly the one-thread tree and segments, wherever the split falls', () => {
    fc.assert(
      fc.property(documentArb, fc.nat(), fc.nat(), (text, a, b) => {
        const plan = unitPlan(text, 'en')
        const count = plan.keys.length
        // Up to three ranges, cut at random units, segmented out of order.
        const cuts = [...new Set([0, 1 + (a % count), 1 + (b % count), count])].filter((c) => c <= count).sort((x, y) => x - y)
        const ranges = cuts
          .slice(0, -1)
          .map((from, i) => segmentRange(text, plan, from, cuts[i + 1]!, 'en'))
          .reverse()
        const expected = oneThread(text)
        expect(treeOfRanges(ranges)).toEqual(expected.tree)
        const warm = segmentSource(text, 'en', withRanges(new Map(), plan, ranges))
        expect(warm.segments).toEqual(expected.segments)
        // Every unit but the first (always parsed) comes from the ranges.
        expect(warm.parsed).toBe(1)
      }),
      {numRuns: 300}
    )
  })

  it('parses a long report with a real worker, to the same tree and segments', async () => {
    // The worker is the compiled one: dist/ is built before the tests.
    const {prepareInParallel, PARALLEL_FROM} = (await import(join(repo, 'dist/engine/parse-pool.js'))) as typeof import('../../src/engine/parse-pool.js')
    const text = renderCorpus(generateCorpus(7, 320_000))
    expect(text.length).toBeGreaterThan(PARALLEL_FROM)
    const expected = oneThread(text)
    const ready = await prepareInParallel(text, 'en', new Map(), true, 2)
    expect(ready?.tree).toEqual(expected.tree)
    expect(segmentSource(text, 'en', ready!.cache).segments).toEqual(expected.segments)
    // Without the tree only what the cache lacks is parsed; a short text or one core: nothing.
    const some = await prepareInParallel(text, 'en', new Map([...ready!.cache].slice(0, 3)), false, 2)
    expect(some?.tree).toBeUndefined()
    expect(segmentSource(text, 'en', some!.cache).segments).toEqual(expected.segments)
    expect(await prepareInParallel(text, 'en', ready!.cache, 'if-parsing', 2)).toBeUndefined()
    expect(await prepareInParallel(text, 'en', new Map(), true, 1)).toBeUndefined()
    // Two threads only when asked for: one measured faster by default.
    expect(await prepareInParallel(text, 'en', new Map(), true)).toBeUndefined()
    expect(await prepareInParallel(readFileSync(join(repo, 'content/statement.md'), 'utf8'), 'en', new Map(), true, 2)).toBeUndefined()
  })

  it('segments and builds a long document the same on two threads as with --jobs 1', {timeout: 300_000}, () => {
    const dir = tempProject(repo, ['locales', '.concordrc.json'])
    mkdirSync(join(dir, 'content'))
    write(dir, 'content/report.md', renderCorpus(generateCorpus(11, 260_000)))
    expect(concord(['segment'], dir).code).toBe(0)
    const registry = readFileSync(join(dir, 'locales/en/report.registry.json'), 'utf8')
    expect(concord(['build', '--format', 'md,html', '--lang', 'ko', '--jobs', '2'], dir).code).toBe(0)
    expect(concord(['build', '--format', 'md,html', '--lang', 'ko', '--jobs', '1', '--out', 'single'], dir).code).toBe(0)
    for (const file of ['en/report.md', 'ko/report.html', 'aligned/report.md', 'aligned/report.html']) {
      expect(readFileSync(join(dir, 'output', file), 'utf8'), file).toBe(readFileSync(join(dir, 'single', file), 'utf8'))
    }
    // Segmenting again, from the cache and then without it, changes nothing.
    expect(concord(['segment', '--check'], dir).code).toBe(0)
    rmSync(join(dir, 'output/.cache'), {recursive: true})
    expect(concord(['segment', '--check'], dir).code).toBe(0)
    expect(concord(['segment'], dir).code).toBe(0)
    expect(readFileSync(join(dir, 'locales/en/report.registry.json'), 'utf8')).toBe(registry)
  })
})
