import {execFileSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'

/** What dates a project's PDFs when SOURCE_DATE_EPOCH is not given: the files a build reads. */
const INPUTS = ['content', 'locales', '.concordrc.json']

/**
 * The date of the PDFs, as SOURCE_DATE_EPOCH would give it: the caller's
 * value when set (not empty), else the time of the last commit touching
 * the build's inputs, else `undefined` (the renderer's fixed epoch). Not the
 * document's own date: that is when the text was issued, not when the file
 * was made. Read once per build and passed down, so the renderers read no
 * environment and run no processes.
 */
export function buildEpoch(root: string, given: string | undefined): string | undefined {
  if (given !== undefined && given.trim() !== '') return given
  return lastCommitEpoch(root)
}

/**
 * Whether `root` or a folder above it holds `.git` (a folder, or a file in
 * a worktree), where git looks for the repository. Outside one, asking git
 * costs a process (some 60 ms of a one-off build) to learn nothing.
 */
export function inRepository(root: string): boolean {
  for (let dir = resolve(root); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return true
    if (dirname(dir) === dir) return false
  }
}

/** Seconds since 1970 of the last commit touching the inputs; undefined outside a repository, without git, or before the first commit. */
export function lastCommitEpoch(root: string): string | undefined {
  if (!inRepository(root)) return undefined
  try {
    const out = execFileSync('git', ['log', '-1', '--format=%ct', '--', ...INPUTS], {cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000})
    const seconds = out.trim()
    return /^\d+$/.test(seconds) ? seconds : undefined
  } catch {
    return undefined
  }
}

/** The commit of the last change to the inputs, and whether they have changes not yet committed; nothing outside a repository or without git. */
export function sourceRevision(root: string): {revision?: string; uncommitted?: boolean} {
  if (!inRepository(root)) return {}
  const git = (args: string[]): string | undefined => {
    try {
      return execFileSync('git', args, {cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000})
    } catch {
      return undefined
    }
  }
  const revision = git(['log', '-1', '--format=%H', '--', ...INPUTS])?.trim()
  if (revision === undefined || !/^[0-9a-f]{40,64}$/.test(revision)) return {}
  const status = git(['status', '--porcelain', '--', ...INPUTS])
  return {revision, ...(status !== undefined && status.trim() !== '' ? {uncommitted: true} : {})}
}
