import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {concord, read, readJson, tempProject, write} from '../helpers/cli.js'
import {golden} from '../helpers/golden.js'
import {fixture, hasSchema, msgfmt, ok, sampleProject, schema, snapshot, where, xmllint} from '../helpers/interchange.js'

const LANGUAGES = ['ko', 'ja', 'mn']
type Status = Record<string, Record<string, Record<string, string>>>

describe('concord export', () => {
  it('writes the sample as the golden XLIFF and PO files (SOURCE_DATE_EPOCH dates the PO)', () => {
    const dir = sampleProject()
    const env = {SOURCE_DATE_EPOCH: '1188345600'}
    golden(join(fixture, 'sample.ko.xlf'), ok(['export', '--lang', 'ko', '--format', 'xliff'], dir, env).stdout)
    const po = ok(['export', '--lang', 'ko', '--format', 'po'], dir, env)
    golden(join(fixture, 'sample.ko.po'), po.stdout)
    expect(po.stdout).toContain('"PO-Revision-Date: 2007-08-29 00:00+0000\\n"')
    // stdout carries only the file; nothing else is printed.
    expect(po.stderr).toBe('')
  })

  it.skipIf(!hasSchema)(`writes XLIFF that validates against ${schema} for every language, filter and document set`, () => {
    const dir = tempProject()
    write(dir, 'content/other.md', '# Another document\n\nIt has *two* sentences. This is the second.\n')
    ok(['segment'], dir)
    for (const lang of LANGUAGES) {
      for (const only of [[], ['--only', 'missing,stale'], ['--document', 'other']]) {
        ok(['export', '--lang', lang, '--format', 'xliff', '--out', 'out.xlf', ...only], dir)
        const lint = xmllint(join(dir, 'out.xlf'))
        expect(lint.stderr, `${lang} ${only.join(' ')}`).toBe(`${join(dir, 'out.xlf')} validates\n`)
      }
    }
    const text = read(dir, 'out.xlf')
    expect(text.match(/<file id="/g)).toHaveLength(1)
    ok(['export', '--lang', 'ko', '--format', 'xliff', '--out', 'all.xlf'], dir)
    expect(read(dir, 'all.xlf').match(/<file id="(\w+)"/g)).toEqual(['<file id="other"', '<file id="statement"'])
    const sample = sampleProject()
    ok(['export', '--lang', 'ko', '--format', 'xliff', '--out', 'sample.xlf'], sample)
    expect(xmllint(join(sample, 'sample.xlf')).code).toBe(0)
  })

  it('writes PO that msgfmt accepts, counting exactly the states of `concord status` and `concord coverage`', () => {
    for (const dir of [tempProject(), sampleProject()]) {
      const status = JSON.parse(ok(['status', '--json'], dir).stdout) as Status
      const coverage = JSON.parse(ok(['coverage', '--json'], dir).stdout) as {documents: Array<{id: string; languages: Record<string, {translated: number; stale: number; missing: number}>}>}
      for (const [document, languages] of Object.entries(status)) {
        for (const [lang, states] of Object.entries(languages)) {
          ok(['export', '--lang', lang, '--format', 'po', '--out', 'out.po'], dir)
          const counts = msgfmt(join(dir, 'out.po'))
          expect(counts.code, counts.stderr).toBe(0)
          const n = (...wanted: string[]) => Object.values(states).filter((s) => wanted.includes(s)).length
          expect([counts.translated, counts.fuzzy, counts.untranslated], `${document} ${lang}`).toEqual([n('translated', 'reviewed'), n('stale'), n('missing')])
          const covered = coverage.documents.find((d) => d.id === document)!.languages[lang]!
          expect([counts.translated, counts.fuzzy, counts.untranslated]).toEqual([covered.translated, covered.stale, covered.missing])
        }
      }
    }
  })

  it('keeps only the states asked for, and says so when none is left', () => {
    const dir = sampleProject()
    const po = ok(['export', '--lang', 'ko', '--format', 'po', '--only', 'missing,stale'], dir).stdout
    expect(po.match(/^msgctxt "(\w+)"/gm)).toEqual(['msgctxt "s15jwgk"', 'msgctxt "sxqnzzn"'])
    const none = ok(['export', '--lang', 'ko', '--format', 'xliff', '--only', 'stale', '--out', 'x.xlf'], tempProject())
    expect(none.stderr).toMatch(/^nothing to export: no segment of ko is stale$/m)
  })

  it('exits 2 on usage errors: unknown language, format or state, and a PO of several documents', () => {
    const dir = tempProject()
    write(dir, 'content/other.md', '# Another document\n')
    ok(['segment'], dir)
    const cases: Array<[string[], RegExp]> = [
      [['--lang', 'fr', '--format', 'po', '--document', 'other'], /Unexpected language `fr`, expected a configured target language/],
      [['--lang', 'ko', '--format', 'docx'], /Unexpected format `docx`, expected one of `xliff`, `xliff12`, `po`, `tmx`, `tbx`, `csv`/],
      [['--lang', 'ko', '--format', 'po', '--only', 'done'], /Unexpected state `done` in --only/],
      [['--lang', 'ko', '--format', 'po'], /a PO file holds one document; add --document with one of `other`, `statement`/],
      [['--format', 'po'], /required option '--lang <lng>' not specified/]
    ]
    for (const [args, pattern] of cases) {
      const run = concord(['export', ...args], dir)
      expect(run.code, args.join(' ')).toBe(2)
      expect(run.stderr).toMatch(pattern)
    }
    expect(ok(['export', '--lang', 'ko', '--format', 'po', '--document', 'other'], dir).stdout).toContain('X-Concord-Document: other')
  })
})

describe('concord import', () => {
  it('is a no-op on its own unchanged exports: locales stay byte-identical', () => {
    const projects: Array<[string, string[]]> = [
      [tempProject(), LANGUAGES],
      [sampleProject(), ['ko']]
    ]
    for (const [dir, languages] of projects) {
      const before = snapshot(dir)
      for (const lang of languages) {
        for (const format of ['xliff', 'po']) {
          ok(['export', '--lang', lang, '--format', format, '--out', `out.${format}`], dir)
          const run = ok(['import', `out.${format}`], dir)
          expect(run.stderr).toMatch(new RegExp(`^out\\.${format} \\(${format}, ${lang}\\): 0 added, 0 updated, 0 accepted, 0 reviewed, 0 obsolete, \\d+ unchanged$`, 'm'))
          expect(snapshot(dir)).toEqual(before)
        }
      }
    }
  })

  it('--dry-run lists what would change and writes nothing', () => {
    const dir = sampleProject()
    ok(['export', '--lang', 'ko', '--format', 'po', '--out', 'ko.po'], dir)
    write(dir, 'ko.po', read(dir, 'ko.po').replace('msgid "This one stays missing."\nmsgstr ""', 'msgid "This one stays missing."\nmsgstr "이 문장은 계속 빠져 있다."'))
    const before = snapshot(dir)
    const run = ok(['import', 'ko.po', '--dry-run'], dir)
    expect(run.stderr).toContain('  sample sxqnzzn: added (missing → translated): 이 문장은 계속 빠져 있다.')
    expect(run.stderr).toMatch(/1 added, 0 updated, 0 accepted, 0 reviewed, 0 obsolete, 9 unchanged — dry run, nothing written$/m)
    expect(snapshot(dir)).toEqual(before)
    ok(['import', 'ko.po'], dir)
    expect(readJson(dir, 'locales/ko/sample.json').sxqnzzn).toBe('이 문장은 계속 빠져 있다.')
    expect((JSON.parse(ok(['status', '--json'], dir).stdout) as Status).sample!.ko!.sxqnzzn).toBe('translated')
  })

  it('confirms a stale translation when the translator clears `fuzzy` (PO) or sets it `translated` (XLIFF), and marks `reviewed`', () => {
    const dir = sampleProject()
    ok(['export', '--lang', 'ko', '--format', 'po', '--out', 'ko.po'], dir)
    write(dir, 'ko.po', read(dir, 'ko.po').replace('#, fuzzy\n', ''))
    expect(ok(['import', 'ko.po'], dir).stderr).toContain('sample s15jwgk: accepted (stale → translated): 이 문장은 바뀔 것이다.')
    ok(['export', '--lang', 'ko', '--format', 'xliff', '--out', 'ko.xlf'], dir)
    const xlf = read(dir, 'ko.xlf')
    const unit = xlf.indexOf('<unit id="swgnfz4">')
    write(dir, 'ko.xlf', xlf.slice(0, unit) + xlf.slice(unit).replace('state="translated"', 'state="final"'))
    expect(ok(['import', 'ko.xlf'], dir).stderr).toContain('sample swgnfz4: reviewed (translated → reviewed)')
    const states = (JSON.parse(ok(['status', '--json'], dir).stdout) as Status).sample!.ko!
    expect([states.s15jwgk, states.swgnfz4]).toEqual(['translated', 'reviewed'])
  })

  it('imports a translation of English that changed after the export as stale, and says so', () => {
    const dir = sampleProject()
    ok(['export', '--lang', 'ko', '--format', 'xliff', '--out', 'ko.xlf'], dir)
    write(dir, 'content/sample.md', read(dir, 'content/sample.md').replace('A coalition of parliamentarians.', 'A coalition of members of parliament.'))
    ok(['segment'], dir)
    const xlf = read(dir, 'ko.xlf')
    write(dir, 'ko.xlf', xlf.replace('<target>의원들의 연맹.</target>', '<target>국회의원들의 연맹.</target>'))
    const run = ok(['import', 'ko.xlf'], dir)
    expect(run.stderr).toMatch(
      new RegExp(
        `^ko\\.xlf:${where(xlf, '<unit id="swgnfz4">')}: Unexpected English revision 1 for \`swgnfz4\`, expected revision 2: the English changed after the export, so the translation is imported as stale.*\\[import-stale\\]$`,
        'm'
      )
    )
    expect(readJson(dir, 'locales/ko/sample.json').swgnfz4).toBe('국회의원들의 연맹.')
    expect((JSON.parse(ok(['status', '--json'], dir).stdout) as Status).sample!.ko!.swgnfz4).toBe('stale')
  })

  it('never deletes: units left out or emptied keep their translations; a retired segment goes to the obsolete file', () => {
    const dir = sampleProject()
    ok(['export', '--lang', 'ko', '--format', 'po', '--out', 'ko.po'], dir)
    const before = snapshot(dir)
    const po = read(dir, 'ko.po')
    const entries = po.split('\n\n')
    // Drop half the entries and empty another one, as a translator's partial file would.
    write(dir, 'part.po', [...entries.slice(0, 4), ...entries.slice(5, 8).map((e) => e.replace(/msgstr "[^"]*"$/, 'msgstr ""'))].join('\n\n') + '\n')
    expect(ok(['import', 'part.po'], dir).stderr).toMatch(/0 added, 0 updated, 0 accepted, 0 reviewed, 0 obsolete, 6 unchanged$/m)
    expect(snapshot(dir)).toEqual(before)
    write(dir, 'ko.po', po.replace('msgstr "의원들의 연맹."', 'msgstr "의원 연맹."'))
    write(dir, 'content/sample.md', read(dir, 'content/sample.md').replace(/\| IPCNKR \|.*\n/, ''))
    ok(['segment'], dir)
    const run = ok(['import', 'ko.po'], dir)
    expect(run.stderr).toMatch(/ko\.po:\d+:1: Unexpected retired segment `swgnfz4`.*\[import-retired\]/)
    expect(readJson<Record<string, {translation: string}>>(dir, 'locales/ko/sample.obsolete.json').swgnfz4!.translation).toBe('의원 연맹.')
  })
})
