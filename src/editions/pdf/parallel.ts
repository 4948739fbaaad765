import type {Edition} from '../align.js'
import {languageInfo} from '../../core/languages.js'
import {drawHairline} from '../../pdf/furniture.js'
import type {BlockStyle, LaidBlock} from '../../pdf/layout.js'
import type {TextSpan} from '../../pdf/line-break.js'
import {PageFlow, defaultGeometry} from '../../pdf/page-flow.js'
import {columnBoxes, layoutRow, placeRow, type CellText, type ColumnBox, type PlacedRow} from '../../pdf/parallel-rows.js'
import {createPdfDocument, pdfToBuffer} from '../../pdf/pdf-document.js'
import {ARTIFACT} from '../../pdf/tagging.js'
import {plainText, type PdfInputBase} from './edition.js'
import {endNoteSpans, noteSpans, notesHeading} from './notes.js'
import {notesBySegment} from '../meta.js'
import {drawRule, itemStyle, itemTags, keepTogether, Outline} from './flow-helpers.js'
import {pdfMetadata} from './metadata.js'
import {langOption, StructureBuilder} from './tags.js'
import {placeSplittableRow} from './split-row.js'
import {FacingFlow} from './facing-flow.js'
import {boldBlocks} from './glyph-check.js'
import {blockSpans} from './inline-spans.js'
import {titleItem, type PrintItem, type TextItem} from './structure.js'
import {COLORS, INDENT, typeScale} from './theme.js'
import {draftText, fieldSpans, metaFields, runningTitle, titleSpans} from './title-block.js'
import {columnShare, continuationCues, drawParallelFurniture, GUTTER, measuredHeight, parallelBoxes} from './parallel-layout.js'

export interface ParallelPdfInput extends PdfInputBase {
  /** The source edition (left column) and one translation (right column). */
  source: Edition
  target: Edition
}

/**
 * The parallel edition: the source on the left, the translation on the
 * right, one row per block: in two columns of a page, each row starting at
 * the same height (`pdf.parallel: "columns"`), or on facing pages
 * (`"facing"`: after a bilingual title page, English on the left page and
 * the translation on the right, each page running down on its own, each
 * spread holding the same blocks; see facing-flow.ts).
 *
 * Reading order (the structure tree): each English block followed by its
 * translation, in one section tree. This is the order in which the page
 * pairs them, so a reader hears a sentence and then its translation, as a
 * sighted reader compares across the gutter; one section per language would
 * put the translation of a paragraph pages of listening away from it. The
 * English elements carry `/Lang`; the document's is the translation's.
 * Verbatim repeats in the right column (list markers, code) are artifacts.
 * Facing pages keep the same tree: the structure, not the page order, is
 * the reading order (PDF/UA-1 §7.1), and block by block is still how the
 * spread pairs them; reading a whole English page and then its facing page
 * would part a sentence from its translation by a page of listening.
 */
