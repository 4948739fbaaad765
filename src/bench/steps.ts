import {existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {measure, measureInTurn, run, type Outcome, type RunResult, type Timed} from './measure.js'

const COLD = 'segment (cold: no registry)'
import {DOCUMENT, LANGUAGES, removeLocales, repo, snapshot, writeLocales} from './project.js'

/** One measured step, as printed and written to bench.json. */
export interface StepResult {
  corpus: string
  step: string
  status: 'ok' | 'unavailable' | 'failed'
  reason?: string
  /** Median wall time in ms. */
  ms?: number
  runsMs?: number[]
  cpuMs?: number | null
  rssMb?: number | null
  /** Step-specific figures (pages, pages per second, segments changed…). */
  extra?: Record<string, number | string>
}

const cli = join(repo, 'dist', 'cli', 'main.js')

export const concord = (dir: string, args: string[]): RunResult => run(process.execPath, [cli, ...args], dir)

export function toResult(corpus: string, step: string, outcome: Outcome, extra?: Record<string, number | string>): StepResult {
  if (!outcome.ok) return {corpus, step, status: outcome.available ? 'failed' : 'unavailable', reason: outcome.reason}
  const {ms, runsMs, cpuMs, rssMb} = outcome.measurement
  return {corpus, step, status: 'ok', ms, runsMs, cpuMs, rssMb, ...(extra ? {extra} : {})}
}

/** Every file under `dir`, relative, sorted. */
export function listFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name)
      return statSync(path).isDirectory() ? listFiles(path, `${prefix}${name}/`) : [`${prefix}${name}`]
    })
}

