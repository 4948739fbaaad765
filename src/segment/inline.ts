import type {PhrasingContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {unified} from 'unified'
import remarkStringify from 'remark-stringify'
import remarkGfm from 'remark-gfm'
import {isPlain} from '../markdown/parse.js'
import type {Handle} from 'mdast-util-to-markdown'
import type {ConcordSentences} from '../markdown/custom-nodes.js'
import {simplePhrasing} from '../markdown/phrasing-to-markdown.js'
import {STRINGIFY_OPTIONS, text} from '../markdown/quick-safe.js'
import {sentenceBreaks} from './sentences.js'

/**
 * Writes each sentence of a `concordSentences` node as a paragraph at the
 * root writes its content (in `paragraph` and `phrasing`, between line
 * endings), with the shortcut for simple content first: a book's sentences
 * are serialised in one serialiser run, not one run each.
 */
const sentences: Handle = (node: ConcordSentences, _, state, info) => {
  for (const children of node.sentences) {
    const exit = state.enter('paragraph')
    const subexit = state.enter('phrasing')
    const value = simplePhrasing(state, children, '\n', '\n') ?? state.containerPhrasing({type: 'paragraph', children}, {...info, before: '\n', after: '\n'})
    subexit()
    exit()
    node.out.push(value.trim())
  }
  return ''
}

const serialiser = unified()
  .use(remarkStringify, {...STRINGIFY_OPTIONS, handlers: {text, concordSentences: sentences}})
  .use(remarkGfm)

/** Plain text needs no escape (`w.x` would: GFM could read it as a `www.` autolink), so it is its own Markdown. */
function plainMarkdown(children: PhrasingContent[]): string | undefined {
  const only = children.length === 1 ? children[0] : undefined
  return only?.type === 'text' && isPlain(only.value) && !/[Ww]\.[-.\w]/.test(only.value) ? only.value : undefined
}

/** Serialise each sentence's phrasing content to inline Markdown on one line. */
export function inlinesToMarkdown(list: PhrasingContent[][]): string[] {
  const out = list.map(plainMarkdown)
  const rest = list.filter((_, i) => out[i] === undefined)
  if (rest.length === 0) return out as string[]
  const node: ConcordSentences = {type: 'concordSentences', sentences: rest, out: []}
  serialiser.stringify({type: 'root', children: [node]})
  let next = 0
  return out.map((value) => value ?? node.out[next++]!)
}

/** Serialise phrasing content to inline Markdown on one line. */
export function inlineToMarkdown(children: PhrasingContent[]): string {
  return inlinesToMarkdown([children])[0]!
}

// Runs of white space become one space. Only runs that change are matched (two or more characters, or a lone tab or line ending): a lone space is left alone, which is most of them.
const collapse = (value: string): string => value.replace(/[ \t\r\n]{2,}|[\t\r\n]/g, ' ')

/** Copy of the nodes with runs of whitespace in text folded to one space, so reflow changes nothing. */
function normalise(nodes: PhrasingContent[]): PhrasingContent[] {
  return nodes.map((node) => {
    if (node.type === 'text') return {type: 'text', value: collapse(node.value), position: node.position}
    if ('children' in node) return {...node, children: normalise(node.children as PhrasingContent[])} as PhrasingContent
    return node
  })
}

/** Edge white space means nothing in a sentence, and a table cell would lose it anyway. */
export function trimEdges(nodes: PhrasingContent[]): PhrasingContent[] {
  const out = [...nodes]
  const first = out[0]
  if (first?.type === 'text') out[0] = {...first, value: first.value.trimStart()}
  const last = out[out.length - 1]
  if (last?.type === 'text') out[out.length - 1] = {...last, value: last.value.trimEnd()}
  return out.filter((node) => node.type !== 'text' || node.value !== '')
}

/** A run of a block's inline content that forms one sentence. */
export interface InlineSentence {
  children: PhrasingContent[]
  /** Offset of the sentence in the block's flat text (used to locate it in the source). */
  offset: number
}

/**
 * Split a block's inline content into sentences.
 * Breaks are only taken inside top-level text: a sentence end inside
 * emphasis, a link or code keeps the whole span in one segment so its
 * markup stays balanced and can be rebuilt.
 */
export function splitInline(children: PhrasingContent[], language: string | false = 'en'): InlineSentence[] {
  const nodes = normalise(children)
  const spans: Array<{start: number; end: number}> = []
  let flat = ''
  for (const node of nodes) {
    const text = node.type === 'break' ? ' ' : collapse(toString(node))
    spans.push({start: flat.length, end: flat.length + text.length})
    flat += text
  }

  const sentences: InlineSentence[] = []
  let current: PhrasingContent[] = []
  let currentOffset = 0
  let index = 0
  let consumed = 0 // characters of nodes[index] already emitted
  const flush = (offset: number): void => {
    const trimmed = trimEdges(current)
    if (trimmed.length > 0) sentences.push({children: trimmed, offset: currentOffset})
    current = []
    currentOffset = offset
  }

  // `false` keeps the block whole (headings, table cells).
  for (const cut of language === false ? [] : sentenceBreaks(flat, language)) {
    while (index < nodes.length && spans[index]!.end <= cut) {
      const node = nodes[index]!
      current.push(consumed && node.type === 'text' ? {type: 'text', value: node.value.slice(consumed)} : node)
      index++
      consumed = 0
    }
    const node = nodes[index]
    if (!node) break
    const span = spans[index]!
    if (span.start === cut) {
      flush(cut)
    } else if (node.type === 'text') {
      const at = cut - span.start
      current.push({type: 'text', value: node.value.slice(consumed, at)})
      consumed = at
      flush(cut)
    }
    // A break inside emphasis, links or code is not taken.
  }
  for (; index < nodes.length; index++) {
    const node = nodes[index]!
    current.push(consumed && node.type === 'text' ? {type: 'text', value: node.value.slice(consumed)} : node)
    consumed = 0
  }
  flush(flat.length)
  return sentences
}

/** The plain text of inline Markdown, for word counts and similarity. */
export function flatText(children: PhrasingContent[]): string {
  return collapse(children.map(plain).join('')).trim()
}

// A hard break separates words (mdast-util-to-string drops it, gluing `a  \nb` into `ab`).
const plain = (node: PhrasingContent): string => (node.type === 'break' ? '\n' : 'children' in node ? (node.children as PhrasingContent[]).map(plain).join('') : toString(node))
