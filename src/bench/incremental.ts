import {createHash} from 'node:crypto'
import {spawn} from 'node:child_process'
import {readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {measureInTurn, median, type Outcome} from './measure.js'
import {repo} from './project.js'
import {concord, countPages, listFiles, toResult, type StepResult} from './steps.js'

interface Snapshot {
  [path: string]: {hash: string; mtimeMs: number}
}

function snapshotOutputs(out: string): Snapshot {
  const files: Snapshot = {}
  for (const f of listFiles(out)) {
    if (f.startsWith('.cache/')) continue
    const path = join(out, f)
    files[f] = {hash: createHash('sha256').update(readFileSync(path)).digest('hex'), mtimeMs: statSync(path).mtimeMs}
  }
  return files
}

/** Outputs that belong to a language other than `language` (its own folder, aligned editions and reports may change). */
const otherLanguage = (path: string, language: string): boolean => /^(en|ko|ja|mn)\//.test(path) && !path.startsWith(`${language}/`)

/**
 * The real statement: a full build, then one Korean translation changed
 * and everything rebuilt. Only Korean and aligned outputs may be rewritten,
 * and the rebuild should cost a fraction of the full build.
 */
export function incrementalSteps(dir: string, runs: number): StepResult[] {
  const name = 'statement'
  const out = join(dir, 'output')
  const results: StepResult[] = []
  const localeFile = join(dir, 'locales', 'ko', 'statement.json')
  const original = readFileSync(localeFile, 'utf8')
  const strings = JSON.parse(original) as Record<string, string>
  const id = Object.keys(strings)[1] ?? Object.keys(strings)[0]!
  let before: Snapshot = {}
  let rewritten: string[] = []
  let files: string[] = []
  const rebuild = (): ReturnType<typeof concord> => {
    const result = concord(dir, ['build'])
    const after = snapshotOutputs(out)
    rewritten = Object.keys(after).filter((f) => !before[f] || before[f]!.mtimeMs !== after[f]!.mtimeMs)
    return result
  }
  // Full build and rebuild in turn: the machine's speed drifts, and the target is their ratio.
  const [full, edit] = measureInTurn(runs, [
    {before: () => rmSync(out, {recursive: true, force: true}), once: () => concord(dir, ['build'])},
    {
      before: (i) => {
        before = snapshotOutputs(out)
        files = Object.keys(before)
        // Each run changes the translation again, so that every run has something to rebuild.
        writeFileSync(localeFile, JSON.stringify({...strings, [id]: `${strings[id]} (${i + 1})`}, null, 2) + '\n')
      },
      once: rebuild
    }
  ]) as [Outcome, Outcome]
  writeFileSync(localeFile, original)
  results.push(
    toResult(name, 'build (full, all formats)', full, {
      files: files.length,
      pages: files.filter((f) => f.endsWith('.pdf')).reduce((sum, f) => sum + countPages(join(out, f)), 0)
    })
  )
  if (!full.ok) return results
  const strays = rewritten.filter((f) => otherLanguage(f, 'ko'))
  const ratio = edit.ok ? edit.measurement.ms / full.measurement.ms : NaN
  // The same ratio run by run (each rebuild against the full build just before it), for how much it moves.
  const pairs = edit.ok ? edit.measurement.runsMs.map((ms, i) => Math.round((ms / full.measurement.runsMs[i]!) * 1000) / 1000) : []
  results.push(
    toResult(name, 'build after one ko segment changed', edit, {
      rewritten: rewritten.length,
      rewrittenFiles: rewritten.join(' '),
      unaffectedRewritten: strays.length,
      ratioToFull: Math.round(ratio * 1000) / 1000,
      ratioPerRun: pairs.join(' ')
    })
  )
  return results
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Peak resident set size of a running process, from /proc (Linux), in MB. */
function peakRss(pid: number | undefined): number | null {
  try {
    const kb = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
    return kb ? Number(kb) / 1024 : null
  } catch {
    return null
  }
}

/**
 * The same change under `concord build --watch`: the time from saving the
 * locale file to the rebuild's summary line, with modules and fonts already
 * loaded and the watcher's 150 ms debounce included.
 */
export async function watchSteps(dir: string, runs: number, full: StepResult | undefined): Promise<StepResult> {
  const name = 'statement'
  const step = 'build --watch: rebuild after one ko segment changed'
  const child = spawn(process.execPath, [join(repo, 'dist', 'cli', 'main.js'), 'build', '--watch'], {cwd: dir, env: {...process.env, NO_COLOR: '1'}})
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const until = async (check: () => boolean): Promise<boolean> => {
    for (let i = 0; i < 12_000 && child.exitCode === null; i++) {
      if (check()) return true
      await sleep(10)
    }
    return check()
  }
  const summaries = (): number => stderr.match(/^build: \d+ file\(s\) written/gm)?.length ?? 0
  try {
    if (!(await until(() => stderr.includes('watch: waiting for changes')))) {
      return {corpus: name, step, status: 'unavailable', reason: stderr.trim().split('\n').pop() ?? 'no watch mode'}
    }
    const localeFile = join(dir, 'locales', 'ko', 'statement.json')
    const original = readFileSync(localeFile, 'utf8')
    const strings = JSON.parse(original) as Record<string, string>
    const id = Object.keys(strings)[1] ?? Object.keys(strings)[0]!
    const times: number[] = []
    let rewritten: string[] = []
    for (let i = 0; i < runs; i++) {
      const before = summaries()
      const mark = stderr.length
      writeFileSync(localeFile, JSON.stringify({...strings, [id]: `${strings[id]} (watch ${i + 1})`}, null, 2) + '\n')
      const start = performance.now()
      if (!(await until(() => summaries() > before))) return {corpus: name, step, status: 'failed', reason: 'no rebuild seen'}
      times.push(performance.now() - start)
      rewritten = [...stderr.slice(mark).matchAll(/^wrote output\/(.*)$/gm)].map((m) => m[1]!)
      await sleep(300)
    }
    writeFileSync(localeFile, original)
    const ms = median(times)
    const strays = rewritten.filter((f) => otherLanguage(f, 'ko'))
    return {
      corpus: name,
      step,
      status: 'ok',
      ms,
      runsMs: times.map(Math.round),
      cpuMs: null,
      rssMb: peakRss(child.pid),
      extra: {rewritten: rewritten.length, unaffectedRewritten: strays.length, ratioToFull: full?.ms ? Math.round((ms / full.ms) * 1000) / 1000 : NaN}
    }
  } finally {
    child.kill('SIGINT')
    await until(() => child.exitCode !== null)
  }
}
