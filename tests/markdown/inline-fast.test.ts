import fc from 'fast-check'
import type {PhrasingContent} from 'mdast'
import type {Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {generateCorpus, renderCorpus} from '../../src/bench/corpus.js'
import {parseInline, parseInlineBatch} from '../../src/markdown/parse.js'
import {inlineToMarkdown} from '../../src/segment/inline.js'

/** The serialiser as it was before `safe` was made fast: the reference. */
const stock = unified().use(remarkStringify, {bullet: '-', emphasis: '*', strong: '*', fence: '`'}).use(remarkGfm)
const reference = (children: PhrasingContent[]): string => stock.stringify({type: 'root', children: [{type: 'paragraph', children}]}).trim()

/** Characters and runs that mean something somewhere in Markdown, and a few that do not. */
const alphabet = [
  ...'abcXY 019.,:;!?*_`~[]()<>&#@\\|-+=/\'"\u00a0\u3000가日',
  'a_b',
  'a__b',
  'a_',
  '_b',
  '__',
  '\\*',
  '\\\\',
  '&amp;',
  '&#',
  'www.x',
  'http://',
  'a@b.c',
  '1.',
  '2)',
  '![',
  '](',
  '\t',
  '  '
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

  it('gives the stock serialiser’s string for plain sentences', () => {
    const wordArb = fc.constantFrom('word', 'Www', 'w.x', 'W.', '한국어', 'a.b', '1.', '2)', '#', '-', '+', '=', '|', '(x)', '!', '?', ',', '.', '"', "'", '%', '$', '^', '{}', ';', '/')
    fc.assert(
      fc.property(fc.array(wordArb, {minLength: 1, maxLength: 8}), fc.constantFrom(' ', ''), (words, joiner) => {
        const children: PhrasingContent[] = [{type: 'text', value: words.join(joiner)}]
        expect(inlineToMarkdown(children)).toBe(reference(children))
      }),
      {numRuns: 3000}
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

/** parseInline as it was before plain text skipped the parser: the reference. */
const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml'])
function slowParseInline(text: string): PhrasingContent[] {
  const tree = parser.parse(text) as Root
  const first = tree.children[0]
  if (tree.children.length === 1 && first?.type === 'paragraph') return first.children
  return [{type: 'text', value: text}]
}

describe('parsing a segment of plain text without the parser', () => {
  const words = [
    'word',
    'Wort',
    '한국어',
    '日本語',
    'Монгол',
    'a😀b',
    'www',
    'http',
    '1.',
    '#',
    '-',
    '+',
    '>',
    '=',
    '|',
    '!',
    '?',
    '(x)',
    "'",
    '"',
    ' ',
    '  ',
    '\t',
    '\u00a0',
    '\u3000',
    ':',
    '@',
    '.',
    ',',
    '*',
    '_',
    '~',
    '&',
    '<',
    '[',
    ']',
    '\\',
    '`',
    '\n'
  ]
  const textArb = fc.array(fc.constantFrom(...words), {minLength: 1, maxLength: 8}).map((parts) => parts.join(''))

  it('gives the parser’s nodes, positions included, for any text', () => {
    let plain = 0
    fc.assert(
      fc.property(textArb, (text) => {
        if (!/[^\p{L} .,?!()'"0-9😀]/u.test(text)) plain++
        expect(parseInline(text)).toEqual(slowParseInline(text))
      }),
      {numRuns: 4000}
    )
    expect(plain).toBeGreaterThan(100)
  })
})

/** A copy of nodes without `position`, which parseInlineBatch leaves out. */
const positionless = (nodes: unknown): unknown => JSON.parse(JSON.stringify(nodes, (key, value: unknown) => (key === 'position' ? undefined : value)))

describe('parseInlineBatch', () => {
  // Texts that start blocks, define references or span lines, which must not reach their neighbours in one parse.
  const blocky = fc.constantFrom(
    '[a]: /u',
    '[a]',
    'x [a] y',
    '[^1]',
    'b[^1]',
    '[^1]: note',
    '<div>',
    '<!-- c',
    '```',
    '~~~',
    '---',
    '===',
    '# h',
    '> q',
    '- l',
    '1. x',
    '    code',
    '| a | b |',
    'a\nb',
    'a  ',
    'a\n\n[a]: /v',
    'x <span>',
    'Www.x.org',
    'a *b',
    'c* d'
  )
  const lineArb = fc.oneof(
    textArb,
    textArb.map((text) => `a${text}`),
    textArb.map((text) => `日${text}`),
    blocky
  )

  it('gives every text the nodes parseInline gives it alone, positions aside', () => {
    fc.assert(
      fc.property(fc.array(lineArb, {minLength: 0, maxLength: 8}), (texts) => {
        expect(positionless(parseInlineBatch(texts))).toEqual(positionless(texts.map((text) => parseInline(text))))
      }),
      {numRuns: 1500}
    )
  })
})