export async function renderParallelPdf(input: ParallelPdfInput): Promise<Buffer> {
  const {document, source, target, items, options, t} = input
  const editions = [source, target]
  const languages = editions.map((e) => e.language)
  const geometry = defaultGeometry(options.pdf.pageSize)
  const scale = typeScale(geometry.size)
  const facing = options.pdf.parallel === 'facing'
  // Facing: a viewer shows page 1 (the title page) alone and then the spreads, left and right, as they were set.
  const layout = facing ? {pageLayout: 'twoPageRight' as const} : {}
  const doc = createPdfDocument({lang: target.language, geometry, date: input.date, idSeed: input.idSeed, tagged: true, ...layout, ...pdfMetadata(document.meta, editions)})
  const tags = new StructureBuilder(doc)
  const own = languages.map((l) => langOption(l, target.language))
  const columnLangs = languages.map((l) => (l === target.language ? undefined : l))
  const flow = new PageFlow(doc, geometry)
  const outline = new Outline(doc, geometry)
  const equal = columnBoxes(flow.frame, 2, GUTTER)
  const byIndex = editions.map((edition) => new Map(edition.blocks.map((block) => [block.index, block])))
  const bold = boldBlocks(items)
  const notes = editions.map(notesBySegment)
  const spansOf = (column: number, index: number): TextSpan[] =>
    blockSpans(byIndex[column]!.get(index)?.segments ?? [], {language: languages[column]!, t, bold: bold.has(index), aligned: column > 0, notes: notes[column]!})
  const plain = (index: number): string =>
    editions
      .map((e, c) => plainText(byIndex[c]!.get(index)?.segments ?? [], e.language, t))
      .filter(Boolean)
      .join(' / ')
  // Facing pages have a whole page per language: the type of a one-language edition.
  const size = facing ? scale.body : scale.column
  const measured = (c: number): number =>
    items.reduce((sum, item) => (item.type === 'text' ? sum + measuredHeight(spansOf(c, item.index), equal[c]!.width, itemStyle(item, scale, languages[c]!, size)) : sum), 0)
  const share = facing ? 0.5 : columnShare(options, options.pdf.columnRatio === null ? [measured(0), measured(1)] : [1, 1])
  const bodyBoxes = parallelBoxes(flow.frame, facing, share, geometry.size, languages)
  // The facing edition's title page is set in two equal columns; its spreads use whole pages.
  let boxes = facing ? equal : bodyBoxes
  const cues = continuationCues(bodyBoxes, languages, t, size)
  // Facing pages flow each page on its own once the title page is done (facing-flow.ts).
  let spreads: FacingFlow | undefined
  const place = (used: readonly ColumnBox[], laid: LaidBlock[][], spacing: {spaceBefore?: number; spaceAfter?: number}, split = false): PlacedRow & {bottoms?: number[]} => {
    if (spreads) return spreads.place(used, laid, {...spacing, split, cues})
    return split ? placeSplittableRow(flow, used, laid, {...spacing, cues}) : placeRow(flow, used, laid, spacing)
  }
  const row = (cells: ReadonlyArray<readonly CellText[]>, spaceBefore = 0, spaceAfter = 0, columnBoxesUsed: readonly ColumnBox[] = boxes) =>
    place(columnBoxesUsed, layoutRow(columnBoxesUsed, cells), {spaceBefore, spaceAfter})
  // A rule across the text, or a part of it (`1 / part` of the width).
  const rule = (part: number, space?: number): void => (spreads ? spreads.rule(boxes, part, space ?? 6) : drawRule(flow, flow.frame.x, flow.frame.width / part, space))

  // Title block: column heads, titles, the translation's draft banner, bilingual metadata.
  row(
    languages.map((l, c) => [{spans: [{text: languageInfo(l).name, style: 'bold' as const, color: COLORS.muted}], style: {lang: l, size: scale.small, tag: tags.block('P', own[c])}}]),
    0,
    4
  )
  const title = titleItem(items)
  tags.section(1)
  const titleAt = row(
    editions.map((e, c) => [{spans: titleSpans(e, items, t, c > 0), style: {lang: e.language, size: scale.title * 0.8, leading: 1.45, tag: tags.block('H1', own[c])}}]),
    0,
    scale.title * 0.5
  )
  outline.add(title ? plain(title.index) : `${source.title} / ${target.title}`, 1, {pageIndex: titleAt.firstPage, top: titleAt.top})
  const draft = draftText(target, options, t)
  if (draft) row([[], [{spans: [{text: draft, style: 'bold', color: COLORS.draft}], style: {lang: target.language, size, tag: tags.block('P')}}]], 0, 6)
  // Metadata in each column's language, so that nothing on the page crosses the gutter.
  const fields = editions.map((e) => metaFields(e, document.meta))
  fields[0]!.forEach((field, k) =>
    row(
      languages.map((l, c) => [
        {spans: fieldSpans(fields[c]![k] ?? field, l, t), style: {lang: l, size: scale.small, justify: true, tag: tags.block(field.key === 'note' ? 'Note' : 'P', own[c])}}
      ]),
      0,
      3
    )
  )
  drawRule(flow, flow.frame.x, flow.frame.width, 12)
  if (facing) {
    spreads = new FacingFlow(flow)
    boxes = bodyBoxes
  }

  const text = (item: TextItem, next: PrintItem | undefined): void => {
    const spans = languages.map((_, c) => spansOf(c, item.index))
    if (spans.every((s) => s.length === 0)) return
    const columnTags = itemTags(tags, item, columnLangs)
    const styles = languages.map((l, c) => {
      const style = itemStyle(item, scale, l, size)
      return {...style, indent: (style.indent ?? 0) + item.quote * INDENT.quote, ...(item.quote ? {color: '#333333'} : {}), tag: columnTags[c]!}
    })
    const cells = styles.map((style, c) => [{spans: spans[c]!, style}])
    const laid = layoutRow(boxes, cells)
    const height = Math.max(...laid.map((column) => column.reduce((sum, b) => sum + b.height, 0)))
    const before = styles[0]!.spaceBefore ?? 0
    const needed = Math.max(flow.spaceAfter, before) + height + (styles[0]!.spaceAfter ?? 0) + 2 * size * 1.75
    if (item.kind === 'heading' && next) spreads ? spreads.keep(needed) : keepTogether(flow, needed)
    const spacing = {spaceBefore: before, spaceAfter: styles[0]!.spaceAfter ?? 0}
    const placed = place(boxes, laid, spacing, item.kind !== 'heading')
    if (item.kind === 'heading') outline.add(plain(item.index), item.depth, {pageIndex: placed.firstPage, top: placed.top})
  }

  items.forEach((item, i) => {
    if (item === title) return
    if (item.type === 'text') return text(item, items[i + 1])
    if (item.type === 'rule') return rule(1)
    tags.enter(item)
    if (item.type === 'code') {
      // Code is not translated: the right column repeats the left verbatim.
      const style = {lang: 'en', size: size * 0.9, color: '#333333', indent: 8 + item.quote * INDENT.quote}
      const lines = (tag: BlockStyle['tag']) => item.lines.map((l) => ({spans: l.replace(/^ +/, (m) => '\u00a0'.repeat(m.length)) || '\u00a0', style: {...style, tag}}))
      row([lines(tags.block('Code')), lines(ARTIFACT)], size * 0.5, size * 0.7)
      return
    }
    // A table row becomes one row of both columns, each column split into the table's columns;
    // each language's table is one Table element, the English one first.
    const count = Math.max(1, ...item.rows.map((r) => r.length))
    const cellBoxes = boxes.flatMap((box) =>
      columnBoxes({x: box.x + item.quote * INDENT.quote, y: 0, width: box.width - item.quote * INDENT.quote, height: 0}, count, 6).map((cell) => ({
        ...cell,
        ...(box.side === undefined ? {} : {side: box.side})
      }))
    )
    const tables = own.map((options) => tags.block('Table', options).element)
    item.rows.forEach((cells, r) => {
      const columns = languages.flatMap((l, c) => {
        const tr = tags.child(tables[c]!, 'TR').element
        return Array.from({length: count}, (_, k) => [
          {
            spans: cells[k] === undefined ? [] : spansOf(c, cells[k]!),
            style: {lang: l, size: size * 0.92, align: item.align[k] ?? 'left', tag: r === 0 ? tags.child(tr, 'TH', {scope: 'Column'}) : tags.child(tr, 'TD')} as BlockStyle
          }
        ])
      })
      const placed = row(columns, r === 0 ? size * 0.6 : 0, r === item.rows.length - 1 ? size * 0.8 : 4, cellBoxes)
      for (const box of boxes) {
        flow.side(box.side ?? 0)
        drawHairline(doc, box.x, box.x + box.width, (placed.bottoms?.[box.side ?? 0] ?? placed.bottom) + 2, r === 0 ? 0.8 : 0.3, COLORS.rule)
      }
    })
  })

  // The note on what the source is missing and the endnotes, each language in its column.
  tags.enter({quote: 0, list: 0, path: []})
  const ends = editions.map((e) => endNoteSpans(e, document.meta, t))
  if (ends.some(Boolean))
    row(
      languages.map((l, c) => [{spans: ends[c] ?? [], style: {lang: l, size, tag: tags.block('Note', own[c])}}]),
      size * 0.6,
      size
    )
  const headings = editions.map((e) => notesHeading(e, t))
  if (headings.some(Boolean)) {
    rule(3, 12)
    row(
      languages.map((l, c) => [{spans: headings[c] ?? [], style: {lang: l, size: scale.small, tag: tags.block('P', own[c])}}]),
      0,
      4
    )
    const lists = editions.map((e) => noteSpans(e, t))
    // Notes run on across a page break like paragraphs, rather than leaving a hole above them.
    lists[0]!.forEach((_, k) => {
      const cells = languages.map((l, c) => [{spans: lists[c]![k] ?? [], style: {lang: l, size: scale.small, justify: true, tag: tags.block('Note', own[c])}}])
      place(boxes, layoutRow(boxes, cells), {spaceAfter: 3}, true)
    })
  }

  drawParallelFurniture(doc, geometry, {editions, titles: editions.map((e) => runningTitle(e)), draft, t, size: scale.small, boxes, facing})
  return pdfToBuffer(doc, input.subsets)
}
