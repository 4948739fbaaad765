import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'
import {concord, read, readJson, repo, tempProject, write} from '../helpers/cli.js'
import {hasSchema, msgfmt, ok, sampleProject, snapshot, xmllint} from '../helpers/interchange.js'

type Status = Record<string, Record<string, Record<string, string>>>
type StateFile = {segments: Record<string, {state: string; draft?: string}>}
interface Counts {
  total: number
  translated: number
  draft: number
  stale: number
  missing: number
}

/** The sample's missing segment, its stale one, and a current one. */
const MISSING = 'sxqnzzn'
const STALE = 's15jwgk'
const CURRENT = 'sv761va'

/** The PO entry of `id`, given a fuzzy `msgstr`. */
function fuzzyEntry(po: string, id: string, text: string): string {
  const entries = po.split('\n\n')
  const k = entries.findIndex((e) => e.includes(`msgctxt "${id}"`))
  const lines = entries[k]!.split('\n').filter((l) => l !== '#, fuzzy' && !l.startsWith('#| '))
  const at = lines.findIndex((l) => l.startsWith('#:'))
  lines.splice(at + 1, 0, '#, fuzzy')
  entries[k] = lines.join('\n').replace(/msgstr[\s\S]*?(\n?)$/, (_, end: string) => `msgstr "${text}"${end}`)
  return entries.join('\n\n')
}

const status = (dir: string): Status => JSON.parse(ok(['status', '--json'], dir).stdout) as Status

