import {execFileSync} from 'node:child_process'
import {copyFileSync, mkdirSync, rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {renderEdition, type Lang} from '../helpers/pdf-editions.js'
import {expectInside, outlineTitles, pdfFonts, pdfInfo, pdfText, tempPdf, wordBoxes} from '../helpers/read-pdf.js'
import {NO_LINE_START} from '../../src/pdf/break-units.js'
import {buildDate, createPdfDocument, fileId, pdfToBuffer, subsetTag} from '../../src/pdf/pdf-document.js'
import {defaultGeometry, marginFrame, PageFlow} from '../../src/pdf/page-flow.js'

const LANGS: Lang[] = ['en', 'ko', 'ja', 'mn']
const EXPECTED_FACES: Record<Lang, string[]> = {
  en: ['NotoSans-Bold', 'NotoSans-Regular'],
  ko: ['NotoSans-Regular', 'NotoSansKR-Bold', 'NotoSansKR-Regular'],
  ja: ['NotoSans-Regular', 'NotoSansJP-Bold', 'NotoSansJP-Regular'],
  mn: ['NotoSans-Bold', 'NotoSans-Regular']
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim()
const noSpace = (s: string) => s.replace(/\s+/g, '')

describe.each(LANGS)('%s edition read back', (lang) => {
  it('has the text, fonts, metadata, outline and margins it should', {timeout: 60_000}, async () => {
    const {bytes, paragraphs, headings, geometry} = await renderEdition(lang, {repeat: 2})
    const path = tempPdf(bytes, lang)

    // ToUnicode is right when every paragraph comes back verbatim.
    const text = pdfText(path)
    for (const p of paragraphs) {
      if (lang === 'ja') expect(noSpace(text)).toContain(noSpace(p))
      // Lines break only at spaces, so joining lines with a space restores the source exactly.
      else expect(squash(text)).toContain(squash(p))
    }
    expect(text).not.toContain('\uFFFD')

    const fonts = pdfFonts(path)
    expect(fonts.every((f) => f.emb === 'yes' && f.sub === 'yes' && f.uni === 'yes')).toBe(true)
    expect(fonts.every((f) => /^[A-Z]{6}\+/.test(f.name))).toBe(true)
    expect([...new Set(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')))].sort()).toEqual(EXPECTED_FACES[lang])

    const info = pdfInfo(path)
    expect(Number(info.Pages)).toBeGreaterThanOrEqual(2)
    expect(info.Author).toBe('IPCNKR')
    // Without SOURCE_DATE_EPOCH: a fixed epoch, not the document's date.
    expect(info.CreationDate).toMatch(/^1970-01-01T00:00:00/)
    const catalog = execFileSync('qpdf', ['--show-object=trailer', '--filtered-stream-data', path], {encoding: 'utf8'})
    expect(catalog).toMatch(/\/ID \[ <[0-9a-f]{32}> <[0-9a-f]{32}> \]/)
    const qdf = execFileSync('qpdf', ['--qdf', '--object-streams=disable', path, '-'], {encoding: 'latin1', maxBuffer: 64 << 20})
    expect(qdf).toContain(`/Lang (${lang})`)

    expect(await outlineTitles(bytes)).toEqual(headings)

    // Every glyph box, running header and footer included, lies inside the margins.
    const frame = marginFrame(geometry)
    for (const page of wordBoxes(path)) {
      for (const w of page.words) expectInside(w, frame)
    }
    const pages = Number(info.Pages)
    const label = {en: `Page ${pages} of ${pages}`, ko: `${pages}/${pages} 페이지`, ja: `${pages} / ${pages} ページ`, mn: `${pages}-с ${pages}-р хуудас`}[lang]
    expect(squash(text)).toContain(label)
  })
})

describe('Japanese lines in print', () => {
  it('never start with closing punctuation or small kana', {timeout: 60_000}, async () => {
    const {bytes} = await renderEdition('ja', {size: 'A5', repeat: 2})
    const lines = pdfText(tempPdf(bytes, 'ja-a5'))
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
    expect(lines.length).toBeGreaterThan(100)
    for (const line of lines) expect(NO_LINE_START.has(Array.from(line)[0]!), line).toBe(false)
  })
})

describe('reproducible output', () => {
  it('renders byte-identical PDFs in one process and in a fresh one', {timeout: 120_000}, async () => {
    // Draw first what shares glyphs with common characters in the CJK faces
    // (NBSP/space, U+2011/hyphen, ʻ/‘, ‒/–, 〈/〈...), which must not change
    // how later documents extract.
    const poison = createPdfDocument({lang: 'ko', geometry: defaultGeometry('A5'), info: {Title: 'x'}})
    const flow = new PageFlow(poison, defaultGeometry('A5'))
    for (const lang of ['ko', 'ja']) flow.text('가\u00a0나\u2011다\u02bb라\u2012마\u2329바\u232a사\u22ef아\u2027자\uff40차\u2215카\u2003파あ', {lang, size: 10})
    await pdfToBuffer(poison)
    const a = await renderEdition('ko')
    const b = await renderEdition('ko')
    expect(Buffer.compare(a.bytes, b.bytes)).toBe(0)
    // A fresh process has cold font caches and loads fonts in another order:
    // compile the modules and this fixture with tsc and render there.
    const out = join(process.cwd(), '.vitest-cache', 'pdf-build')
    rmSync(out, {recursive: true, force: true})
    execFileSync(
      'npx',
      [
        'tsc',
        '--outDir',
        out,
        '--rootDir',
        '.',
        '--module',
        'NodeNext',
        '--moduleResolution',
        'NodeNext',
        '--target',
        'ES2022',
        '--skipLibCheck',
        '--esModuleInterop',
        '--resolveJsonModule',
        '--types',
        'node',
        'tests/helpers/pdf-editions.ts'
      ],
      {stdio: 'pipe'}
    )
    mkdirSync(join(out, 'tests/fixtures/pdf-samples'), {recursive: true})
    copyFileSync('tests/fixtures/pdf-samples/statement.json', join(out, 'tests/fixtures/pdf-samples/statement.json'))
    writeFileSync(
      join(out, 'child.mjs'),
      "import {renderEdition} from './tests/helpers/pdf-editions.js'\nconst {bytes} = await renderEdition('ko')\nprocess.stdout.write(bytes.toString('base64'))\n"
    )
    const child = execFileSync('node', [join(out, 'child.mjs')], {encoding: 'utf8', maxBuffer: 64 << 20, env: {...process.env, SOURCE_DATE_EPOCH: ''}})
    expect(Buffer.compare(Buffer.from(child, 'base64'), a.bytes)).toBe(0)
  })

  it('honours SOURCE_DATE_EPOCH and rejects a malformed one', () => {
    expect(buildDate('1188345600').toISOString()).toBe('2007-08-29T00:00:00.000Z')
    expect(buildDate(undefined).toISOString()).toBe('1970-01-01T00:00:00.000Z')
    expect(buildDate('').toISOString()).toBe('1970-01-01T00:00:00.000Z')
    expect(buildDate(undefined, '2010-01-02').toISOString()).toBe('2010-01-02T00:00:00.000Z')
    expect(() => buildDate('yesterday')).toThrow(/SOURCE_DATE_EPOCH/)
  })

  it('writes the build date and a seed-dependent file ID', {timeout: 30_000}, async () => {
    const date = buildDate('1700000000')
    const one = await renderEdition('en', {date, idSeed: 'output/en/statement.pdf'})
    const two = await renderEdition('en', {date, idSeed: 'output/aligned/statement.en-ko.pdf'})
    const info = pdfInfo(tempPdf(one.bytes))
    expect(info.CreationDate).toMatch(/^2023-11-14T22:13:20/)
    expect(info.ModDate).toMatch(/^2023-11-14T22:13:20/)
    const id = (b: Buffer) => /\/ID \[<([0-9a-f]+)>/.exec(b.toString('latin1'))?.[1]
    expect(id(one.bytes)).not.toBe(id(two.bytes))
    expect(Buffer.from(fileId({Title: 'x'}, 's')).toString('hex')).toBe(Buffer.from(fileId({Title: 'x'}, 's')).toString('hex'))
  })
})

describe('document setup', () => {
  it('embeds nothing when nothing is drawn, and never falls back to Helvetica', async () => {
    const doc = createPdfDocument({lang: 'ko', geometry: defaultGeometry('A5'), info: {Title: '빈 문서'}})
    doc.addPage()
    const bytes = await pdfToBuffer(doc)
    expect(bytes.toString('latin1')).not.toContain('Helvetica')
    expect(pdfFonts(tempPdf(bytes))).toEqual([])
  })
})

describe('subset tags', () => {
  const tagged = async (text: string): Promise<string[]> => {
    const doc = createPdfDocument({lang: 'en', geometry: defaultGeometry('A5'), info: {Title: 'tags'}})
    doc.addPage()
    doc.text(text, 50, 50)
    return pdfFonts(tempPdf(await pdfToBuffer(doc))).map((f) => f.name)
  }

  it('names each subset from its glyphs: other glyphs, another tag; the same glyphs, the same tag', {timeout: 30_000}, async () => {
    const [one] = await tagged('Declaration')
    const [two] = await tagged('Statement')
    const [again] = await tagged('Declaration')
    expect(one).toMatch(/^[A-Z]{6}\+NotoSans/)
    expect(one).not.toMatch(/^BZZZZZ\+/)
    expect(one!.slice(0, 6)).not.toBe(two!.slice(0, 6))
    expect(again).toBe(one)
    expect(subsetTag('NotoSans-Regular', [0, 1, 2])).toMatch(/^[A-Z]{6}$/)
    expect(subsetTag('NotoSans-Regular', [0, 1, 2])).not.toBe(subsetTag('NotoSans-Regular', [0, 2, 1]))
  })
})
