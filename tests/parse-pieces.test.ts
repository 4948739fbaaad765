import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import fc from 'fast-check'
import type {Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {generateCorpus, renderCorpus} from '../src/bench/corpus.js'
import {cutPoints, parseInPieces} from '../src/parse-chunks.js'
import {repo} from './helpers/cli.js'

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml'])
const whole = (text: string): Root => processor.parse(text) as Root

/**
 * Blocks chosen to cross a cut if one were made in the wrong place: loose
 * and tight lists continued after a blank line, fences holding blank lines
 * and unindented lines, fences nested in lists and quotes, indented fences,
 * HTML blocks, definitions, tables, front matter.
 */
const blocks = [
  'A paragraph with *emphasis* and a [link](https://example.org).',
  'Another paragraph\nover two lines.',
  '# Heading',
  '## Heading *two*',
  '- item one\n- item two',
  '- loose item\n\n- second loose item',
  '1. first\n2. second',
  '3) third',
  '* star item',
  '+ plus item',
  '> quoted text\n> more',
  '> quote\n\n> another quote',
  '```\ncode\n\nstill code\n```',
  '```js\nlet a = 1\n\nnot a paragraph\n```',
  '~~~~\ntilde code\n\n~~~\nstill code\n~~~~',
  '``` not`a fence\nparagraph',
  '```\nunclosed fence\n\nParagraph inside the fence',
  '  ```\nindented fence\n\nParagraph inside\n  ```',
  '    indented code\n\n    more code',
  '- item\n\n  ```\n  nested fence\n\n  ```',
  '- item\n\n  continued paragraph',
  '> ```\n> quoted fence',
  '| a | b |\n| - | - |\n| c | d |',
  '<div>\nhtml block\n\ntext</div>',
  '<!-- comment\n\nstill comment -->',
  '[ref]: https://example.org',
  'A [ref] and [^note].',
  '[^note]: A footnote.',
  '***',
  '---',
  'Setext heading\n===',
  'Text\n---',
  '_underscored_ start',
  '\\* escaped start',
  'Hard break  \nnext line',
  'Tab\tinside'
]

const separators = ['\n', '\n\n', '\n\n\n', '\n \n', '\r\n\r\n']

const documentArb = fc.tuple(
  fc.boolean(),
  fc.array(fc.tuple(fc.constantFrom(...blocks), fc.constantFrom(...separators)), {minLength: 1, maxLength: 14})
).map(([front, parts]) => (front ? '---\ntitle: x\n\nnote: y\n---\n\n' : '') + parts.map(([b, s]) => b + s).join(''))

describe('parsing long files piece by piece', () => {
  it('gives exactly the whole-file tree, positions included, for any mix of blocks', () => {
    fc.assert(
      fc.property(documentArb, fc.integer({min: 1, max: 64}), (text, target) => {
        expect(parseInPieces(text, whole, target)).toEqual(whole(text))
      }),
      {numRuns: 400}
    )
  })

  it('cuts the statement and a generated report, and gives the same trees', () => {
    const statement = readFileSync(join(repo, 'content', 'statement.md'), 'utf8')
    const report = renderCorpus(generateCorpus(7, 60_000))
    for (const text of [statement, report]) {
      expect(cutPoints(text, 1).length).toBeGreaterThan(5)
      expect(parseInPieces(text, whole, 1)).toEqual(whole(text))
    }
  })

  it('does not cut files whose constructs reach across the file', () => {
    const long = 'Paragraph.\n\n'.repeat(20)
    expect(cutPoints(long, 1).length).toBeGreaterThan(0)
    for (const global of ['[a]: https://example.org\n', '[^1]: note\n', '<!--\n', '  ```\n', 'a\rb\n']) {
      expect(cutPoints(global + long, 1)).toEqual([])
    }
    expect(cutPoints('---\ntitle: never closed\n\n' + long, 1)).toEqual([])
  })
})
