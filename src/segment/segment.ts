import type {PhrasingContent, Root} from 'mdast'
import type {SourceSegment} from '../types.js'
import {collectBlocks, type TextBlock} from './blocks.js'
import {inlineToMarkdown, splitInline, type InlineSentence} from './inline.js'

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

/** Locate the start of a sentence in the source, within its block, for `path:line:col` messages. */
function locate(source: string, block: TextBlock, sentence: InlineSentence): {line: number; column: number} {
  const start = block.node.position?.start ?? {line: 1, column: 1, offset: 0}
  if (sentence.offset === 0 || start.offset === undefined) return {line: start.line, column: start.column}
  const end = block.node.position?.end.offset ?? source.length
  const words = inlineToMarkdown(sentence.children).split(/\s+/).slice(0, 4)
  const pattern = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s>]+'))
  const match = pattern.exec(source.slice(start.offset, end))
  if (!match) return {line: start.line, column: start.column}
  const offset = start.offset + match.index
  const before = source.slice(0, offset)
  const line = before.split('\n').length
  return {line, column: offset - before.lastIndexOf('\n')}
}

/** Split a parsed document into source segments (block, then sentence). */
export function segmentTree(tree: Root, source: string, options: SegmentOptions): SourceSegment[] {
  const segments: SourceSegment[] = []
  collectBlocks(tree).forEach((block, blockIndex) => {
    for (const sentence of segmentBlock(block, options.language)) {
      const text = inlineToMarkdown(sentence.children)
      if (!text) continue
      segments.push({
        text,
        kind: block.kind,
        block: blockIndex,
        depth: block.node.type === 'heading' ? block.node.depth : 0,
        ...locate(source, block, sentence)
      })
    }
  })
  return segments
}
