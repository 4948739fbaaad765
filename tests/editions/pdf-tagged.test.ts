/**
 * Accessible, archival PDFs (src/editions/pdf/ACCESSIBILITY.md): the seven
 * PDFs of the statement and those of a small project with a list, a table,
 * a blockquote, a link, a missing and a stale segment are tagged, read in a
 * defined order with the language of every part, and identify themselves as
 * PDF/UA-1 and PDF/A-2a, as read back with pdf.js, poppler and qpdf.
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {appendFileSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {concord, repo, tempProject} from '../helpers/cli.js'
import {pdfInfo} from '../helpers/read-pdf.js'
import {catalogOf, flatten, outlineOf, pdfStructure, strokesOutsideArtifacts, xmpOf, type PageStructure, type StructNode} from '../helpers/pdf-structure.js'

const SEVEN = ['en/statement.pdf', 'ko/statement.pdf', 'ja/statement.pdf', 'mn/statement.pdf', 'aligned/statement.en-ko.pdf', 'aligned/statement.en-ja.pdf', 'aligned/statement.en-mn.pdf']

let statement = ''
let small = ''
const bytes = (dir: string, file: string): Buffer => readFileSync(join(dir, 'out', file))
const ui = (lng: string): Record<string, string> => JSON.parse(readFileSync(join(repo, `locales/${lng}/ui.json`), 'utf8')) as Record<string, string>

beforeAll(() => {
  statement = tempProject()
  small = tempProject(join(repo, 'tests/fixtures/editions-small'))
  for (const dir of [statement, small]) {
    const run = concord(['build', '--format', 'pdf', '--out', 'out'], dir)
    expect(run.code, run.stderr).toBe(0)
  }
}, 240_000)

/** The elements of all pages, in reading order. */
const elements = (pages: readonly PageStructure[]): StructNode[] => pages.flatMap((p) => flatten(p.roots))

