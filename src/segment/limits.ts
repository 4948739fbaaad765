import {ruleMessage, type ErrorRuleId} from '../core/rules.js'
import type {Nodes, Root} from 'mdast'
import type {Point} from 'unist'
import type {VFileMessage} from 'vfile-message'

/**
 * Limits on what one document may hold, so that hostile or broken input
 * gets a message instead of exhausting the stack, the memory or the clock.
 */

/**
 * Characters in one segment (a sentence, heading or table cell): 64 Ki
 * UTF-16 code units, some 10,000 English words. The longest sentences in
 * print run to a few thousand words; a segment is what a translator works on
 * at once, and each one is hashed, compared, exported and laid out whole.
 * Longer means a missing sentence end or a pasted blob.
 */
export const MAX_SEGMENT_LENGTH = 65_536

export const SEGMENT_LENGTH_RULE = 'segment-too-long' satisfies ErrorRuleId

/** A fatal message without a file yet (a document's pure stages have none): segmentDocument puts it on the file. */
export function limitMessage(reason: string, place: Point, ruleId: ErrorRuleId): VFileMessage {
  return ruleMessage(ruleId, reason, place)
}

export function segmentTooLong(length: number, place: Point): VFileMessage {
  return limitMessage(
    `Unexpected segment of \`${length}\` characters, expected at most \`${MAX_SEGMENT_LENGTH}\`; end its sentences with punctuation followed by a space, or split it into paragraphs`,
    place,
    SEGMENT_LENGTH_RULE
  )
}

/**
 * A limit on nesting. Parsers, serialisers and renderers all walk the tree
 * recursively: block quotes nested 5,000 deep overflowed the stack, and
 * micromark takes time quadratic in the depth to parse them. No real text
 * nests a hundred levels deep, so deeper nesting is refused with a message
 * before anything recursive runs.
 */
export const MAX_NESTING = 100

export const NESTING_RULE = 'nesting-too-deep' satisfies ErrorRuleId

export interface TooDeep {
  what: 'block quotes and list items' | 'inline markup (emphasis, strong, links)'
  depth: number
  place: Point
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39

/**
 * A bound on the containers (block quotes, list items) a line is inside, from its prefix alone: one per `>` or list
 * marker, plus one per two columns of indentation on a line with a list marker (a nested item is indented at least
 * two columns more than its parent). Linear in the text, and run before it is parsed.
 */
export function scanNesting(source: string, limit = MAX_NESTING): TooDeep | undefined {
  let line = 1
  for (let start = 0; start < source.length; line++) {
    let end = source.indexOf('\n', start)
    if (end === -1) end = source.length
    let markers = 0
    let columns = 0
    let list = false
    let at = -1
    for (let i = start; i < end; ) {
      const c = source.charCodeAt(i)
      if (isSpace(c)) {
        columns += c === 0x09 ? 4 : 1
        i++
        continue
      }
      let next = i
      if (c === 0x3e) next = i + 1
      else if ((c === 0x2d || c === 0x2a || c === 0x2b) && isSpace(source.charCodeAt(i + 1))) next = i + 1
      else if (isDigit(c)) {
        let j = i
        while (j < end && j - i < 9 && isDigit(source.charCodeAt(j))) j++
        const d = source.charCodeAt(j)
        if ((d === 0x2e || d === 0x29) && (j + 1 >= end || isSpace(source.charCodeAt(j + 1)))) next = j + 1
      }
      if (next === i) break
      list ||= c !== 0x3e
      markers++
      if (markers + (list ? columns >> 1 : 0) > limit && at === -1) at = i
      i = next
    }
    const depth = markers + (list ? columns >> 1 : 0)
    // `- - - -` or `* * * *` alone on a line is a thematic break, however long, not nested lists.
    if (depth > limit && !/^[ \t]*([-*])(?:[ \t]*\1)*[ \t]*$/.test(source.slice(start, end)))
      return {what: 'block quotes and list items', depth, place: {line, column: (at === -1 ? end : at) - start + 1}}
    start = end + 1
  }
  return undefined
}

const INLINE = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference'])

/** The first node nested deeper than `limit` (containers, or inline markup), found with an explicit stack. */
export function treeNesting(tree: Root, limit = MAX_NESTING): TooDeep | undefined {
  const stack: Array<[Nodes, number, number]> = [[tree, 0, 0]]
  while (stack.length > 0) {
    const [node, blocks, inline] = stack.pop()!
    const b = blocks + (node.type === 'blockquote' || node.type === 'listItem' ? 1 : 0)
    const n = inline + (INLINE.has(node.type) ? 1 : 0)
    if (b > limit || n > limit) {
      const place = node.position?.start ?? {line: 1, column: 1}
      return b > limit ? {what: 'block quotes and list items', depth: b, place} : {what: 'inline markup (emphasis, strong, links)', depth: n, place}
    }
    if ('children' in node) for (let k = node.children.length - 1; k >= 0; k--) stack.push([node.children[k] as Nodes, b, n])
  }
  return undefined
}

export function nestingTooDeep(found: TooDeep, limit = MAX_NESTING): VFileMessage {
  return limitMessage(
    `Unexpected ${found.what} nested \`${found.depth}\` levels deep, expected at most \`${limit}\`; flatten the structure (deeper nesting is refused so that no step runs out of stack)`,
    found.place,
    NESTING_RULE
  )
}
