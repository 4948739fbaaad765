import type {FootnoteDefinition, Root} from 'mdast'
import {unified} from 'unified'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import {needsMarker, type Edition, type RenderedFile, type RenderInput} from '../align.js'
import {alignedMarkdownTree} from './aligned-tree.js'
import {blockHandler, blockNode, segmentRun} from './block.js'
import {editorNoteDefinition, editorNoteReference, endNoteParagraph, frontMatter, staleNote} from './nodes.js'
import {endNote, notesBySegment} from '../meta.js'
import {segmentTableHandler} from './segment-table.js'
import {prepareEditions} from '../segment-nodes.js'
import {skeletonTree} from '../skeleton-tree.js'
import type {SegmentedDocument} from '../../core/types.js'
import type {Translate} from '../../core/ui-strings.js'
import {STRINGIFY_OPTIONS, text} from '../../markdown/quick-safe.js'

/**
 * The Markdown serialiser of editions: remark-stringify with handlers of
 * ours for `text` (the stock one after a prefilter), `concordBlock` (a
 * block's segments, see block.ts) and `concordSegmentTable` (the aligned
 * page's tables, see segment-table.ts).
 */
const stringifier = unified()
  .use(remarkStringify, {...STRINGIFY_OPTIONS, handlers: {text, concordBlock: blockHandler, concordSegmentTable: segmentTableHandler}})
  .use(remarkFrontmatter, ['yaml'])
  // Unpadded tables: padding long sentences to a common width makes unreadable lines.
  .use(remarkGfm, {tablePipeAlign: false})

/** An edition's tree (block nodes and all) as Markdown. */
export const markdownOf = (tree: Root): string => stringifier.stringify(tree)

/**
 * One language's edition as mdast: the source's structure (shared with the
 * source tree, which is only read) with each text block's content replaced
 * by its segments in that language, and the stale segments' notes at the end.
 */
export function markdownEditionTree(doc: SegmentedDocument, edition: Edition, t: Translate): Root {
  const language = edition.language
  const byIndex = new Map(edition.blocks.map((block) => [block.index, block]))
  const notes: FootnoteDefinition[] = []
  const editorNotes = notesBySegment(edition)
  const tree = skeletonTree(doc.tree, (index, {kind}) => {
    const block = byIndex.get(index)
    if (!block) return undefined
    const runs = block.segments
      .map((segment, i) => ({segment, marked: needsMarker(block.segments, i)}))
      .filter(({segment}) => segment.display !== 'omit')
      .map(({segment, marked}) => {
        if (segment.mark === 'stale') notes.push(staleNote(segment, language, t))
        const run = segmentRun(segment, language, t, {marked, cell: block.kind === 'tableCell'})
        const own = editorNotes.get(segment.id)
        if (!own) return run
        notes.push(...own.map((note) => editorNoteDefinition(note, language, t)))
        return {...run, nodes: [...run.nodes, ...own.map((note) => editorNoteReference(note))], plain: undefined}
      })
    // A block with nothing to show goes, but for a table cell, which is emptied to keep the table rectangular.
    if (runs.length === 0) return kind === 'tableCell' ? {children: []} : null
    return {children: [blockNode(runs)]}
  })
  const first = tree.children[0]
  if (first?.type === 'yaml') tree.children[0] = {...first, value: frontMatter(doc, edition)}
  const end = endNote(edition, doc.meta)
  if (end) tree.children.push(endNoteParagraph(end, language, t))
  tree.children.push(...notes)
  return tree
}

/** One language's edition as Markdown, with the source's structure and each segment replaced by its translation. */
export function renderMarkdownEdition(doc: SegmentedDocument, edition: Edition, t: Translate): string {
  return markdownOf(markdownEditionTree(doc, edition, t))
}

/** All editions aligned segment by segment (see aligned-tree.ts). */
export function renderAlignedMarkdown(doc: SegmentedDocument, editions: Edition[], t: Translate): string {
  return markdownOf(alignedMarkdownTree(doc, editions, t))
}

/** The Markdown renderer: `<lng>/<doc>.md` for every edition and `aligned/<doc>.md`. */
export function renderMarkdownFiles(input: RenderInput): RenderedFile[] {
  const {document, editions, t, only = () => true} = input
  const files: RenderedFile[] = []
  // Each page's texts are parsed ahead in one batch, only when the page is rendered: `only` may leave nothing to render.
  for (const edition of editions) {
    const path = `${edition.language}/${document.id}.md`
    if (only(path)) {
      prepareEditions([edition])
      files.push({path, content: renderMarkdownEdition(document, edition, t)})
    }
  }
  const aligned = `aligned/${document.id}.md`
  if (only(aligned)) {
    prepareEditions(editions)
    files.push({path: aligned, content: renderAlignedMarkdown(document, editions, t)})
  }
  return files
}
