import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {segmentDocument} from '../../src/ids/document.js'
import {emptyRegistry} from '../../src/ids/reconcile.js'
import {MAX_NESTING, MAX_SEGMENT_LENGTH, scanNesting} from '../../src/segment/limits.js'
import {isPlain} from '../../src/markdown/parse.js'

/** Segment a document as `concord segment` does (with and without the unit cache); the fatal message, or the segments. */
function segment(markdown: string, cache?: Map<never, never>): {message?: VFileMessage; count?: number} {
  const file = new VFile({path: 'content/doc.md', value: markdown})
  try {
    return {count: segmentDocument(file, emptyRegistry('doc'), {sourceLanguage: 'en'}, cache).segments.length}
  } catch (error) {
    if (!(error instanceof VFileMessage)) throw error
    expect(file.messages).toContain(error)
    return {message: error}
  }
}

const quotes = (depth: number): string => `# Title\n\n${'> '.repeat(depth)}Deep.\n`
const list = (depth: number): string => `# Title\n\n${Array.from({length: depth}, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n')}\n`

describe('nesting limit', () => {
  it.each([undefined, new Map()])('takes block quotes nested 100 deep and refuses 101 with file:line:col (cache %s)', (cache) => {
    expect(segment(quotes(MAX_NESTING), cache)).toEqual({count: 2})
    const {message} = segment(quotes(MAX_NESTING + 1), cache)
    expect(String(message)).toBe(
      'content/doc.md:3:201: Unexpected block quotes and list items nested `101` levels deep, expected at most `100`; flatten the structure (deeper nesting is refused so that no step runs out of stack)'
    )
    expect(message?.ruleId).toBe('nesting-too-deep')
  })

  it('refuses 5,000 levels of quotes, and 1,500 of lists, from a scan of the lines before any parse', () => {
    expect(segment(quotes(5000)).message?.ruleId).toBe('nesting-too-deep')
    // Parsing these with micromark took 554 s; the scan stops at the first line too deep.
    expect(scanNesting(list(1500))).toEqual({what: 'block quotes and list items', depth: 101, place: {line: 103, column: 201}})
    expect(segment(list(1500)).message?.place).toEqual({line: 103, column: 201})
    expect(segment(list(50)).count).toBe(51)
  })

  it('refuses inline markup nested deeper than the limit, placed in the file also when segmented unit by unit', () => {
    const deep = `# Title\n\nSome text.\n\nSee ${'*a '.repeat(MAX_NESTING + 1)}x${' b*'.repeat(MAX_NESTING + 1)}.\n`
    for (const cache of [undefined, new Map()]) {
      const {message} = segment(deep, cache)
      expect(message?.ruleId).toBe('nesting-too-deep')
      expect(message?.line).toBe(5)
    }
  })

  it('does not count indentation inside code or a thematic break as nesting', () => {
    expect(scanNesting(`# T\n\n\`\`\`\n${' '.repeat(400)}code\n\`\`\`\n\n* * *\n\n${'- '.repeat(300)}\n`)).toBeUndefined()
  })
})

describe('segment length limit', () => {
  it('refuses a sentence of more than 64 Ki characters with its place', () => {
    const {message} = segment(`# Title\n\nFirst sentence. And ${'and on '.repeat(MAX_SEGMENT_LENGTH / 7 + 1)}end.\n`)
    expect(message?.ruleId).toBe('segment-too-long')
    expect(message?.place).toEqual({line: 3, column: 17})
    expect(message?.reason).toMatch(/^Unexpected segment of `65\d{3}` characters, expected at most `65536`/)
  })

  it('takes a one-line paragraph of 300,000 characters in normal sentences, located sentence by sentence', () => {
    let paragraph = ''
    for (let i = 0; paragraph.length < 300_000; i++) paragraph += `Yes. Sentence ${i} was read. `
    const file = new VFile({path: 'content/doc.md', value: `# Title\n\n${paragraph.trim()}\n`})
    const {segments} = segmentDocument(file, emptyRegistry('doc'), {sourceLanguage: 'en'})
    expect(segments.length).toBe(1 + paragraph.split('. ').length - 1)
    // Each "Yes." at its own column, not at the first one of the paragraph.
    expect(segments.slice(1, 5).map((s) => [s.text, s.line, s.column])).toEqual([
      ['Yes.', 3, 1],
      ['Sentence 0 was read.', 3, 6],
      ['Yes.', 3, 27],
      ['Sentence 1 was read.', 3, 32]
    ])
  })
})

describe('plain-text test on huge texts', () => {
  it('answers for 25 million characters of Korean without running out of stack', () => {
    expect(isPlain('난민'.repeat(12_500_000))).toBe(true)
    expect(isPlain(`${'난민 '.repeat(8_000_000)}*x*`)).toBe(false)
  })
})
