import type {ElementContent} from 'hast'
import type {PhrasingContent, Root, RootContent} from 'mdast'
import type {Element} from 'hast'
import {alignedBlocks, type AlignedBlock, type Edition, type EditorNote} from '../align.js'
import {notesBySegment} from '../meta.js'
import {endNoteElement, notesList} from './notes.js'
import {documentHead, switcher, tableOfContents, type PageContext} from './chrome.js'
import {blockContexts, definitions, type BlockContext} from './context.js'
import {pageCss} from './css.js'
import {h, hb, langIf} from './h.js'
import {renderPage} from './page.js'
import {blockChildren, legendFor, tocEntries} from './edition-page.js'
import {ALIGNED_SCRIPT} from './script.js'
import {flowWrapper, toSafeHast, wrapper, type SegmentOptions} from './segments.js'
import {languageInfo} from '../../core/languages.js'
import type {SegmentedDocument} from '../../core/types.js'

/** What goes in a cell of the aligned grid: the segments' spans, or for a row template (fast-aligned.ts) a placeholder. */
export type AlignedCell = (block: AlignedBlock, l: number, options: SegmentOptions) => PhrasingContent[]

// Each edition's notes by segment, worked out once per edition for all its rows.
const notesOf = new WeakMap<Edition, Map<string, EditorNote[]>>()

/** A cell's segment spans, each followed by its editor's note references (numbered per language). */
function segmentSpans(editions: Edition[]): AlignedCell {
  return (block, l, options) => {
    const edition = editions[l]!
    let notes = notesOf.get(edition)
    if (!notes) notesOf.set(edition, (notes = notesBySegment(edition)))
    return blockChildren(block.cells[l]!, options, notes, `${edition.language}-`) ?? []
  }
}

/** The rows after the text: the note on what the source is missing and the editor's notes, each language in its column. */
function noteRows(doc: SegmentedDocument, context: PageContext): ElementContent[] {
  const {editions, t} = context
  const row = (cells: Array<Element | null>): Element | null =>
    cells.some((c) => c !== null)
      ? hb(
          'div',
          {className: ['row', 'notes']},
          cells.map((cell, l) => h('div', {className: ['cell'], dataCol: editions[l]!.language, ...langIf(editions[l]!.language, context.sourceLanguage)}, [cell]))
        )
      : null
  return [row(editions.map((e) => endNoteElement(e, doc.meta, e.language, t))), row(editions.map((e) => notesList(e, e.language, t, `${e.language}-`)))].filter(
    (r): r is Element => r !== null
  )
}

/**
 * A grid row: a block in every language, one column each. The English cell
 * carries `id` (so `#<id>` works as on the language pages), every cell
 * `data-seg`. The row is one tab stop, its first segment (the page's script
 * moves the stop to the segment last focused, and the arrow keys from
 * segment to segment inside the row): a tab stop per sentence made a long
 * page a chore to get through by keyboard.
 */
export function alignedRow(block: AlignedBlock, where: BlockContext | undefined, context: PageContext, cellChildren: AlignedCell = segmentSpans(context.editions)): RootContent {
  const {editions, t} = context
  const ui = context.sourceLanguage
  const cells = editions.map((edition, l) => {
    const language = edition.language
    const options: SegmentOptions = {language, t, withId: l === 0 && block.kind !== 'heading', aligned: true, focusable: true}
    const children = l === 0 ? tabStop(cellChildren(block, l, options)) : cellChildren(block, l, options)
    const bullet = where?.bullet ? [wrapper('concordBullet', 'span', {className: ['bullet'], ariaHidden: 'true'}, [{type: 'text', value: where.bullet}])] : []
    const inner: RootContent =
      block.kind === 'heading'
        ? {type: 'heading', depth: block.depth as 1, children, data: l === 0 ? {hProperties: {id: block.cells[0]![0]!.id}} : {}}
        : {type: 'paragraph', children: [...bullet, ...children]}
    return flowWrapper('concordCell', 'div', {className: ['cell'], dataCol: language, dataLabel: languageInfo(language).name, ...(language === ui ? {} : {lang: language})}, [inner])
  })
  return flowWrapper('concordRow', 'div', {className: where?.quote ? ['row', 'ctx-quote'] : ['row']}, cells)
}

