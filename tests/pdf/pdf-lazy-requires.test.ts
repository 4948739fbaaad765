import {spawnSync} from 'node:child_process'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {createRequire} from 'node:module'
import {deflateRawSync} from 'node:zlib'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {fontPath} from '../../src/pdf/fonts.js'
import {nativeInflate} from '../../src/pdf/lazy-requires.js'
import {repo} from '../helpers/cli.js'

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
report.hangul = loadFont('kr-regular').layout('한국어').glyphs.map((g) => g.id)
report.jsInflate = Object.keys(require.cache).some((p) => /[\\\\/]tiny-inflate[\\\\/]/.test(p))
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
  it('inflate with zlib as tiny-inflate does, into a buffer of any size', () => {
    const tinyInflate = createRequire(import.meta.url)('tiny-inflate') as (source: Uint8Array, dest: Uint8Array) => Uint8Array
    fc.assert(
      fc.property(fc.uint8Array({maxLength: 4000}), fc.constantFrom(-3, 0, 5), fc.integer({min: 0, max: 9}), (data, slack, level) => {
        const source = deflateRawSync(Buffer.from(data), {level})
        const size = Math.max(0, data.length + slack)
        expect(nativeInflate(source, new Uint8Array(size))).toEqual(tinyInflate(source, new Uint8Array(size)))
      }),
      {numRuns: 200}
    )
  })

  it('load line breaking, PNG, encryption and WOFF2 support only when something uses them', () => {
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {encoding: 'utf8'})
    expect(result.stderr).toBe('')
    const report = JSON.parse(result.stdout) as {beforeUse: number; afterUse: number; lines: number; image: boolean; hangul: number[]; jsInflate: boolean}
    expect(report.beforeUse).toBe(0)
    // The Unicode tables fontkit shapes with were unpacked by zlib, and shape as with tiny-inflate.
    expect(report.jsInflate).toBe(false)
    const fontkit = createRequire(import.meta.url)('fontkit') as {openSync: (path: string) => {layout: (text: string) => {glyphs: Array<{id: number}>}}}
    expect(report.hangul).toEqual(
      fontkit
        .openSync(fontPath('kr-regular'))
        .layout('한국어')
        .glyphs.map((g) => g.id)
    )
    // Wrapped onto several lines, and the image embedded: the real modules did the work.
    expect(report.lines).toBeGreaterThan(30)
    expect(report.image).toBe(true)
    expect(report.afterUse).toBeGreaterThanOrEqual(2)
  })

  it('open only the faces a document draws with: a Korean edition reads no Japanese file', () => {
    const faces = `
const {createPdfDocument} = await import(${JSON.stringify(pathToFileURL(join(repo, 'dist/pdf/pdf-document.js')).href)})
const {defaultGeometry} = await import(${JSON.stringify(pathToFileURL(join(repo, 'dist/pdf/page-flow.js')).href)})
const {allFontKeys, commonMetrics, loadFont, loadedFaces} = await import(${JSON.stringify(pathToFileURL(join(repo, 'dist/pdf/fonts.js')).href)})
const doc = createPdfDocument({lang: 'ko', geometry: defaultGeometry('A5'), info: {Title: 'a'}})
doc.addPage()
doc.font('kr-regular').text('한국어', 40, 40)
doc.font('latin-bold').text('English', 40, 80)
const common = commonMetrics()
const report = {faces: loadedFaces().sort()}
for (const key of allFontKeys()) loadFont(key)
report.same = JSON.stringify(commonMetrics()) === JSON.stringify(common)
console.log(JSON.stringify(report))
`
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', faces], {encoding: 'utf8'})
    expect(result.stderr).toBe('')
    const report = JSON.parse(result.stdout) as {faces: string[]; same: boolean}
    // The line metrics of all families came from the files' headers, the same numbers fontkit gives once loaded.
    expect(report).toEqual({faces: ['kr-regular', 'latin-bold'], same: true})
  })
})
