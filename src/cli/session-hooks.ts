import {existsSync, writeFileSync} from 'node:fs'
import {type Command, InvalidArgumentError} from 'commander'
import {sleepSync} from '../engine/durable-fs.js'
import {beginSession, type SessionOptions} from '../engine/session.js'
import {info} from './report.js'

/** Commands that write content/ or locales/ (or output/, for `build`), by whether this run writes. */
const WRITERS: Record<string, (opts: Record<string, unknown>) => boolean> = {
  segment: (opts) => opts.check !== true,
  import: (opts) => opts.dryRun !== true,
  accept: () => true,
  review: () => true,
  // A watching build runs until stopped: holding the lock all along would lock everyone else out.
  build: (opts) => opts.watch !== true
}

export const DEFAULT_WAIT_SECONDS = 30

function parseSeconds(value: string): number {
  const n = Number(value)
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError(`Unexpected \`${value}\`, expected a number of seconds, 0 or more`)
  return n
}

/**
 * Test hooks, read from the environment here and only here (the engine
 * takes them as options):
 * - `CONCORD_FAULT_AT=<n>`: the process kills itself (SIGKILL, like a power
 *   cut for the files) right after the n-th durable step of its commit.
 * - `CONCORD_TEST_PAUSE_FILE=<path>`: inside the lock, just before comparing
 *   what it read, the process creates <path> and waits until it is deleted,
 *   so a test can run another command or edit a file in that window.
 */
let paused = false

function testHooks(env: NodeJS.ProcessEnv): Pick<SessionOptions, 'onStep' | 'beforeCommit'> {
  const hooks: Pick<SessionOptions, 'onStep' | 'beforeCommit'> = {}
  const faultAt = Number(env.CONCORD_FAULT_AT)
  if (Number.isInteger(faultAt) && faultAt > 0) {
    hooks.onStep = (step) => {
      if (step === faultAt) process.kill(process.pid, 'SIGKILL')
    }
  }
  const pause = env.CONCORD_TEST_PAUSE_FILE
  if (pause) {
    hooks.beforeCommit = () => {
      // Once per process: a `segment` that redoes its work does not wait again.
      if (paused) return
      paused = true
      writeFileSync(pause, String(process.pid))
      for (let waited = 0; existsSync(pause) && waited < 600_000; waited += 20) sleepSync(20)
    }
  }
  return hooks
}

/** Add `--wait` to the writing commands, and start each command's session (lock, recovery) before its action runs. */
export function installSession(program: Command, env: NodeJS.ProcessEnv = process.env): void {
  for (const command of program.commands) {
    if (!Object.hasOwn(WRITERS, command.name())) continue
    command.option('--wait <seconds>', `how long to wait for another concord command writing this project (default ${DEFAULT_WAIT_SECONDS})`, parseSeconds)
  }
  const hooks = testHooks(env)
  program.hook('preAction', (_program, action) => {
    const opts = action.opts<Record<string, unknown>>()
    const name = action.name()
    beginSession({
      root: process.cwd(),
      command: name,
      writes: Object.hasOwn(WRITERS, name) && WRITERS[name]!(opts),
      waitMs: (typeof opts.wait === 'number' ? opts.wait : DEFAULT_WAIT_SECONDS) * 1000,
      notify: info,
      ...hooks
    })
  })
}
