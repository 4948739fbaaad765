import {spawnSync} from 'node:child_process'
import {mkdirSync, readFileSync} from 'node:fs'
import {join, resolve} from 'node:path'
import {describe, expect, it} from 'vitest'
import {concord, read, readJson, repo, tempProject, write} from '../helpers/cli.js'
import {msgfmt, ok, schema, snapshot, tool, xmllint} from '../helpers/interchange.js'

const schema12 = resolve(repo, '..', 'shared', 'schemas', 'xliff-core-1.2-strict.xsd')
const lint = (args: string[]): {code: number; stderr: string} => {
  const run = spawnSync('xmllint', args, {encoding: 'utf8'})
  return {code: run.status ?? -1, stderr: run.stderr}
}

/**
 * The repository's project with a second document that repeats one
 * translated Korean sentence word for word and another with a word changed:
 * the memory must offer the first exactly and the second as a fuzzy match.
 */
function project(): {dir: string; exact: string; near: string; nearText: string} {
  const dir = tempProject()
  const english = readJson(dir, 'locales/en/statement.json')
  const korean = readJson(dir, 'locales/ko/statement.json')
  const translated = Object.keys(korean).filter((id) => english[id] !== undefined && english[id]!.length > 80 && !/[*_`[]/.test(english[id]!))
  const exact = translated[0]!
  const near = translated.find((id) => id !== exact && / the /.test(english[id]!))!
  const nearText = english[near]!.replace(' the ', ' this ')
  expect(nearText).not.toBe(english[near])
  write(dir, 'content/second.md', `# Second document\n\n${english[exact]}\n\n${nearText}\n\nA sentence nobody has translated anywhere.\n`)
  ok(['segment'], dir)
  return {dir, exact, near, nearText}
}

describe('translation memory', () => {
  it('`concord suggest` offers a repeated sentence exactly and a near repeat as a fuzzy match, with origins', () => {
    const {dir, exact, near} = project()
    const korean = readJson(dir, 'locales/ko/statement.json')
    const results = JSON.parse(ok(['suggest', 'ko', '--document', 'second', '--json'], dir).stdout) as Array<{
      english: string
      matches: Array<{similarity: number; origin: string; target: string}>
    }>
    expect(results).toHaveLength(4)
    const [heading, first, second, fresh] = results
    expect(heading!.matches).toEqual([])
    expect(first!.matches[0]).toMatchObject({similarity: 100, origin: `statement#${exact}`, target: korean[exact]})
    expect(second!.matches[0]).toMatchObject({origin: `statement#${near}`, target: korean[near]})
    expect(second!.matches[0]!.similarity).toBeGreaterThanOrEqual(75)
    expect(second!.matches[0]!.similarity).toBeLessThan(100)
    expect(fresh!.matches).toEqual([])
    const text = ok(['suggest', 'ko', '--document', 'second'], dir).stdout
    expect(text).toContain(`100% statement#${exact}: ${korean[exact]}`)
    expect(text).toMatch(/^2 of 4 segment\(s\) with a match in ko/m)
    // A higher threshold leaves the near repeat out.
    write(dir, '.concordrc.json', JSON.stringify({memory: {threshold: 100}}))
    expect(ok(['suggest', 'ko', '--document', 'second'], dir).stdout).toMatch(/^1 of 4 segment\(s\) with a match in ko/m)
    write(dir, '.concordrc.json', JSON.stringify({memory: {threshold: 150, paths: ['../elsewhere']}}))
    const bad = concord(['suggest', 'ko'], dir)
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/Unexpected value `150` for `memory\.threshold`, expected a percentage from 0 to 100 \[config-invalid\]/)
  })

  it('PO: the best match prefilled as fuzzy with similarity, origin and glossary terms; msgfmt -c accepts it; importing it unchanged gives drafts', () => {
    const {dir, exact} = project()
    const korean = readJson(dir, 'locales/ko/statement.json')
    ok(['export', '--lang', 'ko', '--format', 'po', '--document', 'second', '--out', 'second.po'], dir)
    const po = read(dir, 'second.po')
    expect(po).toContain(`#. Memory: 100% match from statement#${exact}`)
    expect(po).toMatch(/#\. Glossary: [^\n]* → /)
    expect(po.replace(/"\n"/g, '')).toContain(`msgstr "${korean[exact]}"`)
    const counts = msgfmt(join(dir, 'second.po'))
    expect(counts.code, counts.stderr).toBe(0)
    expect(counts).toMatchObject({translated: 0, fuzzy: 2, untranslated: 2})
    // Imported as exported, the offered matches are drafts: kept, but nobody's translation yet.
    expect(ok(['import', 'second.po'], dir).stderr).toMatch(/2 added, 0 updated, 0 accepted, 0 reviewed, 0 obsolete, 2 unchanged, 2 as draft/m)
    const state = readJson(dir, 'locales/ko/second.state.json') as unknown as {segments: Record<string, {state: string}>}
    expect(Object.values(state.segments).filter((s) => s.state === 'draft')).toHaveLength(2)
    expect(Object.keys(readJson(dir, 'locales/ko/second.json'))).toHaveLength(0)
    // The translator confirms the offered match (clears fuzzy): now it is a translation.
    write(dir, 'second.po', po.replace(/#, fuzzy\n(msgctxt "\w+"\nmsgid "Joint)/, '$1').replace(/(#: content\/second\.md:3\n)#, fuzzy\n/, '$1'))
    expect(ok(['import', 'second.po'], dir).stderr).toMatch(/1 accepted/)
  })

  it('PO: a stale entry keeps its own translation in msgstr, fuzzy once, and gets the match as a comment', () => {
    const {dir, exact} = project()
    const english = readJson(dir, 'locales/en/statement.json')
    const korean = readJson(dir, 'locales/ko/statement.json')
    // The second document's copy of the sentence is translated; then the statement's own is reworded.
    const second = readJson(dir, 'locales/en/second.json')
    const id = Object.keys(second).find((k) => second[k] === english[exact])!
    write(dir, 'locales/ko/second.json', JSON.stringify({[id]: '두 번째 문서의 번역.'}, null, 2) + '\n')
    write(dir, 'content/statement.md', read(dir, 'content/statement.md').replace(english[exact]!, `${english[exact]!.slice(0, -1)}, again.`))
    ok(['segment'], dir)
    ok(['export', '--lang', 'ko', '--format', 'po', '--document', 'statement', '--out', 'statement.po'], dir)
    const po = read(dir, 'statement.po').replace(/"\n"/g, '')
    const entry = po.split('\n\n').find((e) => e.includes(`msgctxt "${exact}"`))!
    expect(entry).toMatch(new RegExp(`#\\. Memory: (7[5-9]|[89]\\d)% match from second#${id} `))
    expect(entry).toContain('#. Memory translation: 두 번째 문서의 번역.')
    expect(entry.match(/#, fuzzy/g)).toHaveLength(1)
    expect(entry).toContain(`msgstr "${korean[exact]}"`)
    expect(msgfmt(join(dir, 'statement.po')).code).toBe(0)
  })

  it('XLIFF 2.0: Translation Candidates and Glossary modules, valid against the core schema; the import skips them', () => {
    const {dir, exact, near} = project()
    ok(['export', '--lang', 'ko', '--format', 'xliff', '--out', 'all.xlf'], dir)
    const run = xmllint(join(dir, 'all.xlf'))
    expect(run.code, `${schema}\n${run.stderr}`).toBe(0)
    const xlf = read(dir, 'all.xlf')
    expect(xlf).toContain('<mtc:matches xmlns:mtc="urn:oasis:names:tc:xliff:matches:2.0">')
    expect(xlf).toContain(`similarity="100" origin="statement#${exact}"`)
    expect(xlf).toMatch(new RegExp(`similarity="(7[5-9]|[89]\\d)" origin="statement#${near}"`))
    expect(xlf).toContain('<gls:glossary xmlns:gls="urn:oasis:names:tc:xliff:glossary:2.0">')
    const before = snapshot(dir)
    expect(ok(['import', 'all.xlf'], dir).stderr).toMatch(/0 added, 0 updated, 0 accepted, 0 reviewed, 0 obsolete, \d+ unchanged$/m)
    expect(snapshot(dir)).toEqual(before)
  })

  it('XLIFF 1.2: valid against the OASIS strict schema, read by pocount and xliff2po, and imported like XLIFF 2.0', () => {
    const {dir, exact} = project()
    ok(['export', '--lang', 'ko', '--format', 'xliff12', '--document', 'second', '--out', 'second.xlf'], dir)
    const valid = lint(['--noout', '--schema', schema12, join(dir, 'second.xlf')])
    expect(valid.code, valid.stderr).toBe(0)
    const xlf = read(dir, 'second.xlf')
    expect(xlf).toContain(`<alt-trans match-quality="100" origin="statement#${exact}">`)
    // Translated, fuzzy and untranslated messages: the four units are missing.
    expect(tool('pocount', ['--csv', 'second.xlf'], dir)).toMatch(/second\.xlf,\s+0, 0, 0, 0, 0, 4, \d+, 4, /)
    tool('xliff2po', ['second.xlf', 'second.po'], dir)
    // The header and the four units.
    expect(read(dir, 'second.po').match(/^msgid /gm)).toHaveLength(5)
    const before = snapshot(dir)
    expect(ok(['import', 'second.xlf'], dir).stderr).toMatch(/\(xliff12, ko\): 0 added, 0 updated, 0 accepted, 0 reviewed, 0 obsolete, 4 unchanged$/m)
    expect(snapshot(dir)).toEqual(before)
    // A translation with state "translated" comes in; one still "needs-translation" does not.
    const last = /<trans-unit id="(\w+)">\n\s*<source>A sentence nobody/.exec(xlf)!
    write(dir, 'done.xlf', xlf.replace(/(A sentence nobody has translated anywhere\.<\/source>)/, '$1<target state="translated">아무도 번역하지 않은 문장.</target>'))
    expect(ok(['import', 'done.xlf'], dir).stderr).toMatch(/1 added/)
    expect(readJson(dir, 'locales/ko/second.json')[last[1]!]).toBe('아무도 번역하지 않은 문장.')
    // The same integrity checks as XLIFF 2.0: an edited English is refused.
    write(dir, 'bad.xlf', xlf.replace('A sentence nobody', 'A sentence somebody'))
    const refused = concord(['import', 'bad.xlf'], dir)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/\[import-integrity\]|\[import-source-mismatch\]/)
  })

  it('TMX of every current translation, well-formed and deterministic; project TMX files feed the memory', () => {
    const {dir} = project()
    ok(['export', '--lang', 'ko', '--format', 'tmx', '--out', 'ko.tmx'], dir)
    const tmx = read(dir, 'ko.tmx')
    expect(lint(['--noout', join(dir, 'ko.tmx')]).code).toBe(0)
    const status = JSON.parse(ok(['status', '--json', '--lang', 'ko'], dir).stdout) as Record<string, Record<string, Record<string, string>>>
    const current = Object.entries(status.statement!.ko!).filter(([, state]) => state !== 'missing')
    expect(tmx.match(/<tu tuid=/g)).toHaveLength(current.length)
    for (const [id, state] of current) expect(tmx).toContain(`<tu tuid="${id}">\n      <prop type="x-document">statement</prop>\n      <prop type="x-state">${state}</prop>`)
    ok(['export', '--lang', 'ko', '--format', 'tmx', '--out', 'again.tmx'], dir)
    expect(read(dir, 'again.tmx')).toBe(tmx)
    mkdirSync(join(dir, 'tm'))
    write(
      dir,
      'tm/old.tmx',
      '<tmx version="1.4"><header/><body><tu tuid="t7"><tuv xml:lang="en-US"><seg>A sentence nobody has translated anywhere.</seg></tuv><tuv xml:lang="ko"><seg>옛 번역.</seg></tuv></tu></body></tmx>\n'
    )
    expect(ok(['suggest', 'ko', '--document', 'second'], dir).stdout).toContain('100% tm/old.tmx#t7: 옛 번역.')
    write(dir, 'tm/bad.tmx', '<tmx version="1.4">\n<body><tu></body></tmx>\n')
    const bad = concord(['suggest', 'ko'], dir)
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/^tm\/bad\.tmx:2:\d+: Unexpected XML: .*\[tmx-malformed\]$/m)
  })

  it('the glossary per language as TBX-Basic (well-formed) and CSV', () => {
    const dir = tempProject()
    const glossary = JSON.parse(readFileSync(join(dir, 'content', 'glossary.json'), 'utf8')) as {terms: Record<string, Record<string, unknown>>}
    const terms = Object.entries(glossary.terms).filter(([, r]) => typeof r.ja === 'string')
    ok(['export', '--lang', 'ja', '--format', 'tbx', '--out', 'ja.tbx'], dir)
    expect(lint(['--noout', join(dir, 'ja.tbx')]).code).toBe(0)
    const tbx = read(dir, 'ja.tbx')
    expect(tbx.match(/<conceptEntry /g)).toHaveLength(terms.length)
    expect(tbx).toContain(`<langSec xml:lang="ja">\n          <termSec><term>${terms[0]![1].ja}</term>`)
    const csv = ok(['export', '--lang', 'ja', '--format', 'csv'], dir).stdout
    expect(csv.split('\r\n')[0]).toBe('en,ja,source')
    expect(csv.trimEnd().split('\r\n')).toHaveLength(terms.length + 1)
  })
})
