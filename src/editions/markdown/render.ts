import type {FootnoteDefinition, Root} from 'mdast'
import {fileOfParts, type Edition, type RenderedFile, type RenderInput} from '../align.js'
import {alignedMarkdownTree} from './aligned-tree.js'
import {editionBlockContent} from './block.js'
import {endNoteParagraph, frontMatter} from './nodes.js'
import {endNote, notesBySegment} from '../meta.js'
import {markdownOf} from './serialiser.js'
import {sharedMarkdownPages} from './shared-pages.js'
import {prepareEditions} from '../segment-nodes.js'
import {skeletonTree} from '../skeleton-tree.js'
import type {SegmentedDocument} from '../../core/types.js'
import type {Translate} from '../../core/ui-strings.js'

export {markdownOf}

/**
 * One language's edition as mdast: the source's structure (shared with the
 * source tree, which is only read) with each text block's content replaced
 * by its segments in that language, the note on what the source is missing
 * (an incomplete document's), and the stale segments' and editor's notes.
 */
export function markdownEditionTree(doc: SegmentedDocument, edition: Edition, t: Translate): Root {
  const byIndex = new Map(edition.blocks.map((block) => [block.index, block]))
  const notes: FootnoteDefinition[] = []
  const editorNotes = notesBySegment(edition)
  const tree = skeletonTree(doc.tree, (index) => {
    const block = byIndex.get(index)
    if (!block) return undefined
    const children = editionBlockContent(block, edition.language, t, notes, editorNotes)
    return children && {children}
  })
  const first = tree.children[0]
  if (first?.type === 'yaml') tree.children[0] = {...first, value: frontMatter(doc, edition)}
  const end = endNote(edition, doc.meta)
  if (end) tree.children.push(endNoteParagraph(end, edition.language, t))
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

// Pages rendered together for a batch of calls (RenderInput.batch), each handed out once, to the call that asks for it.
const rendered = new WeakMap<readonly string[], Map<string, string[]>>()

/**
 * The pages of `wanted`, and with them those of the editions the same
 * batch will ask for, from one serialiser run where they can be
 * (shared-pages.ts), else one run each; each page in parts.
 */
function editionPages(input: RenderInput, wanted: Edition[], path: (edition: Edition) => string): string[][] {
  const {document, editions, t, batch} = input
  const pages = (batch && rendered.get(batch)) ?? new Map<string, string[]>()
  if (batch) rendered.set(batch, pages)
  if (wanted.some((edition) => !pages.has(path(edition)))) {
    const together = editions.filter((edition) => !pages.has(path(edition)) && (wanted.includes(edition) || batch?.includes(path(edition))))
    // The pages' texts are parsed ahead in one batch, only when a page is rendered: `only` may leave nothing to render.
    prepareEditions(together)
    sharedMarkdownPages(document, together, t).forEach((page, i) => page !== undefined && pages.set(path(together[i]!), page))
  }
  return wanted.map((edition) => {
    const page = pages.get(path(edition)) ?? [renderMarkdownEdition(document, edition, t)]
    pages.delete(path(edition))
    return page
  })
}

/** The Markdown renderer: `<lng>/<doc>.md` for every edition and `aligned/<doc>.md`. */
export function renderMarkdownFiles(input: RenderInput): RenderedFile[] {
  const {document, editions, t, only = () => true} = input
  const path = (edition: Edition): string => `${edition.language}/${document.id}.md`
  const wanted = editions.filter((edition) => only(path(edition)))
  const files = editionPages(input, wanted, path).map((parts, i) => (parts.length === 1 ? {path: path(wanted[i]!), content: parts[0]!} : fileOfParts(path(wanted[i]!), parts)))
  const aligned = `aligned/${document.id}.md`
  if (only(aligned)) {
    prepareEditions(editions)
    files.push({path: aligned, content: renderAlignedMarkdown(document, editions, t)})
  }
  return files
}
