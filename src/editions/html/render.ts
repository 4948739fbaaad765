import type {ElementContent} from 'hast'
import type {PhrasingContent, Root, RootContent} from 'mdast'
import {alignedBlocks, alignedDisplay, needsMarker, type AlignedBlock, type Edition, type EditionSegment, type RenderedFile, type RenderInput} from '../align.js'
import {parseSegmentText, rebuildTree} from '../segment-text.js'
import {documentHead, legend, switcher, tableOfContents, type PageContext, type TocEntry} from './chrome.js'
import {blockContexts, definitions, type BlockContext} from './context.js'
import {pageCss} from './css.js'
import {h, hb} from './h.js'
import {renderPage} from './page.js'
import {fastHtml} from './fast.js'
import {ALIGNED_SCRIPT} from './script.js'
import {segmentNode, toSafeHast, wrapper, type SegmentOptions} from './segments.js'
import {languageInfo} from '../../core/languages.js'
import type {MissingMode} from '../../core/options.js'
import {joinSegments} from '../markdown/render.js'
import {flatText} from '../../segment/inline.js'
import type {SegmentedDocument} from '../../core/types.js'

const space = (): PhrasingContent => ({type: 'text', value: ' '})

/** Segment spans of a block joined by the sentence joiner; `null` when every segment is omitted. */
function blockChildren(segments: EditionSegment[], options: SegmentOptions): PhrasingContent[] | null {
  const parts = segments.flatMap((segment, i) => {
    const node = segmentNode(segment, {...options, marked: needsMarker(segments, i)})
    const shown = options.aligned ? alignedDisplay(segment) : segment.display
    return node ? [{nodes: [node], language: shown === 'text' ? segment.language : options.language}] : []
  })
  return parts.length ? joinSegments(parts, space) : null
}

function tocEntries(edition: Edition, ui: string, context: PageContext): TocEntry[] {
  return edition.blocks.flatMap((block) => {
    const segment = block.segments[0]
    if (block.kind !== 'heading' || !segment || segment.display === 'omit') return []
    const text = segment.display === 'placeholder' ? context.t(ui, 'missingPlaceholder') : flatText(parseSegmentText(segment.text))
    return [{id: segment.id, depth: block.depth, text, language: segment.display === 'text' ? segment.language : ui}]
  })
}

/** A legend for the markers these editions show, or nothing when every segment is current. */
function legendFor(context: PageContext, editions: Edition[], missing: MissingMode | 'aligned'): ReturnType<typeof legend> | null {
  const show = {missing: missing !== 'omit' && editions.some((e) => e.counts.missing > 0), stale: editions.some((e) => e.counts.stale > 0)}
  return show.missing || show.stale ? legend(context, editions.map((e) => e.language), missing, show) : null
}

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

/** One language's edition as a standalone page around `article` (the fast path passes a placeholder). */
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

/** What goes in a cell of the aligned grid: the reference puts the segments' spans; the fast path a placeholder. */
export type AlignedCell = (block: AlignedBlock, l: number, options: SegmentOptions) => PhrasingContent[]

const segmentSpans: AlignedCell = (block, l, options) => blockChildren(block.cells[l]!, options) ?? []

/**
 * A grid row: a block in every language, one column each. The English cell
 * carries `id` (so `#<id>` works as on the language pages), every cell
 * `data-seg`.
 */
export function alignedRow(block: AlignedBlock, where: BlockContext | undefined, context: PageContext, cellChildren: AlignedCell = segmentSpans): RootContent {
  const {editions, t} = context
  const ui = context.sourceLanguage
  const cells = editions.map((edition, l) => {
    const language = edition.language
    const options: SegmentOptions = {language, t, withId: l === 0 && block.kind !== 'heading', aligned: true, focusable: true}
    const children = cellChildren(block, l, options)
    const bullet = where?.bullet ? [wrapper('concordBullet', 'span', {className: ['bullet'], ariaHidden: 'true'}, [{type: 'text', value: where.bullet}])] : []
    const inner: RootContent =
      block.kind === 'heading'
        ? {type: 'heading', depth: block.depth as 1, children, data: l === 0 ? {hProperties: {id: block.cells[0]![0]!.id}} : {}}
        : {type: 'paragraph', children: [...bullet, ...children]}
    return wrapper('concordCell', 'div', {className: ['cell'], dataCol: language, dataLabel: languageInfo(language).name, ...(language === ui ? {} : {lang: language})}, [inner])
  })
  return wrapper('concordRow', 'div', {className: where?.quote ? ['row', 'ctx-quote'] : ['row']}, cells) as unknown as RootContent
}

