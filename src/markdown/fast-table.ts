import type {AlignType, Table, TableCell, TableRow} from 'mdast'
import {phrasing, point, type Line} from './fast-phrasing.js'

/**
 * GFM tables as markdown/fast-blocks.ts reads them: every line a row written
 * `| a | b |` (a pipe first and last), as many cells in every row as the
 * delimiter row has, cells of simple inline Markdown, and no backslash
 * anywhere (an escaped pipe does not split a cell). The caller has ruled
 * out tabs. Anything else is left to micromark.
 *
 * Cells are cut at every pipe before their content is parsed, as GFM does,
 * so a construct cannot reach from one cell into the next. remark-gfm
 * places a cell from the pipe before it to the pipe after it, the last
 * cell's pipe included, and its content without the spaces around it.
 */

const DELIMITER = /^ *(:?)-+(:?) *$/
const EDGE_SPACES = /^( *)(.*?)( *)$/

/** Offsets of the pipes of a row written with a pipe first and last. */
function pipes(text: string): number[] | undefined {
  if (text.length < 2 || text[0] !== '|' || text[text.length - 1] !== '|') return undefined
  const at = [0]
  for (let i = text.indexOf('|', 1); i !== -1; i = text.indexOf('|', i + 1)) at.push(i)
  return at
}

/** The table of `lines` (first line number `line`), or `undefined` when it is not one this reads. */
export function table(lines: Line[], line: number): Table | undefined {
  if (lines.length < 2) return undefined
  const head = pipes(lines[0]!.text)
  const rule = pipes(lines[1]!.text)
  if (!head || !rule || head.length !== rule.length) return undefined
  const align: AlignType[] = []
  for (let k = 0; k + 1 < rule.length; k++) {
    const match = DELIMITER.exec(lines[1]!.text.slice(rule[k]! + 1, rule[k + 1]!))
    if (!match) return undefined
    align.push(match[1] ? (match[2] ? 'center' : 'left') : match[2] ? 'right' : null)
  }
  const children: TableRow[] = []
  for (let k = 0; k < lines.length; k++) {
    if (k === 1) continue
    const each = row(lines[k]!, k === 0 ? head : pipes(lines[k]!.text), line + k, align.length)
    if (!each) return undefined
    children.push(each)
  }
  const last = lines.at(-1)!
  return {type: 'table', align, children, position: {start: point(lines[0]!, 0, line), end: point(last, last.text.length, line + lines.length - 1)}}
}

function row(of: Line, at: number[] | undefined, line: number, count: number): TableRow | undefined {
  if (!at || at.length !== count + 1) return undefined
  const cells: TableCell[] = []
  for (let k = 0; k < count; k++) {
    const from = at[k]! + 1
    const to = at[k + 1]!
    const [, lead, content] = EDGE_SPACES.exec(of.text.slice(from, to))!
    let children: TableCell['children'] = []
    if (content) {
      const parsed = phrasing([{start: of.start, content: of.content + from + lead!.length, text: content}], line, false)
      if (!parsed) return undefined
      children = parsed as TableCell['children']
    }
    const end = k === count - 1 ? to + 1 : to
    cells.push({type: 'tableCell', children, position: {start: point(of, at[k]!, line), end: point(of, end, line)}})
  }
  return {type: 'tableRow', children: cells, position: {start: point(of, 0, line), end: point(of, of.text.length, line)}}
}
