import type {PhrasingContent, Root} from 'mdast'
import type {SourceSegment} from '../core/types.js'
import {collectBlocks, type TextBlock} from './blocks.js'
import {inlinesToMarkdown, splitInline, type InlineSentence} from './inline.js'
import {MAX_SEGMENT_LENGTH, nestingTooDeep, segmentTooLong, treeNesting} from './limits.js'

export interface SegmentOptions {
  /** Language of the source, for sentence rules. */
  language: string
}

/** Source segments of one block, in order. */
export function segmentBlock(block: TextBlock, language: string): InlineSentence[] {
  const children = block.node.children as PhrasingContent[]
  // A heading is one segment: it is short, and split halves would read oddly in a table of contents.
  return splitInline(children, block.kind === 'heading' ? false : language)
}

/** Offsets where each line of `source` starts, for turning offsets into line numbers by binary search. */
function lineStarts(source: string): number[] {
  const starts = [0]
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) starts.push(i + 1)
  return starts
}

/**
 * Locate the start of a sentence in the source, within its block, for `path:line:col` messages.
 * The search starts at `from`: no sentence starts before the sentence ahead of it, nor before its own offset in the
 * block's flat text (markup and white space only ever make the source longer). Searching from the block's start
 * cost time in proportion to the block for every sentence, minutes for a 1 MB paragraph.
 */
function locate(blockText: () => string, starts: number[], block: TextBlock, sentence: InlineSentence, text: string, from: number): {line: number; column: number; at: number} {
  const start = block.node.position?.start ?? {line: 1, column: 1, offset: 0}
  if (sentence.offset === 0 || start.offset === undefined) return {line: start.line, column: start.column, at: 0}
  const words = text.split(/\s+/, 4)
  const at = findWords(blockText(), words, Math.max(from, sentence.offset))
  if (at === -1) return {line: start.line, column: start.column, at: from}
  const offset = start.offset + at
  // The last line starting at or before `offset` (a scan of the text before it is quadratic over a book).
  let lo = 0
  let hi = starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (starts[mid]! <= offset) lo = mid
    else hi = mid - 1
  }
  return {line: lo + 1, column: offset - starts[lo]! + 1, at: at + 1}
}

/**
 * Where `words` first stand in `text`, separated by white space or `>` (a
 * quote's marker), or -1: the match of the pattern `w1[\s>]+w2[\s>]+…`,
 * found without compiling a pattern for each of a book's sentences. Words
 * starting with `>` (where the pattern could backtrack) use the pattern.
 */
export function findWords(text: string, words: string[], from = 0): number {
  if (words.some((w) => w === '' || w.startsWith('>'))) {
    const pattern = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s>]+'), 'g')
    pattern.lastIndex = from
    const match = pattern.exec(text)
    return match ? match.index : -1
  }
  const [first, ...rest] = words as [string, ...string[]]
  search: for (let i = text.indexOf(first, from); i !== -1; i = text.indexOf(first, i + 1)) {
    let at = i + first.length
    for (const word of rest) {
      let next = at
      while (next < text.length && SEPARATOR.test(text[next]!)) next++
      if (next === at || !text.startsWith(word, next)) continue search
      at = next + word.length
    }
    return i
  }
  return -1
}

const SEPARATOR = /[\s>]/

/**
 * Split a parsed document into source segments (block, then sentence).
 * Nesting beyond the limit, or a segment beyond its length limit, throws a fatal VFileMessage (see limits.ts).
 */
export function segmentTree(tree: Root, source: string, options: SegmentOptions): SourceSegment[] {
  // Before the recursive walks below.
  const deep = treeNesting(tree)
  if (deep) throw nestingTooDeep(deep)
  const segments: SourceSegment[] = []
  const starts = lineStarts(source)
  const blocks = collectBlocks(tree).map((block) => ({block, sentences: segmentBlock(block, options.language)}))
  // The document's sentences serialised in one run.
  const texts = inlinesToMarkdown(blocks.flatMap(({sentences}) => sentences.map((sentence) => sentence.children)))
  let next = 0
  blocks.forEach(({block, sentences}, blockIndex) => {
    // Sliced once per block, not once per sentence: a long paragraph has many.
    let slice: string | undefined
    const blockText = (): string => (slice ??= source.slice(block.node.position?.start.offset ?? 0, block.node.position?.end.offset ?? source.length))
    let from = 0
    for (const sentence of sentences) {
      const text = texts[next++]!
      if (!text) continue
      const {line, column, at} = locate(blockText, starts, block, sentence, text, from)
      from = at
      if (text.length > MAX_SEGMENT_LENGTH) throw segmentTooLong(text.length, {line, column})
      segments.push({text, kind: block.kind, block: blockIndex, depth: block.node.type === 'heading' ? block.node.depth : 0, line, column})
    }
  })
  return segments
}
