/**
 * Small editions built with the src/pdf modules the way the render stage
 * will: title, headings with outline entries, paragraphs, a list, running
 * header and "Page N of M"; and a parallel-text edition of rows.
 */
import {readFileSync} from 'node:fs'
import {createPdfDocument, pdfToBuffer} from '../../src/pdf/pdf-document.js'
import {addOutlineItem, drawPageFurniture} from '../../src/pdf/furniture.js'
import {layoutBlock, type LaidBlock} from '../../src/pdf/layout.js'
import {PageFlow, defaultGeometry, type PageGeometry, type PageSizeName} from '../../src/pdf/page-flow.js'
import {columnBoxes, layoutRow, placeRow, type ColumnBox, type PlacedRow} from '../../src/pdf/parallel-rows.js'

export type Lang = 'en' | 'ko' | 'ja' | 'mn'

export interface SampleSegment {
  id: string
  en: string
  ko: string
  ja: string
  mn: string
}

export const SAMPLES: SampleSegment[] = JSON.parse(readFileSync(new URL('../fixtures/pdf-samples/statement.json', import.meta.url), 'utf8')).segments

/** The sentences the brief names, in every language (Korean and Japanese as given; Mongolian with Ө ө Ү ү). */
export const BRIEF_SENTENCES: Record<Lang, string> = {
  en: 'IPCNKR held its 4th General Meeting in Seoul on 29 August 2007.',
  ko: 'IPCNKR은 2007년 8월 29일 서울에서 제4차 총회를 개최하였다.',
  ja: '北朝鮮難民人権国際議員連盟（IPCNKR）の第4回総会は、2007年8月28日から30日までソウルで開催された。',
  mn: 'Монгол Улсад 2006 онд IPCNKR-ын 3 дугаар Ерөнхий чуулган болов. Өмнөд Солонгос, Үндэсний'
}

const PAGE_LABEL: Record<Lang, (n: number, m: number) => string> = {
  en: (n, m) => `Page ${n} of ${m}`,
  ko: (n, m) => `${n}/${m} 페이지`,
  ja: (n, m) => `${n} / ${m} ページ`,
  mn: (n, m) => `${m}-с ${n}-р хуудас`
}

export interface EditionOptions {
  size?: PageSizeName
  /** Repeat the sample paragraphs to get more pages. */
  repeat?: number
  date?: Date
  idSeed?: string
}

/** A monolingual edition: every sample segment as a paragraph, a heading every 7 segments. */
export async function renderEdition(lang: Lang, options: EditionOptions = {}): Promise<{bytes: Buffer; geometry: PageGeometry; headings: string[]; paragraphs: string[]}> {
  const geometry = defaultGeometry(options.size ?? 'A4')
  const title = SAMPLES[2]![lang]
  const doc = createPdfDocument({
    lang,
    geometry,
    info: {Title: title, Author: 'IPCNKR', Subject: 'Joint statement', Keywords: 'IPCNKR, 2007'},
    ...(options.date ? {date: options.date} : {}),
    ...(options.idSeed ? {idSeed: options.idSeed} : {})
  })
  const flow = new PageFlow(doc, geometry)
  const headings: string[] = []
  const paragraphs: string[] = [BRIEF_SENTENCES[lang]]
  const w = flow.frame.width
  flow.text([{text: title, style: 'bold'}], {lang, size: 18, spaceAfter: 14})
  flow.text(BRIEF_SENTENCES[lang], {lang, size: 10.5, spaceAfter: 6})
  for (let r = 0; r < (options.repeat ?? 1); r++) {
    SAMPLES.forEach((s, i) => {
      const blocks: LaidBlock[] = []
      if (i % 7 === 0) {
        const heading = `${r + 1}.${i / 7 + 1} ${s[lang].slice(0, 24)}`
        headings.push(heading)
        blocks.push(layoutBlock([{text: heading, style: 'bold'}], w, {lang, size: 13, spaceBefore: 12, spaceAfter: 6, keepWithNext: true}))
      }
      blocks.push(layoutBlock(s[lang], w, {lang, size: 10.5, spaceAfter: 6, ...(i % 5 === 4 ? {marker: '•', indent: 14} : {})}))
      paragraphs.push(s[lang])
      const placed = flow.place(blocks)
      if (blocks.length === 2) addOutlineItem(doc, headings[headings.length - 1]!, placed[0]!, geometry)
    })
  }
  drawPageFurniture(doc, geometry, {
    lang,
    rule: true,
    header: () => ({spans: title}),
    footer: (i, n) => ({spans: PAGE_LABEL[lang](i + 1, n), align: 'center'})
  })
  return {bytes: await pdfToBuffer(doc), geometry, headings, paragraphs}
}

export interface AlignedRow {
  id: string
  placed: PlacedRow
  columns: LaidBlock[][]
}

/** A parallel edition: English left, `lang` right, one row per segment; `tall` adds a row taller than a page. */
export async function renderAligned(
  lang: Exclude<Lang, 'en'>,
  options: EditionOptions & {tall?: boolean} = {}
): Promise<{bytes: Buffer; geometry: PageGeometry; boxes: ColumnBox[]; rows: AlignedRow[]}> {
  const geometry = defaultGeometry(options.size ?? 'A4')
  const doc = createPdfDocument({lang, geometry, info: {Title: `${SAMPLES[2]!.en} (en–${lang})`}, idSeed: `aligned-${lang}`})
  const flow = new PageFlow(doc, geometry)
  const boxes = columnBoxes(flow.frame, 2, 18)
  const rows: AlignedRow[] = []
  const segments = [...SAMPLES]
  for (let r = 1; r < (options.repeat ?? 1); r++) segments.push(...SAMPLES.map((s) => ({...s, id: `${s.id}-${r}`})))
  if (options.tall) {
    const join = (l: Lang, sep: string) => SAMPLES.map((s) => s[l]).join(sep)
    segments.splice(5, 0, {id: 'tall', en: join('en', ' '), ko: join('ko', ' '), ja: join('ja', ''), mn: join('mn', ' ')})
  }
  for (const s of segments) {
    const columns = layoutRow(boxes, [[{spans: s.en, style: {lang: 'en', size: 10}}], [{spans: s[lang], style: {lang, size: 10}}]])
    rows.push({id: s.id, columns, placed: placeRow(flow, boxes, columns, {spaceAfter: 8})})
  }
  drawPageFurniture(doc, geometry, {lang, footer: (i, n) => ({spans: PAGE_LABEL[lang](i + 1, n), align: 'center'})})
  return {bytes: await pdfToBuffer(doc), geometry, boxes, rows}
}
