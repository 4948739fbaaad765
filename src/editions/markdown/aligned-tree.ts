import type {Heading, PhrasingContent, Root, RootContent, Table, TableCell} from 'mdast'
import {alignedBlocks, alignedDisplay, type AlignedBlock, type Edition, type EditorNote} from '../align.js'
import {blockNode} from './block.js'
import {editorNoteDefinition, editorNoteReference, emphasis, frontMatter, markerNodes, text} from './nodes.js'
import {endNote, notesBySegment} from '../meta.js'
import {plainSegment, segmentNodes} from '../segment-nodes.js'
import {bracketed, languageInfo, markerGap} from '../../core/languages.js'
import type {SegmentedDocument} from '../../core/types.js'
import type {Translate} from '../../core/ui-strings.js'

const cell = (children: PhrasingContent[]): TableCell => ({type: 'tableCell', children})

/** A row of the aligned edition: the segment ID as code, then each language's cell. */
export const segmentRow = (id: string, cells: PhrasingContent[][]): Table['children'][number] => ({type: 'tableRow', children: [cell([{type: 'inlineCode', value: id}]), ...cells.map(cell)]})

/** A heading of the aligned edition: its source segments, glued (a heading is one segment). */
function headingContent(block: AlignedBlock): PhrasingContent[] {
  const segments = block.cells[0]!
  const runs = segments.map((s) => ({nodes: segmentNodes(s.text), language: s.language, plain: plainSegment(s) ? s.text : undefined}))
  return [runs.length === 1 ? blockNode(runs) : {type: 'concordBlock', children: runs.flatMap((run) => run.nodes), runs: []}]
}

/** Segment `s` of `block` in edition `l`: one line of text and markers, and references to its editor's notes. */
function cellContent(editions: Edition[], t: Translate, block: AlignedBlock, l: number, s: number, notes: Array<Map<string, EditorNote[]>>): PhrasingContent[] {
  const segment = block.cells[l]![s]!
  const language = editions[l]!.language
  const nodes = markerNodes(segment, language, t, {aligned: true})
  const only = nodes.length === 1 ? nodes[0] : undefined
  const plain = alignedDisplay(segment) === 'text' && segment.mark === 'current' && plainSegment(segment) && only?.type === 'text' && only.value === segment.text
  const refs = (notes[l]!.get(segment.id) ?? []).map((note) => editorNoteReference(note, `${language}-`))
  return [blockNode([{nodes, language, plain: plain ? segment.text : undefined}]), ...refs]
}

/** The rows of `blocks` in the aligned page: a segment each, its ID, then each language's cell. */
function* segmentRows(blocks: AlignedBlock[], editions: Edition[], t: Translate, notes: Array<Map<string, EditorNote[]>>): Generator<Table['children'][number]> {
  for (const block of blocks) {
    for (let s = 0; s < block.cells[0]!.length; s++) {
      yield segmentRow(
        block.cells[0]![s]!.id,
        editions.map((_, l) => cellContent(editions, t, block, l, s, notes))
      )
    }
  }
}

/**
 * All editions aligned segment by segment: one GFM table per section (rows =
 * segments; columns = segment ID, then each language), which remark parses
 * back into the same rows.
 */
export function alignedMarkdownTree(doc: SegmentedDocument, editions: Edition[], t: Translate): Root {
  const ui = editions[0]?.language ?? 'en'
  const children: RootContent[] = []
  const yaml = doc.tree.children[0]
  if (yaml?.type === 'yaml') children.push({...structuredClone(yaml), value: editions[0] ? frontMatter(doc, editions[0]) : yaml.value})
  const notes = editions.map(notesBySegment)
  children.push({type: 'heading', depth: 1, children: [text(editions[0]?.title ?? doc.id)]})
  children.push({type: 'paragraph', children: [emphasis(t(ui, 'alignedEdition')), text(`: ${editions.map((e) => languageInfo(e.language).name).join(' · ')}`)]})

  const header = (): Table['children'][number] => ({type: 'tableRow', children: [cell([text(t(ui, 'segment'))]), ...editions.map((e) => cell([text(languageInfo(e.language).name)]))]})
  // Each heading's blocks, whose rows the table under it makes when written.
  let blocks: AlignedBlock[] | undefined
  for (const block of alignedBlocks(editions)) {
    if (block.kind === 'heading' || !blocks) {
      if (block.kind === 'heading') children.push({type: 'heading', depth: Math.min(6, block.depth + 1) as Heading['depth'], children: headingContent(block)})
      const own: AlignedBlock[] = (blocks = [])
      children.push({type: 'concordSegmentTable', header: header(), rows: () => segmentRows(own, editions, t, notes)})
    }
    blocks.push(block)
  }

  const ends = editions.map((e) => endNote(e, doc.meta))
  const first = ends[0]
  if (first) {
    // The note on what the source is missing, as one more row under the last heading, each language in its column.
    children.push({type: 'paragraph', children: [{type: 'strong', children: [text(t(ui, 'editorNote'))]}]})
    children.push({
      type: 'table',
      align: [],
      children: [
        header(),
        segmentRow(
          first.id,
          ends.map((note) => (note ? [text(note.text)] : []))
        )
      ]
    })
  }
  children.push({type: 'heading', depth: 2, children: [text(t(ui, 'legend'))]})
  children.push({
    type: 'table',
    align: [],
    children: [
      {type: 'tableRow', children: [cell([text(t(ui, 'language'))]), cell([text(t(ui, 'missing'))]), cell([text(t(ui, 'stale'))])]},
      ...editions
        .filter((e) => !e.source)
        .map((e): Table['children'][number] => ({
          type: 'tableRow',
          children: [
            cell([text(languageInfo(e.language).name)]),
            cell([emphasis(t(e.language, 'missingPlaceholder'))]),
            cell([emphasis(bracketed(e.language, t(e.language, 'staleMarker'), 'round')), text(`${markerGap(e.language)}${t(e.language, 'staleNote')}`)])
          ]
        }))
    ]
  })
  editions.forEach((edition) => children.push(...edition.notes.map((note) => editorNoteDefinition(note, edition.language, t, `${edition.language}-`))))
  return {type: 'root', children}
}
