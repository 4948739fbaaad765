import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {textItems} from '../helpers/read-pdf.js'
import {createPdfDocument, pdfToBuffer} from '../../src/pdf/pdf-document.js'
import {layoutBlock, stackBlocks, type LaidBlock} from '../../src/pdf/layout.js'
import {bodyFrame, defaultGeometry, PageFlow} from '../../src/pdf/page-flow.js'

const WORDS = ['rights', 'refugees', 'coalition', 'meeting', 'Seoul', 'statement', 'members', 'countries', 'parliament', 'progress', 'dignity', 'asylum']

/** Paragraphs whose every line starts with a distinct tag, so lines can be found in the PDF. */
function paragraph(index: number, words: number[]): string {
  return words.map((w, i) => `${i % 6 === 0 ? `p${index}w${i}` : WORDS[w % WORDS.length]}`).join(' ')
}

describe('single-column page flow', () => {
  it('keeps headings with what follows and leaves no lone line at a page foot or head', {timeout: 120_000}, async () => {
    const spec = fc.array(fc.record({heading: fc.boolean(), words: fc.array(fc.nat(50), {minLength: 3, maxLength: 150, size: 'max'})}), {minLength: 30, maxLength: 30})
    const [sample] = fc.sample(spec, {numRuns: 1, seed: 20070829})
    const geometry = defaultGeometry('A5')
    const doc = createPdfDocument({lang: 'en', geometry, info: {Title: 'Flow'}})
    const flow = new PageFlow(doc, geometry)
    const width = flow.frame.width
    const blocks: Array<{block: LaidBlock; heading: boolean}> = []
    sample!.forEach((p, i) => {
      const list: LaidBlock[] = []
      if (p.heading) list.push(layoutBlock([{text: `h${i} Heading`, style: 'bold'}], width, {lang: 'en', size: 13, spaceBefore: 10, spaceAfter: 4, keepWithNext: true}))
      list.push(layoutBlock(paragraph(i, p.words), width, {lang: 'en', size: 10, spaceAfter: 6}))
      list.forEach((block, k) => blocks.push({block, heading: p.heading && k === 0}))
      flow.place(list)
    })
    const bytes = await pdfToBuffer(doc)
    const items = await textItems(bytes)
    const body = bodyFrame(geometry)

    const pageOfLine = (block: LaidBlock, line: number): number => {
      const first = block.lines[line]!.runs[0]!.text.trim()
      const found = items.filter((it) => it.str.trim() === first)
      expect(found, first).toHaveLength(1)
      const item = found[0]!
      expect(item.baseline - block.baseline).toBeGreaterThanOrEqual(body.y - 0.01)
      expect(item.baseline - block.baseline + block.lineHeight).toBeLessThanOrEqual(body.y + body.height + 0.01)
      return item.page
    }
    let splits = 0
    blocks.forEach(({block, heading}, i) => {
      const pages = block.lines.map((_, line) => pageOfLine(block, line))
      for (let k = 1; k < pages.length; k++) expect(pages[k]! - pages[k - 1]!).toBeGreaterThanOrEqual(0)
      const counts = new Map<number, number>()
      for (const p of pages) counts.set(p, (counts.get(p) ?? 0) + 1)
      if (counts.size > 1) {
        splits++
        for (const n of counts.values()) expect(n).toBeGreaterThanOrEqual(2)
      }
      if (heading) expect(pageOfLine(blocks[i + 1]!.block, 0)).toBe(pages.at(-1))
    })
    expect(splits).toBeGreaterThan(3)
  })

  it('collapses the space between blocks to the larger of after and before', () => {
    const a = layoutBlock('one', 200, {lang: 'en', size: 10, spaceAfter: 6})
    const b = layoutBlock('two', 200, {lang: 'en', size: 10, spaceBefore: 12})
    const stack = stackBlocks([a, b])
    expect(stack.slots[1]!.top).toBeCloseTo(a.lineHeight + 12, 6)
    expect(stack.height).toBeCloseTo(a.lineHeight + 12 + b.lineHeight, 6)
  })
})
