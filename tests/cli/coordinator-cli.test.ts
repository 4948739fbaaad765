import {describe, expect, it} from 'vitest'
import {concord, read, readJson, snapshot, tempDir, tempProject, write} from '../helpers/cli.js'

type State = {segments: Record<string, {state: string; by?: string; at?: string; reviewedBy?: string; reviewedAt?: string}>}

/** `git config user.name` as the test sets it, whatever the machine's own configuration. */
function gitEnv(name: string): Record<string, string> {
  const home = tempDir()
  write(home, 'gitconfig', `[user]\n\tname = ${name}\n`)
  return {GIT_CONFIG_GLOBAL: `${home}/gitconfig`, GIT_CONFIG_NOSYSTEM: '1', SOURCE_DATE_EPOCH: '1700000000'}
}

function ok(args: string[], dir: string, env: Record<string, string> = {}): {stdout: string; stderr: string} {
  const run = concord(args, dir, env)
  expect(run.code, run.stderr).toBe(0)
  return run
}

/** The repo's project with "man." → "man!" (minor) and "111 members" → "112 members" (meaning); the IDs of both. */
function editedProject(): {dir: string; minor: string; meaning: string} {
  const dir = tempProject()
  const content = read(dir, 'content/statement.md')
  expect(content).toContain('given to man.')
  expect(content).toContain('consists of 111 members')
  write(dir, 'content/statement.md', content.replace('given to man.', 'given to man!').replace('consists of 111 members', 'consists of 112 members'))
  ok(['segment'], dir)
  const english = readJson(dir, 'locales/en/statement.json')
  const id = (text: string): string => Object.keys(english).find((k) => english[k]!.includes(text))!
  return {dir, minor: id('given to man!'), meaning: id('consists of 112 members')}
}

describe('minor and meaning changes of the English', () => {
  it('classes each English edit, keeps the class beside the history, and shows it in `status`', () => {
    const {dir, minor, meaning} = editedProject()
    const registry = readJson<{changes: Record<string, Record<string, string>>}>(dir, 'locales/en/statement.registry.json')
    expect(registry.changes[minor]).toEqual({'1': 'minor'})
    expect(registry.changes[meaning]).toEqual({'1': 'meaning'})
    const status = ok(['status', '--lang', 'ko'], dir).stdout
    expect(status).toMatch(new RegExp(`stale +${minor} +content/statement\\.md:\\d+ +minor\\n +en: .*given to man!`))
    expect(status).toMatch(new RegExp(`stale +${meaning} +content/statement\\.md:\\d+ +meaning\\n`))
    // --json keeps its shape: states only.
    expect(readJsonText(ok(['status', '--json', '--lang', 'ko'], dir).stdout).statement.ko[minor]).toBe('stale')
  })

  it('`accept --minor` lists and accepts the minor change only; a second accept says "already current" and writes nothing', () => {
    const {dir, minor, meaning} = editedProject()
    const run = ok(['accept', '--minor', 'ko'], dir)
    expect(run.stderr).toMatch(new RegExp(`minor +${minor} +content/statement\\.md:\\d+\\n.*diff: .*man\\[-\\.-\\]\\{\\+!\\+\\}[\\s\\S]*accepted: ${minor} \\(ko\\)`))
    expect(run.stderr).not.toContain(meaning)
    const states = readJsonText(ok(['status', '--json', '--lang', 'ko'], dir).stdout).statement.ko
    expect([states[minor], states[meaning]]).toEqual(['translated', 'stale'])
    const before = snapshot(dir)
    const again = ok(['accept', 'ko', minor], dir)
    expect(again.stderr).toContain(`already current: ${minor} (ko)`)
    expect(again.stderr).not.toMatch(/wrote|accepted:/)
    expect(snapshot(dir)).toEqual(before)
  })

  it('`review` records the reviewer; a second review says "already reviewed" and writes nothing', () => {
    const {dir, minor} = editedProject()
    ok(['accept', 'ko', minor], dir)
    ok(['review', 'ko', minor, '--translator', 'Bo Kim'], dir, {SOURCE_DATE_EPOCH: '1700000000'})
    const state = readJson<State>(dir, 'locales/ko/statement.state.json').segments[minor]!
    expect(state).toMatchObject({state: 'reviewed', reviewedBy: 'Bo Kim', reviewedAt: '2023-11-14T22:13:20Z'})
    const before = snapshot(dir)
    expect(ok(['review', 'ko', minor], dir).stderr).toContain(`already reviewed: ${minor} (ko)`)
    expect(snapshot(dir)).toEqual(before)
  })
})

const readJsonText = (text: string): Record<string, Record<string, Record<string, string>>> => JSON.parse(text)

