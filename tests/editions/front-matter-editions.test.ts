/**
 * Translated editions speak their language: the Korean and Japanese editions
 * (Markdown, HTML, PDF text and metadata) hold no English beyond names, no
 * edition shows readers a repository path, every edition has the note under
 * its last heading and the editor's notes, and the front matter's segments
 * are tracked like any sentence.
 */
import {execFileSync} from 'node:child_process'
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {concord, read, readJson, tempProject} from '../helpers/cli.js'

// Names the editions keep in Latin letters: the coalition's abbreviation, and "English" in the language switcher.
const ALLOWED = new Set(['IPCNKR', 'English'])

const latinWords = (text: string): string[] => (text.match(/[A-Za-z][A-Za-z'’-]+/g) ?? []).filter((w) => !ALLOWED.has(w))

/** What a reader of the HTML page sees: text content and the metadata a browser or a link preview shows. */
function htmlReaderText(html: string): string {
  const meta = [...html.matchAll(/<meta (?:name|property)="(?:description|keywords|og:title|og:description)" content="([^"]*)"/g)].map((m) => m[1])
  const body = html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<script>[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, ' ')
  return [...meta, body].join('\n').replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
}

/** A Markdown edition as read: front matter text values (not keys, nor the `source` path, language code and flags for maintainers and tools), body without footnote labels. */
function markdownReaderText(markdown: string): string {
  const [, front = '', body = ''] = markdown.split(/^---$/m)
  const values = front
    .split('\n')
    .filter((line) => !/^(source|language|incomplete|date):/.test(line))
    .map((line) => line.replace(/^\s*(?:[A-Za-z]+:|-)\s*/, ''))
  return [...values, body.replace(/\[\^[^\]]+\]/g, '')].join('\n')
}

const pdfText = (path: string): string => execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], {encoding: 'utf8'})
const pdfMeta = (path: string): string =>
  execFileSync('pdfinfo', ['-enc', 'UTF-8', path], {encoding: 'utf8'})
    .split('\n')
    .filter((line) => /^(Title|Subject|Keywords|Author):/.test(line))
    .map((line) => line.replace(/^\w+:\s*/, ''))
    .join('\n')

let dir: string
beforeAll(() => {
  dir = tempProject()
  const run = concord(['build'], dir, {SOURCE_DATE_EPOCH: '1700000000'})
  expect(run.code, run.stderr).toBe(0)
}, 300_000)

describe('the Korean and Japanese editions', () => {
  for (const language of ['ko', 'ja']) {
    it(`${language}: no English words beyond names in the Markdown, the HTML, the PDF text and the PDF metadata`, () => {
      const out = join(dir, 'output', language)
      expect(latinWords(markdownReaderText(read(out, 'statement.md')))).toEqual([])
      expect(latinWords(htmlReaderText(read(out, 'statement.html')))).toEqual([])
      expect(latinWords(pdfText(join(out, 'statement.pdf')))).toEqual([])
      expect(latinWords(pdfMeta(join(out, 'statement.pdf')))).toEqual([])
    })
  }
})

