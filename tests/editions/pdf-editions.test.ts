/**
 * The printed editions of the real statement, built by the CLI into a temp
 * copy of the project and read back with poppler, qpdf and pdfjs.
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {parseSegmentText} from '../../src/editions/segment-text.js'
import {bodyFrame, defaultGeometry, marginFrame} from '../../src/pdf/page-flow.js'
import {flatText} from '../../src/segment/inline.js'
import {expectInside, pdfFonts, pdfInfo, textItems, wordBoxes} from '../helpers/read-pdf.js'
import {concord, readJson, tempProject} from '../helpers/cli.js'
import {catalogLang, collapse, columnLines, frameText, listFiles, outlineTree, pageFrameText, parallelColumns, squash, type PdfLine} from '../helpers/pdf-build.js'
import {rowTexts} from '../helpers/pdf-rows.js'

const TARGETS = ['ko', 'ja', 'mn'] as const
const geometry = defaultGeometry('A4')
const body = bodyFrame(geometry)
const margins = marginFrame(geometry)

let project: string
let out: string
const pdf = (path: string): string => join(out, path)
const plain = (markdown: string): string => flatText(parseSegmentText(markdown))
const ui = (lng: string): Record<string, string> => readJson(project, `locales/${lng}/ui.json`)
const strings = (lng: string): Record<string, string> => readJson(project, `locales/${lng}/statement.json`)
const registry = (): Record<string, {kind: string; field?: string}> =>
  readJson<{segments: Record<string, {kind: string; field?: string}>}>(project, 'locales/en/statement.registry.json').segments
/** The body's segments (the front matter's are printed in the title block, the metadata and the notes, each checked on its own). */
const bodyStrings = (lng: string): Record<string, string> => {
  const kinds = registry()
  return Object.fromEntries(Object.entries(strings(lng)).filter(([id]) => kinds[id]?.kind !== 'meta'))
}
/** The ID of a front matter field's segment. */
const fieldId = (field: string): string => Object.entries(registry()).find(([, s]) => s.field === field)![0]

beforeAll(() => {
  project = tempProject()
  out = join(project, 'out')
  const run = concord(['build', '--format', 'pdf', '--out', out], project)
  expect(run.code, run.stderr).toBe(0)
}, 240_000)

