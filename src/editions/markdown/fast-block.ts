import type {PhrasingContent} from 'mdast'
import {needsMarker, type EditionBlock, type EditionSegment} from '../align.js'
import {joinedBySpace} from '../../core/languages.js'
import {joinSegments, segmentMarkdown} from './render.js'
import type {Translate} from '../../core/ui-strings.js'
import {firstCharacter, lastCharacter} from '../../markdown/characters.js'
import {phrasingAt, textAt, type PhrasingContext} from './fast-state.js'
import {plainSegment, segmentNodes} from '../segment-nodes.js'

export interface BlockJob {
  block: EditionBlock
  context: PhrasingContext
  /** The edition's language. */
  language: string
  t: Translate
}

/** A shown segment of a block, as the reference renderer joins them. */
interface Part {
  segment: EditionSegment
  marked: boolean
  /** Language of what is shown, which decides the joiner. */
  language: string
}

function partsOf({block, language}: BlockJob): Part[] {
  return block.segments
    .map((segment, i) => ({segment, marked: needsMarker(block.segments, i)}))
    .filter(({segment}) => segment.display !== 'omit')
    .map(({segment, marked}) => ({segment, marked, language: segment.display === 'text' ? segment.language : language}))
}

/** Current plain text: parses to one text node, which the serialiser writes with `safe` alone. */
const plain = ({segment}: Part): boolean => segment.display === 'text' && segment.mark === 'current' && plainSegment(segment)

const spaced = (a: Part, b: Part): boolean => joinedBySpace(a.language, b.language)

/**
 * The inline Markdown of a block of an edition, as the reference serialises
 * it at `context`. A block of plain sentences is each sentence through
 * `safe` between the characters next to it (what the serialiser sees of its
 * neighbours: a joiner space, or the glued-on neighbour's edge character,
 * which plain text never escapes); any other block is serialised whole.
 */
export function blockMarkdown(job: BlockJob): string {
  const {context} = job
  const parts = partsOf(job)
  if (!parts.every(plain)) {
    const cell = job.block.kind === 'tableCell'
    const nodes = (part: Part): PhrasingContent[] => segmentMarkdown(part.segment, job.language, job.t, {marked: part.marked, cell, parse: segmentNodes})
    return (
      spacedParts(parts, context, nodes) ??
      phrasingAt(context, joinSegments(parts.map((part) => ({nodes: nodes(part), language: part.language})), () => ({type: 'text', value: ' '})))
    )
  }
  let out = ''
  parts.forEach((part, i) => {
    const before = parts[i - 1]
    const after = parts[i + 1]
    const space = before !== undefined && spaced(before, part)
    const left = before === undefined ? context.before : space ? ' ' : lastCharacter(before.segment.text)
    const right = after === undefined ? context.after : spaced(part, after) ? ' ' : firstCharacter(after.segment.text)
    out += (space ? ' ' : '') + textAt(context, part.segment.text, left, right)
  })
  return out
}

/**
 * A block whose segments are all joined by spaces, each serialised on its
 * own between spaces (plain text through `safe` alone): the serialiser sees
 * nothing of a segment's neighbours but the joiner space, which it never
 * escapes inside a line, and a segment's markers pair among themselves
 * before the next segment's are read. `undefined` where a segment's
 * Markdown runs over lines (a space next to a line ending is escaped).
 */
function spacedParts(parts: Part[], context: PhrasingContext, nodes: (part: Part) => PhrasingContent[]): string | undefined {
  for (let i = 1; i < parts.length; i++) if (!spaced(parts[i - 1]!, parts[i]!)) return undefined
  let out = ''
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!
    const before = i === 0 ? context.before : ' '
    const after = i === parts.length - 1 ? context.after : ' '
    const value = plain(part) ? textAt(context, part.segment.text, before, after) : phrasingAt(context, nodes(part), before, after)
    if (value === '' || /[\r\n]/.test(value)) return undefined
    out += i === 0 ? value : ` ${value}`
  }
  return out
}
