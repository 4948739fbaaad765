import {execFileSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {buildEpoch, inRepository, lastCommitEpoch, sourceRevision} from '../../src/engine/source-date.js'

const made: string[] = []
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, {recursive: true, force: true})
})

const project = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'concord-source-date-'))
  made.push(dir)
  mkdirSync(join(dir, 'content'))
  writeFileSync(join(dir, 'content', 'a.md'), '# A\n')
  return dir
}

describe('the date of a build’s inputs', () => {
  it('is none outside a repository, without asking git', () => {
    const dir = project()
    // The temporary folder is in no repository on any machine the tests run on.
    expect(inRepository(dir)).toBe(false)
    expect(lastCommitEpoch(dir)).toBeUndefined()
    expect(sourceRevision(dir)).toEqual({})
    expect(buildEpoch(dir, '1700000000')).toBe('1700000000')
  })

  it('is the last commit’s in a repository, also from a folder below its top', () => {
    const dir = project()
    const env = {...process.env, GIT_AUTHOR_DATE: '@1500000000 +0000', GIT_COMMITTER_DATE: '@1500000000 +0000', GIT_CONFIG_NOSYSTEM: '1'}
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], {cwd: dir, env, stdio: 'pipe'})
    git('init', '-q')
    git('add', 'content')
    git('commit', '-q', '-m', 'inputs')
    expect(inRepository(join(dir, 'content'))).toBe(true)
    expect(lastCommitEpoch(dir)).toBe('1500000000')
    expect(sourceRevision(dir).revision).toMatch(/^[0-9a-f]{40}$/)
  })
})
