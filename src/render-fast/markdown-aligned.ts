import type {PhrasingContent} from 'mdast'
import {alignedDisplay, type AlignedBlock, type Edition} from '../align.js'
import {isPlain} from '../parse.js'
import {alignedMarkdownTree, markerNodes} from '../render-markdown.js'
import type {SegmentedDocument} from '../types.js'
import type {Translate} from '../ui-strings.js'
import {hasLineBreak, placeBlock} from './markdown-edition.js'
import {serialiseSkeleton, slotNode, type SlotContext} from './markdown-skeleton.js'
import {phrasingAt, textAt} from './markdown-state.js'
import {fillSlots} from './placeholders.js'
import {segmentNodes} from './segment-nodes.js'

type Job = {kind: 'heading'; block: AlignedBlock} | {kind: 'cell'; block: AlignedBlock; l: number; s: number}

/**
 * The aligned Markdown edition: the reference's tree with a slot for each
 * heading and cell, serialised once, then each slot's content serialised at
 * its place (a heading or cell holds all its inline content, so that gives
 * the page's bytes). `undefined` when the bytes could differ (an
 * empty cell, a heading the serialiser would set otherwise).
 */
export function fastAlignedMarkdown(doc: SegmentedDocument, editions: Edition[], t: Translate): string | undefined {
  const jobs: Job[] = []
  const contexts = new Map<number, SlotContext>()
  const add = (job: Job): PhrasingContent[] => [slotNode(jobs.push(job) - 1, contexts) as PhrasingContent]
  const tree = alignedMarkdownTree(doc, editions, t, {heading: (block) => add({kind: 'heading', block}), cell: (block, l, s) => add({kind: 'cell', block, l, s})})
  const skeleton = serialiseSkeleton(tree, contexts)
  if (!skeleton) return undefined
  const contents: string[] = []
  for (const [n, job] of jobs.entries()) {
    const context = contexts.get(n)
    if (!context) return undefined
    let content: string | undefined
    if (job.kind === 'heading') {
      const segments = job.block.cells[0]!
      const only = segments.length === 1 ? segments[0]!.text : undefined
      const nodes = (): PhrasingContent[] => segments.flatMap((s) => segmentNodes(s.text))
      const value = only !== undefined && isPlain(only) ? textAt(context, only, context.before, context.after) : phrasingAt(context, nodes())
      content = placeBlock(value, 'heading', context, () => hasLineBreak(nodes()), Math.min(6, job.block.depth + 1))
    } else {
      const segment = job.block.cells[job.l]![job.s]!
      const language = editions[job.l]!.language
      const display = alignedDisplay(segment)
      if (display === 'omit') return undefined
      const value =
        display === 'text' && segment.mark === 'current' && isPlain(segment.text)
          ? textAt(context, segment.text, context.before, context.after)
          : phrasingAt(context, markerNodes(segment, language, t, {aligned: true, parse: segmentNodes}))
      content = placeBlock(value, 'tableCell', context, () => false)
    }
    if (content === undefined) return undefined
    contents.push(content)
  }
  return fillSlots(skeleton.text, (n) => contents[n])
}
