import {describe, expect, it} from 'vitest'
import {concord, read, readJson, tempProject, write} from '../helpers/cli.js'
import {ok, sampleProject, snapshot, tool, where} from '../helpers/interchange.js'

/**
 * Every bad file is rejected end to end: exit 1, `path:line:col: reason [rule]`
 * on stderr, and not one byte of `locales/` changed.
 */

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

function rejects(dir: string, file: string, place: string, reason: string, rule: string): string {
  const before = snapshot(dir)
  const run = concord(['import', file], dir)
  expect(run.code, run.stderr).toBe(1)
  expect(run.stderr).toMatch(new RegExp(`^${escape(file)}:${place}: ${escape(reason)}.*\\[${rule}\\]$`, 'm'))
  expect(snapshot(dir)).toEqual(before)
  return run.stderr
}

/** A project with fresh Korean exports in both formats. */
function exported(): {dir: string; xlf: string; po: string} {
  const dir = sampleProject()
  ok(['export', '--lang', 'ko', '--format', 'xliff', '--out', 'ko.xlf'], dir)
  ok(['export', '--lang', 'ko', '--format', 'po', '--out', 'ko.po'], dir)
  return {dir, xlf: read(dir, 'ko.xlf'), po: read(dir, 'ko.po')}
}

describe('concord import rejects bad files without touching the locales', () => {
  it('unknown segment IDs', () => {
    const {dir, xlf, po} = exported()
    write(dir, 'a.xlf', xlf.replace('<unit id="sv761va">', '<unit id="sNOPE00">'))
    rejects(dir, 'a.xlf', where(xlf, '<unit id="sv761va">'), 'Unexpected segment ID `sNOPE00`, expected an ID of document `sample`', 'import-unknown-id')
    write(dir, 'a.po', po.replace('msgctxt "sv761va"', 'msgctxt "sNOPE00"'))
    rejects(dir, 'a.po', where(po, 'msgctxt "sv761va"'), 'Unexpected segment ID `sNOPE00`', 'import-unknown-id')
    write(dir, 'b.po', po.replace('msgctxt "sv761va"\n', ''))
    rejects(dir, 'b.po', where(read(dir, 'b.po'), 'msgid "Meaning"'), 'Unexpected entry without `msgctxt` (msgid `Meaning`)', 'import-unknown-id')
  })

  it('a language that is not configured, or none at all', () => {
    const {dir, xlf, po} = exported()
    write(dir, 'a.xlf', xlf.replace('trgLang="ko"', 'trgLang="fr"'))
    rejects(dir, 'a.xlf', '2:1', 'Unexpected language `fr`, expected a configured target language (`ko`)', 'import-language')
    write(dir, 'a.po', po.replace('Language: ko', 'Language: ja'))
    rejects(dir, 'a.po', where(po, 'msgid ""'), 'Unexpected language `ja`, expected a configured target language (`ko`)', 'import-language')
    write(dir, 'b.po', po.replace('"Language: ko\\n"\n', ''))
    rejects(dir, 'b.po', where(po, 'msgid ""'), 'Unexpected file without a target language, expected a `Language` header', 'import-language')
  })

  it('English that is neither the current text nor a previous revision', () => {
    const {dir, xlf, po} = exported()
    write(dir, 'a.po', po.replace('msgid "A coalition of parliamentarians."', 'msgid "A coalition of politicians."'))
    rejects(
      dir,
      'a.po',
      where(po, 'msgctxt "swgnfz4"'),
      'Unexpected English `A coalition of politicians.` for `swgnfz4`, expected the current English `A coalition of parliamentarians.`',
      'import-source-mismatch'
    )
    write(dir, 'a.xlf', xlf.replace('<source>Meaning</source>', '<source>Sense</source>'))
    rejects(dir, 'a.xlf', where(xlf, '<unit id="sv761va">'), 'Unexpected edited English in unit `sv761va`, expected the `<source>` as exported', 'import-source-mismatch')
    // Without the notes (a tool that drops them), the text itself is checked.
    write(dir, 'b.xlf', xlf.replace(/<notes>[\s\S]*?<\/notes>\n\s*/g, '').replace('<source>Meaning</source>', '<source>Sense</source>'))
    rejects(dir, 'b.xlf', where(read(dir, 'b.xlf'), '<unit id="sv761va">'), 'Unexpected English `Sense` for `sv761va`', 'import-source-mismatch')
  })

  it('malformed XML and malformed PO, at the line and column of the problem', () => {
    const {dir, xlf, po} = exported()
    write(dir, 'a.xlf', xlf.replace('<target>의미</target>', '<target>의미 & 뜻</target>'))
    rejects(dir, 'a.xlf', where(read(dir, 'a.xlf'), '& 뜻'), 'Unexpected XML: disallowed character in entity name; expected well-formed XML', 'import-malformed-xml')
    write(dir, 'b.xlf', xlf.replace('</file>', ''))
    rejects(dir, 'b.xlf', '\\d+:\\d+', 'Unexpected XML: unexpected close tag', 'import-malformed-xml')
    write(dir, 'a.po', po.replace('msgstr "의미"', 'msgstr "의미'))
    rejects(dir, 'a.po', `${where(po, 'msgstr "의미"').split(':')[0]}:11`, 'Unexpected end of line inside a string, expected a closing `"`', 'import-malformed-po')
    write(dir, 'b.po', po.replace('msgstr "의미"', 'msgstr "의미" 뜻'))
    rejects(dir, 'b.po', `${where(po, 'msgstr "의미"').split(':')[0]}:13`, 'Unexpected `뜻`, expected a quoted string or the end of the line', 'import-malformed-po')
    write(dir, 'c.po', po.replace('msgstr "의미"', 'msgtsr "의미"'))
    rejects(dir, 'c.po', where(po, 'msgstr "의미"'), 'Unexpected `msgtsr`, expected a comment (`#`), `msgctxt`, `msgid`, `msgstr` or a quoted string', 'import-malformed-po')
  })

  it('XLIFF 2.0 labelled 1.2, mixed versions, and the XLIFF 1.1 Translate Toolkit writes', () => {
    const {dir, xlf} = exported()
    // Read as XLIFF 1.2 (`--format xliff12`), whose `<file>` names the languages.
    write(dir, 'a.xlf', xlf.replace('document:2.0" version="2.0"', 'document:1.2" version="1.2"'))
    rejects(dir, 'a.xlf', '3:3', 'Unexpected file without a target language', 'import-language')
    write(dir, 'b.xlf', xlf.replace('document:2.0"', 'document:1.2"'))
    rejects(dir, 'b.xlf', '2:1', 'Unexpected XLIFF version `2.0`, expected `1.2` in namespace `urn:oasis:names:tc:xliff:document:1.2`', 'import-xliff-version')
    tool('po2xliff', ['ko.po', 'tt.xlf'], dir)
    rejects(dir, 'tt.xlf', '2:1', 'Unexpected XLIFF 1.1 (version `1.1`', 'import-xliff-version')
  })

  it('a file for another document', () => {
    const {dir, xlf, po} = exported()
    write(dir, 'a.xlf', xlf.replace('<file id="sample"', '<file id="statement"'))
    rejects(dir, 'a.xlf', '3:3', 'Unexpected document `statement`, expected one of `sample`; the file belongs to another document or project', 'import-document')
    write(dir, 'a.po', po.replace('X-Concord-Document: sample', 'X-Concord-Document: statement'))
    rejects(dir, 'a.po', where(po, 'msgid ""'), 'Unexpected document `statement`, expected one of `sample`', 'import-document')
    // The repository's own Korean export, imported into the sample project.
    const other = tempProject()
    ok(['export', '--lang', 'ko', '--format', 'po', '--out', 'statement.po'], other)
    write(dir, 'statement.po', read(other, 'statement.po'))
    rejects(dir, 'statement.po', '\\d+:1', 'Unexpected document `statement`', 'import-document')
  })

  it('duplicate units, inline codes, resegmented units and conflicting edits', () => {
    const {dir, xlf, po} = exported()
    const entry = po.slice(po.indexOf('#. Table cell'), po.indexOf('\n\n', po.indexOf('#. Table cell')))
    write(dir, 'a.po', po + '\n' + entry + '\n')
    rejects(
      dir,
      'a.po',
      `${po.split('\n').length + entry.split('\n').findIndex((line) => line.startsWith('msgctxt')) + 1}:1`,
      'Unexpected second unit `sqfrkw4`, expected each segment ID once',
      'import-duplicate-id'
    )
    write(dir, 'a.xlf', xlf.replace('<target>의미</target>', '<target><pc id="1">의미</pc></target>'))
    rejects(dir, 'a.xlf', where(xlf, '의미</target>'), 'Unexpected inline code `<pc>` in unit `sv761va`, expected plain text', 'import-inline-code')
    write(dir, 'b.xlf', xlf.replace('<target>의미</target>\n        </segment>', '<target>의미</target>\n        </segment>\n        <segment><source>x</source></segment>'))
    rejects(dir, 'b.xlf', '\\d+:9', 'Unexpected second `<segment>` in unit `sv761va`', 'import-resegmented')
    // Someone edited the locale after the export, and the translator edited the same segment.
    const locale = readJson(dir, 'locales/ko/sample.json')
    write(dir, 'locales/ko/sample.json', JSON.stringify({...locale, sv761va: '뜻'}, null, 2) + '\n')
    write(dir, 'b.po', po.replace('msgstr "의미"', 'msgstr "의의"'))
    rejects(dir, 'b.po', where(po, 'msgctxt "sv761va"'), 'Unexpected change to `sv761va` in the ko locale since the export', 'import-conflict')
  })

  it('one bad unit among good edits: nothing is written', () => {
    const {dir, po} = exported()
    write(dir, 'a.po', po.replace('msgstr "의미"', 'msgstr "뜻"').replace('msgctxt "sqfrkw4"', 'msgctxt "sNOPE00"'))
    const stderr = rejects(dir, 'a.po', where(po, 'msgctxt "sqfrkw4"'), 'Unexpected segment ID `sNOPE00`', 'import-unknown-id')
    // The file's IDs no longer match the checksum of the export either.
    expect(stderr).toMatch(/^a\.po:\d+:1: Unexpected segment IDs or English in `a\.po` .*\[import-integrity\]$/m)
    expect(stderr).toMatch(/^a\.po: 2 error\(s\); nothing imported, locales unchanged$/m)
  })

  it('a file that is not UTF-8, not a known format, or not there', () => {
    const {dir, po} = exported()
    write(dir, 'a.po', Buffer.from(po.replace('msgstr "의미"', 'msgstr "Bedeutung é"'), 'latin1'))
    rejects(dir, 'a.po', '\\d+:\\d+', 'Unexpected byte `0x', 'encoding')
    write(dir, 'notes.txt', 'just some notes\n')
    rejects(dir, 'notes.txt', '1:1', 'Unexpected file content, expected XLIFF (XML starting with `<`) or gettext PO', 'import-format')
    const run = concord(['import', 'missing.xlf'], dir)
    expect([run.code, run.stderr]).toEqual([2, 'concord: Unexpected file `missing.xlf`, expected an existing XLIFF or PO file\n'])
  })
})
