import {cpSync, existsSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {generateCorpus, renderCorpus, reword} from '../../src/bench/corpus.js'
import {segmentDocument} from '../../src/ids/document.js'
import {parseMarkdown} from '../../src/markdown/parse.js'
import {emptyRegistry} from '../../src/ids/reconcile.js'
import {findWords, segmentTree} from '../../src/segment/segment.js'
import {segmentSource, type SegmentCache} from '../../src/segment/units.js'
import {concord, read, tempProject} from '../helpers/cli.js'

const file = (value: string): VFile => new VFile({path: 'doc.md', value})
const reference = (text: string) => segmentTree(parseMarkdown(file(text)).tree, text, {language: 'en'})
const run = (text: string, cache: SegmentCache, registry = emptyRegistry('doc')) => segmentDocument(file(text), registry, {sourceLanguage: 'en'}, cache)

const blocks = [
  '# Title one',
  '## Section *two*',
  'First sentence here. Second one follows.',
  'A [link](https://example.org) and `code`. Then more.',
  '- item one. Still one.\n- item two',
  '1. first\n2. second',
  '> quoted. Twice.',
  '| a | b |\n| - | - |\n| c. d | e |',
  '```\ncode\n\nSentence inside code.\n```',
  'Mr. Kato spoke. He left.',
  'Line one\nline two. Next sentence.'
]
const docArb = fc
  .tuple(fc.boolean(), fc.array(fc.constantFrom(...blocks), {minLength: 1, maxLength: 12}))
  .map(([front, parts]) => (front ? '---\ntitle: T\n---\n\n' : '') + parts.join('\n\n') + '\n')

/** The body's segments: `reference` segments the tree alone, the front matter's segments come from its fields (segment/meta.ts). */
const body = <T extends {kind: string}>(segments: T[]): T[] => segments.filter((s) => s.kind !== 'meta')

describe('segmenting unit by unit with a cache', () => {
  it('gives the segments of a whole parse, whatever the cache holds', () => {
    fc.assert(
      fc.property(docArb, docArb, (before, after) => {
        fc.pre(reference(before).length > 0 && reference(after).length > 0)
        const cold = run(before, new Map())
        expect(body(cold.document.segments).map(({id, rev, hash, section, blockId, ...rest}) => rest)).toEqual(reference(before))
        const warm = run(after, cold.cache!)
        expect(body(warm.segments).map(({id, rev, hash, section, blockId, ...rest}) => rest)).toEqual(reference(after))
        expect(warm.document.tree).toEqual(parseMarkdown(file(after)).tree)
        expect(warm.document.meta).toEqual(parseMarkdown(file(after)).meta)
      }),
      {numRuns: 200}
    )
  })

  it('reuses the unchanged units of a long document after an edit', () => {
    const corpus = generateCorpus(5, 80_000)
    const before = renderCorpus(corpus)
    const after = renderCorpus(reword(corpus, 0.01, 6).corpus)
    const cold = run(before, new Map())
    const warm = run(after, cold.cache!, cold.registry)
    expect(body(warm.segments).map(({id, rev, hash, section, blockId, ...rest}) => rest)).toEqual(reference(after))
    expect(warm.changed.length).toBeGreaterThan(0)
    expect(warm.added).toEqual([])
    const units = segmentSource(after, 'en', cold.cache!)
    expect(units.units).toBeGreaterThan(100)
    expect(units.parsed).toBeLessThan(units.units / 4)
  })
})

describe('the segment cache file', () => {
  it('is written under output/.cache, reused, and never changes what segment writes', () => {
    const dir = tempProject()
    expect(concord(['segment'], dir).code).toBe(0)
    const cache = join(dir, 'output', '.cache', 'statement.segments.json')
    expect(existsSync(cache)).toBe(true)
    const registry = read(dir, 'locales/en/statement.registry.json')

    // A cache that lies is not detectable by design, but a corrupt one is ignored.
    writeFileSync(cache, '{not json')
    expect(concord(['segment', '--check'], dir).code).toBe(0)
    // --check writes nothing, not even the cache; the next segment run replaces it.
    expect(readFileSync(cache, 'utf8')).toBe('{not json')
    expect(concord(['segment'], dir).code).toBe(0)
    expect(JSON.parse(readFileSync(cache, 'utf8')).format).toBe(1)

    // Editing the statement with a warm cache gives what a cold run gives.
    const text = read(dir, 'content/statement.md').replace('Human rights are the most basic', 'Human rights are the most essential')
    writeFileSync(join(dir, 'content', 'statement.md'), text)
    const cold = tempProject()
    cpSync(join(dir, 'content'), join(cold, 'content'), {recursive: true})
    expect(concord(['segment'], dir).code).toBe(0)
    expect(concord(['segment'], cold).code).toBe(0)
    for (const path of ['locales/en/statement.json', 'locales/en/statement.registry.json', 'locales/ko/statement.state.json']) {
      expect(read(dir, path)).toBe(read(cold, path))
    }
    expect(read(dir, 'locales/en/statement.registry.json')).not.toBe(registry)
  })
})

describe('locating a sentence in its block', () => {
  it('finds words where the pattern `w1[\\s>]+w2…` first matches', () => {
    const pieces = ['a', 'b', 'ab', '>', '> ', ' ', '  ', '\n', '.', '*', '(', '한', '\u00a0', '>a']
    const text = fc.array(fc.constantFrom(...pieces), {maxLength: 16}).map((p) => p.join(''))
    fc.assert(
      fc.property(text, fc.array(fc.constantFrom('a', 'b', 'ab', '>a', '.', '*(', '한'), {minLength: 1, maxLength: 4}), (hay, words) => {
        const pattern = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s>]+'))
        expect(findWords(hay, words)).toBe(pattern.exec(hay)?.index ?? -1)
      }),
      {numRuns: 3000}
    )
  })
})
