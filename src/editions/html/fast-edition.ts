import type {ElementContent} from 'hast'
import type {PhrasingContent, Root} from 'mdast'
import type {Edition, EditionBlock} from '../align.js'
import type {PageContext} from './chrome.js'
import {hb} from './h.js'
import {toSafeHast} from './segments.js'
import type {MissingMode} from '../../core/options.js'
import {editionPage, takeTitle} from './edition-page.js'
import type {SegmentedDocument} from '../../core/types.js'
import {blockHtml, htmlOf, type SegmentHtml} from './fast-pieces.js'
import {PAGE_PART, TITLE_PART, fillOnce, fillSlots, isPlainId, shellPage, slot, type ShellPage} from '../placeholders.js'
import {skeletonTree} from '../skeleton-tree.js'
import {endNote, staleNoteNumbers} from '../meta.js'
import {staleNotesList} from './notes.js'

const placeholder = (n: number): PhrasingContent => ({type: 'text', value: slot(n)})

/**
 * The article of a language edition with a slot in place of the content of
 * each text block of `blocks`, headings with their segment's ID. The same
 * for every edition of the document (they share blocks and IDs), the
 * page's title (see takeTitle) first and apart, ending at TITLE_PART; empty
 * when it cannot be used. Pure.
 */
export function htmlArticleSkeleton(tree: Root, blocks: EditionBlock[]): string {
  // IDs go in as they are (`[a-z0-9]`): anything else is rendered with the reference.
  if (blocks.some((block) => block.segments.some((s) => !isPlainId(s.id)))) return ''
  const byIndex = new Map(blocks.map((block) => [block.index, block]))
  const copy = skeletonTree(tree, (index, {node}) => {
    const block = byIndex.get(index)
    if (!block) return undefined
    const id = block.kind === 'heading' ? block.segments[0]?.id : undefined
    return {children: [placeholder(index)], ...(id === undefined ? {} : {data: {...node.data, hProperties: {id}}})}
  })
  // As editionArticle: each block on its own line, without remark-rehype's newlines between blocks.
  const content = (toSafeHast(copy).children as ElementContent[]).filter((node) => node.type !== 'text' || node.value.trim() !== '')
  if (content.length === 0) return ''
  const {title, rest} = takeTitle(content)
  return `${title ? htmlOf([title]) : ''}${TITLE_PART}${htmlOf([hb('article', {}, rest)])}`
}

/** Whether the edition's blocks are the skeleton's: none dropped (every segment omitted), no heading without its ID. */
const fitsSkeleton = (block: EditionBlock): boolean => block.segments.some((s) => s.display !== 'omit') && !(block.kind === 'heading' && block.segments[0]?.display === 'omit')

/** One language's HTML page from the document's article skeleton: the reference's bytes as the page's shell and article, or `undefined` to render with the reference. */
export function fastHtmlEdition(doc: SegmentedDocument, edition: Edition, context: PageContext, missing: MissingMode, skeleton: string, html: SegmentHtml): ShellPage | undefined {
  // Editor's notes are few and rare: a page with any is rendered by the reference.
  if (!skeleton || !edition.blocks.every(fitsSkeleton) || edition.notes.length > 0 || endNote(edition, doc.meta)) return undefined
  const stale = staleNoteNumbers(edition)
  // One options object of each kind for all blocks: segmentHtml keeps its renderers by them.
  const text = {language: edition.language, t: context.t, withId: true}
  const heading = {...text, withId: false}
  const contents = new Map(edition.blocks.map((block) => [block.index, blockHtml(block.segments, block.kind === 'heading' ? heading : text, html, stale)]))
  const split = skeleton.indexOf(TITLE_PART)
  const title = fillSlots(skeleton.slice(0, split), (n) => contents.get(n))
  const filled = fillSlots(skeleton.slice(split + TITLE_PART.length), (n) => contents.get(n))
  // The stale segments' notes end the article, on a line of their own as editionArticle puts them.
  const list = staleNotesList(edition, stale, context.sourceLanguage, edition.language, context.t)
  const close = '\n</article>'
  const article = list && filled?.endsWith(close) ? `${filled.slice(0, -close.length)}\n${htmlOf([list])}${close}` : list ? undefined : filled
  if (title === undefined || article === undefined) return undefined
  const page = editionPage(doc, edition, context, missing, {type: 'text', value: PAGE_PART}, title ? {type: 'text', value: TITLE_PART} : null)
  // The title's placeholder first: the article put in may hold any text.
  const titled = title ? fillOnce(page, TITLE_PART, title) : page
  return titled === undefined ? undefined : shellPage(titled, article)
}
