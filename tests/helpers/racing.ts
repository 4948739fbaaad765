import {spawn} from 'node:child_process'
import {existsSync} from 'node:fs'
import {join} from 'node:path'
import {repo} from './cli.js'

/** A CLI process running in the background, for races between two commands. */
export interface Background {
  pid: number
  stderr(): string
  /** Resolves with the exit code when the process ends. */
  done: Promise<number>
}

export function start(args: string[], cwd: string, env: Record<string, string> = {}): Background {
  const child = spawn(process.execPath, [join(repo, 'dist', 'cli', 'main.js'), ...args], {cwd, env: {...process.env, NO_COLOR: '1', ...env}, stdio: ['ignore', 'ignore', 'pipe']})
  let stderr = ''
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const done = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)))
  return {pid: child.pid!, stderr: () => stderr, done}
}

/** Wait (polling) until `condition` holds: the order of events is what a race test controls, never their timing. */
export async function until(condition: () => boolean, what: string, limitMs = 120_000): Promise<void> {
  for (let waited = 0; !condition(); waited += 20) {
    if (waited > limitMs) throw new Error(`gave up waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** Wait until the paused process has reached its commit (see CONCORD_TEST_PAUSE_FILE). */
export const paused = (file: string): Promise<void> => until(() => existsSync(file), `the pause file ${file}`)