/** Pages of a PDF written by pdfkit (no object streams, so every page object is visible). */
export function countPages(path: string): number {
  return readFileSync(path, 'latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0
}

export interface CorpusProject {
  name: string
  dir: string
  markdown: string
  edited: string
  reworded: number
}

/**
 * Steps that prepare the locales and measure segment/reconcile. A cold
 * `segment` and `segment --check` of the translated project are timed in
 * turn (the target is that the check is faster), each from its own state.
 */
export function segmentSteps(project: CorpusProject, runs: number, seed: number): StepResult[] {
  const {name, dir} = project
  const results: StepResult[] = []
  const first = concord(dir, ['segment'])
  if (first.code !== 0) return [{corpus: name, step: COLD, status: 'failed', reason: first.stderr.trim().split('\n')[0] ?? 'segment failed'}]
  const translated = writeTranslations(project, seed)

  // Every later run starts from this state (up to date): locales and the segment cache of the unedited file.
  const restoreLocales = snapshot(dir, 'locales')
  const restoreCache = snapshot(dir, 'output')
  const restore = (): void => {
    restoreLocales()
    restoreCache()
  }
  const cold: Timed = {
    once: () => concord(dir, ['segment']),
    before: () => {
      removeLocales(dir)
      rmSync(join(dir, 'output'), {recursive: true, force: true})
    }
  }
  const [coldOutcome, check] = measureInTurn(runs, [cold, {once: () => concord(dir, ['segment', '--check']), before: restore}]) as [Outcome, Outcome]
  const segments = coldOutcome.ok ? Number(/(\d+) segments/.exec(coldOutcome.last.stderr)?.[1] ?? 0) : 0
  results.push(toResult(name, COLD, coldOutcome, {segments, ...translatedCounts(translated)}))
  results.push(toResult(name, 'segment --check (up to date)', check))
  if (!coldOutcome.ok || !check.ok) return results

  const file = join(dir, 'content', `${DOCUMENT}.md`)
  const edit = measure(
    runs,
    () => concord(dir, ['segment']),
    () => {
      restore()
      writeFileSync(file, project.edited)
    }
  )
  const changed = edit.ok ? /\((\d+) added, (\d+) changed, (\d+) retired\)/.exec(edit.last.stderr) : null
  results.push(
    toResult(name, 'segment after 1% reworded', edit, {
      reworded: project.reworded,
      ...(changed ? {added: Number(changed[1]), changed: Number(changed[2]), retired: Number(changed[3])} : {})
    })
  )
  writeFileSync(file, project.markdown)
  restore()
  return results
}

const translatedCounts = (translated: Record<string, number>): Record<string, number> => Object.fromEntries(Object.entries(translated).map(([l, n]) => [`${l} translated`, n]))

/** The pseudo translations of about 90% of the segments, tracked by `concord segment`, as the later steps expect. */
function writeTranslations(project: CorpusProject, seed: number): Record<string, number> {
  const translated = writeLocales(project.dir, 0.9, seed)
  concord(project.dir, ['segment'])
  return translated
}

/**
 * What `segmentSteps` leaves, untimed (`--only` without `segment`): the
 * registry and the locales. A failed `segment` is the one result.
 */
export function prepareLocales(project: CorpusProject, seed: number): StepResult[] {
  const first = concord(project.dir, ['segment'])
  if (first.code !== 0) return [{corpus: project.name, step: COLD, status: 'failed', reason: first.stderr.trim().split('\n')[0] ?? 'segment failed'}]
  writeTranslations(project, seed)
  return []
}

const buildArgs = (formats: string, lang?: string): string[] => ['build', '--format', formats, ...(lang ? ['--lang', lang] : [])]
const buildName = (formats: string, lang?: string): string => `build --format ${formats}${lang ? ` --lang ${lang}` : ''}`

/** A full build (output folder removed before each run) in the given formats. */
export function buildStep(project: CorpusProject, runs: number, formats: string, lang?: string): StepResult {
  const out = join(project.dir, 'output')
  const outcome = measure(
    runs,
    () => concord(project.dir, buildArgs(formats, lang)),
    () => rmSync(out, {recursive: true, force: true})
  )
  return buildResult(project, formats, outcome, lang)
}

function buildResult(project: CorpusProject, formats: string, outcome: Outcome, lang?: string): StepResult {
  const out = join(project.dir, 'output')
  const files = listFiles(out).filter((f) => !f.startsWith('.cache/'))
  const step = buildName(formats, lang)
  if (outcome.ok && formats === 'pdf') {
    const pdfs = files.filter((f) => f.endsWith('.pdf'))
    if (pdfs.length === 0) return {corpus: project.name, step, status: 'unavailable', reason: outcome.last.stderr.trim().split('\n')[0] ?? 'no PDF written'}
    const pages = pdfs.reduce((sum, f) => sum + countPages(join(out, f)), 0)
    const cjk = pdfs.filter((f) => /^(ko|ja)\//.test(f)).reduce((sum, f) => sum + countPages(join(out, f)), 0)
    return toResult(project.name, step, outcome, {files: pdfs.length, pages, cjkPages: cjk, pagesPerSecond: Math.round((pages / outcome.measurement.ms) * 1000 * 10) / 10})
  }
  return toResult(project.name, step, outcome, {files: files.length})
}

export function coverageStep(project: CorpusProject, runs: number): StepResult {
  return toResult(
    project.name,
    'coverage',
    measure(runs, () => concord(project.dir, ['coverage']))
  )
}

export const POCOUNT = 'pocount (translate-toolkit), every language'

/**
 * `concord coverage` and translate-toolkit's `pocount` counting the same
 * text (each language exported as PO first, not timed), in turn: the target
 * is their ratio. Without pocount, coverage alone.
 */
export function coverageAgainstPocount(project: CorpusProject, runs: number): StepResult[] {
  if (run('pocount', ['--help'], project.dir).code !== 0) {
    return [coverageStep(project, runs), {corpus: project.name, step: POCOUNT, status: 'unavailable', reason: 'pocount (translate-toolkit) is not installed'}]
  }
  const files: string[] = []
  for (const language of LANGUAGES) {
    const file = join('output', `bench.${language}.po`)
    const exported = concord(project.dir, ['export', '--lang', language, '--format', 'po', '--out', file])
    if (exported.code !== 0) return [coverageStep(project, runs), {corpus: project.name, step: POCOUNT, status: 'failed', reason: exported.stderr.trim().split('\n')[0] ?? 'export failed'}]
    files.push(file)
  }
  const [coverage, pocount] = measureInTurn(runs, [{once: () => concord(project.dir, ['coverage'])}, {once: () => run('pocount', files, project.dir)}]) as [Outcome, Outcome]
  return [toResult(project.name, 'coverage', coverage), toResult(project.name, POCOUNT, pocount)]
}

const PANDOC = 'pandoc -f commonmark -t html'

/**
 * The Markdown+HTML build and pandoc's CommonMark → HTML on the English file
 * (the yardstick of the build target), timed in turn: the target is their
 * ratio, and the machine's speed drifts over the minutes between two steps.
 * Without pandoc, the build alone.
 */
export function buildAgainstPandoc(project: CorpusProject, runs: number, formats = 'md,html'): StepResult[] {
  const out = join(project.dir, 'output')
  const build = {once: () => concord(project.dir, buildArgs(formats)), before: () => rmSync(out, {recursive: true, force: true})}
  if (run('pandoc', ['--version'], project.dir).code !== 0) {
    return [buildResult(project, formats, measure(runs, build.once, build.before)), {corpus: project.name, step: PANDOC, status: 'unavailable', reason: 'pandoc is not installed'}]
  }
  const args = ['-f', 'commonmark', '-t', 'html', '-o', '/dev/null', join('content', `${DOCUMENT}.md`)]
  const [built, pandoc] = measureInTurn(runs, [build, {once: () => run('pandoc', args, project.dir)}]) as [Outcome, Outcome]
  const result = buildResult(project, formats, built)
  if (built.ok && pandoc.ok) {
    // Each build against the pandoc run just after it, for how much the ratio moves.
    const pairs = built.measurement.runsMs.map((ms, i) => Math.round((ms / pandoc.measurement.runsMs[i]!) * 100) / 100)
    result.extra = {...result.extra, ratioToPandocPerRun: pairs.join(' ')}
  }
  return [result, toResult(project.name, PANDOC, pandoc)]
}
