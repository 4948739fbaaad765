/**
 * `concord build --format pdf` end to end: a character no font has fails the
 * build naming the locale file and segment, outputs are reproducible, options
 * change the paper and the draft threshold, and the structures of a small
 * document (lists, table, link, stale and missing segments) are printed.
 */
import {execFileSync} from 'node:child_process'
import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {bodyFrame, defaultGeometry} from '../../src/pdf/page-flow.js'
import {pdfInfo} from '../helpers/read-pdf.js'
import {concord, read, readJson, repo, tempProject} from '../helpers/cli.js'
import {collapse, frameText, listFiles, squash} from '../helpers/pdf-build.js'

const build = (dir: string, args: string[], env: Record<string, string> = {}) => concord(['build', '--format', 'pdf', ...args], dir, env)
const built = (dir: string, args: string[], env: Record<string, string> = {}): void => {
  const run = build(dir, args, env)
  expect(run.code, run.stderr).toBe(0)
}

describe('a character no font covers', () => {
  const registry = readJson<{segments: Record<string, {kind: string; field?: string}>}>(repo, 'locales/en/statement.registry.json').segments
  const body = Object.keys(registry).filter((id) => registry[id]!.kind !== 'meta')[3]!
  const author = Object.keys(registry).find((id) => registry[id]!.field === 'author')!

  it.each([
    ['a sentence', body],
    ['a front matter field (the author)', author]
  ])('in %s fails the build with the locale file, the key’s line and column, the segment and the character, and writes nothing', {timeout: 120_000}, (_, id) => {
    const dir = tempProject()
    const path = join(dir, 'locales/ko/statement.json')
    const strings = readJson(dir, 'locales/ko/statement.json')
    writeFileSync(path, read(dir, 'locales/ko/statement.json').replace(strings[id]!, `${strings[id]!.slice(0, 4)}\u{10900}${strings[id]!.slice(4)}`))
    const line =
      read(dir, 'locales/ko/statement.json')
        .split('\n')
        .findIndex((l) => l.includes(`"${id}"`)) + 1
    // Every format: the Markdown and HTML renderers run first, and still nothing may be written.
    const run = concord(['build', '--out', 'out'], dir)
    expect(run.code, run.stderr).toBe(1)
    expect(run.stderr).toContain(`locales/ko/statement.json:${line}:3: Unexpected character \`U+10900\` (“\u{10900}”) in the ko translation of \`${id}\``)
    expect(run.stderr).toContain('[pdf-glyph-missing]')
    expect(existsSync(join(dir, 'out')) ? listFiles(join(dir, 'out')) : []).toEqual([])
  })

  it('names the UI string when a marker cannot be drawn', {timeout: 120_000}, () => {
    const dir = tempProject()
    const ui = readJson(dir, 'locales/ja/ui.json')
    writeFileSync(join(dir, 'locales/ja/ui.json'), JSON.stringify({...ui, staleMarker: `古い\u{10900}翻訳`}, null, 2) + '\n')
    const run = build(dir, ['--out', 'out', '--lang', 'ja'])
    expect(run.code, run.stderr).toBe(1)
    expect(run.stderr).toMatch(/locales\/ja\/ui\.json:\d+:3: Unexpected character `U\+10900` .* in the ja UI string `staleMarker`/)
  })
})

