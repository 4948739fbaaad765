import type {Paragraph} from 'mdast'
import type {Point} from 'unist'
import {simpleInline} from './inline-parse.js'

/** A line of a block: where it starts, where its content starts (after `> `, a list indent or a table cell's pipe), and that content. */
export interface Line {
  start: number
  content: number
  text: string
}

/** The inline nodes of `lines` joined by line endings, each placed where it sits in the source. */
export function phrasing(lines: Line[], line: number, multiline: boolean): Paragraph['children'] | undefined {
  const starts: number[] = []
  let length = 0
  for (const each of lines) {
    starts.push(length)
    length += each.text.length + 1
  }
  const at = (offset: number, isEnd: boolean): Point => {
    let k = lines.length - 1
    while (starts[k]! > offset) k--
    // Text that ends with a line ending ends before the next line's prefix (`> `, an indent).
    if (isEnd && k > 0 && offset === starts[k]) return {line: line + k, column: 1, offset: lines[k]!.start}
    return point(lines[k]!, offset - starts[k]!, line + k)
  }
  return simpleInline(lines.map((each) => each.text).join('\n'), {lines: multiline, at})
}

export const point = (of: Line, column: number, line: number): Point => ({line, column: of.content - of.start + column + 1, offset: of.content + column})

/** From the start of `first`'s content to the end of `last`. */
export const span = (first: Line, last: Line, line: number, lastLine: number): {start: Point; end: Point} => ({
  start: point(first, 0, line),
  end: point(last, last.text.length, lastLine)
})
