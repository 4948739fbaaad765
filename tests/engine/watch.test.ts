import {spawn, type ChildProcess} from 'node:child_process'
import {existsSync, readFileSync, renameSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {isInput} from '../../src/engine/watch.js'
import {read, readJson, repo, tempProject} from '../helpers/cli.js'
import {until} from '../helpers/racing.js'

const children: ChildProcess[] = []
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL')
})

/** `concord build --watch` in `dir`, with its stderr collected as it comes. */
function watchBuild(dir: string, args: string[]): {child: ChildProcess; stderr: () => string} {
  let stderr = ''
  const child = spawn(process.execPath, [join(repo, 'dist', 'cli', 'main.js'), 'build', '--watch', ...args], {cwd: dir, env: {...process.env, NO_COLOR: '1'}})
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  children.push(child)
  return {child, stderr: () => stderr}
}

const count = (text: string, pattern: RegExp): number => text.match(pattern)?.length ?? 0

describe('concord build --watch', () => {
  it('rebuilds on a locale change, survives a broken file, and stops cleanly', {timeout: 180_000}, async () => {
    const dir = tempProject()
    const watch = watchBuild(dir, ['--format', 'md'])
    await until(() => watch.stderr().includes('watch: waiting for changes'), 'the first build')
    expect(watch.stderr()).toContain('build: 5 file(s) written')

    const path = join(dir, 'locales/ko/statement.json')
    const original = read(dir, 'locales/ko/statement.json')
    const strings = readJson(dir, 'locales/ko/statement.json')
    const id = Object.keys(strings)[3]!
    writeFileSync(path, JSON.stringify({...strings, [id]: '감시 모드에서 고친 문장입니다.'}, null, 2) + '\n')
    await until(
      () => existsSync(join(dir, 'output/ko/statement.md')) && readFileSync(join(dir, 'output/ko/statement.md'), 'utf8').includes('감시 모드에서 고친 문장입니다.'),
      'the rebuilt Korean edition'
    )

    // A half-saved file: the message names file, line and column; the watch goes on.
    const builds = count(watch.stderr(), /^build: \d+ file\(s\) written/gm)
    writeFileSync(path, original.slice(0, 200))
    await until(() => watch.stderr().includes('[json-syntax]'), 'the JSON error')
    expect(watch.stderr()).toMatch(/locales\/ko\/statement\.json:\d+:\d+: Unexpected JSON syntax/)
    expect(watch.child.exitCode).toBe(null)
    writeFileSync(path, original)
    await until(() => count(watch.stderr(), /^build: \d+ file\(s\) written/gm) > builds, 'the build after the fix')
    expect(readFileSync(join(dir, 'output/ko/statement.md'), 'utf8')).not.toContain('감시 모드에서 고친 문장입니다.')

    // A content edit asks for `concord segment`; the segment run's registry change rebuilds.
    writeFileSync(join(dir, 'content/statement.md'), read(dir, 'content/statement.md').replace('Human rights are the most basic', 'Human rights are the most essential'))
    await until(() => watch.stderr().includes('[registry-outdated]'), 'the outdated-registry message')

    watch.child.kill('SIGINT')
    await until(() => watch.child.exitCode !== null, 'the watcher to stop')
    expect(watch.child.exitCode).toBe(0)
  })

  it('keeps seeing a locale file after it is replaced by a rename, as every save of ours writes it', {timeout: 180_000}, async () => {
    const dir = tempProject()
    const watch = watchBuild(dir, ['--format', 'md'])
    await until(() => watch.stderr().includes('watch: waiting for changes'), 'the first build')
    const path = join(dir, 'locales/ko/statement.json')
    const strings = readJson(dir, 'locales/ko/statement.json')
    const id = Object.keys(strings)[3]!
    const edition = (): string => (existsSync(join(dir, 'output/ko/statement.md')) ? readFileSync(join(dir, 'output/ko/statement.md'), 'utf8') : '')
    // Write a temporary file and rename it over the locale file (an atomic write), twice.
    for (const [n, text] of ['처음 바꾼 문장입니다.', '두 번째로 바꾼 문장입니다.'].entries()) {
      writeFileSync(`${path}.tmp-${n}`, JSON.stringify({...strings, [id]: text}, null, 2) + '\n')
      renameSync(`${path}.tmp-${n}`, path)
      await until(() => edition().includes(text), `the edition after rename ${n + 1}`, 30_000)
    }
    watch.child.kill('SIGINT')
    await until(() => watch.child.exitCode !== null, 'the watcher to stop')
  })

  it('stops at once on a usage error', {timeout: 60_000}, async () => {
    const watch = watchBuild(tempProject(), ['--lang', 'xx'])
    await until(() => watch.child.exitCode !== null, 'the exit')
    expect(watch.child.exitCode).toBe(2)
    expect(watch.stderr()).toContain('Unexpected `xx` in --lang')
  })
})

describe('what the watcher counts as an input', () => {
  it('ignores temporary, swap and backup files', () => {
    for (const name of ['statement.json', 'content/statement.md', 'ui.json']) expect(isInput(name)).toBe(true)
    for (const name of ['statement.json.tmp-1234', 'statement.json.tmp-txn-1234', '.statement.md.swp', 'statement.md~', '4913', '.#statement.md', '#statement.md#'])
      expect(isInput(name)).toBe(false)
  })
})