/**
 * Which row is the page's title, as on the language pages (takeTitle): the
 * first heading's, when it is an `h1` outside quotes and lists; -1 for none.
 */
export function titleRow(blocks: AlignedBlock[], contexts: BlockContext[]): number {
  const at = blocks.findIndex((block) => block.kind === 'heading')
  const block = blocks[at]
  const where = block ? contexts[block.index] : undefined
  return block?.depth === 1 && !where?.quote && !where?.bullet ? at : -1
}

/** `children` with their first segment in the tab order (segments are focusable, out of it). */
function tabStop(children: PhrasingContent[]): PhrasingContent[] {
  const at = children.findIndex((child) => child.type === 'concordSegment')
  const first = children[at]
  if (first?.type !== 'concordSegment') return children
  const stop = {...first, data: {...first.data, hProperties: {...first.data?.hProperties, tabIndex: 0}}}
  return children.map((child, i) => (i === at ? stop : child))
}

/** The first segment's tab index in the HTML of a row's first cell (fast-aligned.ts), as tabStop sets it. */
export const cellTabStop = (html: string): string => html.replace('tabindex="-1"', 'tabindex="0"')

/** The rows of the aligned grid, one per block, and the title's row apart (see titleRow). */
export function alignedRows(doc: SegmentedDocument, context: PageContext): {title: ElementContent | null; rows: ElementContent[]} {
  const contexts = blockContexts(doc.tree)
  const blocks = alignedBlocks(context.editions)
  const rows = blocks.map((block) => alignedRow(block, contexts[block.index], context))
  const grid = (toSafeHast({type: 'root', children: [...rows, ...definitions(doc.tree)]} satisfies Root).children as ElementContent[]).filter((node) => node.type !== 'text')
  const title = titleRow(blocks, contexts)
  return {title: grid[title] ?? null, rows: [...grid.filter((_, i) => i !== title), ...noteRows(doc, context)]}
}

/**
 * All editions side by side around the grid `rows`; checkboxes hide columns
 * through CSS alone. The `title` row comes first on the page, in a grid of
 * its own with the same columns.
 */
export function alignedPage(doc: SegmentedDocument, context: PageContext, rows: ElementContent[], title: ElementContent | null): string {
  const {editions, t} = context
  const ui = context.sourceLanguage
  const head = hb(
    'div',
    {className: ['row', 'head']},
    editions.map((edition) =>
      h('div', {className: ['cell'], dataCol: edition.language, ...(edition.language === ui ? {} : {lang: edition.language})}, [
        languageInfo(edition.language).name,
        edition.source ? null : h('small', {lang: ui}, [t(ui, 'translatedPercent', {percent: edition.counts.percent})])
      ])
    )
  )
  const columns = hb('fieldset', {className: ['columns']}, [
    h('legend', {}, [t(ui, 'showColumns')]),
    ...editions.map((edition) =>
      h('label', {}, [
        h('input', {type: 'checkbox', id: `show-${edition.language}`, checked: true}),
        h('span', edition.language === ui ? {} : {lang: edition.language}, [languageInfo(edition.language).name])
      ])
    )
  ])
  const english = editions[0]
  const body = [
    switcher(context, 'aligned'),
    hb('main', {id: 'content'}, [
      title ? hb('div', {className: ['grid', 'title']}, [title]) : null,
      documentHead(context, doc.meta, t(ui, 'alignedEdition'), undefined, english),
      hb('div', {className: ['panels']}, [
        english ? tableOfContents(context, tocEntries(english, ui, context)) : null,
        legendFor(
          context,
          editions.filter((e) => !e.source),
          'aligned'
        )
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
  const {title, rows} = alignedRows(doc, context)
  return alignedPage(doc, context, rows, title)
}
