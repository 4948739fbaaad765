import type {PhrasingContent} from 'mdast'
import {classifyCharacter} from 'micromark-util-classify-character'

/**
 * A parser for the inline Markdown most segments use, giving the nodes
 * `parseInline` gives (without positions), or `undefined` for anything it
 * does not know to parse exactly alike: then the caller uses the parser.
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
// GFM autolink literals.
const AUTOLINK = /www\.|https?:\/\//i
// A line starting so would be a block (heading, quote, list, table, setext underline, ...), not a paragraph.
const BLOCK_START = /^(?:[#>+=|-]|\d+[.)])/
// A link destination without parentheses, escapes, references, white space or brackets.
const DESTINATION = /^[^\s()<>\\&\u0000-\u001f\u007f]+$/

const isText = (value: string): boolean => !SPECIAL.test(value) && !AUTOLINK.test(value)
const kind = (text: string, at: number): number | undefined => classifyCharacter(at < 0 || at >= text.length ? null : text.charCodeAt(at))

export function simpleInline(text: string): PhrasingContent[] | undefined {
  if (text === '' || /^\s|\s$/u.test(text) || BLOCK_START.test(text)) return undefined
  const out: PhrasingContent[] = []
  let run = ''
  const flush = (): boolean => {
    if (run && !isText(run)) return false
    if (run) out.push({type: 'text', value: run})
    run = ''
    return true
  }
  let i = 0
  while (i < text.length) {
    const c = text[i]
    if (c !== '`' && c !== '*' && c !== '[') {
      run += c
      i++
      continue
    }
    // `![` starts an image.
    if (!flush() || (c === '[' && text[i - 1] === '!')) return undefined
    const next = c === '`' ? code(text, i) : c === '*' ? attention(text, i) : link(text, i)
    if (!next) return undefined
    out.push(next.node)
    i = next.end
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
  return {node: {type: 'inlineCode', value}, end: close + 1}
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
  return {node: {type: size === 1 ? 'emphasis' : 'strong', children: [{type: 'text', value}]}, end: stop}
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
  return {node: {type: 'link', title: null, url, children: [{type: 'text', value: label}]}, end: end + 1}
}
