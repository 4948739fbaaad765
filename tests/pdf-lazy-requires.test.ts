import {spawnSync} from 'node:child_process'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'
import {repo} from './helpers/cli.js'

/**
 * pdfkit's and fontkit's unused dependencies load only when used (see
 * src/pdf/lazy-requires.ts). Run in a child process: the test runner's own
 * process may have loaded pdfkit already.
 */
const script = `
import {createRequire} from 'node:module'
const require = createRequire(import.meta.url)
const {createPdfDocument} = await import(${JSON.stringify(pathToFileURL(join(repo, 'dist/pdf/pdf-document.js')).href)})
const {defaultGeometry} = await import(${JSON.stringify(pathToFileURL(join(repo, 'dist/pdf/page-flow.js')).href)})
const {fontPath, loadFont} = await import(${JSON.stringify(pathToFileURL(join(repo, 'dist/pdf/fonts.js')).href)})
const loaded = () => Object.keys(require.cache).filter((p) => /[\\\\/]node_modules[\\\\/](linebreak|png-js|@noble[\\\\/]ciphers|brotli)[\\\\/]/.test(p)).length
const report = {}
loadFont('kr-regular').layout('한국어')
const doc = createPdfDocument({lang: 'ko', geometry: defaultGeometry('A5'), info: {Title: 'a'}})
doc.addPage()
report.beforeUse = loaded()
// pdfkit's own wrapping (linebreak) and a PNG image (png-js), through the stand-ins.
doc.font('latin-regular').text('A line long enough for pdfkit to wrap it on its own, at break opportunities linebreak finds.', 40, 40, {width: 120})
report.lines = Math.round(doc.y - 40)
doc.image(fontPath('latin-regular') + '.png', 40, 200, {width: 100})
report.afterUse = loaded()
const chunks = []
doc.on('data', (c) => chunks.push(c))
doc.on('end', () => {
  const pdf = Buffer.concat(chunks).toString('latin1')
  report.image = /\\/Subtype \\/Image/.test(pdf)
  console.log(JSON.stringify(report))
})
doc.end()
`

describe('pdfkit and fontkit dependencies', () => {
  it('load line breaking, PNG, encryption and WOFF2 support only when something uses them', () => {
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {encoding: 'utf8'})
    expect(result.stderr).toBe('')
    const report = JSON.parse(result.stdout) as {beforeUse: number; afterUse: number; lines: number; image: boolean}
    expect(report.beforeUse).toBe(0)
    // Wrapped onto several lines, and the image embedded: the real modules did the work.
    expect(report.lines).toBeGreaterThan(30)
    expect(report.image).toBe(true)
    expect(report.afterUse).toBeGreaterThanOrEqual(2)
  })
})
