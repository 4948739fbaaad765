import type {Link, Paragraph, PhrasingContent} from 'mdast'
import type {Attention, Handle, State} from 'mdast-util-to-markdown'
import {classifyCharacter} from 'micromark-util-classify-character'
import {firstCharacter, lastCharacter} from './characters.js'
import {encodeInfo} from './encode-info.js'
import {safeValue} from './quick-safe.js'

/**
 * `containerPhrasing` of mdast-util-to-markdown for content whose attention
 * (emphasis, strong, delete) is simple: text-like nodes on both sides of
 * each, none inside. For such content the serialiser keeps the preferred
 * markers, encodes nothing around them and finds nothing to fix, so its
 * output is each node's handler output in turn, which this computes
 * directly (the full algorithm weighs markers over the whole block and costs
 * ten times more). For anything else it returns `undefined`, and the caller
 * runs the serialiser.
 *
 * It runs inside a serialiser run, from a handler given the run's `state`,
 * and uses only what the package documents (handlers, `attention`, `enter`,
 * `safe`, `unsafe`); but it mirrors what the package writes, so the packages
 * it mirrors are pinned (tests/markdown/mirrored-versions.test.ts) and
 * property tests compare it with the serialiser
 * (tests/editions/render-fast-parts.test.ts). It is the part that pays: a
 * 1 MB book's Markdown pages took several times as long with the stock
 * `containerPhrasing` alone (measured with `npm run bench`).
 */
type Item = string | {sequence: string; inner: string}

/** A handler with its documented `attention` field (set on emphasis, strong and delete). */
type AttentionHandle = Handle & {attention?: Attention}

const handlerOf = (state: State, node: PhrasingContent): AttentionHandle | undefined => state.handlers[node.type]

const info = (before: string, after: string) => ({before, after, now: {line: 1, column: 1}, lineShift: 0})

/** The first character of a text as serialised: unpatterned characters (letters, digits, anything not ASCII) are never escaped. */
function firstTextCharacter(state: State, value: string): string {
  const code = value.charCodeAt(0)
  if (code >= 0x80 || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) return firstCharacter(value)
  return firstCharacter(safeValue(state, value, {before: '', after: ''}))
}

/** The serialiser's first pass (`phrasing`): each node's output, attention as its markers and inside. */
function items(state: State, parent: Paragraph, before: string, after: string, nested: boolean): Item[] | undefined {
  const children = parent.children
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
      // Attention starts with its preferred marker; anything else with what its handler writes first.
      const handler = handlerOf(state, next)
      if (handler?.attention) peeked = handler.attention(next, state).markers[0] ?? ''
      else if (next.type === 'link' && !autolinkLike(next)) peeked = '['
      else peeked = handler ? firstCharacter(handler(next, parent, state, info('', ''))) : ''
    }
    if (child.type === 'text') {
      // What the text handler does, without the node's neighbours (no unsafe pattern looks at them).
      const value = safeValue(state, child.value, {before: previous, after: peeked})
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
    if (child.type === 'link') {
      const value = linkMarkdown(state, child)
      if (value === undefined) return undefined
      out.push(value)
      previous = ')'
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
      const inside = 'children' in child ? items(state, {type: 'paragraph', children: child.children}, sequence, sequence, true) : undefined
      state.indexStack.pop()
      exit()
      if (!inside || inside.length === 0) return undefined
      out.push({sequence, inner: inside.join('')})
      previous = lastCharacter(sequence)
    } else {
      const value = handler(child, parent, state, info(previous, peeked))
      if (!value) return undefined
      out.push(value)
      previous = lastCharacter(value)
    }
  }
  return out
}

/** Whether a link could be written as an autolink (`<url>`): its text is its URL. */
const autolinkLike = (node: Link): boolean => {
  const only = node.children.length === 1 ? node.children[0] : undefined
  return only?.type === 'text' && (only.value === node.url || `mailto:${only.value}` === node.url)
}

/**
 * What the link handler writes for a link without title whose URL needs no
 * angle brackets, and whose text has no `]` (at the start of a line that
 * could read as a definition, which the handler prevents with a title):
 * `[text](url)`, the text as inline content between `[` and `](`, the URL
 * through `safe` in `destinationRaw`. `undefined` for any other link.
 */
function linkMarkdown(state: State, node: Link): string | undefined {
  if (node.title || !node.url || /[\0- \u007F]/.test(node.url) || autolinkLike(node)) return undefined
  const exit = state.enter('link')
  const label = state.enter('label')
  const text = simplePhrasing(state, node.children, '[', '](')
  label()
  if (text === undefined || text.includes(']')) {
    exit()
    return undefined
  }
  const destination = state.enter('destinationRaw')
  const url = safeValue(state, node.url, {before: `[${text}](`, after: ')'})
  destination()
  exit()
  return `[${text}](${url})`
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
  const parent: Paragraph = {type: 'paragraph', children}
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