describe('every PDF of the statement', () => {
  it.each(SEVEN)('%s is tagged, checks clean with qpdf and identifies PDF/UA-1 and PDF/A-2a', async (file) => {
    const path = join(statement, 'out', file)
    const info = pdfInfo(path)
    expect(info.Tagged).toBe('yes')
    const check = spawnSync('qpdf', ['--check', path], {encoding: 'utf8'})
    expect(check.status, check.stdout + check.stderr).toBe(0)
    expect(check.stdout).toContain('No syntax or stream encoding errors found')

    const catalog = catalogOf(path)
    expect(catalog['/MarkInfo']).toMatchObject({'/Marked': true})
    expect(catalog['/ViewerPreferences']).toMatchObject({'/DisplayDocTitle': true})
    expect(catalog['/Lang']).toBe(`u:${file.startsWith('aligned/') ? file.slice(-6, -4) : file.slice(0, 2)}`)
    const [intent] = catalog['/OutputIntents'] as Array<Record<string, unknown>>
    expect(intent).toMatchObject({'/S': '/GTS_PDFA1', '/OutputConditionIdentifier': 'u:sRGB IEC61966-2.1', '/DestOutputProfile': {'/N': 3}})

    const xmp = xmpOf(bytes(statement, file))
    expect(execFileSync('xmllint', ['--noout', '-'], {input: xmp, encoding: 'utf8'})).toBe('')
    expect(xmp).toContain('<pdfuaid:part>1</pdfuaid:part>')
    expect(xmp).toMatch(/<pdfaid:part>2<\/pdfaid:part>\s*<pdfaid:conformance>A<\/pdfaid:conformance>/)
    expect(xmp).toContain('<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>')
    // The XMP says what the Info dictionary says (PDF/A-2 §6.6.3).
    expect(xmp).toContain(`<rdf:li xml:lang="x-default">${info.Title}</rdf:li>`)
    expect(xmp).toContain(`<rdf:li>${info.Author}</rdf:li>`)
    expect(xmp).toContain(`<xmp:CreateDate>${info.CreationDate!.replace(/([+-]00:?00)?$/, '').replace(/Z$/, '')}Z</xmp:CreateDate>`)
    expect(xmp).toContain(`<xmp:ModifyDate>${info.ModDate!.replace(/([+-]00:?00)?$/, '').replace(/Z$/, '')}Z</xmp:ModifyDate>`)
    expect(xmp).toContain(`<pdf:Producer>${info.Producer}</pdf:Producer>`)

    // Every piece of text is content of an element or an artifact (running heads and folios only).
    const pages = await pdfStructure(bytes(statement, file))
    for (const page of pages) expect(page.untagged).toEqual([])
    expect(strokesOutsideArtifacts(path)).toBe(0)
    // The running head (the short title, in runs by script) and the folio: text, with the page number.
    for (const page of pages) {
      expect(page.artifacts.every((text) => text.length > 0)).toBe(true)
      expect(page.artifacts.join('')).toMatch(/\d/)
    }
    expect(pages[0]!.roots.map((r) => r.role)).toEqual(['Document'])
  })

  it('English edition: Document → P (language), Sect → H1, metadata, BlockQuote → P, paragraphs, Sect → H2 → its editor’s note, the editor’s notes', async () => {
    const pages = await pdfStructure(bytes(statement, 'en/statement.pdf'))
    const [document] = pages[0]!.roots
    const [language, sect] = document!.children
    expect(language).toMatchObject({role: 'P', text: 'English'})
    expect(sect!.role).toBe('Sect')
    const roles = sect!.children.map((c) => c.role)
    expect(roles.slice(0, 5)).toEqual(['H1', 'P', 'P', 'P', 'BlockQuote'])
    expect(sect!.children[0]!.text).toMatch(/^Joint Statement issued on 29 August 2007/)
    expect(sect!.children[4]!.children.map((c) => c.role)).toEqual(['P'])
    expect(sect!.children[4]!.text).toMatch(/^This organization's Secretary General/)
    const all = elements(pages)
    const subsection = all.find((n) => n.role === 'Sect' && n.children[0]?.role === 'H2')
    expect(subsection?.children[0]?.text).toBe('Resolutions:')
    // Under the last heading, the note on the missing resolutions, then the editor's notes.
    expect(subsection!.children.map((c) => c.role)).toEqual(['H2', 'Note', 'P', 'Note', 'Note'])
    expect(subsection!.children[1]!.text).toMatch(/the list of resolutions is missing from it/)
    expect(subsection!.children[4]!.text).toMatch(/Shilla Hotel/)
    expect(all.filter((n) => n.lang)).toEqual([])
  })

  it('a translation marks the English shown for missing sentences as English, after its marker', async () => {
    const pages = await pdfStructure(bytes(statement, 'mn/statement.pdf'))
    const spans = elements(pages).filter((n) => n.role === 'Span')
    const english = spans.filter((s) => s.lang === 'en')
    expect(english.length).toBeGreaterThan(5)
    expect(english.map((s) => s.text).join(' ')).toContain('Resolutions:')
    const marker = `[${ui('mn').missingMarker}]`
    expect(spans.filter((s) => s.text === marker && !s.lang).length).toBeGreaterThan(0)
    // Nothing in Mongolian is marked as anything else.
    expect(elements(pages).filter((n) => n.lang && n.lang !== 'en')).toEqual([])
  })

  it('a parallel edition reads each English block followed by its translation, the English marked as such', async () => {
    const pages = await pdfStructure(bytes(statement, 'aligned/statement.en-ko.pdf'))
    const [document] = pages[0]!.roots
    expect(document!.children.slice(0, 2).map((c) => [c.role, c.lang, c.text])).toEqual([
      ['P', 'en', 'English'],
      ['P', undefined, '한국어']
    ])
    const sect = document!.children[2]!
    const pairs = sect.children.filter((c) => c.role === 'P' || c.role === 'H1')
    expect(pairs.length).toBeGreaterThan(6)
    for (let i = 0; i + 1 < pairs.length; i += 2) {
      expect([pairs[i]!.role, pairs[i]!.lang], outlineOf(sect.children).join('\n')).toEqual([pairs[i + 1]!.role, 'en'])
      expect(pairs[i + 1]!.lang).toBeUndefined()
    }
    const quote = sect.children.find((c) => c.role === 'BlockQuote')!
    expect(quote.children.map((c) => c.lang)).toEqual(['en', undefined])
    expect(quote.children[1]!.text).toMatch(/[가-힣]/)
  })
})

describe('a small project with every structure', () => {
  it('tags lists, a table, a blockquote, a link and the stale and missing marks of the Korean edition', async () => {
    const pages = await pdfStructure(bytes(small, 'ko/small.pdf'))
    const all = elements(pages)
    const outline = outlineOf(pages[0]!.roots).join('\n')
    expect(
      all.find((n) => n.role === 'BlockQuote')?.children.map((c) => c.role),
      outline
    ).toEqual(['P'])

    const lists = all.filter((n) => n.role === 'L')
    expect(lists.map((l) => l.children.length)).toEqual([2, 2])
    for (const item of lists.flatMap((l) => l.children)) {
      expect(item.role).toBe('LI')
      expect(item.children.map((c) => c.role)).toEqual(['Lbl', 'LBody'])
      expect(item.children[1]!.children.map((c) => c.role)).toEqual(['P'])
    }
    expect(lists[0]!.children.map((i) => [i.children[0]!.text, i.children[1]!.text])).toEqual([
      ['•', '보고서를 세 개 언어로 발간한다.'],
      ['•', 'concord status로 번역을 검토한다.']
    ])
    expect(lists[1]!.children.map((i) => i.children[0]!.text)).toEqual(['1.', '2.'])

    const table = all.find((n) => n.role === 'Table')!
    expect(table.children.map((r) => r.children.map((c) => `${c.role}:${c.text}`))).toEqual([
      ['TH:용어', 'TH:의미'],
      ['TD:IPCNKR', 'TD:연맹']
    ])
    const raw = bytes(small, 'ko/small.pdf').toString('latin1')
    expect(raw).toContain('/Scope /Column')
    // The ordered list says so (PDF/UA-1 §7.6); the front matter's note has an ID (§7.9).
    expect(raw.match(/\/ListNumbering \/Decimal/g)).toHaveLength(1)
    expect(all.filter((n) => n.role === 'Note').map((n) => n.text)).toEqual([
      expect.stringMatching(/테스트용으로 만든 문서이며/),
      // The stale sentence's endnote: what changed, and the current English, in English.
      `¹ ${ui('ko').staleNote} ${ui('ko').originalEnglish}: The final paragraph changed after translation.`
    ])
    const staleNote = all.filter((n) => n.role === 'Note').at(-1)!
    expect(staleNote.children.map((c) => [c.role, c.text, c.lang])).toContainEqual(['Span', 'The final paragraph changed after translation.', 'en'])
    expect(raw).toContain('/ID (note-1)')

    const link = all.find((n) => n.role === 'Link')!
    expect(link.text).toBe('연맹 웹사이트')
    expect(link.annotations).toBeGreaterThan(0)

    const spans = all.filter((n) => n.role === 'Span')
    expect(spans.map((s) => [s.text, s.lang])).toEqual([
      // The front matter is translated (its segments): no English span in the title block.
      [`[${ui('ko').staleMarker}]`, undefined],
      [`[${ui('ko').staleEnd}]`, undefined],
      [`[${ui('ko').missingMarker}]`, undefined],
      ['Nobody has translated this sentence yet.', 'en'],
      // The current English in the stale sentence's endnote.
      ['The final paragraph changed after translation.', 'en']
    ])
  })

  it('tags the parallel edition’s table once per language and its list markers once', async () => {
    const pages = await pdfStructure(bytes(small, 'aligned/small.en-ko.pdf'))
    const all = elements(pages)
    expect(all.filter((n) => n.role === 'Table').map((t) => [t.lang, t.children[0]!.children.map((c) => c.text)])).toEqual([
      ['en', ['Term', 'Meaning']],
      [undefined, ['용어', '의미']]
    ])
    const labels = all.filter((n) => n.role === 'Lbl').map((n) => n.text)
    expect(labels).toEqual(['•', '•', '1.', '2.'])
    expect(all.filter((n) => n.role === 'LBody').map((b) => b.children.map((c) => c.lang))).toEqual(Array(4).fill(['en', undefined]))
    expect(pages.flatMap((p) => p.untagged)).toEqual([])
  })
})

describe('footnotes, nested lists, code and rules', () => {
  it('tags a footnote as a Note with its label, a nested list inside its item’s body, code as Code, a rule as an artifact', {timeout: 240_000}, async () => {
    const dir = tempProject(join(repo, 'tests/fixtures/editions-small'))
    appendFileSync(
      join(dir, 'content/small.md'),
      '\nA claim with a note.[^1]\n\n- Outer item\n  - Inner item\n\n```\ncode line one\n  code line two\n```\n\n---\n\n[^1]: The note explains the claim.\n'
    )
    for (const args of [['segment'], ['build', '--format', 'pdf', '--lang', 'ko', '--out', 'out']]) {
      const run = concord(args, dir)
      expect(run.code, run.stderr).toBe(0)
    }
    const pages = await pdfStructure(bytes(dir, 'ko/small.pdf'))
    const all = elements(pages)
    const outline = outlineOf(pages.flatMap((p) => p.roots)).join('\n')
    // The last Note is the stale sentence's endnote; the footnote's is the one before it.
    const note = all.filter((n) => n.role === 'Note' && n.children.some((c) => c.role === 'Lbl')).at(-1)!
    expect(
      note.children.map((c) => [c.role, c.text]),
      outline
    ).toEqual([
      ['Lbl', '[1]'],
      ['P', `[${ui('ko').missingMarker}] The note explains the claim.`]
    ])
    const outer = all.filter((n) => n.role === 'L').at(-2)!
    const body = outer.children[0]!.children[1]!
    expect(body.children.map((c) => c.role)).toEqual(['P', 'L'])
    expect(body.children[1]!.children[0]!.children.map((c) => c.text)).toEqual(['–', `[${ui('ko').missingMarker}] Inner item`])
    expect(all.filter((n) => n.role === 'Code').map((n) => n.text)).toEqual(['code line one code line two'])
    expect(pages.flatMap((p) => p.untagged)).toEqual([])
    expect(strokesOutsideArtifacts(join(dir, 'out/ko/small.pdf'))).toBe(0)
    expect(
      bytes(dir, 'ko/small.pdf')
        .toString('latin1')
        .match(/\/ID \(note-\d\)/g)
    ).toEqual(['/ID (note-1)', '/ID (note-2)', '/ID (note-3)'])
  })
})
