import type {Table, TableCell, TableRow} from 'mdast'
import type {Handle, Info, State} from 'mdast-util-to-markdown'
import {blockHandler} from './block.js'
import type {ConcordSegmentTable} from '../../markdown/custom-nodes.js'

/**
 * The segment tables of the aligned page hold a row per segment, tens of
 * thousands in a book: the stock GFM table handler takes every cell through
 * `containerPhrasing` and markdown-table. This handler lets the stock one
 * write the header and the first row, and writes each further row as that
 * row came out (`| cell | cell |`, unpadded), every cell's content from its
 * only node as GFM's cell handler would get it (between `|`, in
 * `table`, `tableRow`, `tableCell` and `phrasing`). A table whose first row
 * does not come out that way, or with a cell that cannot (empty, on two
 * lines, not one block node or a plain code ID), is left to the stock
 * handler. Pinned with the packages it mirrors (tests/markdown/mirrored-versions.test.ts).
 */
export const segmentTableHandler: Handle = (node: ConcordSegmentTable, parent, state, info) => {
  const stock = (): string => state.handle(segmentTable(node), parent, state, info)
  const rows = node.rows()[Symbol.iterator]()
  const first = rows.next()
  if (first.done) return stock()
  const lines = state.handle({type: 'table', align: [], children: [node.header, first.value]} satisfies Table, parent, state, info).split('\n')
  if (lines.length !== 3 || rowLine(state, first.value, info) !== lines[2]) return stock()
  for (let row = rows.next(); !row.done; row = rows.next()) {
    const line = rowLine(state, row.value, info)
    if (line === undefined) return stock()
    lines.push(line)
  }
  return lines.join('\n')
}

/** The whole table of a segment table node, every row made at once. */
export const segmentTable = (node: ConcordSegmentTable): Table => ({type: 'table', align: [], children: [node.header, ...node.rows()]})

/** A row as markdown-table writes it without padding to a common width, or `undefined` when a cell cannot be told alone. */
function rowLine(state: State, row: TableRow, info: Info): string | undefined {
  const exitTable = state.enter('table')
  const exitRow = state.enter('tableRow')
  const cells: string[] = []
  for (const cell of row.children) {
    const value = cellMarkdown(state, cell, row, info)
    if (value === undefined || value === '' || /[\r\n]/.test(value)) break
    cells.push(value)
  }
  exitRow()
  exitTable()
  return cells.length === row.children.length ? `| ${cells.join(' | ')} |` : undefined
}

/** A cell holding one block node (a segment) or a code span of a plain ID, as GFM's cell handler writes it. */
function cellMarkdown(state: State, cell: TableCell, _row: TableRow, info: Info): string | undefined {
  const only = cell.children.length === 1 ? cell.children[0] : undefined
  if (only?.type === 'inlineCode') return /^[\w-]+$/.test(only.value) ? `\`${only.value}\`` : undefined
  if (only?.type !== 'concordBlock') return undefined
  const exitCell = state.enter('tableCell')
  const exitPhrasing = state.enter('phrasing')
  // A lone node: what containerPhrasing returns is its handler's output. GFM's cell handler
  // puts a cell between `|`, not spaces, where `tableCellPadding` is not set (as here).
  const value = blockHandler(only, cell, state, {...info, before: '|', after: '|'})
  exitPhrasing()
  exitCell()
  return value
}