describe('provenance', () => {
  it("records a PO file's Last-Translator for the segments it changed, shows it in `status <id>` and carries it into exports", () => {
    const {dir, meaning} = editedProject()
    const po = ok(['export', '--lang', 'ko', '--format', 'po', '--only', 'stale'], dir).stdout
    expect(po).toContain('#. English change: meaning')
    const entries = po.split('\n\n').map((entry) => {
      if (entry.startsWith('# ')) return entry.replace('Last-Translator: \\n', 'Last-Translator: Jane Translator <jane@example.org>\\n')
      if (!entry.includes(`msgctxt "${meaning}"`)) return entry
      const lines = entry.split('\n').filter((l) => !l.startsWith('#,') && !l.startsWith('#|'))
      return [
        ...lines.slice(
          0,
          lines.findIndex((l) => l.startsWith('msgstr'))
        ),
        'msgstr "현재 IPCNKR은 36개국 112명의 회원으로 구성되어 있으며, 이는 창립 당시의 35명에서 증가한 것이다."'
      ].join('\n')
    })
    write(dir, 'in.po', entries.join('\n\n').trimEnd() + '\n')
    ok(['import', 'in.po'], dir, {SOURCE_DATE_EPOCH: '1700000000'})
    const segments = readJson<State>(dir, 'locales/ko/statement.state.json').segments
    expect(segments[meaning]).toMatchObject({state: 'translated', by: 'Jane Translator', at: '2023-11-14T22:13:20Z'})
    expect(Object.values(segments).filter((s) => s.by !== undefined)).toHaveLength(1)
    expect(ok(['status', '--lang', 'ko', meaning], dir).stdout).toMatch(
      new RegExp(`${meaning} .*\\n.*en: .*112 members[\\s\\S]*ko: translated\\n.*112명[\\s\\S]*translated by Jane Translator, 2023-11-14`)
    )
    const again = ok(['export', '--lang', 'ko', '--format', 'xliff'], dir).stdout
    expect(again).toContain('<note category="concord-provenance">Translated by Jane Translator, 2023-11-14</note>')
  })

  it('records the translator named in XLIFF metadata, and `--translator` over it', () => {
    const {dir, meaning} = editedProject()
    const xliff = ok(['export', '--lang', 'ko', '--format', 'xliff', '--only', 'stale'], dir).stdout
    const metadata = '<mda:metadata xmlns:mda="urn:oasis:names:tc:xliff:metadata:2.0"><mda:metaGroup><mda:meta type="translator">Kim Ji-woo</mda:meta></mda:metaGroup></mda:metadata>'
    const unit = new RegExp(`(<unit id="${meaning}">[\\s\\S]*?<segment state=")initial(">[\\s\\S]*?<target>)[^<]*(</target>)`)
    expect(xliff).toMatch(unit)
    const edited = xliff
      .replace(/(<file [^>]*>)/, `$1\n    ${metadata}`)
      .replace(unit, '$1translated$2현재 IPCNKR은 36개국 112명의 회원으로 이루어져 있으며, 창립 당시의 35명에서 늘어난 것이다.$3')
    write(dir, 'in.xlf', edited)
    ok(['import', 'in.xlf'], dir, {SOURCE_DATE_EPOCH: '1700000000'})
    expect(readJson<State>(dir, 'locales/ko/statement.state.json').segments[meaning]).toMatchObject({by: 'Kim Ji-woo', at: '2023-11-14T22:13:20Z'})
    const again = ok(['export', '--lang', 'ko', '--format', 'xliff'], dir).stdout
    write(
      dir,
      'in.xlf',
      again
        .replace(/(<file [^>]*>)/, `$1\n    ${metadata}`)
        .replace(
          '현재 IPCNKR은 36개국 112명의 회원으로 이루어져 있으며, 창립 당시의 35명에서 늘어난 것이다.</target>',
          '현재 IPCNKR은 36개국 112명의 회원을 두고 있으며, 창립 당시의 35명에서 늘어난 것이다.</target>'
        )
    )
    ok(['import', 'in.xlf', '--translator', 'Lee Min'], dir, {SOURCE_DATE_EPOCH: '1700000000'})
    expect(readJson<State>(dir, 'locales/ko/statement.state.json').segments[meaning]).toMatchObject({by: 'Lee Min'})
  })

  it('records `git config user.name` for a translation edited by hand when `segment` notices it', () => {
    const dir = tempProject()
    const strings = readJson(dir, 'locales/mn/statement.json')
    const id = Object.keys(strings).find((k) => strings[k]!.length > 20)!
    write(dir, 'locales/mn/statement.json', JSON.stringify({...strings, [id]: `${strings[id]} (засвар)`}, null, 2) + '\n')
    ok(['segment'], dir, gitEnv('Direct Editor'))
    const state = readJson<State>(dir, 'locales/mn/statement.state.json').segments
    expect(state[id]).toMatchObject({by: 'Direct Editor', at: '2023-11-14T22:13:20Z'})
    expect(Object.values(state).filter((s) => s.by !== undefined)).toHaveLength(1)
  })
})

describe('concord status --summary', () => {
  it('prints one line per document and language with counts, words to do and the next command', () => {
    const {dir} = editedProject()
    const lines = ok(['status', '--summary'], dir).stdout.trimEnd().split('\n')
    const languages = (JSON.parse(read(dir, '.concordrc.json')) as {languages: string[]}).languages
    expect(lines).toHaveLength(languages.length)
    for (const [i, lng] of languages.entries()) {
      expect(lines[i]).toMatch(
        new RegExp(
          `^statement · ${lng}: \\d+ missing, \\d+ stale, \\d+ draft, \\d+ translated, \\d+ reviewed \\(of \\d+\\) · \\d+ words to translate, \\d+ to review · next: (npx concord .+|nothing to do)$`
        )
      )
    }
    expect(lines[0]).toContain('next: npx concord accept --minor ko')
  })
})
