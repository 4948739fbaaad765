import type {PhrasingContent, Root, Table} from 'mdast'
import {alignedDisplay, type AlignedBlock, type Edition} from '../align.js'
import {alignedMarkdownTree, markerNodes, segmentRow} from './render.js'
import type {SegmentedDocument} from '../../core/types.js'
import type {Translate} from '../../core/ui-strings.js'
import {hasLineBreak, placeBlock} from './fast-edition.js'
import {serialiseSkeleton, slotNode, type SlotContext} from './fast-skeleton.js'
import {phrasingAt, textAt} from './fast-state.js'
import {fillSlots, isPlainId, slot} from '../placeholders.js'
import {plainSegment, segmentNodes} from '../segment-nodes.js'

interface Row {
  block: AlignedBlock
  s: number
}

type Job = {kind: 'heading'; block: AlignedBlock} | {kind: 'table'; rows: Row[]}

/** How the serialiser writes a segment table: its first two lines, and where each language's cell sits. */
interface TableLayout {
  head: string
  cells: SlotContext[]
}

const row = (cells: string[]): string => `| ${cells.join(' | ')} |`

/**
 * A segment table of one row serialised with a slot in each language's
 * cell: the header and delimiter lines every segment table starts with, and
 * the cells' places. `undefined` unless the row came out as `row` writes it.
 */
function tableLayout(table: Table, first: Row, languages: number): TableLayout | undefined {
  const contexts = new Map<number, SlotContext>()
  const id = first.block.cells[0]![first.s]!.id
  const sample: Table = {type: 'table', align: [], children: [table.children[0]!, segmentRow(id, Array.from({length: languages}, (_, l) => [slotNode(l, contexts) as PhrasingContent]))]}
  const skeleton = serialiseSkeleton({type: 'root', children: [sample]}, contexts)
  const lines = skeleton?.text.replace(/\n$/, '').split('\n')
  if (!lines || lines.length !== 3 || lines[2] !== row([`\`${id}\``, ...Array.from({length: languages}, (_, l) => slot(l))])) return undefined
  return {head: `${lines[0]}\n${lines[1]}`, cells: Array.from({length: languages}, (_, l) => contexts.get(l)!)}
}

/**
 * The aligned Markdown edition: the reference's tree with a slot for each
 * heading and segment table, serialised once; each heading's content is then
 * serialised at its place, and each table written row by row as the
 * serialiser writes it (a heading or cell holds all its inline content, so
 * that gives the page's bytes). `undefined` when the bytes could differ (an
 * empty cell, a heading the serialiser would set otherwise).
 */
export function fastAlignedMarkdown(doc: SegmentedDocument, editions: Edition[], t: Translate): string | undefined {
  const jobs: Job[] = []
  const contexts = new Map<number, SlotContext>()
  const rows: Row[] = []
  const tree: Root = alignedMarkdownTree(doc, editions, t, {
    heading: (block) => [slotNode(jobs.push({kind: 'heading', block}) - 1, contexts) as PhrasingContent],
    // The rows are written below, without a node per cell: an aligned page has tens of thousands of cells.
    cell: (block, l, s) => (l === 0 && rows.push({block, s}), [])
  })
  // Every table but the last, the legend, holds segment rows.
  const tables = tree.children.flatMap((node, i) => (node.type === 'table' ? [i] : []))
  tables.pop()
  const layout = tables.length > 0 && rows.length > 0 ? tableLayout(tree.children[tables[0]!] as Table, rows[0]!, editions.length) : undefined
  if (tables.length > 0 && !layout) return undefined
  let taken = 0
  for (const i of tables) {
    const count = (tree.children[i] as Table).children.length - 1
    tree.children[i] = slotNode(jobs.push({kind: 'table', rows: rows.slice(taken, taken + count)}) - 1, contexts)
    taken += count
  }
  if (taken !== rows.length) return undefined
  const skeleton = serialiseSkeleton(tree, contexts)
  if (!skeleton) return undefined

  const cell = (segment: AlignedBlock['cells'][number][number], l: number): string | undefined => {
    const context = layout!.cells[l]!
    const display = alignedDisplay(segment)
    if (display === 'omit') return undefined
    const value =
      display === 'text' && segment.mark === 'current' && plainSegment(segment)
        ? textAt(context, segment.text, context.before, context.after)
        : phrasingAt(context, markerNodes(segment, editions[l]!.language, t, {aligned: true, parse: segmentNodes}))
    return placeBlock(value, 'tableCell', context, () => false)
  }
  const contents: string[] = []
  for (const [n, job] of jobs.entries()) {
    const context = contexts.get(n)
    if (!context) return undefined
    let content: string | undefined
    if (job.kind === 'heading') {
      const segments = job.block.cells[0]!
      const only = segments.length === 1 ? segments[0]! : undefined
      const nodes = (): PhrasingContent[] => segments.flatMap((s) => segmentNodes(s.text))
      const value = only !== undefined && plainSegment(only) ? textAt(context, only.text, context.before, context.after) : phrasingAt(context, nodes())
      content = placeBlock(value, 'heading', context, () => hasLineBreak(nodes()), Math.min(6, job.block.depth + 1))
    } else {
      const lines = [layout!.head]
      for (const {block, s} of job.rows) {
        const id = block.cells[0]![s]!.id
        if (!isPlainId(id)) return undefined
        const cells = [`\`${id}\``]
        for (let l = 0; l < editions.length; l++) {
          const value = cell(block.cells[l]![s]!, l)
          if (value === undefined) return undefined
          cells.push(value)
        }
        lines.push(row(cells))
      }
      content = lines.join('\n')
    }
    if (content === undefined) return undefined
    contents.push(content)
  }
  return fillSlots(skeleton.text, (n) => contents[n])
}
