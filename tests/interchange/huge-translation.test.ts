import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {concord, read, readJson, snapshot, tempProject, write} from '../helpers/cli.js'

/** A translation of `length` characters in place of the first non-empty `msgstr` of the exported PO. */
function poWithLongTranslation(dir: string, length: number): string {
  expect(concord(['export', '--lang', 'ko', '--format', 'po', '--out', 'ko.po'], dir).code).toBe(0)
  const po = read(dir, 'ko.po')
  return po.replace(/^msgstr "(.+)"$/m, () => `msgstr "${'난민 '.repeat(length / 3)}"`)
}

describe('oversized translations', () => {
  it('import refuses a translation above 20 times its English, naming file, line and rule, without echoing it', () => {
    const dir = tempProject()
    write(dir, 'ko.po', poWithLongTranslation(dir, 3_000_000))
    const before = snapshot(dir)
    const run = concord(['import', 'ko.po'], dir)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^ko\.po:\d+:\d+: Unexpected translation of `s[0-9a-z]{6}` of `3000000` characters, expected at most `\d+` .*\[import-too-long\]$/m)
    expect(run.stderr.length).toBeLessThan(2000)
    expect(snapshot(dir)).toEqual(before)
  })

  it('import takes a translation within the bound', () => {
    const dir = tempProject()
    write(dir, 'ko.po', poWithLongTranslation(dir, 900))
    // The filler fails the checks at import (its figures, its length): imported as a draft, not refused for its size.
    expect(concord(['import', 'ko.po', '--allow-errors'], dir).code).toBe(0)
  })

  it('check and build give a message, not an internal error, on a huge translation already in a locale file', () => {
    const dir = tempProject()
    const strings = readJson(dir, 'locales/ko/statement.json')
    const id = Object.keys(strings)[3]!
    strings[id] = '난민'.repeat(12_000_000)
    write(dir, 'locales/ko/statement.json', JSON.stringify(strings, null, 2))
    const line =
      readFileSync(join(dir, 'locales/ko/statement.json'), 'utf8')
        .split('\n')
        .findIndex((l) => l.includes(`"${id}"`)) + 1
    for (const args of [['check'], ['build', '--format', 'md']]) {
      const run = concord(args, dir)
      expect(run.code).toBe(1)
      expect(run.stderr).toContain(`locales/ko/statement.json:${line}:3: Unexpected translation of \`${id}\` of \`24000000\` characters, expected at most \`65536\``)
      expect(run.stderr).toContain('[translation-too-long]')
      expect(run.stderr.length).toBeLessThan(2000)
    }
  })
})