describe('drafts', () => {
  it('a fuzzy PO entry imports as a draft: kept, counted apart, hidden from i18next and editions (marked on request); accept confirms it', () => {
    const dir = sampleProject()
    ok(['export', '--lang', 'ko', '--format', 'po', '--out', 'ko.po'], dir)
    write(dir, 'ko.po', fuzzyEntry(read(dir, 'ko.po'), MISSING, '이것은 아직 초안이다.'))
    expect(msgfmt(join(dir, 'ko.po'))).toMatchObject({code: 0, fuzzy: 2})
    const run = ok(['import', 'ko.po'], dir)
    expect(run.stderr).toContain(`sample ${MISSING}: added (missing → draft): 이것은 아직 초안이다.`)
    expect(status(dir).sample!.ko![MISSING]).toBe('draft')
    expect(ok(['status', '--lang', 'ko'], dir).stdout).toMatch(/1 draft[\s\S]*draft +sxqnzzn[\s\S]*draft: 이것은 아직 초안이다\./)
    // Not where i18next reads: the draft is in the state file only.
    expect(readJson(dir, 'locales/ko/sample.json')[MISSING]).toBeUndefined()
    expect(readJson<StateFile>(dir, 'locales/ko/sample.state.json').segments[MISSING]).toMatchObject({state: 'draft', draft: '이것은 아직 초안이다.'})

    const coverage = JSON.parse(ok(['coverage', '--json'], dir).stdout) as {totals: {languages: Record<string, Counts>}}
    const ko = coverage.totals.languages.ko!
    expect(ko).toMatchObject({draft: 1, missing: 0, stale: 1, translated: 8})
    expect(ko.translated + ko.draft + ko.stale + ko.missing).toBe(ko.total)

    ok(['build', '--format', 'md'], dir)
    const hidden = read(dir, 'output/ko/sample.md')
    expect(hidden).not.toContain('아직 초안')
    expect(hidden).toContain('This one stays missing.')
    write(dir, '.concordrc.json', JSON.stringify({languages: ['ko'], editions: {drafts: 'mark'}}))
    ok(['build', '--format', 'md'], dir)
    const marker = readJson(repo, 'locales/ko/ui.json').draftMarker!
    expect(read(dir, 'output/ko/sample.md')).toContain(`*(${marker})* 이것은 아직 초안이다.`)

    // Exported again, a draft is fuzzy in PO and `initial` in XLIFF, with its text.
    ok(['export', '--lang', 'ko', '--format', 'po', '--out', 'again.po'], dir)
    expect(read(dir, 'again.po')).toMatch(/#, fuzzy\nmsgctxt "sxqnzzn"\nmsgid "This one stays missing."\nmsgstr "이것은 아직 초안이다."/)
    expect(msgfmt(join(dir, 'again.po'))).toMatchObject({code: 0, fuzzy: 2, untranslated: 0})
    ok(['export', '--lang', 'ko', '--format', 'xliff', '--out', 'again.xlf'], dir)
    expect(read(dir, 'again.xlf')).toMatch(/<unit id="sxqnzzn">[\s\S]*?<segment state="initial">\s*<source>This one stays missing\.<\/source>\s*<target>이것은 아직 초안이다\.<\/target>/)
    if (hasSchema) expect(xmllint(join(dir, 'again.xlf')).code).toBe(0)

    ok(['accept', 'ko', MISSING], dir)
    expect(status(dir).sample!.ko![MISSING]).toBe('translated')
    expect(readJson(dir, 'locales/ko/sample.json')[MISSING]).toBe('이것은 아직 초안이다.')
  })

  it('an XLIFF `initial` target imports as a draft, and a confirmed import of the same text makes it translated', () => {
    const dir = sampleProject()
    ok(['export', '--lang', 'ko', '--format', 'xliff', '--out', 'ko.xlf'], dir)
    const unit = /<unit id="sxqnzzn">[\s\S]*?<\/source>/
    write(
      dir,
      'ko.xlf',
      read(dir, 'ko.xlf').replace(unit, (u) => `${u}<target>초안.</target>`)
    )
    ok(['import', 'ko.xlf'], dir)
    expect(status(dir).sample!.ko![MISSING]).toBe('draft')
    ok(['export', '--lang', 'ko', '--format', 'xliff', '--out', 'ko.xlf'], dir)
    write(dir, 'ko.xlf', read(dir, 'ko.xlf').replace(/(<unit id="sxqnzzn">[\s\S]*?<segment state=")initial/, '$1translated'))
    expect(ok(['import', 'ko.xlf'], dir).stderr).toContain(`sample ${MISSING}: accepted (draft → translated): 초안.`)
    expect(readJson(dir, 'locales/ko/sample.json')[MISSING]).toBe('초안.')
  })

  it('an editor saves a draft through the library call; the confirmed translation stays what i18next shows', async () => {
    const dir = sampleProject()
    const api = (await import(pathToFileURL(join(repo, 'dist', 'index.js')).href)) as typeof import('../../src/index.js')
    const project = api.loadProject(dir)
    const before = readJson(dir, 'locales/ko/sample.json')
    expect(api.saveDraft(project, 'ko', 'sample', CURRENT, '뜻 (초안)').map((p) => p.slice(dir.length + 1))).toEqual(['locales/ko/sample.state.json'])
    expect(readJson(dir, 'locales/ko/sample.json')).toEqual(before)
    expect(status(dir).sample!.ko![CURRENT]).toBe('draft')
    // Hidden in editions by default: the confirmed translation shows, as before.
    ok(['build', '--format', 'md'], dir)
    expect(read(dir, 'output/ko/sample.md')).toContain(before[CURRENT]!)
    expect(() => api.saveDraft(project, 'ko', 'sample', 'nosuchid', 'x')).toThrow(/Unexpected segment ID/)
  })
})

describe('checks at import', () => {
  it('--dry-run reports a changed figure at its place in the file and writes nothing; the import refuses it; --allow-errors imports it as a draft', () => {
    const dir = tempProject()
    ok(['export', '--lang', 'ko', '--format', 'po', '--document', 'statement', '--out', 'ko.po'], dir)
    const po = read(dir, 'ko.po')
    // In the msgstr, not in the comment that carries the translation as exported.
    const changed = po
      .split('\n')
      .map((l) => (l.startsWith('#') ? l : l.replace('28일부터 30일까지', '28일부터 31일까지')))
      .join('\n')
    expect(changed).not.toBe(po)
    write(dir, 'ko.po', changed)
    // The place is the entry's `msgstr` (its text may go on over the next lines).
    const lines = changed.split('\n')
    const line = lines.findLastIndex((l, k) => l.startsWith('msgstr') && k <= lines.findIndex((m) => m.includes('31일까지'))) + 1
    const before = snapshot(dir)
    for (const args of [['--dry-run'], []]) {
      const run = concord(['import', 'ko.po', ...args], dir)
      expect(run.code, run.stderr).toBe(1)
      expect(run.stderr).toMatch(new RegExp(`^ko\\.po:${line}:1: Unexpected translation of \`s7bd4xg\` \\(ko\\) without \`30\`.*\\[number-mismatch\\]$`, 'm'))
      expect(run.stderr).toMatch(/nothing imported, locales unchanged: correct them in the file, or import those segments as drafts with --allow-errors/)
      expect(snapshot(dir)).toEqual(before)
    }
    const run = ok(['import', 'ko.po', '--allow-errors'], dir)
    expect(run.stderr).toContain('[number-mismatch]')
    expect(run.stderr).toMatch(/1 as draft/)
    expect(status(dir).statement!.ko!.s7bd4xg).toBe('draft')
    expect(readJson(dir, 'locales/ko/statement.json').s7bd4xg).toContain('30일까지')
  })
})

describe('conflicts', () => {
  it('show the text as exported beside both current texts; --prefer file or locale settles them', () => {
    const dir = sampleProject()
    ok(['export', '--lang', 'ko', '--format', 'po', '--out', 'ko.po'], dir)
    const exported = readJson(dir, 'locales/ko/sample.json')[CURRENT]!
    write(dir, 'ko.po', read(dir, 'ko.po').replace(`msgstr "${exported}"`, 'msgstr "파일의 뜻"'))
    const locale = readJson(dir, 'locales/ko/sample.json')
    write(dir, 'locales/ko/sample.json', JSON.stringify({...locale, [CURRENT]: '로케일의 뜻'}, null, 2))
    const refused = concord(['import', 'ko.po'], dir)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain(`exported \`${exported}\`, the file says \`파일의 뜻\`, the locale \`로케일의 뜻\``)
    expect(refused.stderr).toContain('[import-conflict]')
    const kept = ok(['import', 'ko.po', '--prefer', 'locale', '--dry-run'], dir)
    expect(kept.stderr).toMatch(/1 conflict\(s\) settled for the locale/)
    expect(ok(['import', 'ko.po', '--prefer', 'file'], dir).stderr).toMatch(/1 conflict\(s\) settled for the file/)
    expect(readJson(dir, 'locales/ko/sample.json')[CURRENT]).toBe('파일의 뜻')
    expect(concord(['import', 'ko.po', '--prefer', 'both'], dir).code).toBe(2)
  })
})

describe('context with --only', () => {
  it('carries the neighbouring sentences left out of the file as read-only context, in PO and XLIFF', () => {
    const dir = sampleProject()
    ok(['export', '--lang', 'ko', '--format', 'po', '--only', 'missing', '--out', 'ko.po'], dir)
    const po = read(dir, 'ko.po')
    expect(po).toContain(`#. Previous sentence (${STALE}, not in this file): This sentence has changed. — ko: 이 문장은 바뀔 것이다.`)
    expect(msgfmt(join(dir, 'ko.po'))).toMatchObject({code: 0, untranslated: 1})
    ok(['export', '--lang', 'ko', '--format', 'xliff', '--only', 'missing', '--out', 'ko.xlf'], dir)
    expect(read(dir, 'ko.xlf')).toContain(`<note category="context-previous">Previous sentence (${STALE}, not in this file): This sentence has changed. — ko: 이 문장은 바뀔 것이다.</note>`)
    if (hasSchema) expect(xmllint(join(dir, 'ko.xlf')).code).toBe(0)
    // The context is read-only: the file imports as it is, changing nothing.
    expect(ok(['import', 'ko.xlf'], dir).stderr).toMatch(/0 added, 0 updated/)
    // Without --only, every sentence is in the file: no context notes.
    expect(ok(['export', '--lang', 'ko', '--format', 'po'], dir).stdout).not.toContain('not in this file')
  })

  it('labels sections by the short title or a heading cut at a word, not the whole title', () => {
    const dir = tempProject()
    const po = ok(['export', '--lang', 'mn', '--format', 'po', '--document', 'statement', '--only', 'missing'], dir).stdout
    const sections = [...po.matchAll(/; section: ([^\n]*)/g)].map((m) => m[1]!)
    expect(sections.length).toBeGreaterThan(0)
    for (const section of sections) expect(section.length).toBeLessThanOrEqual(60)
    expect(po).not.toContain('section: Joint Statement issued on 29 August 2007')
  })
})