/** The rows of the aligned grid: one per block. */
export function alignedRows(doc: SegmentedDocument, context: PageContext): ElementContent[] {
  const contexts = blockContexts(doc.tree)
  const rows = alignedBlocks(context.editions).map((block) => alignedRow(block, contexts[block.index], context))
  const grid = toSafeHast({type: 'root', children: [...rows, ...definitions(doc.tree)]} satisfies Root).children as ElementContent[]
  return grid.filter((node) => node.type !== 'text')
}

/** All editions side by side around the grid `rows`; checkboxes hide columns through CSS alone. */
export function alignedPage(doc: SegmentedDocument, context: PageContext, rows: ElementContent[]): string {
  const {editions, t} = context
  const ui = context.sourceLanguage
  const head = hb('div', {className: ['row', 'head']}, editions.map((edition) =>
    h('div', {className: ['cell'], dataCol: edition.language, ...(edition.language === ui ? {} : {lang: edition.language})}, [
      languageInfo(edition.language).name,
      edition.source ? null : h('small', {lang: ui}, [t(ui, 'translatedPercent', {percent: edition.counts.percent})])
    ])
  ))
  const columns = hb('fieldset', {className: ['columns']}, [
    h('legend', {}, [t(ui, 'showColumns')]),
    ...editions.map((edition) =>
      h('label', {}, [h('input', {type: 'checkbox', id: `show-${edition.language}`, checked: true}), h('span', edition.language === ui ? {} : {lang: edition.language}, [languageInfo(edition.language).name])])
    )
  ])
  const english = editions[0]
  const body = [
    switcher(context, 'aligned'),
    hb('main', {id: 'content'}, [
      documentHead(context, doc.meta, t(ui, 'alignedEdition')),
      hb('div', {className: ['panels']}, [
        english ? tableOfContents(context, tocEntries(english, ui, context)) : null,
        legendFor(context, editions.filter((e) => !e.source), 'aligned')
      ]),
      columns,
      hb('div', {className: ['grid']}, [head, ...rows])
    ])
  ]
  return renderPage({
    language: ui,
    title: `${english?.title ?? doc.id} — ${t(ui, 'alignedEdition')}`,
    ...(typeof doc.meta.description === 'string' ? {description: doc.meta.description} : {}),
    css: pageCss(editions.map((e) => e.language)),
    script: ALIGNED_SCRIPT,
    bodyClass: 'aligned',
    body
  })
}

export function renderAlignedHtml(doc: SegmentedDocument, context: PageContext): string {
  return alignedPage(doc, context, alignedRows(doc, context))
}

type Pages = {edition: (edition: Edition) => string | undefined; aligned: () => string | undefined}

function htmlFiles(input: RenderInput, fast: (context: PageContext) => Pages | undefined): RenderedFile[] {
  const {document, editions, options, t} = input
  const context: PageContext = {ui: options.sourceLanguage, sourceLanguage: options.sourceLanguage, t, documentId: document.id, editions}
  const only = input.only ?? (() => true)
  const pages = fast(context)
  return [
    ...editions.flatMap((edition) => {
      const path = `${edition.language}/${document.id}.html`
      return only(path) ? [{path, content: pages?.edition(edition) ?? renderHtmlEdition(document, edition, context, options.editions.missing)}] : []
    }),
    ...(only(`aligned/${document.id}.html`) ? [{path: `aligned/${document.id}.html`, content: pages?.aligned() ?? renderAlignedHtml(document, context)}] : [])
  ]
}

/** The HTML renderer: `<lng>/<doc>.html` for every edition and `aligned/<doc>.html`. */
export function renderHtmlFiles(input: RenderInput): RenderedFile[] {
  // The fast path gives the reference's bytes; CONCORD_RENDER=reference renders with the reference alone (to compare).
  return htmlFiles(input, (context) => (process.env.CONCORD_RENDER === 'reference' ? undefined : fastHtml(input, context)))
}

/** The reference renderer alone: what the fast path must match byte for byte. */
export function renderHtmlFilesReference(input: RenderInput): RenderedFile[] {
  return htmlFiles(input, () => undefined)
}
