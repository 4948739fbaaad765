import {describe, expect, it} from 'vitest'
import {renderAligned, renderEdition} from './fixtures/pdf-support/editions.js'
import {pdfInfo, tempPdf} from './fixtures/pdf-support/read-pdf.js'
import {clearMeasureCache} from '../src/pdf/measure.js'

const pagesOf = (bytes: Buffer) => Number(pdfInfo(tempPdf(bytes, 'speed')).Pages)

describe('speed', () => {
  it('typesets CJK pages quickly once fonts are loaded', {timeout: 120_000}, async () => {
    // Warm-up: parse the fonts and their layout tables (once per process).
    await renderEdition('ko')
    await renderEdition('ja')
    clearMeasureCache()

    const report: string[] = []
    for (const run of [
      {name: 'ko edition', render: () => renderEdition('ko', {repeat: 6})},
      {name: 'ja edition', render: () => renderEdition('ja', {repeat: 6})},
      {name: 'en–ja aligned', render: () => renderAligned('ja', {repeat: 6})}
    ]) {
      const start = performance.now()
      const {bytes} = await run.render()
      const seconds = (performance.now() - start) / 1000
      const pages = pagesOf(bytes)
      report.push(`${run.name}: ${pages} pages in ${seconds.toFixed(2)} s = ${(pages / seconds).toFixed(1)} pages/s, ${(bytes.length / 1024).toFixed(0)} KiB`)
      // A floor that holds on a loaded 2-core machine (other suites running);
      // re-parsing fonts per document would fall below it. Figures are printed.
      expect(pages / seconds).toBeGreaterThan(3)
    }
    console.log(report.join('\n'))
  })
})
