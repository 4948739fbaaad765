import type {FootnoteDefinition, PhrasingContent} from 'mdast'
import type {Handle, Info, State} from 'mdast-util-to-markdown'
import type {EditionBlock, EditionSegment, EditorNote} from '../align.js'
import {joinSegments, needsMarker} from '../align.js'
import {editorNoteDefinition, editorNoteReference, segmentMarkdown, staleNote, text} from './nodes.js'
import {slot} from '../placeholders.js'
import {plainSegment} from '../segment-nodes.js'
import {joinedBySpace} from '../../core/languages.js'
import type {Translate} from '../../core/ui-strings.js'
import {firstCharacter, lastCharacter} from '../../markdown/characters.js'
import type {ConcordBlock, ConcordSlot, SegmentRun} from '../../markdown/custom-nodes.js'
import {simplePhrasing} from '../../markdown/phrasing-to-markdown.js'
import {safeValue} from '../../markdown/quick-safe.js'

/** A shown segment of a block of a language edition: its nodes (markers and note reference too) and, for current plain text, the text. */
export function segmentRun(segment: EditionSegment, language: string, t: Translate, how: {marked: boolean; cell: boolean}): SegmentRun {
  const nodes = segmentMarkdown(segment, language, t, how)
  const only = nodes.length === 1 ? nodes[0] : undefined
  const plain = segment.display === 'text' && segment.mark === 'current' && plainSegment(segment) && only?.type === 'text' && only.value === segment.text
  return {nodes, language: segment.display === 'text' ? segment.language : language, plain: plain ? segment.text : undefined}
}

/** A block's content as segments: `children` as the segments are joined in the page (a space between spaced languages). */
export function blockNode(runs: SegmentRun[]): ConcordBlock {
  return {type: 'concordBlock', children: joinSegments(runs, (): PhrasingContent => text(' ')), runs}
}

/**
 * A text block of a language edition as the page holds it: its block node;
 * none for a table cell with nothing to show (emptied, to keep the table
 * rectangular); `null` for any other block with nothing to show (it goes).
 * The notes of its stale segments are added to `notes`.
 */
export function editionBlockContent(
  block: EditionBlock,
  language: string,
  t: Translate,
  notes: FootnoteDefinition[],
  editorNotes?: ReadonlyMap<string, EditorNote[]>
): PhrasingContent[] | null {
  const runs = block.segments
    .map((segment, i) => ({segment, marked: needsMarker(block.segments, i)}))
    .filter(({segment}) => segment.display !== 'omit')
    .map(({segment, marked}) => {
      if (segment.mark === 'stale') notes.push(staleNote(segment, language, t))
      const run = segmentRun(segment, language, t, {marked, cell: block.kind === 'tableCell'})
      const own = editorNotes?.get(segment.id)
      if (!own) return run
      // An editor's note: its number after the sentence, the note with the others at the end.
      notes.push(...own.map((note) => editorNoteDefinition(note, language, t)))
      return {...run, nodes: [...run.nodes, ...own.map((note) => editorNoteReference(note))], plain: undefined}
    })
  if (runs.length === 0) return block.kind === 'tableCell' ? [] : null
  return [blockNode(runs)]
}

const spaced = (a: SegmentRun, b: SegmentRun): boolean => joinedBySpace(a.language, b.language)

/** Inline content as the serialiser writes it between `before` and `after`, with the shortcut for simple content first. */
const phrasing = (state: State, children: PhrasingContent[], info: Info, before: string, after: string): string =>
  simplePhrasing(state, children, before, after) ?? state.containerPhrasing({type: 'paragraph', children}, {...info, before, after})

/**
 * Plain sentences: each through `safe` between the characters next to it
 * (what the serialiser sees of its neighbours: a joiner space, or the
 * glued-on neighbour's edge character, which plain text never escapes).
 */
function plainRuns(state: State, runs: SegmentRun[], info: Info): string {
  let out = ''
  runs.forEach((run, i) => {
    const before = runs[i - 1]
    const after = runs[i + 1]
    const space = before !== undefined && spaced(before, run)
    const left = before === undefined ? info.before : space ? ' ' : lastCharacter(before.plain!)
    const right = after === undefined ? info.after : spaced(run, after) ? ' ' : firstCharacter(after.plain!)
    out += (space ? ' ' : '') + safeValue(state, run.plain!, {before: left, after: right})
  })
  return out
}

/**
 * Segments all joined by spaces, each serialised on its own between spaces:
 * the serialiser sees nothing of a segment's neighbours but the joiner
 * space, which it never escapes inside a line, and a segment's markers pair
 * among themselves before the next segment's are read. `undefined` where a
 * segment's Markdown is empty or runs over lines (a space next to a line
 * ending is escaped).
 */
function spacedRuns(state: State, runs: SegmentRun[], info: Info): string | undefined {
  if (runs.length === 0) return undefined
  for (let i = 1; i < runs.length; i++) if (!spaced(runs[i - 1]!, runs[i]!)) return undefined
  let out = ''
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]!
    const before = i === 0 ? info.before : ' '
    const after = i === runs.length - 1 ? info.after : ' '
    const value = run.plain !== undefined ? safeValue(state, run.plain, {before, after}) : phrasing(state, run.nodes, info, before, after)
    if (value === '' || /[\r\n]/.test(value)) return undefined
    out += i === 0 ? value : ` ${value}`
  }
  return out
}

/**
 * The `concordBlock` handler: the block's children as the stock
 * `containerPhrasing` writes them, a segment at a time where that gives the
 * same string (a book's blocks are mostly plain sentences), else the whole
 * block at once.
 */
export const blockHandler: Handle = (node: ConcordBlock, _, state, info) => {
  const {runs} = node
  if (runs.length > 0 && runs.every((run) => run.plain !== undefined)) return plainRuns(state, runs, info)
  return spacedRuns(state, runs, info) ?? phrasing(state, node.children, info, info.before, info.after)
}

/**
 * The `concordSlot` handler: each edition's block written as the block's
 * own handler writes it in that place (the same construct stack, the same
 * characters around it), kept in `out`; a placeholder goes to the page.
 */
export const slotHandler: Handle = (node: ConcordSlot, parent, state, info) => {
  node.out = node.blocks().map((block) => state.handle(block, parent, state, info))
  return slot(node.slot)
}
