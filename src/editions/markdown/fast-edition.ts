import type {FootnoteDefinition, PhrasingContent, Root} from 'mdast'
import {needsMarker, type Edition, type EditionBlock} from '../align.js'
import {frontMatter, markdownStringifier, segmentMarkdown, staleNote} from './render.js'
import type {SegmentedDocument} from '../../core/types.js'
import type {Translate} from '../../core/ui-strings.js'
import {blockMarkdown} from './fast-block.js'
import type {MarkdownSkeleton, SlotContext} from './fast-skeleton.js'
import {FRONT_MATTER} from '../placeholders.js'
import {segmentNodes} from '../segment-nodes.js'

let processor: ReturnType<typeof markdownStringifier> | undefined
const serialise = (tree: Root): string => (processor ??= markdownStringifier()).stringify(tree)

/** Whether inline content has a line ending or hard break: a heading with one is set as setext, which the skeleton's ATX heading is not. */
export function hasLineBreak(nodes: PhrasingContent[]): boolean {
  return nodes.some((node) => node.type === 'break' || ('value' in node && /[\r\n]/.test(node.value)) || ('children' in node && hasLineBreak(node.children as PhrasingContent[])))
}

/**
 * A block's inline Markdown as it stands in the page, or `undefined` where
 * the serialiser would have treated the block itself differently for this
 * content (an empty block, a heading starting with white space or set as
 * setext, a table cell on two lines, a blank line in a list item).
 */
export function placeBlock(content: string, kind: EditionBlock['kind'] | 'paragraph', context: SlotContext, breaks: () => boolean, depth = 0): string | undefined {
  if (content === '') return undefined
  if (kind === 'heading' && (/^[\t ]/.test(content) || (depth < 3 && breaks()))) return undefined
  if (!/[\r\n]/.test(content)) return content
  if (kind !== 'paragraph' || /^[\r\n]|(?:\r\n|\r|\n)(?:\r|\n|$)/.test(content)) return undefined
  return content.replace(/\r\n|\r|\n/g, (eol) => eol + context.indent)
}

/**
 * One language's Markdown edition from the document's skeleton: the same
 * string as renderMarkdownEdition, or `undefined` when it cannot be shown
 * to be (the caller then renders it with the reference).
 */
export function fastMarkdownEdition(doc: SegmentedDocument, edition: Edition, t: Translate, skeleton: MarkdownSkeleton): string | undefined {
  const language = edition.language
  const contents = new Map<number, string>()
  const notes: FootnoteDefinition[] = []
  for (const block of edition.blocks) {
    const context = skeleton.contexts.get(block.index)
    if (!context) return undefined
    for (const segment of block.segments) if (segment.mark === 'stale') notes.push(staleNote(segment, language, t))
    const breaks = (): boolean => block.segments.some((s, i) => s.display !== 'omit' && hasLineBreak(segmentMarkdown(s, language, t, {marked: needsMarker(block.segments, i), cell: false, parse: segmentNodes})))
    const content = placeBlock(blockMarkdown({block, context, language, t}), block.kind, context, breaks, block.depth)
    if (content === undefined) return undefined
    contents.set(block.index, content)
  }
  const first = doc.tree.children[0]
  const yaml = first?.type === 'yaml' ? serialise({type: 'root', children: [{...first, value: edition.source ? first.value : frontMatter(doc, edition)}]}).replace(/\n$/, '') : ''
  // The notes follow the body as the serialiser joins blocks at the root: after a blank line.
  const after = notes.length > 0 ? `\n\n${serialise({type: 'root', children: notes})}` : ''
  let ended = false
  let complete = true
  const text = skeleton.text.replace(/\uE000(\d+)\uE001|\uE002|\n\n\uE003\n$/g, (match, n?: string) => {
    if (n !== undefined) return contents.get(Number(n)) ?? ((complete = false), '')
    if (match === FRONT_MATTER) return yaml
    ended = true
    return after
  })
  if (!ended || !complete) return undefined
  // As the serialiser, end with a line ending.
  return after || !text || /[\r\n]$/.test(text) ? text : `${text}\n`
}
