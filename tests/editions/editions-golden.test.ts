import {readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'
import type {Root} from 'mdast'
import {unified} from 'unified'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {beforeAll, describe, expect, it} from 'vitest'
import {concord, read, repo, tempProject, write} from '../helpers/cli.js'
import {golden} from '../helpers/golden.js'

const fixture = join(repo, 'tests', 'fixtures', 'editions-small')
const outputs = ['en', 'ko', 'ja', 'aligned'].flatMap((folder) => [`${folder}/small.md`, `${folder}/small.html`])
const ui = (lng: string): Record<string, string> => JSON.parse(readFileSync(join(repo, 'locales', lng, 'ui.json'), 'utf8')) as Record<string, string>
const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml'])
const outline = (markdown: string): string[] => (parser.parse(markdown) as Root).children.map((n) => (n.type === 'heading' ? `h${n.depth}` : n.type))

function build(dir: string, ...args: string[]): ReturnType<typeof concord> {
  const run = concord(['build', '--format', 'md,html', ...args], dir)
  expect(run.code, run.stderr).toBe(0)
  return run
}

describe('editions of a small document (golden files)', {timeout: 120_000}, () => {
  let dir: string
  beforeAll(() => {
    dir = tempProject(fixture)
    build(dir)
  }, 120_000)

  for (const path of outputs) it(`output/${path}`, () => golden(join(fixture, 'expected', path), read(dir, `output/${path}`)))

  it('keeps the structure of the source in every language', () => {
    const source = outline(read(dir, 'content/small.md'))
    expect(source).toEqual(['yaml', 'blockquote', 'h1', 'paragraph', 'h2', 'list', 'list', 'paragraph', 'table'])
    for (const lng of ['en', 'ko', 'ja']) expect(outline(read(dir, `output/${lng}/small.md`)).slice(0, source.length)).toEqual(source)
  })

  it('shows a missing segment as marked English, and a stale one as marked outdated where it starts and ends with the new English in a footnote', () => {
    const ko = read(dir, 'output/ko/small.md')
    expect(ko).toContain(
      `*(${ui('ko').staleMarker})* 마지막 문단은 번역 후에 바뀐다. *(${ui('ko').staleEnd})*[^stale-s0as9tn] *(${ui('ko').missingMarker})* Nobody has translated this sentence yet.`
    )
    expect(read(dir, 'output/ja/small.md')).toMatch(new RegExp(`〔${ui('ja').staleMarker}〕.+。〔${ui('ja').staleEnd}〕`))
    expect(ko).toMatch(/^\[\^stale-s0as9tn]: .*The final paragraph changed after translation\.$/m)
    expect(ko).toMatch(/^title: 짧은 성명$/m)
  })

  it('marks missing and stale segments in the HTML in words, and links every segment by its ID', () => {
    const html = read(dir, 'output/ko/small.html')
    expect(html).toContain('<html lang="ko">')
    expect(html).toContain('<title>짧은 성명</title>')
    expect(html).toContain(`<span class="mark mark-stale">[${ui('ko').staleMarker}]</span>`)
    // The current English as a numbered note, as the Markdown's footnote has it.
    expect(html).toContain('<sup class="note-ref" id="stale-note-ref-1"><a href="#stale-note-1">1</a></sup>')
    expect(html).toContain(`<li id="stale-note-1">${ui('ko').staleNote} ${ui('ko').originalEnglish}: <span lang="en">The final paragraph changed after translation.</span>`)
    expect(html).toMatch(new RegExp(`<span class="mark mark-stale">\\[${ui('ko').staleMarker}]</span> [^<]+ <span class="mark mark-stale mark-end">\\[${ui('ko').staleEnd}]</span>`))
    expect(html).toMatch(
      /<span id="sp0vf7m" data-seg="sp0vf7m" class="seg seg-missing"><span class="mark mark-missing">\[[^\]]+\]<\/span> <span lang="en">Nobody has translated this sentence yet\.<\/span><\/span>/
    )
    expect(html).toContain('<h2 id="ss4dgmw"><span data-seg="ss4dgmw" class="seg seg-current">조치</span></h2>')
    expect(html).toContain('<a href="#ss4dgmw">조치</a>')
    expect(html).toContain(ui('ko').note)
    expect(html).not.toMatch(/https?:\/\/(?!example\.org)/)
  })

  it('rewrites nothing when nothing changed, and only the affected files after an edit', () => {
    const before = outputs.map((p) => [read(dir, `output/${p}`), statSync(join(dir, 'output', p)).mtimeMs] as const)
    const again = build(dir)
    expect(again.stderr).toContain('build: 0 file(s) written, 8 unchanged')
    expect(outputs.map((p) => [read(dir, `output/${p}`), statSync(join(dir, 'output', p)).mtimeMs])).toEqual(before)

    const ja = JSON.parse(read(dir, 'locales/ja/small.json')) as Record<string, string>
    write(dir, 'locales/ja/small.json', JSON.stringify({...ja, s7m9svm: '新しい会員を招待する。'}, null, 2))
    const edited = build(dir)
    expect(edited.stderr.match(/^wrote .*$/gm)?.sort()).toEqual([
      'wrote output/aligned/small.html',
      'wrote output/aligned/small.md',
      'wrote output/ja/small.html',
      'wrote output/ja/small.md'
    ])
  })
})

