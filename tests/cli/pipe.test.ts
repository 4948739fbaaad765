import {spawnSync} from 'node:child_process'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {repo} from '../helpers/cli.js'

describe('output into a pipe the reader has closed', () => {
  it('prints no stack trace and exits 0 (`concord rules --json | true`)', () => {
    const cli = `${JSON.stringify(process.execPath)} ${JSON.stringify(join(repo, 'dist', 'cli', 'main.js'))}`
    // `true` exits without reading, long before Node has started: every write meets a closed pipe (EPIPE).
    for (const args of ['rules --json', 'build --help']) {
      const run = spawnSync('bash', ['-c', `${cli} ${args} | true; exit "\${PIPESTATUS[0]}"`], {cwd: repo, encoding: 'utf8'})
      expect(run.stderr, args).not.toMatch(/EPIPE|internal error|\n\s+at /)
      expect(run.status, args).toBe(0)
    }
  })
})
