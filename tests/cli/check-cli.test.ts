import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {concord, read, readJson, repo, tempProject, write} from '../helpers/cli.js'

const fixture = join(repo, 'tests/fixtures/coverage-basic')

/** `path:line:col: reason [rule-id]` lines of a run. */
const findings = (stderr: string): string[] => stderr.split('\n').filter((l) => /^\S+:\d+:\d+: .* \[[a-z-]+\]$/.test(l))

/** Line of a key in a JSON file, as `check` must report it. */
const lineOf = (dir: string, path: string, key: string): number =>
  read(dir, path)
    .split('\n')
    .findIndex((l) => l.includes(`"${key}":`)) + 1

describe('concord check on the shipped content', () => {
  it('exits 0 with no errors and no warnings, and prints nothing on stdout', () => {
    const run = concord(['check'], tempProject())
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toBe('')
    expect(findings(run.stderr)).toEqual([])
    expect(run.stderr).toMatch(/check: \d+ translation\(s\) checked; 0 error\(s\), 0 warning\(s\), 0 info/)
  })
})

describe('concord check on the coverage-basic fixture', () => {
  it('exits 0 with only warnings and info, each at its key in the locale file', () => {
    const dir = tempProject(fixture)
    const run = concord(['check'], dir)
    expect(run.code, run.stderr).toBe(0)
    expect(findings(run.stderr)).toEqual([
      `locales/ja/guide.json:${lineOf(dir, 'locales/ja/guide.json', 's83k533')}:3: Unexpected outdated translation of \`s83k533\`: the English changed since, expected a translation of the current English; update it, or run \`npx concord accept ja s83k533\` if no new wording is needed [stale-translation]`,
      `locales/ja/guide.json:${lineOf(dir, 'locales/ja/guide.json', 'sy0xe81')}:3: Unexpected outdated translation of \`sy0xe81\`: the English changed since, expected a translation of the current English; update it, or run \`npx concord accept ja sy0xe81\` if no new wording is needed [stale-translation]`,
      'locales/mn/notes.json:3:3: Unexpected empty translation of `shcc07n`, expected text; translate it or delete the key (it counts as missing) [empty-translation]',
      'locales/mn/notes.json:4:3: Unexpected outdated translation of `saaccfz`: the English changed since, expected a translation of the current English; update it, or run `npx concord accept mn saaccfz` if no new wording is needed [stale-translation]'
    ])
  })

  it('exits 1 on errors, naming the segment at its key, and keeps going through every file', () => {
    const dir = tempProject(fixture)
    const path = 'locales/ko/guide.json'
    const ko = readJson(dir, path)
    ko.sbxm3e9 = '키트에는 세 가지 도구와 라벨 1만 장이 들어 있습니다.' // lost *emphasis*, 100,000 became 10,000
    ko.s83k533 = 'Keep them cool and dry.' // copied English
    ko.se3c31t = '배터리는  밤새 충전하십시오' // doubled space, no final stop
    ko.sorphan = '어디에도 속하지 않는 번역' // unknown ID
    write(dir, path, JSON.stringify(ko, null, 2) + '\n')
    const run = concord(['check'], dir)
    expect(run.code).toBe(1)
    const lines = findings(run.stderr)
    const at = (id: string, rule: string) => lines.filter((l) => l.startsWith(`${path}:${lineOf(dir, path, id)}:3: `) && l.endsWith(`[${rule}]`))
    expect(at('sbxm3e9', 'number-mismatch')[0]).toContain('`sbxm3e9` (ko) without `100,000`')
    expect(at('sbxm3e9', 'markup-mismatch')[0]).toContain('Unexpected 0 emphasis')
    expect(at('s83k533', 'identical-to-source')).toHaveLength(1)
    expect(at('se3c31t', 'whitespace-double')).toHaveLength(1)
    expect(at('se3c31t', 'final-punctuation')).toHaveLength(1)
    expect(at('sorphan', 'orphan-translation')).toHaveLength(1)
    // The edits are not yet recorded in the state file.
    expect(lines).toContain(
      'locales/ko/guide.state.json:1:1: Unexpected content in `locales/ko/guide.state.json`, expected what `npx concord segment` writes; run it to record the translation states [locale-outdated]'
    )
    // Findings of the other files are still there.
    expect(lines.some((l) => l.startsWith('locales/mn/notes.json:3:3:') && l.endsWith('[empty-translation]'))).toBe(true)
    expect(run.stderr).toMatch(/check: \d+ translation\(s\) checked; 3 error\(s\)/)
  })

  it('reports a registry out of date with the Markdown as an error', () => {
    const dir = tempProject(fixture)
    write(dir, 'content/notes.md', read(dir, 'content/notes.md').replace('One note comes first.', 'One note comes first of all.'))
    const run = concord(['check'], dir)
    expect(run.code).toBe(1)
    expect(findings(run.stderr)).toContain(
      'content/notes.md:1:1: Unexpected change in `content/notes.md` since the registry was written, expected an up-to-date registry; run `npx concord segment` and commit locales/ [registry-outdated]'
    )
  })

  it('checks one language with --lang, and rejects an unknown one (exit 2)', () => {
    const dir = tempProject(fixture)
    const run = concord(['check', '--lang', 'mn'], dir)
    expect(run.code).toBe(0)
    expect(findings(run.stderr).every((l) => l.startsWith('locales/mn/'))).toBe(true)
    expect(concord(['check', '--lang', 'fr'], dir).code).toBe(2)
  })

  it('fails with the place of a syntax error in a locale file', () => {
    const dir = tempProject(fixture)
    write(dir, 'locales/ja/notes.json', '{\n  "s70jf5y": "メモ",\n}\n')
    const run = concord(['check'], dir)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^locales\/ja\/notes\.json:3:1: Unexpected JSON syntax .*\[json-syntax\]$/m)
  })
})
