/**
 * The `pretest` step that brings the system clients the tests drive: what it
 * plans on each kind of machine, and that on this one (all installed) it
 * does nothing.
 */
import {spawnSync} from 'node:child_process'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {dpkgInstalled, PACKAGES, plan} from '../../src/tooling/system-packages.js'
import {repo} from '../helpers/cli.js'

const debian = {debian: true, root: false, sudo: false}

describe('system packages for the tests', () => {
  it('plans nothing when nothing is missing', () => {
    expect(plan([], {...debian, root: true})).toEqual({kind: 'nothing'})
  })

  it('installs the missing ones with apt-get as root, or through sudo when it asks no password', () => {
    expect(plan(['qpdf', 'gettext'], {...debian, root: true})).toEqual({
      kind: 'install',
      commands: [
        ['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'update', '-qq'],
        ['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'qpdf', 'gettext']
      ]
    })
    const viaSudo = plan(['qpdf'], {...debian, sudo: true})
    expect(viaSudo.kind === 'install' && viaSudo.commands.map((c) => c.slice(0, 3))).toEqual([
      ['sudo', '-n', 'env'],
      ['sudo', '-n', 'env']
    ])
  })

  it('names the packages and the command when it may not install', () => {
    const asked = plan(['chromium', 'qpdf'], debian)
    expect(asked.kind).toBe('ask')
    expect(asked.kind === 'ask' && asked.message).toContain('sudo apt-get install -y --no-install-recommends chromium qpdf')
    expect(asked.kind === 'ask' && asked.message).toContain(`chromium: ${PACKAGES.chromium}`)
    const elsewhere = plan(['qpdf'], {debian: false, root: true, sudo: false})
    expect(elsewhere.kind === 'ask' && elsewhere.message).not.toContain('apt-get')
  })

  it('reads the installed state from dpkg', () => {
    expect(Object.keys(PACKAGES).filter((name) => !dpkgInstalled(name))).toEqual([])
    expect(dpkgInstalled('concord-no-such-package')).toBe(false)
  })

  it('does nothing and says nothing when everything is installed', () => {
    const run = spawnSync(process.execPath, [join(repo, 'dist/tooling/system-packages.js')], {encoding: 'utf8'})
    expect({code: run.status, stdout: run.stdout, stderr: run.stderr}).toEqual({code: 0, stdout: '', stderr: ''})
  })
})
