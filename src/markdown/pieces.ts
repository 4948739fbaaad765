import type {Nodes, Root} from 'mdast'
import {BLANK, countLines, skipBlank} from './fast-blocks.js'

/**
 * Cutting a long Markdown file into pieces that parse independently.
 *
 * micromark keeps every event of the document in memory and its cost grows
 * faster than the input (a 10 MB file takes 20× as long as a 1 MB one and
 * needs 2.5 GB). Parsing piece by piece keeps it linear and small. The
 * result must be exactly the tree of a whole-file parse, so a cut is only
 * made where no CommonMark/GFM construct can span it:
 *
 * - after a blank line, before a line that starts in column 1 with a
 *   character that cannot continue anything open: a blank line ends
 *   paragraphs, tables, block quotes and HTML blocks of kinds 6 and 7, and
 *   an unindented line ends every list item, so it must not be a list
 *   marker (`-`, `+`, `*`, a digit) that would continue the list;
 * - never inside a top-level fenced code block or the front matter;
 * - never after a fence opened inside a quote or list item until a line
 *   that could close it: left open, it runs to the end of its container,
 *   which is the end of the piece and its blank lines, not the file's.
 *
 * Constructs that reach across the whole file make the file uncuttable:
 * definitions and footnote definitions (`]:`, resolved document-wide), raw
 * HTML at the start of a line (kinds 1–5 run over blank lines), a bare CR
 * line ending (counted as a line by micromark, not here), and fences
 * indented by one to three spaces (top level or inside a list item cannot be
 * told apart without a full block parser).
 */
const GLOBAL = /\]:|^[ \t>*+\-\d.)]*<|\r(?!\n)/m
const FENCE = /^([ \t]*)(`{3,}|~{3,})(.*)$/
const NESTED_FENCE = /^([ \t>*+\-\d.)]*)(`{3,}|~{3,})/
const NOT_A_START = /^[ \t\-+*\d]/

/**
 * Columns of leading whitespace as CommonMark counts them, a tab reaching the
 * next multiple of four: `  \t ` is five columns, so a fence after it is
 * indented code at the top level but may be a fence inside a list item.
 */
function columns(indent: string): number {
  let column = 0
  for (const character of indent) column = character === '\t' ? column + 4 - (column % 4) : column + 1
  return column
}

/** Offsets (> 0) where `source` may be cut, at most one per `target` characters; empty when it must be parsed whole. */
export function cutPoints(source: string, target: number): number[] {
  if (source.length <= target || GLOBAL.test(source)) return []
  const cuts: number[] = []
  let fence: {marker: string; size: number} | undefined
  let nested: string | undefined
  let frontMatter = source.startsWith('---')
  let previousBlank = false
  let last = 0
  for (let start = 0; start < source.length; ) {
    const newline = source.indexOf('\n', start)
    const end = newline === -1 ? source.length : newline
    const line = source.slice(start, end).replace(/\r$/, '')
    const lineStart = start
    start = end + 1
    if (frontMatter) {
      if (lineStart > 0 && /^---[ \t]*$/.test(line)) frontMatter = false
      continue
    }
    if (fence) {
      const close = FENCE.exec(line)
      if (close && columns(close[1]!) <= 3 && close[2]![0] === fence.marker && close[2]!.length >= fence.size && BLANK.test(close[3]!)) fence = undefined
      previousBlank = false
      continue
    }
    const inside = NESTED_FENCE.exec(line)
    if (nested && inside && inside[2]![0] === nested && /^[ \t>]*$/.test(inside[1]!) && BLANK.test(line.slice(inside[0].length))) nested = undefined
    else if (!nested && inside && /[>*+\-\d]/.test(inside[1]!)) nested = inside[2]![0]
    const open = FENCE.exec(line)
    if (open && !(open[2]![0] === '`' && open[3]!.includes('`'))) {
      // Four columns make indented code or a fence in a list item, never a top-level fence.
      if (columns(open[1]!) >= 4) {
        nested = open[2]![0]
        previousBlank = false
        continue
      }
      if (open[1]!.length > 0) return [] // indented fence: see above
      fence = {marker: open[2]![0]!, size: open[2]!.length}
      previousBlank = false
      continue
    }
    if (previousBlank && !nested && line !== '' && !NOT_A_START.test(line) && !NESTED_FENCE.test(line) && lineStart - last >= target) {
      cuts.push(lineStart)
      last = lineStart
    }
    previousBlank = BLANK.test(line)
  }
  return frontMatter ? [] : cuts
}

/** Move every position in a piece's tree to where the piece sits in the file. */
export function shiftPositions(node: Nodes, offset: number, lines: number): void {
  const position = node.position
  if (position) {
    position.start.line += lines
    position.end.line += lines
    if (position.start.offset !== undefined) position.start.offset += offset
    if (position.end.offset !== undefined) position.end.offset += offset
  }
  if ('children' in node) for (const child of node.children) shiftPositions(child, offset, lines)
}

/** A parser of single blocks that answers `undefined` for what it leaves to the full parser (see markdown/fast-blocks.ts). */
export type BlockParser = (source: string, start: number, limit: number, line: number) => {node: Root['children'][number]; end: number} | undefined

/**
 * Parse `source` piece by piece with `parse` and join the pieces into the
 * tree a whole-file parse gives. With `block`, every piece is offered block
 * by block from its start: blocks `block` parses are taken as they are, and
 * the rest of the piece (with any pieces after it that `block` does not
 * take, up to `target` characters) goes to `parse`. `atStart` says whether
 * the text starts the file: only there can `---` open front matter.
 */
export function parseInPieces(source: string, parse: (text: string, atStart: boolean) => Root, target: number, block?: BlockParser): Root {
  const cuts = cutPoints(source, block ? 1 : target)
  if (cuts.length === 0) return parse(source, true)
  const bounds = [0, ...cuts, source.length]
  const children: Root['children'] = []
  let line = 1
  // The part of the file waiting for `parse`: from `from` (at line `fromLine`) to where the scan is.
  let from = -1
  let fromLine = 0
  const flush = (to: number): void => {
    if (from === -1) return
    const piece = parse(source.slice(from, to), from === 0)
    if (from > 0) shiftPositions(piece, from, fromLine - 1)
    for (const child of piece.children) children.push(child)
    from = -1
  }
  for (let k = 0; k < bounds.length - 1; k++) {
    const end = bounds[k + 1]!
    let at = bounds[k]!
    while (block && at < end) {
      const found = block(source, at, end, line)
      if (!found) break
      flush(at)
      children.push(found.node)
      const next = skipBlank(source, found.end, end)
      line += countLines(source, at, next)
      at = next
    }
    if (at < end && from === -1) {
      from = at
      fromLine = line
    }
    line += countLines(source, at, end)
    if (from !== -1 && end - from >= target) flush(end)
  }
  flush(source.length)
  const column = source.length - source.lastIndexOf('\n')
  return {type: 'root', children, position: {start: {line: 1, column: 1, offset: 0}, end: {line, column, offset: source.length}}}
}
