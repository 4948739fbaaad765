import {spawnSync} from 'node:child_process'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {concord, readJson, repo, tempProject, write} from '../helpers/cli.js'

describe('concord check on hostile locales', () => {
  it('reports a bidi override as an error and prints it escaped, never raw', () => {
    const dir = tempProject()
    const strings = readJson(dir, 'locales/ko/statement.json')
    const id = Object.keys(strings)[2]!
    strings[id] = `\u202E${strings[id]!}\u200B`
    write(dir, 'locales/ko/statement.json', JSON.stringify(strings, null, 2) + '\n')
    expect(concord(['segment'], dir).code).toBe(0)
    const run = concord(['check', '--lang', 'ko'], dir)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(
      new RegExp(`locales/ko/statement\\.json:\\d+:3: Unexpected bidirectional control \`U\\+202E \\(RIGHT-TO-LEFT OVERRIDE\\)\` in the ko translation of \`${id}\``)
    )
    expect(run.stderr).toContain('<U+202E>')
    expect(run.stderr).toContain('[invisible-character]')
    expect(run.stderr).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200b]/)
  })

  it('reports 200,000 orphan keys instead of overflowing the stack', () => {
    const dir = tempProject()
    const strings = readJson(dir, 'locales/mn/statement.json')
    for (let i = 0; i < 200_000; i++) strings[`sorphan${i}`] = 'x'
    write(dir, 'locales/mn/statement.json', JSON.stringify(strings, null, 2) + '\n')
    // Its own spawn: 200,000 warnings are some 40 MB of stderr, beyond the helper's buffer.
    const run = spawnSync(process.execPath, [join(repo, 'dist', 'cli', 'main.js'), 'check', '--lang', 'mn'], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
      env: {...process.env, NO_COLOR: '1'}
    })
    expect(run.status).toBe(0)
    expect(run.stderr).toMatch(/check: \d+ translation\(s\) checked; 0 error\(s\), 20000\d warning\(s\)/)
  })
})
