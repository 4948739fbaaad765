import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {po as gettextPo} from 'gettext-parser'
import {describe, expect, it} from 'vitest'
import {read, readJson, tempProject, write} from '../helpers/cli.js'
import {ok, snapshot, tool} from '../helpers/interchange.js'

/**
 * Files edited by real translator tools come back: gettext (msgcat, msgfilter)
 * and Translate Toolkit (pofilter, podebug). gettext-parser reads the tools'
 * output independently of Concord's own reader.
 */

type Entry = {msgctxt?: string; msgstr: string[]}
const translations = (path: string): Map<string, string> => {
  const table = gettextPo.parse(readFileSync(path)) as {translations: Record<string, Record<string, Entry>>}
  const out = new Map<string, string>()
  for (const [context, entries] of Object.entries(table.translations)) {
    for (const entry of Object.values(entries)) if (context !== '' && entry.msgstr[0]) out.set(context, entry.msgstr[0])
  }
  return out
}

describe('PO files edited by real tools', () => {
  it('msgcat rewrapping to 30 columns and pofilter extracting the untranslated entries change nothing', () => {
    const dir = tempProject()
    ok(['export', '--lang', 'mn', '--format', 'po', '--out', 'mn.po'], dir)
    const before = snapshot(dir)
    tool('msgcat', ['--width=30', '-o', 'narrow.po', 'mn.po'], dir)
    expect(read(dir, 'narrow.po')).not.toBe(read(dir, 'mn.po'))
    expect(ok(['import', 'narrow.po'], dir).stderr).toMatch(/0 added, 0 updated, 0 accepted, 0 reviewed, 0 obsolete, 43 unchanged$/m)
    tool('pofilter', ['--test=untranslated', '-i', 'mn.po', '-o', 'todo.po'], dir)
    expect(read(dir, 'todo.po')).toContain('# (pofilter) untranslated')
    expect(ok(['import', 'todo.po'], dir).stderr).toMatch(/0 added, 0 updated, 0 accepted, 0 reviewed, 0 obsolete, 10 unchanged$/m)
    expect(snapshot(dir)).toEqual(before)
  })

  it("Translate Toolkit's podebug rewrites translations; the import takes exactly what it wrote", () => {
    const dir = tempProject()
    ok(['export', '--lang', 'mn', '--format', 'po', '--out', 'mn.po'], dir)
    const english = readJson(dir, 'locales/en/statement.json')
    const old = readJson(dir, 'locales/mn/statement.json')
    tool('podebug', ['--rewrite=unicode', '-i', 'mn.po', '-o', 'debug.po'], dir)
    const written = translations(join(dir, 'debug.po'))
    const changed = [...written].filter(([id, text]) => old[id] !== text)
    expect(changed.length).toBeGreaterThan(10)
    const run = ok(['import', 'debug.po'], dir)
    expect(run.stderr).toMatch(new RegExp(`${changed.filter(([id]) => old[id] === undefined).length} added, ${changed.filter(([id]) => old[id] !== undefined).length} updated`))
    const now = readJson(dir, 'locales/mn/statement.json')
    for (const id of Object.keys(english)) expect(now[id], id).toBe(written.get(id) ?? old[id])
    const status = JSON.parse(ok(['status', '--json'], dir).stdout) as Record<string, Record<string, Record<string, string>>>
    expect(new Set(Object.values(status.statement!.mn!))).toEqual(new Set(['translated']))
  })

  it("gettext's msgfilter edits one language's translations; the import updates those and nothing else", () => {
    const dir = tempProject()
    ok(['export', '--lang', 'ja', '--format', 'po', '--out', 'ja.po'], dir)
    const before = snapshot(dir)
    tool('msgfilter', ['-i', 'ja.po', '-o', 'edited.po', 'sed', '-e', 's/IPCNKR/「IPCNKR」/g'], dir)
    const edited = translations(join(dir, 'edited.po'))
    const old = readJson(dir, 'locales/ja/statement.json')
    const changed = Object.keys(old).filter((id) => edited.get(id) !== old[id])
    expect(changed.length).toBeGreaterThan(0)
    const run = ok(['import', 'edited.po'], dir)
    expect(run.stderr).toMatch(new RegExp(`0 added, ${changed.length} updated, 0 accepted`))
    const now = readJson(dir, 'locales/ja/statement.json')
    for (const id of Object.keys(old)) expect(now[id]).toBe(changed.includes(id) ? edited.get(id) : old[id])
    // Only the Japanese files changed.
    const after = snapshot(dir)
    for (const path of Object.keys(before)) if (!path.startsWith('locales/ja/')) expect(after[path], path).toBe(before[path])
  })

  it('a stale entry edited in a tool that keeps `#, fuzzy` is kept as a draft until confirmed; the stale translation stays', () => {
    const dir = tempProject()
    write(dir, 'content/statement.md', read(dir, 'content/statement.md').replace('Refugees are often the victims', 'Refugees are frequently the victims'))
    ok(['segment'], dir)
    ok(['export', '--lang', 'ko', '--format', 'po', '--out', 'ko.po'], dir)
    const po = read(dir, 'ko.po')
    const id = /#, fuzzy\n#\| msgid "Refugees[^\n]*\nmsgctxt "(\w+)"/.exec(po)![1]!
    tool('msgfilter', ['-i', 'ko.po', '-o', 'edited.po', '--keep-header', 'sed', '-e', 's/피해자가 된다/피해를 입는다/'], dir)
    expect(read(dir, 'edited.po')).toContain('#, fuzzy')
    const run = ok(['import', 'edited.po'], dir)
    expect(run.stderr).toMatch(new RegExp(`statement ${id}: updated \\(stale → draft\\): .*피해를 입는다`))
    const status = JSON.parse(ok(['status', '--json'], dir).stdout) as Record<string, Record<string, Record<string, string>>>
    expect(status.statement!.ko![id]).toBe('draft')
    expect(readJson(dir, 'locales/ko/statement.json')[id]).not.toContain('피해를 입는다')
    expect(readJson<{segments: Record<string, {draft?: string}>}>(dir, 'locales/ko/statement.state.json').segments[id]!.draft).toContain('피해를 입는다')
  })
})
