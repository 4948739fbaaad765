import type {Edition, EditionSegment} from '../align.js'
import {parseSegmentText} from '../segment-text.js'
import {languageInfo} from '../../core/languages.js'
import type {Options} from '../../core/options.js'
import {drawPageFurniture} from '../../pdf/furniture.js'
import {layoutBlock} from '../../pdf/layout.js'
import type {TextSpan} from '../../pdf/line-break.js'
import {PageFlow, type Frame} from '../../pdf/page-flow.js'
import {columnBoxes, layoutRow, placeRow} from '../../pdf/parallel-rows.js'
import {createPdfDocument, pdfToBuffer} from '../../pdf/pdf-document.js'
import type {SubsetStore} from '../../pdf/subset-cache.js'
import {flatText} from '../../segment/inline.js'
import type {SegmentedDocument} from '../../core/types.js'
import type {Translate} from '../../core/ui-strings.js'
import {drawHairline} from '../../pdf/furniture.js'
import {drawRule, itemStyle, itemTags, keepTogether, Outline} from './flow-helpers.js'
import {boldBlocks} from './glyph-check.js'
import {blockSpans} from './inline-spans.js'
import {titleItem, type CodeItem, type PrintItem, type TableItem, type TextItem} from './structure.js'
import {COLORS, editionGeometry, INDENT, typeScale} from './theme.js'
import {draftText, fieldSpans, footerSpans, metaFields, runningTitle, titleSpans} from './title-block.js'
import {endNoteSpans, noteSpans, notesHeading, staleNoteSpans} from './notes.js'
import {notesBySegment, staleNoteNumbers} from '../meta.js'
import {pdfMetadata} from './metadata.js'
import {StructureBuilder} from './tags.js'

/** What every PDF edition is printed from, single or parallel. */
export interface PdfInputBase {
  document: SegmentedDocument
  items: readonly PrintItem[]
  options: Options
  t: Translate
  date: Date
  /** Mixed into the file ID: the output path relative to the output folder. */
  idSeed: string
  /** Where the font subsets come from and go to (see src/pdf/subset-cache.ts). */
  subsets?: SubsetStore | undefined
}

export interface EditionPdfInput extends PdfInputBase {
  edition: Edition
}

/** A block's text without markers, for outline entries: what the reader sees, in plain text. */
export function plainText(segments: readonly EditionSegment[], language: string, t: Translate): string {
  const shown = segments.filter((s) => s.display !== 'omit')
  if (shown.every((s) => s.display === 'placeholder')) return t(language, 'missingPlaceholder')
  return shown
    .filter((s) => s.display === 'text')
    .map((s) => flatText(parseSegmentText(s.text)))
    .join(languageInfo(language).joiner)
}

/** Indented frame for an item: blockquotes are narrowed on both sides. */
export function itemFrame(frame: Frame, quote: number): Frame {
  const inset = quote * INDENT.quote
  return {x: frame.x + inset, y: frame.y, width: frame.width - 2 * inset, height: frame.height}
}

