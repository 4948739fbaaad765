import type {PhrasingContent} from 'mdast'
import type {Point} from 'unist'
import {classifyCharacter} from 'micromark-util-classify-character'

/**
 * A parser for the inline Markdown most segments use, giving the nodes
 * `parseInline` gives, or `undefined` for anything it does not know to parse
 * exactly alike: then the caller uses the parser. With `at`, nodes get the
 * positions remark-parse gives them (the block parser of parse-fast.ts).
 *
 * It knows text, `*emphasis*`, `**strong**`, `` `code` `` and
 * `[text](url)` with plain text inside, side by side. Parsing a sentence
 * with micromark costs about half a millisecond, mostly setting up; this
 * costs microseconds. Kept narrow on purpose: text holding anything that
 * can start another construct (escapes, references, HTML, autolinks,
 * underscores, tildes, images, footnote calls) is left to the parser.
 */

// Characters that start (or end) a construct this parser does not handle in text.
const SPECIAL = /[\\`*_~[\]<&@\u0000-\u001f\u007f\ud800-\udfff]|!\[/
// The same, with line endings allowed (soft breaks inside a paragraph).
const SPECIAL_LINES = /[\\`*_~[\]<&@\u0000-\u0009\u000b-\u001f\u007f\ud800-\udfff]|!\[/
// GFM autolink literals.
const AUTOLINK = /www\.|https?:\/\//i
// A line starting so would be a block (heading, quote, list, table, setext underline, ...), not a paragraph.
const BLOCK_START = /^(?:[#>+=|-]|\d+[.)])/
// A link destination without parentheses, escapes, references, white space or brackets.
const DESTINATION = /^[^\s()<>\\&\u0000-\u001f\u007f]+$/

export interface InlineOptions {
  /** Accept line endings in text, as in a paragraph of several lines (default: no). */
  lines?: boolean
  /** The point of an offset in the text, as a node's start or end; given, every node gets its `position`. */
  at?: (offset: number, isEnd: boolean) => Point
}

let special = SPECIAL
let pointAt: InlineOptions['at']

const isText = (value: string): boolean => !special.test(value) && !AUTOLINK.test(value)
/** Give `node` its position (last, where remark-parse puts it) when positions are wanted. */
const place = <T extends PhrasingContent>(node: T, start: number, end: number): T => {
  if (pointAt) node.position = {start: pointAt(start, false), end: pointAt(end, true)}
  return node
}
const kind = (text: string, at: number): number | undefined => classifyCharacter(at < 0 || at >= text.length ? null : text.charCodeAt(at))

export function simpleInline(text: string, options?: InlineOptions): PhrasingContent[] | undefined {
  special = options?.lines ? SPECIAL_LINES : SPECIAL
  pointAt = options?.at
  try {
    return inline(text)
  } finally {
    special = SPECIAL
    pointAt = undefined
  }
}

function inline(text: string): PhrasingContent[] | undefined {
  if (text === '' || /^\s|\s$/u.test(text) || BLOCK_START.test(text)) return undefined
  const out: PhrasingContent[] = []
  let start = 0
  let i = 0
  const flush = (): boolean => {
    if (i === start) return true
    const run = text.slice(start, i)
    if (!isText(run)) return false
    out.push(place({type: 'text', value: run}, start, i))
    return true
  }
  while (i < text.length) {
    const c = text[i]
    if (c !== '`' && c !== '*' && c !== '[') {
      i++
      continue
    }
    // `![` starts an image.
    if (!flush() || (c === '[' && text[i - 1] === '!')) return undefined
    const next = c === '`' ? code(text, i) : c === '*' ? attention(text, i) : link(text, i)
    if (!next) return undefined
    out.push(next.node)
    i = start = next.end
  }
  return flush() ? out : undefined
}

type Found = {node: PhrasingContent; end: number} | undefined

/** A code span of single backticks without spaces at its edges (which the parser would strip). */
function code(text: string, at: number): Found {
  const close = text.indexOf('`', at + 1)
  if (close === -1 || text[close + 1] === '`') return undefined
  const value = text.slice(at + 1, close)
  if (value === '' || /^ | $|[\r\n]/.test(value)) return undefined
  return {node: place({type: 'inlineCode', value}, at, close + 1), end: close + 1}
}

/**
 * `*text*` or `**text**`: a run that can open (CommonMark's flanking rules,
 * with micromark's character classes), text, and a run of the same size
 * that can close. Nothing else between them, so they pair with each other.
 */
function attention(text: string, at: number): Found {
  let end = at
  while (text[end] === '*') end++
  const size = end - at
  if (size > 2) return undefined
  const before = kind(text, at - 1)
  const after = kind(text, end)
  if (!(!after || (after === 2 && before))) return undefined
  const close = text.indexOf('*', end)
  if (close === -1 || close === end) return undefined
  let stop = close
  while (text[stop] === '*') stop++
  if (stop - close !== size) return undefined
  const inside = kind(text, close - 1)
  const outside = kind(text, stop)
  if (!(!inside || (inside === 2 && outside))) return undefined
  const value = text.slice(end, close)
  if (!isText(value)) return undefined
  return {node: place({type: size === 1 ? 'emphasis' : 'strong', children: [place({type: 'text', value}, end, close)]}, at, stop), end: stop}
}

/** `[text](destination)`: plain text (not a footnote call) and a destination with nothing to decode. */
function link(text: string, at: number): Found {
  const close = text.indexOf(']', at + 1)
  if (close === -1 || text[close + 1] !== '(' || text[at + 1] === '^') return undefined
  const label = text.slice(at + 1, close)
  const end = text.indexOf(')', close + 2)
  if (end === -1 || label === '' || label.length > 500 || !isText(label)) return undefined
  const url = text.slice(close + 2, end)
  if (!DESTINATION.test(url)) return undefined
  return {node: place({type: 'link', title: null, url, children: [place({type: 'text', value: label}, at + 1, close)]}, at, end + 1), end: end + 1}
}
