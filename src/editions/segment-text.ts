import type {Nodes, Parent, PhrasingContent, Root} from 'mdast'
import {parseInline} from '../markdown/parse.js'
import {collectBlocks, type TextBlock} from '../segment/blocks.js'
import {trimEdges} from '../segment/inline.js'
import {dispatch, type NodeHandlers} from '../markdown/custom-nodes.js'

export {trimEdges}

/** URL schemes a segment's link may use; anything else (`javascript:`, `data:`, `vbscript:`) loses its link. */
const SAFE_PROTOCOLS = new Set(['http', 'https', 'mailto'])

/** Whether a link target from untrusted text is harmless: relative, a fragment, or http(s)/mailto. */
export function isSafeUrl(url: string): boolean {
  // Browsers ignore control characters and whitespace inside a scheme (`java\tscript:`), so must we.
  const compact = url.replace(/[\u0000-\u0020\u007f]/g, '')
  const scheme = /^([^/?#]*?):/.exec(compact)
  return !scheme || SAFE_PROTOCOLS.has(scheme[1]!.toLowerCase())
}

const keep = (node: PhrasingContent): PhrasingContent[] => [node]
const withChildren = <T extends PhrasingContent & {children: PhrasingContent[]}>(node: T): PhrasingContent[] => [{...node, children: defuseAll(node.children)} as PhrasingContent]

/**
 * One handler per phrasing type a segment's Markdown can produce. Raw HTML
 * becomes visible text (the translator's words are kept, nothing runs); a
 * link or image with an unsafe URL keeps only its text.
 */
const defusers: NodeHandlers<PhrasingContent, [], PhrasingContent[]> = {
  text: keep,
  inlineCode: keep,
  break: keep,
  footnoteReference: keep,
  imageReference: keep,
  emphasis: withChildren,
  strong: withChildren,
  delete: withChildren,
  linkReference: withChildren,
  html: (node: {value: string}) => [{type: 'text', value: node.value}],
  link: (node: PhrasingContent & {type: 'link'}) => (isSafeUrl(node.url) ? withChildren(node) : defuseAll(node.children)),
  image: (node: PhrasingContent & {type: 'image'}) => (isSafeUrl(node.url) ? [node] : [{type: 'text', value: node.alt ?? ''}])
}

function defuseAll(nodes: PhrasingContent[]): PhrasingContent[] {
  return nodes.flatMap((node) => dispatch(defusers, node, 'src/editions/segment-text.ts'))
}

// Every segment text is rendered several times (language page, aligned page, each format); parsing dominates, so parse once.
// Callers share the nodes and never mutate them; the cache is bounded so a book does not stay in memory.
// The bound holds every text of a 10 MB book in four languages (about 300 000): with less, each text of a
// long book is parsed up to three times (measured with `npm run bench`: 10 MB Markdown+HTML 377 s → 206 s).
const parsed = new Map<string, PhrasingContent[]>()
const CACHE_LIMIT = 500_000

/** Parsed inline Markdown of a segment made safe to publish: raw HTML as text, unsafe links as their text, edges trimmed. */
export function publishable(nodes: PhrasingContent[]): PhrasingContent[] {
  return trimEdges(defuseAll(nodes))
}

/** Parse a segment's inline Markdown (a translation is untrusted) into phrasing nodes that are safe to publish. */
export function parseSegmentText(text: string): PhrasingContent[] {
  let nodes = parsed.get(text)
  if (!nodes) {
    if (parsed.size >= CACHE_LIMIT) parsed.clear()
    nodes = publishable(parseInline(text) as PhrasingContent[])
    parsed.set(text, nodes)
  }
  return [...nodes]
}

/** What to put in a block: new children, `null` to drop the block, or `undefined` to keep it as in the source. */
export type BlockBuilder = (index: number, block: TextBlock) => PhrasingContent[] | null | undefined

/**
 * A copy of the source tree with each text block's children rebuilt, so an
 * edition keeps the source's structure (lists, blockquotes, tables) exactly.
 * A dropped table cell is emptied instead, to keep the table rectangular.
 */
export function rebuildTree(tree: Root, build: BlockBuilder): Root {
  const copy = structuredClone(tree)
  const dropped = new Set<Nodes>()
  collectBlocks(copy).forEach((block, index) => {
    const children = build(index, block)
    if (children === undefined) return
    if (children === null && block.kind !== 'tableCell') dropped.add(block.node)
    else block.node.children = children ?? []
  })
  if (dropped.size > 0) prune(copy, dropped)
  return copy
}

function prune(node: Parent, dropped: Set<Nodes>): void {
  node.children = node.children.filter((child: Nodes) => !dropped.has(child))
  for (const child of node.children) if ('children' in child) prune(child as Parent, dropped)
}
