import type {ElementContent} from 'hast'
import type {Edition} from '../align.js'
import {rebuildTree} from '../segment-text.js'
import {documentHead, switcher, tableOfContents, type PageContext} from './chrome.js'
import {pageCss} from './css.js'
import {hb} from './h.js'
import {renderPage} from './page.js'
import {blockChildren, legendFor, tocEntries} from './page-parts.js'
import {toSafeHast} from './segments.js'
import {languageInfo} from '../../core/languages.js'
import type {MissingMode} from '../../core/options.js'
import type {SegmentedDocument} from '../../core/types.js'

/** The text blocks of one language's edition: every segment a span with `id` = segment ID; headings carry their segment's ID. */
export function editionArticle(doc: SegmentedDocument, edition: Edition, context: PageContext): ElementContent[] {
  const ui = edition.language
  const byIndex = new Map(edition.blocks.map((block) => [block.index, block]))
  const tree = rebuildTree(doc.tree, (index, block) => {
    const entry = byIndex.get(index)
    if (!entry) return undefined
    const heading = block.kind === 'heading' ? entry.segments[0] : undefined
    if (heading && heading.display !== 'omit') block.node.data = {...block.node.data, hProperties: {id: heading.id}}
    return entry.segments.length ? blockChildren(entry.segments, {language: ui, t: context.t, withId: !heading}) : null
  })
  // hb() puts each block on its own line; drop remark-rehype's own newlines between blocks.
  return (toSafeHast(tree).children as ElementContent[]).filter((node) => node.type !== 'text' || node.value.trim() !== '')
}

/** One language's edition as a standalone page around `article` (a page template, fast-edition.ts, passes a placeholder). */
export function editionPage(doc: SegmentedDocument, edition: Edition, context: PageContext, missing: MissingMode, article: ElementContent): string {
  const ui = edition.language
  const page = {...context, ui}
  const body = [
    switcher(page, edition.language),
    hb('main', {id: 'content'}, [
      documentHead(page, doc.meta, languageInfo(ui).name, edition),
      tableOfContents(page, tocEntries(edition, ui, page)),
      legendFor(page, [edition], missing),
      article
    ])
  ]
  const sourceLanguage = context.sourceLanguage
  return renderPage({
    language: ui,
    title: edition.title,
    ...(typeof doc.meta.description === 'string' ? {description: doc.meta.description, ...(ui === sourceLanguage ? {} : {descriptionLanguage: sourceLanguage})} : {}),
    css: pageCss(null),
    bodyClass: 'edition',
    body
  })
}

export function renderHtmlEdition(doc: SegmentedDocument, edition: Edition, context: PageContext, missing: MissingMode): string {
  return editionPage(doc, edition, context, missing, hb('article', {}, editionArticle(doc, edition, context)))
}