describe('statement PDF editions', () => {
  it('writes one edition per language and one parallel edition per translation, and nothing else', () => {
    expect(listFiles(out)).toEqual([
      'aligned/statement.en-ja.pdf',
      'aligned/statement.en-ko.pdf',
      'aligned/statement.en-mn.pdf',
      'en/statement.pdf',
      'ja/statement.pdf',
      'ko/statement.pdf',
      'mn/statement.pdf'
    ])
  })

  it.each(TARGETS)('%s: every translated sentence comes back as text; missing ones show the English after a marker', (lng) => {
    const text = squash(frameText(pdf(`${lng}/statement.pdf`), body))
    const english = bodyStrings('en')
    const translated = strings(lng)
    let missing = 0
    for (const [id, source] of Object.entries(english)) {
      const translation = translated[id]
      if (translation) expect(text, `${lng} ${id}`).toContain(squash(plain(translation)))
      else {
        missing++
        expect(text, `English of missing ${id}`).toContain(squash(plain(source)))
      }
    }
    const marker = squash(`[${ui(lng).missingMarker}]`)
    // Mongolian misses the end of one paragraph, two whole paragraphs and the last heading: four runs, one marker each.
    expect(text.split(marker).length - 1, 'one marker per run of missing segments').toBe(lng === 'mn' ? 4 : 0)
    if (lng === 'mn') expect(missing).toBe(10)
  })

  it.each(TARGETS)('%s: parallel edition has the English on the left and the translation on the right', (lng) => {
    const path = pdf(`aligned/statement.en-${lng}.pdf`)
    const [left, right] = parallelColumns(path, body, geometry.header)
    // A row that runs on has a continuation cue at the page foot, between its two parts.
    const leftText = squash(frameText(path, {...body, x: left.x, width: left.width})).replaceAll(squash(ui('en').continued!), '')
    const rightText = squash(frameText(path, {...body, x: right.x, width: right.width})).replaceAll(squash(ui(lng).continued!), '')
    for (const [id, source] of Object.entries(bodyStrings('en'))) {
      expect(leftText, id).toContain(squash(plain(source)))
      const translation = strings(lng)[id]
      expect(rightText, id).toContain(squash(translation ? plain(translation) : ui(lng).missingPlaceholder!))
    }
  })

  it('embeds every font as a subset with a ToUnicode map, and the right faces per language', () => {
    const faces: Record<string, RegExp> = {en: /NotoSans-/, ko: /NotoSansKR/, ja: /NotoSansJP/, mn: /NotoSans-/}
    for (const file of listFiles(out)) {
      const fonts = pdfFonts(pdf(file))
      expect(fonts.length, file).toBeGreaterThan(0)
      for (const font of fonts) expect([font.emb, font.sub, font.uni], `${file} ${font.name}`).toEqual(['yes', 'yes', 'yes'])
      const lng = /en-(\w+)\.pdf$/.exec(file)?.[1] ?? file.split('/')[0]!
      expect(
        fonts.some((f) => faces[lng]!.test(f.name)),
        `${file}: ${fonts.map((f) => f.name).join(', ')}`
      ).toBe(true)
    }
  })

  it.each(TARGETS)('en–%s: one folio per page, in the translation’s language, and running heads not cut', (lng) => {
    const path = pdf(`aligned/statement.en-${lng}.pdf`)
    const pages = Number(pdfInfo(path).Pages)
    const footer = {x: margins.x, y: body.y + body.height, width: margins.width, height: geometry.footer}
    const header = {x: margins.x, y: margins.y, width: margins.width, height: geometry.header}
    const draftNotice = lng === 'mn' ? `${ui(lng).draft!.replace('{{percent}}', '76.7')} · ` : ''
    for (let page = 1; page <= pages; page++) {
      expect(collapse(pageFrameText(path, page, footer))).toBe(draftNotice + ui(lng).page!.replace('{{page}}', String(page)).replace('{{pages}}', String(pages)))
      const heads = collapse(pageFrameText(path, page, header))
      expect(heads).not.toContain('…')
      expect(squash(heads)).toContain(squash(strings(lng)[fieldId('shortTitle')]!))
    }
  })

  it.each(['en', ...TARGETS])('%s: document info, /Lang, outline and "Page N of M" on every page', async (lng) => {
    const path = pdf(`${lng}/statement.pdf`)
    const info = pdfInfo(path)
    const english = strings('en')
    const own = lng === 'en' ? english : strings(lng)
    const h1 = Object.keys(english).find((id) => english[id]!.startsWith('Joint Statement issued'))!
    const h2 = Object.keys(english).find((id) => english[id] === 'Resolutions:')!
    const title =
      lng === 'en' ? 'Joint Statement issued on 29 August 2007 by 4th General Meeting of International Parliamentarians’ Coalition for North Korean Refugees’ Human Rights' : plain(own[h1]!)
    // The metadata in the edition's language: the front matter's segments.
    expect(info.Title).toBe(title)
    expect(info.Title).toBe(own[fieldId('title')])
    expect(info.Author).toBe(own[fieldId('author')])
    expect(info.Subject).toBe(own[fieldId('description')])
    expect(info.Keywords).toBe([0, 1, 2, 3].map((i) => own[fieldId(`keywords.${i}`)]).join(lng === 'ja' ? '、' : ', '))
    expect(info.Creator).toBe('Concord')
    expect(info['Page size']).toContain('(A4)')
    expect(catalogLang(path)).toBe(lng)

    // The H1 is the title block; the one H2 nests under it, in the edition's language (English where missing).
    const outline = await outlineTree(readFileSync(path))
    expect(outline).toEqual([{title, items: [{title: plain(own[h2] ?? english[h2]!), items: []}]}])

    const pages = Number(info.Pages)
    expect(pages).toBeGreaterThanOrEqual(2)
    expect(pages).toBeLessThanOrEqual(3)
    const footer = {x: margins.x, y: body.y + body.height, width: margins.width, height: geometry.footer}
    const header = {x: margins.x, y: margins.y, width: margins.width, height: geometry.header}
    // A draft (Mongolian) says so before the folio on every page.
    const draftNotice = lng === 'mn' ? `${ui(lng).draft!.replace('{{percent}}', '76.7')} · ` : ''
    for (let page = 1; page <= pages; page++) {
      expect(collapse(pageFrameText(path, page, footer))).toBe(draftNotice + ui(lng).page!.replace('{{page}}', String(page)).replace('{{pages}}', String(pages)))
      const running = collapse(pageFrameText(path, page, header))
      // The short title, translated.
      expect(running).toBe(collapse(own[fieldId('shortTitle')]!))
    }
  })

  it('puts the front matter in the title block in the edition’s language, and the note about the missing resolutions after the last heading', () => {
    const first = collapse(pageFrameText(pdf('ko/statement.pdf'), 1, body))
    expect(first).toContain('작성자: 북한자유이주민 인권을 위한 국제의원연맹(IPCNKR)')
    expect(first).toContain('날짜: 2007년 8월 29일')
    expect(first).toContain('출처: 연맹이 웹에 게시한 성명으로')
    const all = collapse(frameText(pdf('ko/statement.pdf'), body))
    expect(all).not.toContain('shared/source')
    // Right under the last heading.
    expect(all).toMatch(/결의 사항:\s*편집자 주: 원문은 “결의 사항:”이라는 제목에서 끝난다\./)
  })

  it('marks Mongolian (about 3/4 translated, front matter included) as a draft, and only Mongolian', () => {
    const draft = (lng: string) => squash(ui(lng).draft!.split('{{percent}}')[0]!)
    expect(squash(pageFrameText(pdf('mn/statement.pdf'), 1, body))).toContain(squash(ui('mn').draft!.replace('{{percent}}', '76.7')))
    expect(squash(pageFrameText(pdf('aligned/statement.en-mn.pdf'), 1, body))).toContain(squash(ui('mn').draft!.replace('{{percent}}', '76.7')))
    for (const lng of ['ko', 'ja'] as const) expect(squash(frameText(pdf(`${lng}/statement.pdf`), body))).not.toContain(draft(lng))
    expect(squash(frameText(pdf('en/statement.pdf'), body))).not.toContain(draft('en'))
  })
})

