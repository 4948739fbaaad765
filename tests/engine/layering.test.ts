import {readdirSync, readFileSync} from 'node:fs'
import {join, relative} from 'node:path'
import {describe, expect, it} from 'vitest'
import {importedModules} from '../../src/engine/segment-cache.js'
import {repo} from '../helpers/cli.js'

const src = join(repo, 'src')
const modulesOf = (stage: string): string[] =>
  readdirSync(join(src, stage), {recursive: true, encoding: 'utf8'})
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(src, stage, f))

describe('the CLI is a shell over the library', () => {
  it('the engine and the editions import nothing from the CLI, nor the argument parser', () => {
    // From the sources, type-only imports included: an interface borrowed from the CLI counts too.
    const {modules, packages} = importedModules([...modulesOf('engine'), ...modulesOf('editions')], '.ts')
    expect(modules.map((m) => relative(src, m)).filter((m) => m.startsWith('cli/'))).toEqual([])
    expect(packages).not.toContain('commander')
  })

  it('the build worker, as bundled, carries no CLI code', () => {
    // dist/ is built before the tests; the worker bundle holds every module it imports.
    const worker = readFileSync(join(repo, 'dist', 'engine', 'build-worker.js'), 'utf8')
    expect(worker).toContain('renderPdfFiles')
    expect(worker).not.toMatch(/\bcommander\b|InvalidArgumentError|buildCommand/)
  })
})
