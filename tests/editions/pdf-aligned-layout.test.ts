import {describe, expect, it} from 'vitest'
import {renderAligned, SAMPLES} from '../helpers/pdf-editions.js'
import {expectInside, pdfText, tempPdf, textItems, wordBoxes, type TextItem} from '../helpers/read-pdf.js'
import {lineText} from '../../src/pdf/line-break.js'
import {bodyFrame, marginFrame} from '../../src/pdf/page-flow.js'

const TOLERANCE = 0.5

describe.each(['ko', 'ja', 'mn'] as const)('aligned en–%s edition', (lang) => {
  it('keeps glyphs inside margins and columns, rows on one baseline, tall rows split', {timeout: 60_000}, async () => {
    const {bytes, geometry, boxes, rows} = await renderAligned(lang, {tall: true})
    const path = tempPdf(bytes, `aligned-${lang}`)
    const [left, right] = boxes as [(typeof boxes)[0], (typeof boxes)[0]]
    const frame = marginFrame(geometry)
    const body = bodyFrame(geometry)
    const pages = wordBoxes(path)
    expect(pages.length).toBeGreaterThanOrEqual(3)

    for (const page of pages) {
      for (const w of page.words) {
        expectInside(w, frame, TOLERANCE)
        // Body text lies wholly in one column: nothing crosses or enters the gutter.
        if (w.yMax <= body.y + body.height + TOLERANCE) {
          const inLeft = w.xMin >= left.x - TOLERANCE && w.xMax <= left.x + left.width + TOLERANCE
          const inRight = w.xMin >= right.x - TOLERANCE && w.xMax <= right.x + right.width + TOLERANCE
          expect(inLeft || inRight, `${w.text} at ${w.xMin}–${w.xMax}`).toBe(true)
        }
      }
      // No two glyph boxes of different columns overlap, and lines in a column do not overlap.
      const words = page.words.filter((w) => w.yMax <= body.y + body.height + TOLERANCE)
      const leftMax = Math.max(...words.filter((w) => w.xMax <= left.x + left.width + TOLERANCE).map((w) => w.xMax))
      const rightMin = Math.min(...words.filter((w) => w.xMin >= right.x - TOLERANCE).map((w) => w.xMin))
      if (Number.isFinite(leftMax) && Number.isFinite(rightMin)) expect(leftMax).toBeLessThan(rightMin)
    }

    // Rows start on the same baseline in both columns: find each row's first
    // run in the PDF by its text and column x, and compare baselines.
    const items = await textItems(bytes)
    const firstRun = (row: (typeof rows)[0], column: 0 | 1): TextItem | undefined => {
      const line = row.columns[column]![0]!.lines[0]!
      const run = line.runs[0]!
      const x = boxes[column]!.x + run.x
      return items.find((it) => it.page === row.placed.firstPage && Math.abs(it.x - x) < 0.01 && it.str.trim() === run.text.trim() && Math.abs(it.baseline - row.placed.top) < 40)
    }
    for (const row of rows) {
      const l = firstRun(row, 0)
      const r = firstRun(row, 1)
      expect(l, `left start of ${row.id}`).toBeDefined()
      expect(r, `right start of ${row.id}`).toBeDefined()
      expect(Math.abs(l!.baseline - r!.baseline), row.id).toBeLessThan(0.01)
    }

    // Only the row taller than a page is split; every other row sits on one page.
    for (const row of rows) {
      if (row.id === 'tall') expect(row.placed.lastPage).toBeGreaterThan(row.placed.firstPage)
      else expect(row.placed.lastPage, row.id).toBe(row.placed.firstPage)
    }
    // Rows are in order and never overlap: each starts below the end of the previous one or on a later page.
    for (let i = 1; i < rows.length; i++) {
      const a = rows[i - 1]!.placed
      const b = rows[i]!.placed
      expect(b.firstPage > a.lastPage || (b.firstPage === a.lastPage && b.top >= a.bottom), rows[i]!.id).toBe(true)
    }

    // The split row loses no line: every line of both columns is in the text.
    const text = pdfText(path).replace(/\s+/g, '')
    const tall = rows.find((r) => r.id === 'tall')!
    for (const column of tall.columns) for (const line of column[0]!.lines) expect(text).toContain(lineText(line).replace(/\s+/g, ''))
  })
})

describe('aligned rows across a page break', () => {
  it('moves a row that does not fit to the next page instead of splitting it', {timeout: 60_000}, async () => {
    const {rows, geometry} = await renderAligned('ko', {repeat: 3, size: 'A5'})
    const body = bodyFrame(geometry)
    const moved = rows.filter((r, i) => i > 0 && r.placed.firstPage > rows[i - 1]!.placed.lastPage)
    expect(moved.length).toBeGreaterThan(2)
    for (const r of moved) expect(r.placed.top).toBeCloseTo(body.y, 5)
    for (const r of rows) expect(r.placed.lastPage).toBe(r.placed.firstPage)
    expect(rows.length).toBe(SAMPLES.length * 3)
  })
})
