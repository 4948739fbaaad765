import {describe, expect, it} from 'vitest'
import {concord, read, tempProject, write} from '../helpers/cli.js'

describe('concord status', () => {
  it('shows bidi controls and control codes of stale texts escaped, never raw', () => {
    const dir = tempProject()
    // A stale segment prints the English, the previous English, the diff and the translation: all untrusted.
    write(dir, 'locales/ko/statement.json', read(dir, 'locales/ko/statement.json').replace('"s668gkr": "', '"s668gkr": "\u202e\u200b'))
    expect(concord(['segment'], dir).code).toBe(0)
    write(dir, 'content/statement.md', read(dir, 'content/statement.md').replace('Refugees are often', 'Refugees \u202eare\u0007 often'))
    expect(concord(['segment'], dir).code).toBe(0)
    const run = concord(['status', '--lang', 'ko'], dir)
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).not.toMatch(/[\u202e\u200b\u0007]/u)
    expect(run.stdout).toMatch(/^ {10}en: .*Refugees <U\+202E>are<U\+0007> often/mu)
    expect(run.stdout).toMatch(/^ {8}diff: .*<U\+202E>/mu)
    expect(run.stdout).toMatch(/^ {10}ko: <U\+202E><U\+200B>/mu)
  })
})
