import type {Root, RootContent} from 'mdast'
import type {Handle} from 'mdast-util-to-markdown'
import {markdownStringifier} from './render.js'
import {simpleRoot} from '../../markdown/phrasing-to-markdown.js'
import type {PhrasingContext} from './fast-state.js'
import {FRONT_MATTER, NOTES, slot} from '../placeholders.js'
import {skeletonTree} from '../skeleton-tree.js'

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

// Blocks holding a slot (or an aligned table's ID cells) take the serialiser's shortcut for simple content (markdown-simple.ts):
// an aligned page has tens of thousands of cells.
const root = simpleRoot

let processor: ReturnType<typeof markdownStringifier> | undefined

/** Serialise a tree holding slot nodes (and perhaps front matter and notes placeholders) with the editions' serialiser. */
export function serialiseSkeleton(tree: Root, contexts: Map<number, SlotContext>): MarkdownSkeleton | undefined {
  processor ??= markdownStringifier({root, concordSlot: slotHandler, concordFrontMatter: () => FRONT_MATTER, concordNotes: () => NOTES})
  const raw = processor.stringify(tree)
  const found = new Set<number>()
  const text = raw.replace(/\uE000(\d+)\uE001\n([^\uE005\n]*)\uE005/g, (_, n: string, indent: string) => {
    const context = contexts.get(Number(n))
    if (context) context.indent = indent
    found.add(Number(n))
    return slot(Number(n))
  })
  // Each slot once, where the serialiser put it (else text in the page looked like one).
  return found.size === contexts.size && [...found].every((n) => contexts.has(n)) && (text.match(/\uE000/g) ?? []).length === found.size ? {text, contexts} : undefined
}

/**
 * The Markdown page of a document with the inline content of every text
 * block in `live` replaced by a slot. Language-independent: the editions of
 * a document share it and fill in the slots, front matter and notes.
 * `undefined` when the page could not be told from its slots. Pure.
 */
export function markdownSkeleton(tree: Root, live: ReadonlySet<number>): MarkdownSkeleton | undefined {
  const contexts = new Map<number, SlotContext>()
  const copy = skeletonTree(tree, (index) => (live.has(index) ? {children: [slotNode(index, contexts) as never]} : undefined))
  const children: RootContent[] = copy.children.map((node, i) => (i === 0 && node.type === 'yaml' ? ({type: 'concordFrontMatter'} as never) : node))
  children.push({type: 'concordNotes'} as never)
  return serialiseSkeleton({type: 'root', children}, contexts)
}