/** One language's edition of a document as a PDF. */
export async function renderEditionPdf(input: EditionPdfInput): Promise<Buffer> {
  const {document, edition, items, options, t} = input
  const lang = edition.language
  const geometry = editionGeometry(options.pdf.pageSize, lang)
  const scale = typeScale(geometry.size)
  const doc = createPdfDocument({lang, geometry, date: input.date, idSeed: input.idSeed, tagged: true, ...pdfMetadata(document.meta, [edition])})
  const tags = new StructureBuilder(doc)
  const flow = new PageFlow(doc, geometry)
  const outline = new Outline(doc, geometry)
  const byIndex = new Map(edition.blocks.map((block) => [block.index, block]))
  const bold = boldBlocks(items)
  const notes = notesBySegment(edition)
  const staleNotes = staleNoteNumbers(edition)
  const spansOf = (index: number): TextSpan[] => blockSpans(byIndex.get(index)?.segments ?? [], {language: lang, t, bold: bold.has(index), notes, staleNotes})
  const line = scale.body * 1.75

  // Title block: language, draft banner, title, metadata and notes.
  // The title opens the first section, which holds the metadata and the body's sections.
  flow.text([{text: languageInfo(lang).name, color: COLORS.muted}], {lang, size: scale.small, spaceAfter: 4, tag: tags.block('P')})
  const draft = draftText(edition, options, t)
  if (draft) flow.text([{text: draft, style: 'bold', color: COLORS.draft}], {lang, size: scale.body, spaceAfter: 6, tag: tags.block('P')})
  tags.section(1)
  const titleAt = flow.text(titleSpans(edition, items, t), {lang, size: scale.title, leading: 1.45, spaceAfter: scale.title * 0.6, tag: tags.block('H1')})
  const title = titleItem(items)
  outline.add(title ? plainText(byIndex.get(title.index)?.segments ?? [], lang, t) || edition.title : edition.title, 1, titleAt)
  for (const field of metaFields(edition, document.meta))
    flow.text(fieldSpans(field, lang, t), {lang, size: scale.small, spaceAfter: 3, justify: true, tag: tags.block(field.key === 'note' ? 'Note' : 'P')})
  drawRule(flow, flow.frame.x, flow.frame.width, 12)

  const text = (item: TextItem, next: PrintItem | undefined): void => {
    const spans = spansOf(item.index)
    if (spans.length === 0) return
    const frame = itemFrame(flow.frame, item.quote)
    const [tag] = itemTags(tags, item)
    const style = {...itemStyle(item, scale, lang, scale.body), ...(item.quote ? {color: '#333333'} : {}), tag}
    const block = layoutBlock(spans, frame.width, style)
    if (item.kind === 'heading' && next) keepTogether(flow, Math.max(flow.spaceAfter, style.spaceBefore ?? 0) + block.height + (style.spaceAfter ?? 0) + 2 * line)
    const [at] = flow.place([block], frame.x)
    if (item.kind === 'heading') outline.add(plainText(byIndex.get(item.index)?.segments ?? [], lang, t), item.depth, at!)
  }

  const table = (item: TableItem): void => {
    const frame = itemFrame(flow.frame, item.quote)
    const count = Math.max(1, ...item.rows.map((r) => r.length))
    const boxes = columnBoxes({...frame, x: frame.x + item.list * INDENT.list, width: frame.width - item.list * INDENT.list}, count, 10)
    tags.enter(item)
    const tableTag = tags.block('Table')
    item.rows.forEach((row, r) => {
      const tr = tags.child(tableTag.element, 'TR').element
      const cellTag = () => (r === 0 ? tags.child(tr, 'TH', {scope: 'Column'}) : tags.child(tr, 'TD'))
      const cells = boxes.map((_, c) => [{spans: row[c] === undefined ? [] : spansOf(row[c]!), style: {lang, size: scale.body * 0.92, align: item.align[c] ?? 'left', tag: cellTag()}}])
      const columns = layoutRow(boxes, cells)
      const placed = placeRow(flow, boxes, columns, {spaceBefore: r === 0 ? scale.body * 0.6 : 0, spaceAfter: r === item.rows.length - 1 ? scale.body * 0.8 : 4})
      const right = boxes[boxes.length - 1]!
      drawHairline(doc, boxes[0]!.x, right.x + right.width, placed.bottom + 2, r === 0 ? 0.8 : 0.3, COLORS.rule)
    })
  }

  const code = (item: CodeItem): void => {
    const frame = itemFrame(flow.frame, item.quote)
    const indent = item.list * INDENT.list + 12
    tags.enter(item)
    const tag = tags.block('Code')
    const lines = item.lines.map((l) =>
      layoutBlock(l.replace(/^ +/, (m) => '\u00a0'.repeat(m.length)) || '\u00a0', frame.width, {lang: 'en', size: scale.body * 0.9, indent, color: '#333333', leading: 1.45, tag})
    )
    if (lines.length === 0) return
    lines[lines.length - 1]!.style.spaceAfter = scale.body * 0.7
    flow.place(lines, frame.x)
  }

  items.forEach((item, i) => {
    if (item === title) return
    if (item.type === 'text') text(item, items[i + 1])
    else if (item.type === 'table') table(item)
    else if (item.type === 'code') code(item)
    else {
      const frame = itemFrame(flow.frame, item.quote)
      drawRule(flow, frame.x, frame.width)
    }
  })

  // Editor's notes: out of any list or quote the text ended in, in the last section.
  tags.enter({quote: 0, list: 0, path: []})
  const end = endNoteSpans(edition, document.meta, t)
  if (end) flow.text(end, {lang, size: scale.body, justify: true, spaceBefore: scale.body * 0.6, spaceAfter: scale.body, tag: tags.block('Note')})
  const heading = notesHeading(edition, t)
  if (heading) {
    drawRule(flow, flow.frame.x, flow.frame.width / 3, 12)
    flow.text(heading, {lang, size: scale.small, spaceAfter: 4, tag: tags.block('P')})
    for (const note of noteSpans(edition, t)) flow.text(note, {lang, size: scale.small, spaceAfter: 3, justify: true, tag: tags.block('Note')})
  }
  // The current English of each outdated sentence, numbered on from the editor's notes.
  if (staleNotes.size > 0) {
    if (!heading) drawRule(flow, flow.frame.x, flow.frame.width / 3, 12)
    flow.text([{text: t(lang, 'staleMarker'), style: 'bold'}], {lang, size: scale.small, spaceBefore: heading ? 6 : 0, spaceAfter: 4, tag: tags.block('P')})
    for (const segment of edition.blocks.flatMap((block) => block.segments)) {
      const number = staleNotes.get(segment.id)
      if (number !== undefined) flow.text(staleNoteSpans(segment, number, lang, options.sourceLanguage, t), {lang, size: scale.small, spaceAfter: 3, tag: tags.block('Note')})
    }
  }

  drawPageFurniture(doc, geometry, {
    lang,
    size: scale.small,
    rule: true,
    header: () => ({spans: runningTitle(edition)}),
    footer: (page, pages) => ({spans: footerSpans(t(lang, 'page', {page: page + 1, pages}), draft, lang), align: 'center'})
  })
  return pdfToBuffer(doc, input.subsets)
}
