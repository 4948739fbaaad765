import type {PhrasingContent} from 'mdast'
import {alignedDisplay, type AlignedBlock, type Edition} from '../align.js'
import {isPlain} from '../parse.js'
import {alignedMarkdownTree, markerNodes} from '../render-markdown.js'
import type {SegmentedDocument} from '../types.js'
import type {Translate} from '../ui-strings.js'
import {hasLineBreak, placeBlock} from './markdown-edition.js'
import {serialiseSkeleton, slotNode, type SlotContext} from './markdown-skeleton.js'
import {phrasingAt, textAt} from './markdown-state.js'
import {fillSlots, hasReserved} from './placeholders.js'
import {segmentNodes} from './segment-nodes.js'

type Job = {kind: 'heading'; block: AlignedBlock} | {kind: 'cell'; block: AlignedBlock; l: number; s: number}

/** A heading or cell holds all its inline content: serialising it at its place gives the page's bytes. */
function memoised(memo: Map<string, string | null>, context: SlotContext, key: string, nodes: () => PhrasingContent[]): string {
  const full = `${context.stack.join(',')}\u0000${context.before}\u0000${context.after}\u0000${key}`
  let value = memo.get(full)
  if (typeof value !== 'string') memo.set(full, (value = phrasingAt(context, nodes())))
  return value
}

/**
 * The aligned Markdown edition: the reference's tree with a slot for each
 * heading and cell, serialised once, then each slot's content serialised at
 * its place (once per text). `undefined` when the bytes could differ (an
 * empty cell, a heading the serialiser would set otherwise).
 */
export function fastAlignedMarkdown(doc: SegmentedDocument, editions: Edition[], t: Translate, memo: Map<string, string | null>): string | undefined {
  const jobs: Job[] = []
  const contexts = new Map<number, SlotContext>()
  const add = (job: Job): PhrasingContent[] => [slotNode(jobs.push(job) - 1, contexts) as PhrasingContent]
  const tree = alignedMarkdownTree(doc, editions, t, {heading: (block) => add({kind: 'heading', block}), cell: (block, l, s) => add({kind: 'cell', block, l, s})})
  const skeleton = serialiseSkeleton(tree, contexts)
  const contents: string[] = []
  for (const [n, job] of jobs.entries()) {
    const context = contexts.get(n)
    if (!context) return undefined
    let content: string | undefined
    if (job.kind === 'heading') {
      const segments = job.block.cells[0]!
      if (segments.some((s) => hasReserved(s.text))) return undefined
      const only = segments.length === 1 ? segments[0]!.text : undefined
      const nodes = (): PhrasingContent[] => segments.flatMap((s) => segmentNodes(s.text))
      const value = only !== undefined && isPlain(only) ? textAt(context, only, context.before, context.after) : memoised(memo, context, `h\u0000${segments.map((s) => s.text).join('\u0000')}`, nodes)
      content = placeBlock(value, 'heading', context, () => hasLineBreak(nodes()), Math.min(6, job.block.depth + 1))
    } else {
      const segment = job.block.cells[job.l]![job.s]!
      const language = editions[job.l]!.language
      const display = alignedDisplay(segment)
      if (display === 'omit' || hasReserved(segment.text)) return undefined
      const value =
        display === 'text' && segment.mark === 'current' && isPlain(segment.text)
          ? textAt(context, segment.text, context.before, context.after)
          : memoised(memo, context, `c\u0000${language}\u0000${segment.mark}\u0000${display}\u0000${segment.text}`, () => markerNodes(segment, language, t, {aligned: true, parse: segmentNodes}))
      content = placeBlock(value, 'tableCell', context, () => false)
    }
    if (content === undefined) return undefined
    contents.push(content)
  }
  return fillSlots(skeleton.text, (n) => contents[n]!)
}
