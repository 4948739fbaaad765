import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import fc from 'fast-check'
import type {Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {generateCorpus, renderCorpus} from '../../src/bench/corpus.js'
import {parseInPieces} from '../../src/markdown/pieces.js'
import {fastBlock} from '../../src/markdown/fast-blocks.js'
import {parseTree} from '../../src/markdown/parse.js'
import {repo} from '../helpers/cli.js'
import {documentArb} from '../helpers/markdown-arb.js'

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml'])
const body = unified().use(remarkParse).use(remarkGfm)
const whole = (text: string): Root => processor.parse(text) as Root
const piece = (text: string, atStart: boolean): Root => (atStart ? processor : body).parse(text) as Root
// JSON, so that key order counts too: trees are serialised into caches.
const same = (text: string, target = 64): void => {
  expect(JSON.stringify(parseInPieces(text, piece, target, fastBlock))).toBe(JSON.stringify(whole(text)))
}

// Words and marks at the edge of what the block parser takes: constructs it
// handles, ones it must leave to micromark, and ones that look alike.
const words = [
  'alpha',
  'Beta',
  'gamma,',
  '2007',
  '2007.',
  '1.',
  '1)',
  '#',
  '##',
  '*',
  '**',
  '***',
  '*em*',
  '**strong**',
  '*a **b** c*',
  '`code`',
  '`',
  '``',
  '```',
  '~~~',
  '[link](https://example.org/a)',
  '[link](<x y>)',
  '[^1]',
  '![img](a.png)',
  'www.example.org',
  'https://example.org',
  'a_b',
  '_em_',
  '&amp;',
  '&',
  '\\*',
  '<b>',
  '|',
  '~x~',
  '>',
  '-',
  '+',
  '=',
  ':',
  'ü',
  '한국어',
  '日本語。',
  'Монгол',
  '😀',
  '\t'
]
const inlineArb = fc.array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(' ', ' ', ' ', '', '\n', '  \n', ' \n')), {minLength: 1, maxLength: 8}).map((parts) =>
  parts
    .map(([w, s]) => w + s)
    .join('')
    .trim()
)
const indentArb = fc.constantFrom('', '', '', ' ', '  ', '   ', '    ')
const cellWords = [
  'alpha',
  'beta',
  'Gamma',
  '2007',
  '*em*',
  '*em*',
  '**b**',
  '**b**',
  '`code`',
  '`a|b`',
  '[l](https://example.org/a)',
  '\\|',
  '-',
  '---',
  ':-:',
  '#',
  '한국어',
  '&amp;',
  '_x_',
  ' ',
  ''
]
const plainCellWords = ['alpha', 'beta', 'Gamma', '2007', '*em*', '**b**', '`code`', '[l](https://example.org/a)', '한국어']
const cellArb = fc
  .tuple(
    fc.constantFrom('', ' ', '  '),
    fc.oneof({weight: 4, arbitrary: fc.array(fc.constantFrom(...plainCellWords), {maxLength: 3})}, {weight: 1, arbitrary: fc.array(fc.constantFrom(...cellWords), {maxLength: 3})}),
    fc.constantFrom('', ' ', '  ')
  )
  .map(([a, w, b]) => a + w.join(' ') + b)
const delimiterArb = fc.tuple(fc.constantFrom('', ' '), fc.constantFrom('---', '---', '---', '-', ':--', '--:', ':-:', '=', ''), fc.constantFrom('', ' ')).map(([a, d, b]) => a + d + b)
const tableArb = fc
  .tuple(
    fc.integer({min: 1, max: 4}),
    fc.array(fc.oneof({weight: 6, arbitrary: fc.constant(-1)}, {weight: 1, arbitrary: fc.integer({min: 0, max: 5})}), {maxLength: 4}),
    fc.constantFrom('|', '|', '|', '', ' |')
  )
  .chain(([n, rows, edge]) =>
    fc
      .tuple(
        fc.array(cellArb, {minLength: n, maxLength: n}),
        fc.array(delimiterArb, {minLength: n, maxLength: n}),
        fc.tuple(...rows.map((width) => fc.array(cellArb, {minLength: width < 0 ? n : width, maxLength: width < 0 ? n : width})))
      )
      .map(([head, rule, body]) => [head, rule, ...body].map((cells) => `|${cells.join('|')}${edge}`).join('\n'))
  )
const blockArb = fc.oneof(
  inlineArb,
  fc.tuple(fc.integer({min: 1, max: 7}), fc.constantFrom(' ', '  ', ''), inlineArb, fc.constantFrom('', ' #', ' ')).map(([n, s, t, end]) => '#'.repeat(n) + s + t.replace(/\n/g, ' ') + end),
  fc.tuple(inlineArb, fc.constantFrom('> ', '>', '>  ')).map(([t, q]) =>
    t
      .split('\n')
      .map((l) => q + l)
      .join('\n')
  ),
  fc
    .tuple(fc.constantFrom('- ', '* ', '+ ', '1. ', '2) ', '10. ', '-  '), fc.array(fc.tuple(inlineArb, indentArb, fc.constantFrom('\n', '\n', '\n\n')), {minLength: 1, maxLength: 4}))
    .map(([marker, items]) =>
      items
        .map(([t, indent, sep], k) => {
          const [head, ...rest] = t.split('\n')
          const m = /\d/.test(marker) ? marker.replace(/\d+/, String(Number.parseInt(marker, 10) + k)) : marker
          return m + head + rest.map((l) => '\n' + (indent || ' '.repeat(m.length)) + l).join('') + sep
        })
        .join('')
        .trimEnd()
    ),
  fc
    .tuple(
      fc.constantFrom('```', '~~~', '````', '```text', '``` js', '```a`b'),
      fc.array(fc.constantFrom('x = 1', '', '```', '  code', 'text'), {maxLength: 3}),
      fc.constantFrom('```', '~~~', '````', '')
    )
    .map(([open, body, close]) => [open, ...body, close].join('\n')),
  tableArb
)
const fastDocumentArb = fc
  .array(fc.tuple(blockArb, fc.constantFrom('\n\n', '\n\n', '\n', '\n\n\n', '\n \n')), {minLength: 1, maxLength: 10})
  .map((parts) => parts.map(([b, s]) => b + s).join(''))
