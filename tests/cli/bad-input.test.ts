import {existsSync, mkdirSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {concord, read, readJson, snapshot, tempDir, tempProject, write} from '../helpers/cli.js'

function expectFailure(dir: string, args: string[], pattern: RegExp): void {
  const before = snapshot(dir)
  const run = concord(args, dir)
  expect(run.code, run.stderr).toBe(1)
  expect(run.stderr).toMatch(pattern)
  expect(snapshot(dir)).toEqual(before)
}

describe('bad input to concord segment', () => {
  it('rejects Markdown that is not UTF-8, naming file, line and column', () => {
    const dir = tempProject()
    const text = read(dir, 'content/statement.md').replace('Refugees are often', 'Refugees are \u00e9often')
    write(dir, 'content/statement.md', Buffer.from(text, 'latin1'))
    expectFailure(dir, ['segment'], /^content\/statement\.md:\d+:\d+: Unexpected byte `0x[0-9a-f]{2}` that is not UTF-8, expected UTF-8 text; re-save the file as UTF-8 \[encoding\]$/m)
  })

  it('rejects an empty document', () => {
    const dir = tempProject()
    write(dir, 'content/empty.md', '---\ntitle: Empty\n---\n\n')
    expectFailure(dir, ['segment'], /^content\/empty\.md:1:1: Unexpected empty document, expected at least one heading or paragraph/m)
  })

  it('rejects a registry hand-edited into invalid JSON', () => {
    const dir = tempProject()
    write(dir, 'locales/en/statement.json', read(dir, 'locales/en/statement.json').replace('",\n  "s5dcbn3"', '"\n  "s5dcbn3"'))
    expectFailure(dir, ['segment'], /^locales\/en\/statement\.json:15:3: Unexpected JSON syntax \(CommaExpected\), expected valid JSON/m)
  })

  it('rejects a registry holding duplicate IDs', () => {
    const dir = tempProject()
    write(dir, 'locales/en/statement.json', read(dir, 'locales/en/statement.json').replace('"s5dcbn3"', '"sp2dxtn"'))
    expectFailure(dir, ['segment'], /^locales\/en\/statement\.json:15:3: Unexpected duplicate key `sp2dxtn` \(first at line 14\)/m)
  })

  it('rejects a retired ID that is also current', () => {
    const dir = tempProject()
    const meta = read(dir, 'locales/en/statement.registry.json').replace('"retired": {}', '"retired": {"sp2dxtn": {"text": "x", "rev": 1, "hash": "0"}}')
    write(dir, 'locales/en/statement.registry.json', meta)
    expectFailure(dir, ['segment'], /statement\.registry\.json:\d+:\d+: Unexpected retired ID `sp2dxtn`/)
  })

  it('rejects invalid options with the option named', () => {
    const dir = tempProject()
    write(dir, '.concordrc.json', '{\n  "languages": ["ko", "xx"]\n}\n')
    expectFailure(dir, ['segment'], /^\.concordrc\.json:2:3: Unexpected value `\["ko","xx"\]` for `languages`/m)
  })

  it('exits 2 on usage errors', () => {
    const dir = tempProject()
    expect(concord(['segment', '--nope'], dir).code).toBe(2)
    expect(concord(['frobnicate'], dir).code).toBe(2)
    expect(concord(['status', '--lang', 'fr'], dir).code).toBe(2)
    expect(concord(['--help'], dir).code).toBe(0)
  })
})

describe('output paths concord build cannot write', () => {
  it('refuses an --out that is a file, or inside one, before rendering anything', () => {
    const dir = tempProject()
    write(dir, 'site', 'not a folder')
    for (const out of ['site', 'site/editions']) {
      const run = concord(['build', '--format', 'md', '--out', out], dir)
      expect(run.code, run.stderr).toBe(2)
      expect(run.stderr).toContain(`Unexpected \`--out\` \`${out}\``)
      expect(run.stderr).not.toMatch(/rendering/)
    }
    expect(read(dir, 'site')).toBe('not a folder')
  })

  it('reports a folder where an output file should be as a file-system error, exit 1, and which files it wrote', () => {
    const dir = tempProject()
    mkdirSync(join(dir, 'output', 'ja', 'statement.md'), {recursive: true})
    const run = concord(['build', '--format', 'md'], dir)
    expect(run.code, run.stderr).toBe(1)
    expect(run.stderr).toMatch(/^build: stopped after writing 2 of 5 file\(s\): output\/en\/statement\.md, output\/ko\/statement\.md; the others are unchanged$/m)
    expect(run.stderr).toMatch(/^output\/ja\/statement\.md: Unexpected folder where a file should be \(EISDIR\), expected a file; .* \[file-system\]$/m)
    expect(run.stderr).not.toMatch(/internal error|\n\s+at /)
  })
})

describe('an absolute outDir', () => {
  it('is honoured as given, not taken as relative to the project', () => {
    const dir = tempProject()
    const site = join(tempDir(), 'site')
    write(dir, '.concordrc.json', JSON.stringify({...readJson<Record<string, unknown>>(dir, '.concordrc.json'), outDir: site}))
    const run = concord(['build', '--format', 'md', '--lang', 'ko'], dir)
    expect(run.code, run.stderr).toBe(0)
    expect(existsSync(join(site, 'ko', 'statement.md'))).toBe(true)
    expect(existsSync(join(dir, site.slice(1)))).toBe(false)
  })
})
