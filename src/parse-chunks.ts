import type {Nodes, Root} from 'mdast'

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
 * - never inside a top-level fenced code block or the front matter.
 *
 * Constructs that reach across the whole file make the file uncuttable:
 * definitions and footnote definitions (`]:`, resolved document-wide), raw
 * HTML at the start of a line (kinds 1–5 run over blank lines), a bare CR
 * line ending (counted as a line by micromark, not here), and fences
 * indented by one to three spaces (top level or inside a list item cannot be
 * told apart without a full block parser).
 */
const GLOBAL = /\]:|^[ \t>*+\-\d.)]*<|\r(?!\n)/m
const FENCE = /^( *)(`{3,}|~{3,})(.*)$/
const BLANK = /^[ \t]*$/
const NOT_A_START = /^[ \t\-+*\d]/

/** Offsets (> 0) where `source` may be cut, at most one per `target` characters; empty when it must be parsed whole. */
export function cutPoints(source: string, target: number): number[] {
  if (source.length <= target || GLOBAL.test(source)) return []
  const cuts: number[] = []
  let fence: {marker: string; size: number} | undefined
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
      if (close && close[1]!.length <= 3 && close[2]![0] === fence.marker && close[2]!.length >= fence.size && BLANK.test(close[3]!)) fence = undefined
      previousBlank = false
      continue
    }
    const open = FENCE.exec(line)
    if (open && !(open[2]![0] === '`' && open[3]!.includes('`'))) {
      // Four spaces make indented code (or content of a list item), never a top-level fence.
      if (open[1]!.length >= 4) {
        previousBlank = false
        continue
      }
      if (open[1]!.length > 0) return [] // indented fence: see above
      fence = {marker: open[2]![0]!, size: open[2]!.length}
      previousBlank = false
      continue
    }
    if (previousBlank && line !== '' && !NOT_A_START.test(line) && !/^[ \t>*+\-\d.)]*(?:`{3,}|~{3,})/.test(line) && lineStart - last >= target) {
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

/** Parse `source` piece by piece with `parse` and join the pieces into the tree a whole-file parse gives. */
export function parseInPieces(source: string, parse: (text: string) => Root, target: number): Root {
  const cuts = cutPoints(source, target)
  if (cuts.length === 0) return parse(source)
  const bounds = [0, ...cuts, source.length]
  let root: Root | undefined
  let lines = 0
  for (let k = 0; k < bounds.length - 1; k++) {
    const text = source.slice(bounds[k], bounds[k + 1])
    const piece = parse(text)
    if (k > 0) shiftPositions(piece, bounds[k]!, lines)
    if (!root) root = piece
    else {
      root.children.push(...piece.children)
      if (root.position && piece.position) root.position.end = piece.position.end
    }
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++
  }
  return root!
}
