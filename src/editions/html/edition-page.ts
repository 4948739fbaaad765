import type {Element, ElementContent} from 'hast'
import type {PhrasingContent} from 'mdast'
import {alignedDisplay, joinSegments, needsMarker, type Edition, type EditionSegment, type EditorNote} from '../align.js'
import {metaKeywords, metaField, notesBySegment, staleNoteNumbers} from '../meta.js'
import {endNoteElement, noteRefs, notesList, staleNotesList, staleRef} from './notes.js'
import {parseSegmentText, rebuildTree} from '../segment-text.js'
import {documentHead, legend, switcher, tableOfContents, type PageContext, type TocEntry} from './chrome.js'
import {pageCss} from './css.js'
import {hb} from './h.js'
import {renderPage} from './page.js'
import {segmentNode, toSafeHast, type SegmentOptions} from './segments.js'
import {languageInfo} from '../../core/languages.js'
import type {MissingMode} from '../../core/options.js'
import type {SegmentedDocument} from '../../core/types.js'
import {flatText} from '../../segment/inline.js'

/* The language pages; blockChildren, tocEntries and legendFor serve the aligned page too (aligned-page.ts). */

const space = (): PhrasingContent => ({type: 'text', value: ' '})

/**
 * Segment spans of a block joined by the sentence joiner, each followed by the references to its editor's notes
 * (`notes`, numbered within `scope`); `null` when every segment is omitted.
 */
export function blockChildren(
  segments: EditionSegment[],
  options: SegmentOptions,
  notes?: Map<string, EditorNote[]>,
  scope = '',
  stale?: ReadonlyMap<string, number>
): PhrasingContent[] | null {
  const parts = segments.flatMap((segment, i) => {
    const node = segmentNode(segment, {...options, marked: needsMarker(segments, i)})
    const shown = options.aligned ? alignedDisplay(segment) : segment.display
    return node ? [{nodes: [node, ...staleRef(stale?.get(segment.id)), ...noteRefs(notes?.get(segment.id), scope)], language: shown === 'text' ? segment.language : options.language}] : []
  })
  return parts.length ? joinSegments(parts, space) : null
}

export function tocEntries(edition: Edition, ui: string, context: PageContext): TocEntry[] {
  return edition.blocks.flatMap((block) => {
    const segment = block.segments[0]
    if (block.kind !== 'heading' || !segment || segment.display === 'omit') return []
    const text = segment.display === 'placeholder' ? context.t(ui, 'missingPlaceholder') : flatText(parseSegmentText(segment.text))
    return [{id: segment.id, depth: block.depth, text, language: segment.display === 'text' ? segment.language : ui}]
  })
}

/** A legend for the markers these editions show, or nothing when every segment is current. */
export function legendFor(context: PageContext, editions: Edition[], missing: MissingMode | 'aligned'): ReturnType<typeof legend> | null {
  const show = {missing: missing !== 'omit' && editions.some((e) => e.counts.missing > 0), stale: editions.some((e) => e.counts.stale > 0)}
  return show.missing || show.stale
    ? legend(
        context,
        editions.map((e) => e.language),
        missing,
        show
      )
    : null
}

/** The text blocks of one language's edition: every segment a span with `id` = segment ID; headings carry their segment's ID. */
export function editionArticle(doc: SegmentedDocument, edition: Edition, context: PageContext): ElementContent[] {
  const ui = edition.language
  const byIndex = new Map(edition.blocks.map((block) => [block.index, block]))
  const notes = notesBySegment(edition)
  const stale = staleNoteNumbers(edition)
  const tree = rebuildTree(doc.tree, (index, block) => {
    const entry = byIndex.get(index)
    if (!entry) return undefined
    const heading = block.kind === 'heading' ? entry.segments[0] : undefined
    if (heading && heading.display !== 'omit') block.node.data = {...block.node.data, hProperties: {id: heading.id}}
    return entry.segments.length ? blockChildren(entry.segments, {language: ui, t: context.t, withId: !heading}, notes, '', stale) : null
  })
  // hb() puts each block on its own line; drop remark-rehype's own newlines between blocks.
  const blocks = (toSafeHast(tree).children as ElementContent[]).filter((node) => node.type !== 'text' || node.value.trim() !== '')
  const end = [endNoteElement(edition, doc.meta, ui, context.t), notesList(edition, ui, context.t), staleNotesList(edition, stale, context.sourceLanguage, ui, context.t)].filter(
    (e) => e !== null
  )
  return [...blocks, ...end]
}

const HEADING = /^h[1-6]$/

const holdsHeading = (node: ElementContent): boolean => node.type === 'element' && (HEADING.test(node.tagName) || node.children.some(holdsHeading))

/**
 * The page's title: the document's first heading when it is an `h1` of the
 * article itself (not in a quote or list), taken out of the article so that
 * it comes first on the page, before the edition's details, contents and
 * legend (an opening quote before it stays at the top of the article).
 */
export function takeTitle(children: ElementContent[]): {title: Element | null; rest: ElementContent[]} {
  const at = children.findIndex(holdsHeading)
  const found = children[at]
  if (found?.type !== 'element' || found.tagName !== 'h1') return {title: null, rest: children}
  return {title: found, rest: children.filter((_, i) => i !== at)}
}

/** One language's edition as a standalone page around `article` and its `title` (a page template, fast-edition.ts, passes placeholders). */
export function editionPage(doc: SegmentedDocument, edition: Edition, context: PageContext, missing: MissingMode, article: ElementContent, title: ElementContent | null): string {
  const ui = edition.language
  const page = {...context, ui}
  const body = [
    switcher(page, edition.language),
    hb('main', {id: 'content'}, [
      title,
      documentHead(page, doc.meta, languageInfo(ui).name, edition),
      tableOfContents(page, tocEntries(edition, ui, page)),
      legendFor(page, [edition], missing),
      article
    ])
  ]
  const description = metaField(edition, 'description')
  const keywords = metaKeywords(edition)
  return renderPage({
    language: ui,
    title: edition.title,
    ...(description ? {description: description.text, ...(description.language === ui ? {} : {descriptionLanguage: description.language})} : {}),
    ...(keywords.length ? {keywords: keywords.map((k) => k.text).join(languageInfo(ui).joiner === '' ? '、' : ', ')} : {}),
    css: pageCss(null),
    bodyClass: 'edition',
    body
  })
}

export function renderHtmlEdition(doc: SegmentedDocument, edition: Edition, context: PageContext, missing: MissingMode): string {
  const {title, rest} = takeTitle(editionArticle(doc, edition, context))
  return editionPage(doc, edition, context, missing, hb('article', {}, rest), title)
}
