import type {Properties} from 'hast'
import type {Data, Node, Parent, PhrasingContent, RootContent, TableRow} from 'mdast'

/**
 * The mdast nodes of Concord's own, registered with `@types/mdast` below so
 * that trees holding them type-check without casts. Each has a handler
 * where it is serialised: `concordBlock`, `concordSlot` and `concordSentences` in
 * mdast-util-to-markdown's `handlers` (editions/markdown/block.ts,
 * segment/inline.ts); the HTML wrappers through `data.hName`, which
 * mdast-util-to-hast honours on nodes it has no handler for.
 */

/** One segment of a block: its nodes, the language that decides its joiner, and its text when that is plain (one text node). */
export interface SegmentRun {
  nodes: PhrasingContent[]
  language: string
  plain: string | undefined
}

/**
 * A text block's inline content in an edition, as the segments it is joined
 * from. `children` holds the joined nodes (what the block would hold), so
 * anything that reads a heading's content (setext or ATX) sees them.
 */
export interface ConcordBlock extends Parent {
  type: 'concordBlock'
  children: PhrasingContent[]
  runs: SegmentRun[]
}

/**
 * A text block's content in several editions, written in one serialiser
 * run where the block's own content would be (shared-pages.ts in
 * editions/markdown): the handler writes each edition's Markdown of the
 * block to `out`, in the order of `blocks`, and a placeholder to the page.
 */
export interface ConcordSlot extends Node {
  type: 'concordSlot'
  /** The number of the placeholder (`slot(n)` of editions/placeholders.ts). */
  slot: number
  /**
   * Each edition's block, made when the slot is written (the same list at
   * every call): the blocks of a book's every edition, held all at once,
   * the garbage collector would copy over and over while the page is written.
   */
  blocks: () => ConcordBlock[]
  out: string[]
}

/**
 * A segment table of the aligned page: a GFM table written row by row
 * (editions/markdown/segment-table.ts). Its segment rows are made as they
 * are written, each call of `rows` anew: a book's aligned page has tens of
 * thousands, which held all at once the garbage collector would copy over
 * and over while the rest of the page is written.
 */
export interface ConcordSegmentTable extends Node {
  type: 'concordSegmentTable'
  header: TableRow
  rows: () => Iterable<TableRow>
}

/** Sentences serialised one by one in one serialiser run; the handler writes each one's Markdown to `out`. */
export interface ConcordSentences extends Node {
  type: 'concordSentences'
  sentences: PhrasingContent[][]
  out: string[]
}

interface WrapperData extends Data {
  hName: string
  hProperties: Properties
}

/** A node that becomes the hast element `data.hName` (segment spans, markers, the aligned grid's rows and cells). */
export interface ConcordWrapper<Type extends string, Child extends RootContent = PhrasingContent> extends Parent {
  type: Type
  children: Child[]
  data: WrapperData
}

export type PhrasingWrapper = ConcordWrapper<'concordSegment' | 'concordMark' | 'concordText' | 'concordBullet' | 'concordNoteRef'>
export type FlowWrapper = ConcordWrapper<'concordRow' | 'concordCell', RootContent>

declare module 'mdast' {
  interface PhrasingContentMap {
    concordBlock: ConcordBlock
    concordSlot: ConcordSlot
    concordWrapper: PhrasingWrapper
  }
  interface RootContentMap {
    concordBlock: ConcordBlock
    concordSlot: ConcordSlot
    concordSentences: ConcordSentences
    concordSegmentTable: ConcordSegmentTable
    concordWrapper: PhrasingWrapper
    concordFlowWrapper: FlowWrapper
  }
}

/**
 * A handler map keyed by node type, each handler given its own node type:
 * dispatch on `node.type` without a cast at each call.
 */
export type NodeHandlers<N extends {type: string}, A extends unknown[], R> = {
  [K in N['type']]?: (node: Extract<N, {type: K}>, ...args: A) => R
}

/**
 * The handler of `node.type` applied to `node`; a type the map leaves out is
 * a programmer error (a node the parser cannot give, or a handler missing),
 * reported with `where` the map is.
 */
export function dispatch<N extends {type: string}, A extends unknown[], R>(handlers: NodeHandlers<N, A, R>, node: N, where: string, ...args: A): R {
  const handler = Object.hasOwn(handlers, node.type) ? handlers[node.type as N['type']] : undefined
  if (!handler) throw new Error(`Unexpected node type \`${node.type}\`, expected a type with a handler in ${where}`)
  // The map gives each type the handler of that type: TypeScript cannot relate the two through `node.type`.
  return (handler as (node: N, ...args: A) => R)(node, ...args)
}