describe('reproducible PDFs', () => {
  it('gives byte-identical files across runs, dates them from SOURCE_DATE_EPOCH, else the last commit of the inputs, never the document', {timeout: 240_000}, () => {
    const dir = tempProject()
    const unset = {SOURCE_DATE_EPOCH: ''}
    for (const out of ['a', 'b']) built(dir, ['--lang', 'ko', '--out', out], unset)
    const files = listFiles(join(dir, 'a'))
    expect(files).toEqual(['aligned/statement.en-ko.pdf', 'en/statement.pdf', 'ko/statement.pdf'])
    for (const file of files) expect(readFileSync(join(dir, 'a', file)).equals(readFileSync(join(dir, 'b', file))), file).toBe(true)
    // Outside a repository: a fixed epoch, not the statement's own date (2007-08-29, in its title block).
    const fallback = pdfInfo(join(dir, 'a/ko/statement.pdf'))
    expect(fallback.CreationDate).toMatch(/^1970-01-01T00:00:00/)
    expect(fallback.CreationDate).not.toMatch(/^2007-08-29/)

    // A second run into the same folder leaves every file as it was.
    const again = build(dir, ['--lang', 'ko', '--out', 'a'], unset)
    expect(again.stderr).not.toContain('wrote')

    built(dir, ['--lang', 'ko', '--out', 'c'], {SOURCE_DATE_EPOCH: '1700000000'})
    const info = pdfInfo(join(dir, 'c/ko/statement.pdf'))
    expect(info.CreationDate).toMatch(/^2023-11-14T22:13:20/)
    expect(info.ModDate).toMatch(/^2023-11-14T22:13:20/)
    // The XMP packet says the same as the Info dictionary.
    expect(execFileSync('pdfinfo', ['-meta', join(dir, 'c/ko/statement.pdf')], {encoding: 'utf8'})).toContain(
      '<xmp:CreateDate>2023-11-14T22:13:20Z</xmp:CreateDate><xmp:ModifyDate>2023-11-14T22:13:20Z</xmp:ModifyDate>'
    )
    expect(readFileSync(join(dir, 'c/ko/statement.pdf')).equals(readFileSync(join(dir, 'a/ko/statement.pdf')))).toBe(false)

    const bad = build(dir, ['--lang', 'ko', '--out', 'd'], {SOURCE_DATE_EPOCH: 'yesterday'})
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('Unexpected SOURCE_DATE_EPOCH `yesterday`')

    // In a repository: the time of the last commit touching content/, locales/ or .concordrc.json.
    const git = (...args: string[]) =>
      execFileSync('git', args, {cwd: dir, env: {...process.env, GIT_AUTHOR_DATE: '@1500000000 +0000', GIT_COMMITTER_DATE: '@1500000000 +0000'}, stdio: 'pipe'})
    git('init', '-q')
    git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'add', 'content', 'locales', '.concordrc.json')
    git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-q', '-m', 'inputs')
    built(dir, ['--lang', 'ko', '--out', 'e', '--format', 'pdf'], unset)
    expect(pdfInfo(join(dir, 'e/ko/statement.pdf')).CreationDate).toMatch(/^2017-07-14T02:40:00/)
  })
})

describe('pdf options', () => {
  it('prints on A5 or Letter, and moves the draft threshold', {timeout: 240_000}, () => {
    const dir = tempProject()
    const config = readJson<Record<string, unknown>>(dir, '.concordrc.json')
    writeFileSync(join(dir, '.concordrc.json'), JSON.stringify({...config, pdf: {pageSize: 'A5', draftBelow: 50}}))
    built(dir, ['--lang', 'mn', '--out', 'a5'])
    const a5 = pdfInfo(join(dir, 'a5/mn/statement.pdf'))
    expect(a5['Page size']).toContain('419.53 x 595.28')
    expect(Number(a5.Pages)).toBeGreaterThan(2)
    const draft = readJson(dir, 'locales/mn/ui.json').draft!.split('{{percent}}')[0]!
    expect(squash(frameText(join(dir, 'a5/mn/statement.pdf'), bodyFrame(defaultGeometry('A5'))))).not.toContain(squash(draft))

    writeFileSync(join(dir, '.concordrc.json'), JSON.stringify({...config, pdf: {pageSize: 'LETTER'}}))
    built(dir, ['--lang', 'mn', '--out', 'letter'])
    expect(pdfInfo(join(dir, 'letter/aligned/statement.en-mn.pdf'))['Page size']).toContain('612 x 792')
    expect(squash(frameText(join(dir, 'letter/mn/statement.pdf'), bodyFrame(defaultGeometry('LETTER'))))).toContain(squash(draft))
  })
})

