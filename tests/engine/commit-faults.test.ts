import {describe, expect, it} from 'vitest'
import {concord, read, tempProject, write} from '../helpers/cli.js'
import {ok} from '../helpers/interchange.js'
import {allTranslations, copyProject, leftovers, lostTranslations, projectFiles} from '../helpers/nothing-lost.js'

/**
 * Kill a writing command at each durable step of its commit in turn
 * (`CONCORD_FAULT_AT`, see src/cli/session-hooks.ts), then run the next
 * command, and check that the project is exactly as before the command or
 * exactly as after it, never in between, and that no translation is lost.
 * A commit of k files has 2k + 2 steps: k temp files, the journal, k
 * renames, the journal's removal. Up to step k nothing had changed (rolled
 * back); from the journal on, the commit is completed (rolled forward).
 */
function killAtEveryStep(prepared: string, args: string[], next: (step: number) => string[], keepsEveryTranslation = true): number {
  const expectedAfter = copyProject(prepared)
  ok(args, expectedAfter)
  const before = projectFiles(prepared)
  const after = projectFiles(expectedAfter)
  const translations = allTranslations(prepared)
  let step = 1
  for (; ; step++) {
    const dir = copyProject(prepared)
    const run = concord(args, dir, {CONCORD_FAULT_AT: String(step)})
    if (run.code === 0) break
    // Killed: spawnSync reports no exit code.
    expect(run.code, `step ${step}: ${run.stderr}`).toBe(-1)
    // A reader may then stop at an outdated registry (exit 1): that is a message, not damage.
    const command = next(step)
    const recovered = concord(command, dir)
    expect([0, 1], `step ${step}: ${recovered.stderr}`).toContain(recovered.code)
    expect(leftovers(dir), `step ${step}`).toEqual([])
    const files = Object.keys(after).filter((path) => after[path] !== before[path]).length
    // The same command run again redoes what was undone.
    const expected = command[0] === args[0] || step > files ? after : before
    expect(projectFiles(dir), `step ${step} of ${2 * files + 2}, then ${command.join(' ')}`).toEqual(expected)
    if (keepsEveryTranslation) expect(lostTranslations(translations, dir), `step ${step}`).toEqual([])
  }
  return step - 1
}

const RETIRED = 'Human rights are the most basic and fundamental rights given to man.'

describe('a command killed at any step of its commit', () => {
  it('segment: the next command (a reader or segment itself) completes or undoes it; retired translations are kept', () => {
    const prepared = tempProject()
    write(prepared, 'content/statement.md', read(prepared, 'content/statement.md').replace(`${RETIRED}\n`, '').replace('Over time, the', 'With time, the'))
    const steps = killAtEveryStep(prepared, ['segment'], (step) => (step % 2 ? ['status'] : ['segment']))
    // en strings and registry, and strings, state and a new obsolete file for each of the three target languages.
    expect(steps).toBe(2 * 11 + 2)
    // And in the end (after a segment), every translation of the retired sentence is in an obsolete file.
    const dir = copyProject(prepared)
    ok(['segment'], dir)
    expect(read(dir, 'locales/ko/statement.obsolete.json')).toContain('인권은 인간에게 주어진 가장 기본적이고 근본적인 권리이다.')
  })

  // An import replaces translations on purpose: here, being all-or-nothing is the guarantee.
  it('import: all of the imported translations arrive, or none', () => {
    const prepared = tempProject()
    ok(['export', '--lang', 'ko', '--format', 'po', '--out', 'ko.po'], prepared)
    const edited = read(prepared, 'ko.po').replace(/^msgstr "(.+)"$/gm, (_, text: string) => `msgstr "${text} (수정)"`)
    write(prepared, 'ko.po', edited)
    expect(killAtEveryStep(prepared, ['import', 'ko.po'], () => ['check'], false)).toBe(2 * 2 + 2)
  })

  it('accept: the state file is either the old or the new one', () => {
    const prepared = tempProject()
    write(prepared, 'content/statement.md', read(prepared, 'content/statement.md').replace('Over time, the', 'With time, the'))
    ok(['segment'], prepared)
    const status = JSON.parse(ok(['status', '--json', '--lang', 'ko'], prepared).stdout) as Record<string, Record<string, Record<string, string>>>
    const stale = Object.entries(status.statement!.ko!)
      .filter(([, state]) => state === 'stale')
      .map(([id]) => id)
    expect(stale.length).toBeGreaterThan(0)
    expect(killAtEveryStep(prepared, ['accept', 'ko', ...stale], () => ['status', '--json'])).toBe(2 * 1 + 2)
  })

  it('reports a leftover temp file it did not make, and keeps it', () => {
    const dir = tempProject()
    write(dir, 'locales/ja/statement.json.tmp-4242', '{"s1": "残っている翻訳"}\n')
    const run = ok(['status'], dir)
    expect(run.stderr).toContain('locales/ja/statement.json.tmp-4242: leftover temp file of an interrupted write')
    expect(read(dir, 'locales/ja/statement.json.tmp-4242')).toContain('残っている翻訳')
  })
})
