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
import {cutPoints, parseInPieces} from '../../src/markdown/pieces.js'
import {repo} from '../helpers/cli.js'
import {documentArb} from '../helpers/markdown-arb.js'

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml'])
const whole = (text: string): Root => processor.parse(text) as Root

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