describe('document structures in print', () => {
  it('prints lists with markers, tables, links, and marks stale and missing segments', {timeout: 120_000}, () => {
    const dir = tempProject(join(repo, 'tests/fixtures/editions-small'))
    const run = build(dir, ['--out', 'out'])
    expect(run.code, run.stderr).toBe(0)
    const body = bodyFrame(defaultGeometry('A4'))
    const ko = collapse(frameText(join(dir, 'out/ko/small.pdf'), body))
    const koUi = JSON.parse(readFileSync(join(repo, 'locales/ko/ui.json'), 'utf8')) as Record<string, string>
    expect(ko).toContain('• 보고서를 세 개 언어로 발간한다.')
    expect(ko).toContain('1. 내년에 다시 만난다.')
    expect(ko).toContain('2. 새 회원을 초청한다.')
    expect(ko).toContain(`[${koUi.staleMarker}] 마지막 문단은 번역 후에 바뀐다.`)
    expect(ko).toContain(`[${koUi.missingMarker}] Nobody has translated this sentence yet.`)
    expect(ko).toMatch(/용어\s+의미/)
    expect(ko).toMatch(/IPCNKR\s+연맹/)
    expect(readFileSync(join(dir, 'out/ko/small.pdf')).toString('latin1')).toContain('/URI (https://example.org/report)')
    const aligned = collapse(frameText(join(dir, 'out/aligned/small.en-ko.pdf'), body))
    expect(aligned).toContain(koUi.missingPlaceholder)
    expect(aligned).toContain('The final paragraph changed after translation.')
  })
})

describe('outdated translations and drafts in print', () => {
  it('labels an edition whose only gaps are outdated sentences "N outdated", marks each where it starts and ends', {timeout: 240_000}, () => {
    const dir = tempProject()
    const statePath = join(dir, 'locales/ko/statement.state.json')
    const state = JSON.parse(readFileSync(statePath, 'utf8')) as {segments: Record<string, {source: string}>}
    const registry = readJson<{segments: Record<string, {kind: string}>}>(dir, 'locales/en/statement.registry.json').segments
    const stale = Object.keys(registry)
      .filter((id) => registry[id]!.kind !== 'meta' && state.segments[id])
      .slice(5, 7)
    // Translated from another English than the current one: outdated.
    for (const id of stale) state.segments[id]!.source = '000000000000'
    writeFileSync(statePath, JSON.stringify(state, null, 2) + '\n')
    const run = concord(['build', '--format', 'pdf,html', '--lang', 'ko', '--out', 'out'], dir, {SOURCE_DATE_EPOCH: ''})
    expect(run.code, run.stderr).toBe(0)
    const ui = readJson(dir, 'locales/ko/ui.json')
    const text = collapse(execFileSync('pdftotext', [join(dir, 'out/ko/statement.pdf'), '-'], {encoding: 'utf8'}))
    expect(text).toContain(ui.outdated_other!.replace('{{count}}', '2'))
    expect(text).not.toContain(ui.draft!.split('{{percent}}')[0]!.trim())
    // Each outdated sentence: the marker, its text, then the end mark.
    expect(text.split(`[${ui.staleMarker}]`).length - 1).toBe(2)
    expect(text.split(`[${ui.staleEnd}]`).length - 1).toBe(2)
    expect(text).toMatch(new RegExp(`\\[${ui.staleMarker}][^[]+\\[${ui.staleEnd}]`))
    // The current English of each as an endnote, in the PDF and the HTML page.
    expect(text.split(`${ui.staleNote} ${ui.originalEnglish}: `).length - 1).toBe(2)
    const html = read(dir, 'out/ko/statement.html')
    expect(html.split('mark mark-stale mark-end').length - 1).toBe(2)
    expect(html.split(/<li id="stale-note-\d+">/).length - 1).toBe(2)
  })

  it('says a draft is a draft on every page, in the edition and the parallel edition', {timeout: 240_000}, () => {
    const dir = tempProject()
    built(dir, ['--lang', 'mn', '--out', 'out'], {SOURCE_DATE_EPOCH: ''})
    const draft = readJson(dir, 'locales/mn/ui.json').draft!.split('{{percent}}')[0]!.trim()
    for (const file of ['out/mn/statement.pdf', 'out/aligned/statement.en-mn.pdf']) {
      const pages = execFileSync('pdftotext', [join(dir, file), '-'], {encoding: 'utf8'})
        .split('\f')
        .filter((page) => page.trim())
      expect(pages.length, file).toBeGreaterThan(1)
      for (const [i, page] of pages.entries()) expect(page, `${file} page ${i + 1}`).toContain(draft)
    }
  })
})
