import fc from 'fast-check'
import type {PhrasingContent} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {generateCorpus, renderCorpus} from '../src/bench/corpus.js'
import {parseInline} from '../src/parse.js'
import {inlineToMarkdown} from '../src/segment/inline.js'

/** The serialiser as it was before `safe` was made fast: the reference. */
const stock = unified().use(remarkStringify, {bullet: '-', emphasis: '*', strong: '*', fence: '`'}).use(remarkGfm)
const reference = (children: PhrasingContent[]): string =>
  stock.stringify({type: 'root', children: [{type: 'paragraph', children}]}).trim()

/** Characters and runs that mean something somewhere in Markdown, and a few that do not. */
const alphabet = [
  ...'abcXY 019.,:;!?*_`~[]()<>&#@\\|-+=/\'"\u00a0\u3000가日',
  'a_b', 'a__b', 'a_', '_b', '__', '\\*', '\\\\', '&amp;', '&#', 'www.x', 'http://', 'a@b.c', '1.', '2)', '![', '](', '\t', '  '
]
const textArb = fc.array(fc.constantFrom(...alphabet), {minLength: 1, maxLength: 10}).map((chars) => chars.join(''))

const phrasing: fc.Arbitrary<PhrasingContent> = fc.letrec<{node: PhrasingContent}>((tie) => ({
  node: fc.oneof(
    {depthSize: 'small', withCrossShrink: true},
    textArb.map((value) => ({type: 'text', value}) as PhrasingContent),
    textArb.map((value) => ({type: 'inlineCode', value}) as PhrasingContent),
    fc.array(tie('node'), {minLength: 1, maxLength: 3}).map((children) => ({type: 'emphasis', children}) as PhrasingContent),
    fc.array(tie('node'), {minLength: 1, maxLength: 3}).map((children) => ({type: 'strong', children}) as PhrasingContent),
    fc.array(tie('node'), {minLength: 1, maxLength: 3}).map((children) => ({type: 'delete', children}) as PhrasingContent),
    fc.tuple(fc.array(tie('node'), {minLength: 1, maxLength: 2}), textArb).map(([children, url]) => ({type: 'link', url, children}) as PhrasingContent),
    fc.constant({type: 'break'} as PhrasingContent)
  )
})).node

describe('inline Markdown serialisation with the fast `safe`', () => {
  it('gives the stock serialiser’s string for any phrasing content', () => {
    fc.assert(
      fc.property(fc.array(phrasing, {minLength: 1, maxLength: 5}), (children) => {
        expect(inlineToMarkdown(children)).toBe(reference(children))
      }),
      {numRuns: 1000}
    )
  })

  it('gives the stock serialiser’s string for parsed inline Markdown', () => {
    fc.assert(
      fc.property(textArb, textArb, (a, b) => {
        const children = parseInline(`${a} ${b}`) as PhrasingContent[]
        expect(inlineToMarkdown(children)).toBe(reference(children))
      }),
      {numRuns: 1000}
    )
  })

  it('gives the stock serialiser’s string for every sentence of a generated report', () => {
    const blocks = renderCorpus(generateCorpus(11, 40_000)).split('\n\n')
    for (const block of blocks) {
      const children = parseInline(block) as PhrasingContent[]
      expect(inlineToMarkdown(children)).toBe(reference(children))
    }
  })
})
