import {spawnSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import {join, resolve} from 'node:path'
import {expect} from 'vitest'
import {concord, repo, tempProject, type Run} from './cli.js'
export {snapshot} from './cli.js'

/** The OASIS schema beside the clone (`../shared/schemas/`), as in CI. */
export const schema = resolve(repo, '..', 'shared', 'schemas', 'xliff_core_2.0.xsd')
export const hasSchema = existsSync(schema)
export const fixture = join(repo, 'tests', 'fixtures', 'interchange')

/** A temp copy of the small sample project (inline Markdown, a table, reviewed, stale and missing Korean). */
export const sampleProject = (): string => tempProject(join(fixture, 'project'))

export function ok(args: string[], dir: string, env?: Record<string, string>): Run {
  const run = concord(args, dir, env)
  expect(run.code, run.stderr).toBe(0)
  return run
}

/** `line:column` (1-based) of the first occurrence of `needle`, to check the place in a message. */
export function where(text: string, needle: string): string {
  const index = text.indexOf(needle)
  if (index < 0) throw new Error(`\`${needle}\` not found`)
  const before = text.slice(0, index)
  return `${before.split('\n').length}:${index - before.lastIndexOf('\n')}`
}

export function xmllint(path: string): Run {
  const run = spawnSync('xmllint', ['--noout', '--schema', schema, path], {encoding: 'utf8'})
  return {code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr}
}

/** msgfmt's counts, from `--statistics` (C locale for English output). */
export function msgfmt(path: string): {code: number; stderr: string; translated: number; fuzzy: number; untranslated: number} {
  const run = spawnSync('msgfmt', ['--check', '--statistics', '-o', '/dev/null', path], {encoding: 'utf8', env: {...process.env, LC_ALL: 'C'}})
  const count = (word: string): number => Number(new RegExp(`(\\d+) ${word}`).exec(run.stderr)?.[1] ?? 0)
  return {code: run.status ?? -1, stderr: run.stderr, translated: count('translated'), fuzzy: count('fuzzy'), untranslated: count('untranslated')}
}

/** Run a command-line tool (gettext, Translate Toolkit) and insist that it worked. */
export function tool(command: string, args: string[], cwd: string): string {
  const run = spawnSync(command, args, {cwd, encoding: 'utf8'})
  expect(run.status, `${command} ${args.join(' ')}\n${run.stderr}`).toBe(0)
  return run.stdout
}
