import {spawnSync} from 'node:child_process'
import {cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {afterAll} from 'vitest'

export const repo = resolve(import.meta.dirname, '..', '..')
const cli = join(repo, 'dist', 'cli', 'main.js')

export interface Run {
  code: number
  stdout: string
  stderr: string
}

/** Run the compiled CLI as a user would (`npm test` compiles first). */
export function concord(args: string[], cwd: string, env: Record<string, string> = {}): Run {
  const result = spawnSync(process.execPath, [cli, ...args], {cwd, encoding: 'utf8', env: {...process.env, NO_COLOR: '1', ...env}})
  return {code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr}
}

const created: string[] = []

/**
 * A new folder in the system's temp folder, removed when the test file is
 * done (`CONCORD_KEEP_TEMP=1` keeps them, to look at after a failure).
 */
export function tempDir(prefix = 'concord-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  created.push(dir)
  return dir
}

// Registered on the file that imports this module, when it is collected.
afterAll(() => {
  if (process.env.CONCORD_KEEP_TEMP) return
  for (const dir of created.splice(0)) rmSync(dir, {recursive: true, force: true})
})

/** A temp copy of a project: the repo's own content and locales, or a fixture folder. */
export function tempProject(from = repo, parts = ['content', 'locales', '.concordrc.json']): string {
  const dir = tempDir()
  for (const part of parts) if (existsSync(join(from, part))) cpSync(join(from, part), join(dir, part), {recursive: true})
  return dir
}

export const read = (dir: string, path: string): string => readFileSync(join(dir, path), 'utf8')
export const readJson = <T = Record<string, string>>(dir: string, path: string): T => JSON.parse(read(dir, path)) as T
export const write = (dir: string, path: string, content: string | Buffer): void => writeFileSync(join(dir, path), content)

/** Every file under `locales/`, to prove that a run wrote nothing (or exactly what it should). */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (rel: string): void => {
    for (const entry of readdirSync(join(dir, rel), {withFileTypes: true})) {
      const path = join(rel, entry.name)
      if (entry.isDirectory()) walk(path)
      else out[path] = readFileSync(join(dir, path), 'utf8')
    }
  }
  walk('locales')
  return out
}

/** The IDs of a document's body segments, in order (the front matter's `meta` segments come first in the locale files). */
export function bodyIds(dir: string, document = 'statement'): string[] {
  const registry = readJson<{segments: Record<string, {kind: string}>}>(dir, `locales/en/${document}.registry.json`).segments
  return Object.keys(registry).filter((id) => registry[id]!.kind !== 'meta')
}
