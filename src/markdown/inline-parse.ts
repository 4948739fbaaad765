import type {PhrasingContent} from 'mdast'
import type {Point} from 'unist'
import {classifyCharacter} from 'micromark-util-classify-character'
import {resolveAttention, type Piece} from './inline-attention.js'

/**
 * A parser for the inline Markdown most segments use, giving the nodes
 * `parseInline` gives, or `undefined` for anything it does not know to parse
 * exactly alike: then the caller uses the parser. With `at`, nodes get the
 * positions remark-parse gives them (the block parser of markdown/fast-blocks.ts).
 *
 * It knows text, `` `code` ``, `[text](url)` with plain text inside, and
 * emphasis and strong made of `*` around any of these, nested or side by
 * side, paired as micromark pairs them (inline-attention.ts). Parsing a sentence
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
const BLOCK_START = /^(?:[#>+=|-]|\d+[.)]|\*+(?:\s|$))/
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
  const pieces: Piece[] = []
  let start = 0
  let i = 0
  const flush = (): boolean => {
    if (i === start) return true
    if (!isText(text.slice(start, i))) return false
    pieces.push({kind: 'text', start, end: i})
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
    if (c === '*') {
      let end = i
      while (text[end] === '*') end++
      pieces.push(run(text, i, end))
      i = start = end
      continue
    }
    const next = c === '`' ? code(text, i) : link(text, i)
    if (!next) return undefined
    pieces.push({kind: 'node', node: next.node, start: i, end: next.end})
    i = start = next.end
  }
  return flush() ? resolveAttention(text, pieces, place) : undefined
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

/** A run of `*` from `start` to `end`, and whether it can open or close (CommonMark's flanking rules, with micromark's character classes). */
function run(text: string, start: number, end: number): Piece {
  const before = kind(text, start - 1)
  const after = kind(text, end)
  return {kind: 'run', start, end, open: !after || (after === 2 && Boolean(before)), close: !before || (before === 2 && Boolean(after))}
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
