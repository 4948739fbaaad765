import type {Root, RootContent} from 'mdast'
import type {Handle, State} from 'mdast-util-to-markdown'
import {markdownStringifier} from '../render-markdown.js'
import {fastRoot} from '../segment/fast-safe.js'
import type {PhrasingContext} from './markdown-state.js'
import {FRONT_MATTER, NOTES, slot} from './placeholders.js'
import {skeletonTree} from './skeleton-tree.js'

export interface SlotContext extends PhrasingContext {
  /** What the serialiser puts before each further line of the slot's content (list indent, `> `). */
  indent: string
}

export interface MarkdownSkeleton {
  /** The page with a slot in place of the inline content of each text block (and the front matter and notes placeholders). */
  text: string
  contexts: Map<number, SlotContext>
}

const LINE = '\uE005'

interface SlotNode {
  type: 'concordSlot'
  index: number
  contexts: Map<number, SlotContext>
}

/** Inline content standing for slot `index`; serialising it records where the slot is in `contexts`. */
export const slotNode = (index: number, contexts: Map<number, SlotContext>): RootContent => ({type: 'concordSlot', index, contexts}) as SlotNode as never

// A second line after the slot shows what the serialiser puts before further lines.
const slotHandler: Handle = (node, _, state, info) => {
  const {index, contexts} = node as unknown as SlotNode
  contexts.set(index, {stack: [...state.stack], before: info.before, after: info.after, indent: ''})
  return `${slot(index)}\n${LINE}`
}

// A block holding only a slot serialises to the slot's output (so containerPhrasing returns for one string);
// taken directly, an aligned page's tens of thousands of cells cost little.
const root: Handle = (node, parent, state, info) => {
  const containerPhrasing = state.containerPhrasing
  state.containerPhrasing = function (this: State, container, at) {
    const only = container.children.length === 1 ? container.children[0] : undefined
    return only?.type === ('concordSlot' as never) ? slotHandler(only as never, container, this, at) : containerPhrasing.call(this, container, at)
  }
  return fastRoot(node, parent, state, info)
}

let processor: ReturnType<typeof markdownStringifier> | undefined

/** Serialise a tree holding slot nodes (and perhaps front matter and notes placeholders) with the editions' serialiser. */
export function serialiseSkeleton(tree: Root, contexts: Map<number, SlotContext>): MarkdownSkeleton {
  processor ??= markdownStringifier({root, concordSlot: slotHandler, concordFrontMatter: () => FRONT_MATTER, concordNotes: () => NOTES})
  const raw = processor.stringify(tree)
  const text = raw.replace(/\uE000(\d+)\uE001\n([^\uE005\n]*)\uE005/g, (_, n: string, indent: string) => {
    contexts.get(Number(n))!.indent = indent
    return slot(Number(n))
  })
  return {text, contexts}
}

/**
 * The Markdown page of a document with the inline content of every text
 * block in `live` replaced by a slot. Language-independent: the editions of
 * a document share it and fill in the slots, front matter and notes. Pure.
 */
export function markdownSkeleton(tree: Root, live: ReadonlySet<number>): MarkdownSkeleton {
  const contexts = new Map<number, SlotContext>()
  const copy = skeletonTree(tree, (index) => (live.has(index) ? {children: [slotNode(index, contexts) as never]} : undefined))
  const children: RootContent[] = copy.children.map((node, i) => (i === 0 && node.type === 'yaml' ? ({type: 'concordFrontMatter'} as never) : node))
  children.push({type: 'concordNotes'} as never)
  return serialiseSkeleton({type: 'root', children}, contexts)
}
