import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {parseMarkdown} from '../../src/markdown/parse.js'
import {segmentTree} from '../../src/segment/segment.js'
import {golden} from '../helpers/golden.js'
import {repo} from '../helpers/cli.js'

const fixtures = join(repo, 'tests', 'fixtures')

function segmentsOf(path: string): string {
  const file = new VFile({path, value: readFileSync(path, 'utf8')})
  const {tree} = parseMarkdown(file)
  const segments = segmentTree(tree, String(file), {language: 'en'})
  // One line per segment: easy to review in a diff.
  return segments.map((s) => JSON.stringify({at: `${s.line}:${s.column}`, kind: s.kind, block: s.block, text: s.text})).join('\n') + '\n'
}

describe('segmentation golden files', () => {
  for (const name of readdirSync(fixtures).filter((n) => n.startsWith('segment-'))) {
    it(name, () => golden(join(fixtures, name, 'segments.jsonl'), segmentsOf(join(fixtures, name, 'input.md'))))
  }

  it('the statement', () => {
    golden(join(fixtures, 'statement', 'segments.jsonl'), segmentsOf(join(repo, 'content', 'statement.md')))
  })

  it('keeps every word of the statement in order', () => {
    const text = segmentsOf(join(repo, 'content', 'statement.md'))
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as {text: string}).text)
      .join(' ')
    const source = readFileSync(join(repo, '..', 'shared', 'source', 'ipcnkr-joint-statement-2007.txt'), 'utf8')
    expect(text.split(/\s+/)).toEqual(source.split(/\s+/).filter(Boolean))
  })
})
