import type {Parents, PhrasingContent, Root} from 'mdast'
import type {ConstructName, Handle, SafeConfig, State} from 'mdast-util-to-markdown'
import {classifyCharacter} from 'micromark-util-classify-character'
import {defaultHandlers} from 'mdast-util-to-markdown'
import {fastSafe} from './fast-safe.js'
import {firstCharacter, lastCharacter} from './characters.js'
import {encodeInfo} from './encode-info.js'
import {quickSafe} from './quick-safe.js'

/**
 * `containerPhrasing` of mdast-util-to-markdown for content whose attention
 * (emphasis, strong, delete) is simple: text-like nodes on both sides of
 * each, none inside. For such content the serialiser keeps the preferred
 * markers, encodes nothing around them and finds nothing to fix, so its
 * output is each node's handler output in turn, which this computes
 * directly (the full algorithm weighs markers over the whole block and costs
 * ten times more). For anything else it returns `undefined`, and the caller
 * runs the serialiser.
 */
type Item = string | {sequence: string; inner: string}

interface AttentionHandle {
  (...args: Parameters<Handle>): string
  attention?: (node: PhrasingContent, state: State) => {construct: ConstructName; markers: string[]; sizes: number[]}
  peek?: Handle
}

const handlerOf = (state: State, node: PhrasingContent): AttentionHandle | undefined => state.handlers[node.type] as AttentionHandle | undefined

const info = (before: string, after: string) => ({before, after, now: {line: 1, column: 1}, lineShift: 0})

/** The first character of a text as serialised: unpatterned characters (letters, digits, anything not ASCII) are never escaped. */
function firstTextCharacter(state: State, value: string): string {
  const code = value.charCodeAt(0)
  if (code >= 0x80 || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) return firstCharacter(value)
  return firstCharacter(state.safe(value, {before: '', after: ''}))
}

/** The serialiser's first pass (`phrasing`): each node's output, attention as its markers and inside. */
function items(state: State, parent: Parents, before: string, after: string, nested: boolean): Item[] | undefined {
  const children = parent.children as PhrasingContent[]
  const out: Item[] = []
  let previous = before
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!
    const next = children[i + 1]
    state.indexStack[state.indexStack.length - 1] = i
    let peeked = after
    if (next?.type === 'text') peeked = firstTextCharacter(state, next.value)
    // Code is written between backticks, whatever its content.
    else if (next?.type === 'inlineCode') peeked = '`'
    else if (next) {
      const handler = handlerOf(state, next)
      const peek = handler?.peek ?? handler
      peeked = peek ? firstCharacter(peek(next as never, parent, state, info('', ''))) : ''
    }
    if (child.type === 'text') {
      // What the text handler does, without the node's neighbours (no unsafe pattern looks at them).
      const value = state.safe(child.value, {before: previous, after: peeked})
      if (!value) return undefined
      out.push(value)
      previous = lastCharacter(value)
      continue
    }
    if (child.type === 'inlineCode' && /^[^`\r\n| ](?:[^`\r\n|]*[^`\r\n| ])?$/.test(child.value)) {
      // What the code handler (and GFM's in tables) writes for code without backticks, pipes, line endings or edge spaces.
      out.push(`\`${child.value}\``)
      previous = '`'
      continue
    }
    const handler = handlerOf(state, child)
    if (!handler || child.type === 'html') return undefined
    if (handler.attention) {
      if (nested) return undefined
      const {construct, markers, sizes} = handler.attention(child, state)
      const sequence = markers[0]!.repeat(sizes[0]!)
      const exit = state.enter(construct)
      state.indexStack.push(-1)
      const inside = items(state, child as Parents, sequence, sequence, true)
      state.indexStack.pop()
      exit()
      if (!inside || inside.length === 0) return undefined
      out.push({sequence, inner: inside.join('')})
      previous = lastCharacter(sequence)
    } else {
      const value = handler(child as never, parent, state, info(previous, peeked))
      if (!value) return undefined
      out.push(value)
      previous = lastCharacter(value)
    }
  }
  return out
}

const classify = (value: string, at: number): number | undefined => classifyCharacter(value.charCodeAt(at))

