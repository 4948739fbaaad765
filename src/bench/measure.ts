import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

/** One run of a command in a child process. */
export interface RunResult {
  ms: number
  /** Peak resident set size of the child in MB, when it could be read. */
  rssMb: number | null
  /** CPU time (user + system) of the child in ms, when it could be read: steadier than wall time on a busy machine. */
  cpuMs: number | null
  code: number
  stdout: string
  stderr: string
}

const TIME = '/usr/bin/time'
const probe = new URL('./rss-probe.js', import.meta.url).pathname

/**
 * Run a command and read its peak RSS: through GNU time when it is
 * installed (works for pandoc too), otherwise, for Node children only,
 * through a preloaded probe that reports `process.resourceUsage().maxRSS`.
 */
export function run(command: string, args: string[], cwd: string): RunResult {
  const scratch = mkdtempSync(join(tmpdir(), 'concord-bench-rss-'))
  const report = join(scratch, 'rss')
  const useTime = existsSync(TIME)
  const isNode = command === process.execPath
  const [file, argv] = useTime ? [TIME, ['-f', '%M %U %S', '-o', report, command, ...args]] : [command, isNode ? ['--import', probe, ...args] : args]
  const env = {...process.env, NO_COLOR: '1', CONCORD_BENCH_RSS: report}
  const start = process.hrtime.bigint()
  const child = spawnSync(file, argv, {cwd, env, encoding: 'utf8', maxBuffer: 1 << 30})
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  let rssMb: number | null = null
  let cpuMs: number | null = null
  if (existsSync(report)) {
    // GNU time appends its line after any "Command exited with non-zero status" note.
    const [kb, user, system] = (readFileSync(report, 'utf8').trim().split('\n').pop() ?? '').split(' ').map(Number)
    if (Number.isFinite(kb) && kb! > 0) rssMb = kb! / 1024
    if (Number.isFinite(user) && Number.isFinite(system)) cpuMs = (user! + system!) * 1000
  }
  rmSync(scratch, {recursive: true, force: true})
  return {ms, rssMb, cpuMs, code: child.status ?? -1, stdout: child.stdout ?? '', stderr: child.stderr ?? String(child.error ?? '')}
}

export interface Measurement {
  /** Median wall time of the runs, in ms. */
  ms: number
  runsMs: number[]
  /** Highest peak RSS over the runs, in MB. */
  rssMb: number | null
  /** Median CPU time (user + system) of the runs, in ms. */
  cpuMs: number | null
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

export type Outcome = {ok: true; measurement: Measurement; last: RunResult} | {ok: false; reason: string; available: boolean}

/** A command to time, and what to do (untimed) before each of its runs. */
export interface Timed {
  once: (i: number) => RunResult
  before?: (i: number) => void
}

function failed(result: RunResult): Outcome {
  const line = result.stderr.split('\n').find((l) => l.trim() !== '') ?? `exit code ${result.code}`
  return {ok: false, reason: line.trim(), available: result.code !== 2}
}

function summarise(results: RunResult[]): Outcome {
  const rss = results.map((r) => r.rssMb).filter((v): v is number => v !== null)
  const cpu = results.map((r) => r.cpuMs).filter((v): v is number => v !== null)
  return {
    ok: true,
    measurement: {
      ms: median(results.map((r) => r.ms)),
      runsMs: results.map((r) => Math.round(r.ms)),
      rssMb: rss.length ? Math.max(...rss) : null,
      cpuMs: cpu.length ? median(cpu) : null
    },
    last: results[results.length - 1]!
  }
}

/**
 * Time several commands in turn (the first, the second…, then the first
 * again), `runs` rounds, each the median of its runs: a machine that speeds
 * up or slows down while they run weighs on all of them alike, so their
 * ratio holds. A command that fails stops the rounds; a usage error on its
 * first run means the command is not there yet.
 */
export function measureInTurn(runs: number, steps: Timed[]): Outcome[] {
  const results: RunResult[][] = steps.map(() => [])
  for (let i = 0; i < runs; i++) {
    for (const [k, step] of steps.entries()) {
      step.before?.(i)
      const result = step.once(i)
      if (result.code !== 0) {
        return steps.map(
          (_, j): Outcome => (j === k ? failed(result) : results[j]!.length > 0 ? summarise(results[j]!) : {ok: false, reason: 'not run: an earlier step failed', available: true})
        )
      }
      results[k]!.push(result)
    }
  }
  return results.map(summarise)
}

/**
 * Run `runs` times (calling `before` ahead of each run, untimed) and take the
 * median. A usage error on the first run means the command is not there yet.
 */
export function measure(runs: number, once: (i: number) => RunResult, before?: (i: number) => void): Outcome {
  return measureInTurn(runs, [{once, ...(before ? {before} : {})}])[0]!
}