describe('every edition', () => {
  const files = (language: string): string[] => ['md', 'html', 'pdf'].map((ext) => join(dir, 'output', language, `statement.${ext}`))
  const text = (path: string): string => (path.endsWith('.pdf') ? pdfText(path) : read(dir, path.slice(dir.length + 1)))

  it('shows readers no repository path (the Markdown front matter keeps it for maintainers)', () => {
    for (const language of ['en', 'ko', 'ja', 'mn']) {
      for (const path of files(language)) {
        const shown = path.endsWith('.md') ? text(path).replace(/^source: .*$/m, '') : text(path)
        expect(shown, path).not.toContain('shared/source')
      }
    }
  })

  it("prints the note on the missing resolutions after the last heading, and both editor's notes, in its language", () => {
    const expected: Record<string, {end: string; notes: string[]}> = {
      en: {end: 'the list of resolutions is missing', notes: ['Shilla Hotel', 'Life Funds for North Korean Refugees']},
      ko: {end: '결의 사항 목록은 원문에 없으며', notes: ['신라호텔', '북한난민구원기금']},
      ja: {end: '決議の一覧は原文に欠けており', notes: ['新羅ホテル', '北朝鮮難民救援基金の事務局長']},
      mn: {end: 'тогтоолын жагсаалт эх бичвэрт байхгүй', notes: ['Шилла зочид буудалд', 'Хойд Солонгосын дүрвэгчдэд туслах сангийн']}
    }
    for (const [language, {end, notes}] of Object.entries(expected)) {
      for (const path of files(language)) {
        const shown = text(path).replace(/\s+/g, path.endsWith('.pdf') && language === 'ja' ? '' : ' ')
        const heading = shown.lastIndexOf(language === 'en' ? 'Resolutions:' : language === 'ko' ? '결의 사항:' : language === 'ja' ? '決議：' : 'Тогтоол')
        const at = shown.indexOf(end.replace(/\s+/g, path.endsWith('.pdf') && language === 'ja' ? '' : ' '), heading)
        expect(heading, `${path}: last heading`).toBeGreaterThan(0)
        expect(at, `${path}: end note after the last heading`).toBeGreaterThan(heading)
        for (const note of notes) expect(shown, `${path}: editor's note`).toContain(note)
      }
    }
  })

  it('gives the document date in the reader’s form', () => {
    expect(pdfText(join(dir, 'output/en/statement.pdf'))).toContain('29 August 2007')
    expect(read(dir, 'output/ko/statement.html')).toContain('2007년 8월 29일')
    expect(pdfText(join(dir, 'output/ja/statement.pdf'))).toContain('2007年8月29日')
    expect(read(dir, 'output/mn/statement.html')).toContain('2007 оны 8 дугаар сарын 29')
  })

  it('the aligned editions hold every language’s notes', () => {
    const aligned = read(dir, 'output/aligned/statement.html')
    for (const words of ['Shilla Hotel', '신라호텔', '新羅ホテル', 'Шилла']) expect(aligned).toContain(words)
    const markdown = read(dir, 'output/aligned/statement.md')
    for (const words of ['[^editor-ko-1]', '[^editor-ja-2]:', '결의 사항 목록은']) expect(markdown).toContain(words)
  })
})

describe('front matter segments', () => {
  it('are listed by `concord status --json`, translated in ko and ja, and `concord check` passes', () => {
    const run = concord(['status', '--json'], dir)
    expect(run.code, run.stderr).toBe(0)
    const english = readJson(dir, 'locales/en/statement.json')
    const registry = readJson<{segments: Record<string, {kind: string; field?: string}>}>(dir, 'locales/en/statement.registry.json')
    const meta = Object.entries(registry.segments).filter(([, s]) => s.kind === 'meta')
    expect(meta.map(([, s]) => s.field)).toEqual(expect.arrayContaining(['title', 'shortTitle', 'author', 'description', 'sourceNote', 'notes', 'editorNotes.0', 'editorNotes.1']))
    for (const [id] of meta) {
      expect(run.stdout).toContain(id)
      expect(english[id]).toBeTruthy()
      for (const language of ['ko', 'ja']) expect(readJson(dir, `locales/${language}/statement.json`)[id], `${language} ${id}`).toBeTruthy()
    }
    const check = concord(['check'], dir)
    expect(check.code, check.stderr + check.stdout).toBe(0)
  })
})

describe('a front matter field not translated yet', () => {
  it('shows its English after the missing marker, as a sentence does, in every format', () => {
    const project = tempProject()
    const registry = readJson<{segments: Record<string, {field?: string}>}>(project, 'locales/en/statement.registry.json').segments
    const id = (field: string): string => Object.keys(registry).find((key) => registry[key]!.field === field)!
    const ko = readJson(project, 'locales/ko/statement.json')
    delete ko[id('author')]
    delete ko[id('editorNotes.0')]
    writeFileSync(join(project, 'locales/ko/statement.json'), `${JSON.stringify(ko, null, 2)}\n`)
    expect(concord(['segment'], project).code).toBe(0)
    const run = concord(['build', '--lang', 'ko'], project)
    expect(run.code, run.stderr).toBe(0)
    const marker = readJson(project, 'locales/ko/ui.json').missingMarker!
    const html = read(project, 'output/ko/statement.html')
    expect(html).toContain(`<span class="mark mark-missing">[${marker}]</span> <span lang="en">International Parliamentarians’`)
    expect(html).toMatch(new RegExp(`<span class="mark mark-missing">\\[${marker}\\]</span> <span class="note-text note-missing" lang="en">The introductory note says`))
    expect(read(project, 'output/ko/statement.md')).toMatch(new RegExp(`\\*\\*편집자 주:\\*\\* \\*\\(${marker}\\)\\* The introductory note says`))
    const pdf = pdfText(join(project, 'output/ko/statement.pdf')).replace(/\s+/g, ' ')
    expect(pdf).toContain(`작성자: [${marker}] International Parliamentarians’`)
    expect(pdf).toContain(`[${marker}] The introductory note says`)
  }, 300_000)
})