/** Whether the preferred markers of the attention at `i` stay as they are: no other choice, nothing encoded, and they pair. */
function settled(list: Item[], i: number, before: string, after: string): boolean {
  const item = list[i] as {sequence: string; inner: string}
  const marker = item.sequence.charAt(0)
  // Underscores pair by stricter rules, which this does not follow.
  if (marker === '_') return false
  const previous = list[i - 1]
  const next = list[i + 1]
  // Touching attention makes the serialiser pick other markers.
  if (typeof previous === 'object' || typeof next === 'object') return false
  if ((i === 0 && before.charAt(0) === marker) || (next === undefined && after.charAt(0) === marker)) return false
  const outsideBefore = previous === undefined ? lastCharacter(before) : lastCharacter(previous)
  const outsideAfter = firstCharacter(next === undefined ? after : next)
  const tail = lastCharacter(item.inner)
  const open = encodeInfo(outsideBefore.charCodeAt(outsideBefore.length - 1), item.inner.charCodeAt(0), marker)
  const close = encodeInfo(outsideAfter.charCodeAt(0), tail.charCodeAt(tail.length - 1), marker)
  if (open.inside || open.outside || close.inside || close.outside) return false
  // As the serialiser checks pairing: the opening run can open, the closing run can close.
  const head = previous ?? before
  const opens = classify(item.inner, 0)
  const closes = classify(item.inner, item.inner.length - 1)
  const beyond = classify(next ?? after, 0)
  return (!opens || (opens === 2 && Boolean(classify(head, head.length - 1)))) && (!closes || (closes === 2 && Boolean(beyond)))
}

// Text is serialised without its neighbouring nodes, and peeked at as itself where it starts with a letter or digit:
// right while no unsafe pattern looks at nodes or is about such a character (else this gives up).
const fits = new WeakMap<State, boolean>()

export function simplePhrasing(state: State, children: PhrasingContent[], before: string, after: string): string | undefined {
  let fit = fits.get(state)
  if (fit === undefined) fits.set(state, (fit = !state.unsafe.some((p) => p.beforeNode || p.afterNode || /[A-Za-z0-9]|[^\u0000-\u007f]/.test(p.character))))
  if (!fit) return undefined
  const parent = {type: 'paragraph', children} as Parents
  state.indexStack.push(-1)
  const list = items(state, parent, before, after, false)
  state.indexStack.pop()
  if (!list) return undefined
  let out = ''
  for (let i = 0; i < list.length; i++) {
    const item = list[i]!
    if (typeof item === 'string') out += item
    else if (settled(list, i, before, after)) out += item.sequence + item.inner + item.sequence
    else return undefined
  }
  return out
}

type Safe = (state: State, value: string | null | undefined, config: SafeConfig) => string

/** `safe` of fast-safe.ts, after the check of quick-safe.ts for the common case of nothing to escape. */
const quickThenFast: Safe = (state, value, config) => quickSafe(state, value ?? '', config) ?? fastSafe(state, value, config)

/**
 * Give `state`, for every container of inline content, `simplePhrasing`
 * where it applies, and `safe` as its `safe` (default: the fast one of
 * fast-safe.ts, after quick-safe.ts).
 */
export function simplify(state: State, safe: Safe = quickThenFast): void {
  const containerPhrasing = state.containerPhrasing
  state.containerPhrasing = function (this: State, container, at) {
    return simplePhrasing(this, container.children as PhrasingContent[], at.before, at.after) ?? containerPhrasing.call(this, container, at)
  }
  state.safe = function (this: State, value, config) {
    return safe(this, value, config)
  }
}

/**
 * The state of one run of a serialiser, kept after the run with `prepare`
 * applied: its `containerPhrasing` and `safe` then serialise any inline
 * content with that serialiser's handlers, unsafe patterns and options,
 * once `stack` is set to the constructs the content sits in, without a
 * run for each of a book's pieces of content. `serialiser` makes the
 * serialiser with the extra handlers it is given.
 */
export function captureState(serialiser: (handlers: Record<string, Handle>) => {stringify: (tree: Root) => unknown}, prepare: (state: State) => void): State {
  let captured: State | undefined
  const capture: Handle = (_, __, state) => {
    prepare(state)
    captured = state
    return ''
  }
  serialiser({concordCapture: capture}).stringify({type: 'root', children: [{type: 'concordCapture'} as never]})
  return captured!
}

/** The stock root handler on a simplified state: pass it as `handlers: {root: simpleRoot}` to remark-stringify. */
export const simpleRoot: Handle = (node, parent, state, info) => {
  simplify(state)
  return defaultHandlers.root(node, parent, state, info)
}
