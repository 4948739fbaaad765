import type {Blockquote, Code, Heading, ListItem, Paragraph, RootContent} from 'mdast'
import {phrasing, point, span, type Line} from './fast-phrasing.js'
import {table} from './fast-table.js'

/**
 * The blocks most prose is made of, parsed without micromark, as the nodes
 * remark-parse gives, positions included: paragraphs and ATX headings of
 * simple inline Markdown (text, `*em*`, `**strong**`, `` `code` ``,
 * `[text](url)`), block quotes and tight lists of one such paragraph per
 * quote or item, fenced code, tables of such cells (markdown/fast-table.ts) and
 * YAML front matter. micromark spends most of a long file's parse on exactly
 * these, building an event for every character (GFM tables cost it four
 * times as much per character as prose); this reads each block once.
 *
 * It answers `undefined` for anything it cannot vouch for, and the caller
 * parses that with micromark. A block starts where nothing is open (a cut
 * of markdown/pieces.ts, or after a block this parsed and a blank line) and
 * ends before a blank line; a loose list reads on over blank lines while its
 * items go on.
 */

// A paragraph line starts with a letter or digit (not a list number), `[`,
// `` ` ``, or `*`/`**` before a non-space: nothing a block can start with.
// The inline parser rejects the rest (`` ``` `` fences, `***`).
const LINE_START = /^(?:[\p{L}\p{N}[`]|\*{1,2}[^\s*])/u
const LIST_NUMBER = /^\d{1,9}[.)]/
const ATX = /^(#{1,6}) (?=\S)/
const BULLET = /^([-*+]) (?=\S)/
const ORDERED = /^(\d{1,9})([.)]) (?=\S)/
const FENCE_OPEN = /^(`{3,}|~{3,})([A-Za-z][\w+-]*)?$/
const FENCE_LIKE = /^ {0,3}(?:`{3,}|~{3,})/
// Characters that change how lines are counted or trimmed, or make table rows.
const AWKWARD = /[\t\r|\f\v]/
// In a table: the same but pipes, and backslashes (an escaped pipe does not split a cell).
const TABLE_AWKWARD = /[\t\r\f\v\\]/
// A blank line: spaces and tabs at most (shared with markdown/pieces.ts).
export const BLANK = /^[ \t]*$/

/** A block parsed here, and where its text ends (before the line ending of its last line). */
export interface FastBlock {
  node: RootContent
  end: number
}

/** The block at `start` (a non-blank line where nothing is open, first line `line`), read no further than `limit`. */
export function fastBlock(source: string, start: number, limit: number, line: number): FastBlock | undefined {
  if (start === 0 && source.startsWith('---\n')) return frontMatter(source, limit)
  const end = blockEnd(source, start, limit)
  const lines = linesOf(source, start, end, source[start] === '|' ? TABLE_AWKWARD : AWKWARD)
  if (!lines) return undefined
  const first = lines[0]!.text
  let node: RootContent | undefined
  if (first[0] === '|') node = table(lines, line)
  else if (first[0] === '#') node = heading(lines[0]!, line, lines.length)
  else if (first[0] === '>') node = quote(lines, line)
  else if (FENCE_OPEN.test(first)) node = fenced(lines, line)
  else if (BULLET.test(first) || ORDERED.test(first)) return list(source, lines, line, limit)
  else node = paragraph(lines, line)
  return node && {node, end}
}

/** YAML front matter between `---` lines at the start of the file (it may hold blank lines). */
function frontMatter(source: string, limit: number): FastBlock | undefined {
  const close = source.indexOf('\n---', 3)
  const end = close + 4
  if (close === -1 || end > limit || (end < source.length && source[end] !== '\n') || source.slice(0, end).includes('\r')) return undefined
  const lastLine = 1 + countLines(source, 0, end)
  const value = close === 3 ? '' : source.slice(4, close)
  return {node: {type: 'yaml', value, position: {start: {line: 1, column: 1, offset: 0}, end: {line: lastLine, column: 4, offset: end}}}, end}
}

/** Where the block at `start` ends: before the line ending of its last line, at a blank line or `limit`. */
export function blockEnd(source: string, start: number, limit: number): number {
  for (let at = start; at < limit; ) {
    const newline = source.indexOf('\n', at)
    const lineEnd = newline === -1 || newline > limit ? limit : newline
    if (BLANK.test(source.slice(at, lineEnd))) return Math.max(at - 1, start)
    at = lineEnd + 1
  }
  return source[limit - 1] === '\n' ? Math.max(limit - 1, start) : limit
}

/** The start of the first non-blank line at or after `from` (or `limit`). */
export function skipBlank(source: string, from: number, limit: number): number {
  let at = from
  while (at < limit) {
    const newline = source.indexOf('\n', at)
    const lineEnd = newline === -1 || newline > limit ? limit : newline
    if (!BLANK.test(source.slice(at, lineEnd))) return at
    at = lineEnd + 1
  }
  return limit
}

function linesOf(source: string, start: number, end: number, awkward = AWKWARD): Line[] | undefined {
  const text = source.slice(start, end)
  if (text === '' || awkward.test(text)) return undefined
  const lines: Line[] = []
  for (let at = 0; at <= text.length; ) {
    const newline = text.indexOf('\n', at)
    const stop = newline === -1 ? text.length : newline
    lines.push({start: start + at, content: start + at, text: text.slice(at, stop)})
    at = stop + 1
  }
  return lines
}

function heading(only: Line, line: number, count: number): Heading | undefined {
  const match = ATX.exec(only.text)
  // A closing `#` sequence and trailing white space are trimmed by the parser: left to it.
  if (!match || count > 1 || /[#\s]$/u.test(only.text)) return undefined
  const depth = match[1]!.length
  const inner: Line = {start: only.start, content: only.start + depth + 1, text: only.text.slice(depth + 1)}
  const children = phrasing([inner], line, false)
  return children && {type: 'heading', depth: depth as Heading['depth'], children, position: span(only, only, line, line)}
}

function quote(lines: Line[], line: number): Blockquote | undefined {
  const inner: Line[] = []
  for (const each of lines) {
    if (!each.text.startsWith('> ')) return undefined
    inner.push({start: each.start, content: each.content + 2, text: each.text.slice(2)})
  }
  const body = paragraph(inner, line)
  return body && {type: 'blockquote', children: [body], position: span(lines[0]!, lines.at(-1)!, line, line + lines.length - 1)}
}

/**
 * A list of items that are one paragraph each; blank lines may separate
 * items (a loose list) but not the lines of an item, and the list must not
 * go on after the blank lines that end it.
 */
function list(source: string, first: Line[], line: number, limit: number): FastBlock | undefined {
  const head = BULLET.exec(first[0]!.text) ?? ORDERED.exec(first[0]!.text)!
  const ordered = head.length === 3
  const marker = ordered ? head[2]! : head[1]!
  const markerOf = (text: string): RegExpExecArray | null => {
    const match = ordered ? ORDERED.exec(text) : BULLET.exec(text)
    return match && (ordered ? match[2] : match[1]) === marker ? match : null
  }
  const items: ListItem[] = []
  let lines = first
  let firstLine = line
  let spread = false
  for (;;) {
    let open: {lines: Line[]; first: number; width: number} | undefined
    const close = (): boolean => {
      if (!open) return true
      const body = paragraph(open.lines, open.first)
      if (!body) return false
      const end = open.lines.at(-1)!
      // The item starts at its marker, not at its content.
      const start = {line: open.first, column: 1, offset: open.lines[0]!.start}
      items.push({type: 'listItem', spread: false, checked: null, children: [body], position: {start, end: point(end, end.text.length, open.first + open.lines.length - 1)}})
      return true
    }
    for (const [k, each] of lines.entries()) {
      const start = markerOf(each.text)
      if (start) {
        if (!close()) return undefined
        const width = start[0].length
        open = {lines: [{start: each.start, content: each.content + width, text: each.text.slice(width)}], first: firstLine + k, width}
      } else if (open && each.text.startsWith(' '.repeat(open.width)) && each.text[open.width] !== ' ') {
        open.lines.push({start: each.start, content: each.content + open.width, text: each.text.slice(open.width)})
      } else return undefined
    }
    if (!close()) return undefined
    const last = lines.at(-1)!
    const end = last.start + last.text.length
    const next = skipBlank(source, end, limit)
    const newline = source.indexOf('\n', next)
    const follows = source.slice(next, newline === -1 || newline > limit ? limit : newline)
    // An indented line after the blank lines belongs to an item: left to micromark.
    if (/^[ \t]/.test(follows)) return undefined
    if (!markerOf(follows)) {
      // Empty items and `*`/`-` lines (thematic breaks or items) are left to micromark; other markers start another list.
      if ((/^[-*+]/.test(follows) && !BULLET.test(follows)) || (/^\d{1,9}[.)]/.test(follows) && !ORDERED.test(follows))) return undefined
      const position = {start: {line, column: 1, offset: first[0]!.start}, end: point(last, last.text.length, firstLine + lines.length - 1)}
      return {node: {type: 'list', ordered, start: ordered ? Number(head[1]) : null, spread, children: items, position}, end}
    }
    firstLine += countLines(source, lines[0]!.start, next)
    const more = linesOf(source, next, blockEnd(source, next, limit))
    if (!more) return undefined
    lines = more
    spread = true
  }
}

/** Line endings in `source` from `from` up to `to`. */
export const countLines = (source: string, from: number, to: number): number => {
  let lines = 0
  for (let i = source.indexOf('\n', from); i !== -1 && i < to; i = source.indexOf('\n', i + 1)) lines++
  return lines
}

function fenced(lines: Line[], line: number): Code | undefined {
  const open = FENCE_OPEN.exec(lines[0]!.text)
  if (!open || lines.length < 2 || lines.at(-1)!.text !== open[1]) return undefined
  const body = lines.slice(1, -1)
  if (body.some((each) => FENCE_LIKE.test(each.text))) return undefined
  const last = lines.at(-1)!
  return {
    type: 'code',
    lang: open[2] ?? null,
    meta: null,
    value: body.map((each) => each.text).join('\n'),
    position: {start: {line, column: 1, offset: lines[0]!.start}, end: point(last, last.text.length, line + lines.length - 1)}
  }
}

function paragraph(lines: Line[], line: number): Paragraph | undefined {
  for (const each of lines) {
    // Trailing spaces make hard breaks or are trimmed; leading ones are stripped.
    if (!LINE_START.test(each.text) || LIST_NUMBER.test(each.text) || /\s$/u.test(each.text)) return undefined
  }
  const children = phrasing(lines, line, true)
  const last = lines.at(-1)!
  return children && {type: 'paragraph', children, position: {start: point(lines[0]!, 0, line), end: point(last, last.text.length, line + lines.length - 1)}}
}