describe('statement PDF layout', () => {
  it.each(['ko', 'ja'] as const)('en–%s: glyphs inside the margins, columns apart, every row starting at one height', async (lng) => {
    const path = pdf(`aligned/statement.en-${lng}.pdf`)
    const [left, right] = parallelColumns(path, body, geometry.header)
    const footerTop = body.y + body.height
    for (const page of wordBoxes(path)) {
      for (const w of page.words) {
        expectInside(w, margins)
        // The one folio is centred under both columns.
        if (w.yMin >= footerTop) continue
        // Everything else, title block and running heads included, lies wholly in one column.
        const inLeft = w.xMin >= left.x - 0.5 && w.xMax <= left.x + left.width + 0.5
        const inRight = w.xMin >= right.x - 0.5 && w.xMax <= right.x + right.width + 0.5
        expect(inLeft || inRight, `${w.text} at ${w.xMin}–${w.xMax}`).toBe(true)
      }
    }

    // Find each row's first line in both columns, in order, and compare pages and baselines.
    const items = await textItems(readFileSync(path))
    const leftLines = columnLines(items, left.x, left.x + left.width)
    const rightLines = columnLines(items, right.x, right.x + right.width)
    const rows = rowTexts(project, lng)
    expect(rows.length).toBe(11)
    const find = (lines: PdfLine[], from: number, text: string): number => {
      for (let i = from; i < lines.length; i++) {
        const line = squash(lines[i]!.text)
        if (line.length > 0 && squash(text).startsWith(line)) return i
      }
      return -1
    }
    let l = 0
    let r = 0
    for (const row of rows) {
      const a = find(leftLines, l, row.left)
      const b = find(rightLines, r, row.right)
      expect(a, `left start of ${row.id}`).toBeGreaterThanOrEqual(0)
      expect(b, `right start of ${row.id}`).toBeGreaterThanOrEqual(0)
      expect(leftLines[a]!.page, row.id).toBe(rightLines[b]!.page)
      expect(Math.abs(leftLines[a]!.baseline - rightLines[b]!.baseline), row.id).toBeLessThan(0.01)
      l = a + 1
      r = b + 1
    }
  })

  it.each(['en', ...TARGETS])('%s edition: no glyph outside the margins', (lng) => {
    for (const page of wordBoxes(pdf(`${lng}/statement.pdf`))) {
      for (const w of page.words) expectInside(w, margins)
    }
  })
})

describe('line breaking in the real editions', () => {
  /** Body lines of the edition and of the parallel edition's translation column. */
  const lines = async (lng: string): Promise<PdfLine[][]> => {
    const own = await textItems(readFileSync(pdf(`${lng}/statement.pdf`)))
    const aligned = await textItems(readFileSync(pdf(`aligned/statement.en-${lng}.pdf`)))
    const right = parallelColumns(pdf(`aligned/statement.en-${lng}.pdf`), body, geometry.header)[1]
    const inBody = (items: typeof own) => items.filter((i) => i.baseline > body.y && i.baseline < body.y + body.height)
    return [columnLines(inBody(own), body.x, body.x + body.width), columnLines(inBody(aligned), right.x, right.x + right.width)]
  }

  it('Korean breaks only at spaces: no word is split across two lines', async () => {
    const blocks = rowTexts(project, 'ko').map((row) => collapse(row.right))
    let checked = 0
    for (const column of await lines('ko')) {
      for (let i = 1; i < column.length; i++) {
        const [a, b] = [column[i - 1]!.text, column[i]!.text]
        if (!blocks.some((t) => t.includes(a)) || !blocks.some((t) => t.includes(b))) continue
        const atSpace = blocks.some((t) => t.includes(`${a} ${b}`))
        const betweenBlocks = blocks.some((t) => t.endsWith(a)) && blocks.some((t) => t.startsWith(b))
        expect(atSpace || betweenBlocks, `“${a}” / “${b}”`).toBe(true)
        checked++
      }
    }
    expect(checked).toBeGreaterThan(40)
  })

  it('Japanese lines never start with closing punctuation nor end with an opening bracket', async () => {
    const closers = Array.from('、。，．」』）】〕〉》ー・？！：；')
    const openers = Array.from('「『（【〔〈《')
    let checked = 0
    let cjk = 0
    for (const column of await lines('ja')) {
      for (const line of column) {
        const text = squash(line.text)
        if (!text) continue
        expect(closers, `line starts “${text}”`).not.toContain(text[0])
        expect(openers, `line ends “${text}”`).not.toContain(text[text.length - 1])
        checked++
        if (/\p{Script=Han}/u.test(text)) cjk++
      }
    }
    expect(cjk).toBeGreaterThan(40)
    expect(checked).toBeGreaterThanOrEqual(cjk)
  })
})
