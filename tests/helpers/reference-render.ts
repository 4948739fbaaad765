import type {FootnoteDefinition, Nodes, PhrasingContent, Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {joinSegments, needsMarker, type RenderedFile, type RenderInput} from '../../src/editions/align.js'
import {renderAlignedHtml} from '../../src/editions/html/aligned-page.js'
import type {PageContext} from '../../src/editions/html/chrome.js'
import {renderHtmlEdition} from '../../src/editions/html/edition-page.js'
import {alignedMarkdownTree} from '../../src/editions/markdown/aligned-tree.js'
import {segmentTable} from '../../src/editions/markdown/segment-table.js'
import {editorNoteDefinition, editorNoteReference, endNoteParagraph, frontMatter, segmentMarkdown, staleNote} from '../../src/editions/markdown/nodes.js'
import {endNote, notesBySegment} from '../../src/editions/meta.js'
import {rebuildTree} from '../../src/editions/segment-text.js'

/**
 * The renderers' references: what each page must be, byte for byte. HTML:
 * the page builders alone, without templates or caches. Markdown: the
 * stock remark-stringify (no handlers of ours) on the edition's tree, built
 * as the renderer did before it had handlers (a deep copy of the source,
 * nodes parsed by the Markdown parser); the aligned page's tree with each
 * block node replaced by its children.
 */
const stock = unified().use(remarkStringify, {bullet: '-', emphasis: '*', strong: '*', fence: '`'}).use(remarkFrontmatter, ['yaml']).use(remarkGfm, {tablePipeAlign: false})

/** A copy of the tree with every `concordBlock` replaced by its children, and every segment table by its table. */
export function flattenBlocks<T extends Nodes>(node: T): T {
  if (!('children' in node)) return node
  const children = (node.children as Nodes[]).flatMap((child): Nodes[] => {
    if (child.type === 'concordBlock') return child.children.map(flattenBlocks)
    return [flattenBlocks(child.type === 'concordSegmentTable' ? segmentTable(child) : child)]
  })
  return {...node, children}
}

/** The stock serialiser's Markdown of a tree, block nodes flattened. */
export const stockMarkdown = (tree: Root): string => stock.stringify(flattenBlocks(tree))

function referenceEdition(input: RenderInput, edition: RenderInput['editions'][number]): string {
  const {document, t} = input
  const byIndex = new Map(edition.blocks.map((block) => [block.index, block]))
  const notes: FootnoteDefinition[] = []
  const editorNotes = notesBySegment(edition)
  const tree = rebuildTree(document.tree, (index) => {
    const block = byIndex.get(index)
    if (!block) return undefined
    const parts = block.segments
      .map((segment, i) => ({segment, marked: needsMarker(block.segments, i)}))
      .filter(({segment}) => segment.display !== 'omit')
      .map(({segment, marked}) => {
        if (segment.mark === 'stale') notes.push(staleNote(segment, edition.language, t))
        const own = editorNotes.get(segment.id) ?? []
        notes.push(...own.map((note) => editorNoteDefinition(note, edition.language, t)))
        const nodes = [...segmentMarkdown(segment, edition.language, t, {marked, cell: block.kind === 'tableCell'}), ...own.map((note) => editorNoteReference(note))]
        return {nodes, language: segment.display === 'text' ? segment.language : edition.language}
      })
    return parts.length ? joinSegments(parts, (): PhrasingContent => ({type: 'text', value: ' '})) : null
  })
  const first = tree.children[0]
  if (first?.type === 'yaml') first.value = frontMatter(document, edition)
  const end = endNote(edition, document.meta)
  if (end) tree.children.push(endNoteParagraph(end, edition.language, t))
  tree.children.push(...notes)
  return stock.stringify(tree)
}

export function referenceMarkdownFiles(input: RenderInput): RenderedFile[] {
  const {document, editions, t} = input
  return [
    ...editions.map((edition) => ({path: `${edition.language}/${document.id}.md`, content: referenceEdition(input, edition)})),
    {path: `aligned/${document.id}.md`, content: stockMarkdown(alignedMarkdownTree(document, editions, t))}
  ]
}

export function referenceHtmlFiles(input: RenderInput): RenderedFile[] {
  const {document, editions, options, t} = input
  const context: PageContext = {ui: options.sourceLanguage, sourceLanguage: options.sourceLanguage, t, documentId: document.id, editions}
  return [
    ...editions.map((edition) => ({path: `${edition.language}/${document.id}.html`, content: renderHtmlEdition(document, edition, context, options.editions.missing)})),
    {path: `aligned/${document.id}.html`, content: renderAlignedHtml(document, context)}
  ]
}
