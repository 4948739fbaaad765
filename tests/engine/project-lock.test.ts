import {rmSync} from 'node:fs'
import {spawnSync} from 'node:child_process'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {concord, read, readJson, tempDir, tempProject, write} from '../helpers/cli.js'
import {ok} from '../helpers/interchange.js'
import {allTranslations, lostTranslations, projectFiles} from '../helpers/nothing-lost.js'
import {paused, start, until} from '../helpers/racing.js'

/**
 * Two commands at once. The first stops inside the lock, after reading and
 * before committing (CONCORD_TEST_PAUSE_FILE), which is the widest window
 * a race can have; the test does the second thing in that window, then lets
 * the first one go on.
 */
const RETIRED = 'Human rights are the most basic and fundamental rights given to man.'
const retireSentence = (dir: string): void => write(dir, 'content/statement.md', read(dir, 'content/statement.md').replace(`${RETIRED}\n`, ''))
const pauseFile = (): string => join(tempDir('concord-pause-'), 'paused')

describe('the project lock', () => {
  it('segment + import: the import waits for the segment, then applies every edit; nothing is lost', async () => {
    const dir = tempProject()
    ok(['export', '--lang', 'ko', '--format', 'po', '--out', 'ko.po'], dir)
    // The shortest translation: its msgstr is on one line.
    const [id, old] = Object.entries(readJson(dir, 'locales/ko/statement.json')).sort(([, a], [, b]) => a.length - b.length)[0]!
    expect(read(dir, 'ko.po')).toContain(`msgstr "${old}"`)
    write(dir, 'ko.po', read(dir, 'ko.po').replace(`msgstr "${old}"`, 'msgstr "가져온 새 번역."'))
    const translations = allTranslations(dir)
    retireSentence(dir)
    const pause = pauseFile()
    const segment = start(['segment'], dir, {CONCORD_TEST_PAUSE_FILE: pause})
    await paused(pause)
    const importing = start(['import', 'ko.po'], dir)
    await until(() => importing.stderr().includes(`waiting for the lock held by pid ${segment.pid} (concord segment)`), 'the import to wait')
    rmSync(pause)
    expect(await segment.done, segment.stderr()).toBe(0)
    expect(await importing.done, importing.stderr()).toBe(0)
    expect(readJson(dir, 'locales/ko/statement.json')[id]).toBe('가져온 새 번역.')
    expect(lostTranslations(translations, dir)).toEqual([`ko\t${old}`])
    expect(read(dir, 'locales/ja/statement.obsolete.json')).toContain('人権とは')
    ok(['segment', '--check'], dir)
  })

  it('segment × 2: the second waits and finds nothing left to do; no retired translation is lost', async () => {
    const dir = tempProject()
    const translations = allTranslations(dir)
    retireSentence(dir)
    const pause = pauseFile()
    const first = start(['segment'], dir, {CONCORD_TEST_PAUSE_FILE: pause})
    await paused(pause)
    const second = start(['segment'], dir)
    await until(() => second.stderr().includes('waiting for the lock held by pid'), 'the second segment to wait')
    rmSync(pause)
    expect(await first.done, first.stderr()).toBe(0)
    expect(await second.done, second.stderr()).toBe(0)
    expect(second.stderr()).not.toContain('wrote')
    expect(lostTranslations(translations, dir)).toEqual([])
    ok(['segment', '--check'], dir)
  })

  it('a second writer that cannot wait long enough stops with a message and writes nothing', async () => {
    const dir = tempProject()
    const pause = pauseFile()
    const first = start(['segment'], dir, {CONCORD_TEST_PAUSE_FILE: pause})
    await paused(pause)
    const before = projectFiles(dir)
    const run = concord(['accept', 'ko', 'sk0f800', '--wait', '0'], dir)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(new RegExp(`^\\.concord/lock:1:1: Unexpected lock held by pid ${first.pid} \\(concord segment\\) since .*; nothing written: .*\\[project-locked\\]$`, 'm'))
    expect(projectFiles(dir)).toEqual(before)
    rmSync(pause)
    expect(await first.done).toBe(0)
  })

  it('a translator saving a locale file while segment runs: segment redoes its work, and the edit stays', async () => {
    const dir = tempProject()
    retireSentence(dir)
    const pause = pauseFile()
    const segment = start(['segment'], dir, {CONCORD_TEST_PAUSE_FILE: pause})
    await paused(pause)
    const ja = readJson(dir, 'locales/ja/statement.json')
    const id = Object.keys(ja).find((key) => !ja[key]!.startsWith('人権とは'))!
    write(dir, 'locales/ja/statement.json', JSON.stringify({...ja, [id]: '保存したばかりの訳。'}, null, 2) + '\n')
    rmSync(pause)
    expect(await segment.done, segment.stderr()).toBe(0)
    expect(segment.stderr()).toContain('segmenting again')
    expect(readJson(dir, 'locales/ja/statement.json')[id]).toBe('保存したばかりの訳。')
    ok(['segment', '--check'], dir)
  })

  it('a locale file edited while import runs: the import writes nothing and says which file changed', async () => {
    const dir = tempProject()
    ok(['export', '--lang', 'ko', '--format', 'po', '--out', 'ko.po'], dir)
    write(dir, 'ko.po', read(dir, 'ko.po').replace(/^msgstr "(.+)"$/m, 'msgstr "$1 (수정)"'))
    const pause = pauseFile()
    const importing = start(['import', 'ko.po'], dir, {CONCORD_TEST_PAUSE_FILE: pause})
    await paused(pause)
    write(dir, 'locales/ko/statement.json', read(dir, 'locales/ko/statement.json').replace('난민들은', '난민은'))
    const edited = projectFiles(dir)
    rmSync(pause)
    expect(await importing.done).toBe(1)
    expect(importing.stderr()).toContain('locales/ko/statement.json:1:1: Unexpected change of `locales/ko/statement.json` since `concord import` read it')
    expect(importing.stderr()).toContain('nothing written: run the import again [changed-since-read]')
    expect(projectFiles(dir)).toEqual(edited)
  })

  it('the lock of a process that died is taken over at once', () => {
    const dir = tempProject()
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {encoding: 'utf8'}).stdout
    ok(['segment'], dir)
    write(
      dir,
      '.concord/lock',
      JSON.stringify({pid: Number(gone), host: (spawnSync('hostname', {encoding: 'utf8'}).stdout || '').trim(), command: 'segment', since: '2026-01-01T00:00:00.000Z'})
    )
    const run = ok(['accept', 'ko', 'sk0f800', '--wait', '0'], dir)
    expect(run.stderr).not.toContain('waiting')
  })
})