describe('editions.missing', {timeout: 120_000}, () => {
  it('placeholder: shows the placeholder instead of the English', () => {
    const dir = tempProject(fixture)
    write(dir, '.concordrc.json', JSON.stringify({languages: ['ko', 'ja'], editions: {missing: 'placeholder'}}))
    build(dir)
    const ko = read(dir, 'output/ko/small.md')
    expect(ko).toContain(`*${ui('ko').missingPlaceholder.replace('[', '\\[')}*`)
    expect(ko).not.toContain('Nobody has translated')
    expect(read(dir, 'output/ko/small.html')).not.toContain('Nobody has translated')
  })

  it('omit: leaves the segment out, and drops a block that becomes empty', () => {
    const dir = tempProject(fixture)
    write(dir, '.concordrc.json', JSON.stringify({languages: ['ko', 'ja'], editions: {missing: 'omit'}}))
    const ko = JSON.parse(read(dir, 'locales/ko/small.json')) as Record<string, string>
    delete ko.ss4dgmw
    write(dir, 'locales/ko/small.json', JSON.stringify(ko, null, 2))
    build(dir)
    const md = read(dir, 'output/ko/small.md')
    expect(md).not.toContain('Nobody has translated')
    expect(md).not.toContain(ui('ko').missingPlaceholder.slice(1, -1))
    expect(outline(md)).toEqual(['yaml', 'blockquote', 'h1', 'paragraph', 'list', 'list', 'paragraph', 'table', 'footnoteDefinition'])
    const html = read(dir, 'output/ko/small.html')
    expect(html).not.toContain('id="ss4dgmw"')
    expect(html).not.toContain('Nobody has translated')
  })
})

describe('concord build options', {timeout: 120_000}, () => {
  it('--lang builds English, the chosen languages and an aligned edition of those', () => {
    const dir = tempProject()
    const run = concord(['build', '--lang', 'ko', '--format', 'md', '--out', 'site'], dir)
    expect(run.code, run.stderr).toBe(0)
    expect(run.stderr.match(/^wrote .*$/gm)).toEqual(['wrote site/en/statement.md', 'wrote site/ko/statement.md', 'wrote site/aligned/statement.md'])
    expect(read(dir, 'site/aligned/statement.md')).toContain('| Segment | English | 한국어 |\n')
  })

  it('rejects unknown formats and languages', () => {
    const dir = tempProject()
    const bad = concord(['build', '--format', 'docx'], dir)
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('Unexpected `docx` in --format, expected one of `md`, `html`, `pdf`')
    const lang = concord(['build', '--lang', 'fr'], dir)
    expect(lang.code).toBe(2)
    expect(lang.stderr).toContain('Unexpected `fr` in --lang')
  })

  it('stops when the registry is out of date', () => {
    const dir = tempProject()
    write(dir, 'content/statement.md', read(dir, 'content/statement.md').replace('Human rights are the most basic', 'Human rights are the very most basic'))
    const run = concord(['build', '--format', 'md'], dir)
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('[registry-outdated]')
  })
})