const frontMatterArb = fc.constantFrom(
  '',
  '',
  '---\na: 1\n---\n\n',
  '---\n---\n',
  '---\n\nb: 2\n\n---\n\n',
  '---\na\n----\n---\n',
  '--- \na\n---\n',
  '---\na: 1\n---  \n',
  '---\r\na\r\n---\r\n',
  '---\na\n---x\n---\n',
  '---\na\n'
)
const fastFileArb = fc.tuple(frontMatterArb, fastDocumentArb).map(([front, text]) => front + text)

describe('the block parser for plain prose (markdown/fast-blocks.ts)', () => {
  it('gives exactly the whole-file tree of remark-parse, positions and key order included', () => {
    fc.assert(
      fc.property(fastFileArb, fc.integer({min: 1, max: 200}), (text, target) => same(text, target)),
      {numRuns: 1500}
    )
  }, 60_000)

  it('does not cut after a fence indented with a tab inside a list item (found by the property above)', () => {
    // `  \t ` is five columns: the fence opens in the item, stays open over the
    // blank line, and the item (and code) end where the next block starts.
    same('- alpha \n  \t ```\n\nalpha\n\n```\n```\n\n', 1)
    same('- a\n\t```\n\nb\n', 1)
    same('```\nx\n\t```\n\nb\n```\n\nc\n', 1)
  })

  it('gives the whole-file tree for lines indented with any mix of spaces and tabs', () => {
    // Tabs count to the next multiple of four columns: fences, markers and
    // indented code after them are where the cutter and the parser must agree.
    const indent = fc.array(fc.constantFrom(' ', ' ', '\t'), {maxLength: 5}).map((a) => a.join(''))
    const line = fc.oneof(
      fc.tuple(indent, fc.constantFrom('```', '~~~', '````', '```js', '- a', '* b', '1. c', '> q', 'alpha', 'beta gamma', '## h', '| a |', '| - |')).map(([w, t]) => w + t),
      fc.constantFrom('', '', 'alpha', '- alpha', '```', '> x', '1. one')
    )
    const text = fc.tuple(fc.array(line, {minLength: 1, maxLength: 14}), fc.constantFrom('\n', '\n\n', '')).map(([lines, end]) => lines.join('\n') + end)
    fc.assert(
      fc.property(text, fc.integer({min: 1, max: 40}), (t, target) => same(t, target)),
      {numRuns: 300}
    )
  }, 60_000)

  it('places emphasis and strong made of runs of `*` as remark-parse does, over lines too', () => {
    const runs = fc.array(fc.constantFrom('a', '日', '.', '、', ' ', '\n', '*', '**', '***', '****', '`c`', '[l](https://example.org/a)'), {minLength: 1, maxLength: 14})
    fc.assert(
      fc.property(runs, (parts) => same(`x${parts.join('')}x`, 64)),
      {numRuns: 3000}
    )
  }, 60_000)

  it('leaves the cutting of pieces as it was for blocks it does not take', () => {
    fc.assert(
      fc.property(documentArb, fc.integer({min: 1, max: 64}), (text, target) => same(text, target)),
      {numRuns: 400}
    )
  })

  it('parses the statement and a generated report as remark-parse does, taking almost all of the report itself', () => {
    const statement = readFileSync(join(repo, 'content', 'statement.md'), 'utf8')
    const report = renderCorpus(generateCorpus(11, 200_000))
    for (const text of [statement, report]) {
      expect(JSON.stringify(parseTree(text))).toBe(JSON.stringify(whole(text)))
    }
    let left = 0
    parseInPieces(
      report,
      (text, atStart) => {
        left += text.length
        return piece(text, atStart)
      },
      1,
      fastBlock
    )
    // Front matter, paragraphs, lists, quotes, headings, tables and code: all of it.
    expect(left).toBe(0)
  })

  it('takes the common blocks and leaves the others', () => {
    const took = (text: string): string | undefined => fastBlock(text, 0, text.length, 1)?.node.type
    expect(took('A *b* [c](https://x.org) `d`\nnext line')).toBe('paragraph')
    expect(took('## Title')).toBe('heading')
    expect(took('> quoted\n> text')).toBe('blockquote')
    expect(took('- a\n- b\n\n- c')).toBe('list')
    expect(took('```text\nx\n```')).toBe('code')
    expect(took('| a | *b* |\n| --- | :-: |\n| c |  |')).toBe('table')
    expect(took('---\ntitle: x\n\nlang: en\n---\n# Title')).toBe('yaml')
    const tables = ['| a \\| b |\n| - |', '| a | b |\n| - |', 'a | b\n- | -', '| a |\n| - |\n| b | c |', '| a |\n| - |\nlazy', '| a |\n| = |']
    for (const left of ['Setext\n===', 'Hard  \nbreak', 'a\tb', '- a\n\n  more', '- a\n\n  - nested', '<div>', ...tables, 'a &amp; b', 'x_y_z']) {
      expect(took(left)).toBeUndefined()
    }
  })
})
