import {cpus, loadavg, totalmem} from 'node:os'
import {rmSync} from 'node:fs'
import {join, resolve} from 'node:path'
import {parseArgs} from 'node:util'
import {writeIfChanged} from '../engine/io.js'
import {stringifyJson} from '../core/json.js'
import {generateCorpus, renderCorpus, reword} from './corpus.js'
import {incrementalSteps, watchSteps} from './incremental.js'
import {copyStatement, createProject} from './project.js'
import {formatTable, formatTargets, judgeTargets} from './report.js'
import {buildAgainstPandoc, buildStep, coverageAgainstPocount, prepareLocales, segmentSteps, type CorpusProject, type StepResult} from './steps.js'

/**
 * `npm run bench`: generate the synthetic corpora, run every step in a
 * child process (median of several runs, peak RSS, CPU time), print a table
 * and the issue's targets, and write output/bench.json.
 *
 *   npm run bench                             # 1 MB and 10 MB, the median of 5 runs a step (3 at 10 MB), 7–8 minutes here
 *   npm run bench -- --sizes 1 --runs 3       # quick: 1 MB only
 *   npm run bench -- --keep                   # keep the temp projects to look at
 *   npm run bench -- --only segment,coverage  # only these steps (the corpora are still prepared)
 * Options: --sizes (MB, comma-separated), --runs, --runs-large (≥ 5 MB),
 * --pdf-sizes, --pdf-runs, --seed, --out (default output/bench.json),
 * --only (any of segment, build, coverage, pdf, statement; default all).
 */
/** The groups of steps `--only` selects from. */
const STEPS = ['segment', 'build', 'coverage', 'pdf', 'statement'] as const

const {values} = parseArgs({
  options: {
    sizes: {type: 'string', default: '1,10'},
    // Five: with three, one burst of the machine's load during one build-and-pandoc pair could decide a ratio target.
    runs: {type: 'string', default: '5'},
    'runs-large': {type: 'string', default: '3'},
    'pdf-runs': {type: 'string', default: '3'},
    'pdf-sizes': {type: 'string', default: '1'},
    seed: {type: 'string', default: '20070829'},
    out: {type: 'string', default: 'output/bench.json'},
    keep: {type: 'boolean', default: false},
    only: {type: 'string', default: STEPS.join(',')}
  }
})

const only = new Set(values.only.split(',').map((step) => step.trim()))
for (const step of only) {
  if (!(STEPS as readonly string[]).includes(step)) {
    process.stderr.write(`Unexpected step \`${step}\` in --only, expected some of ${STEPS.map((s) => `\`${s}\``).join(', ')}\n`)
    process.exit(2)
  }
}

const seed = Number(values.seed)
const sizes = values.sizes
  .split(',')
  .map(Number)
  .filter((n) => n > 0)
const pdfSizes = new Set(values['pdf-sizes'].split(',').map(Number))
const log = (line: string): void => void process.stderr.write(line + '\n')
const results: StepResult[] = []
const dirs: string[] = []
const started = Date.now()
const load = loadavg()

const record = (items: StepResult[]): void => {
  for (const r of items) {
    results.push(r)
    log(`  ${r.corpus} · ${r.step}: ${r.status === 'ok' ? `${((r.ms ?? 0) / 1000).toFixed(2)} s` : r.status === 'unavailable' ? `not available yet (${r.reason})` : `FAILED (${r.reason})`}`)
  }
}

for (const mb of sizes) {
  const name = `${mb} MB`
  const runs = Number(mb >= 5 ? values['runs-large'] : values.runs)
  log(`${name}: generating (seed ${seed})…`)
  const corpus = generateCorpus(seed + mb, mb * 1_000_000)
  const markdown = renderCorpus(corpus)
  const edited = reword(corpus, 0.01, seed + mb + 1)
  const project: CorpusProject = {name, dir: createProject(`${mb}mb`, markdown), markdown, edited: renderCorpus(edited.corpus), reworded: edited.changed}
  dirs.push(project.dir)
  log(`${name}: ${markdown.length} bytes in ${project.dir}; ${runs} run(s) per step`)
  // Without the segment steps, the locales are still made, as those steps make them, untimed.
  const segment = only.has('segment') ? segmentSteps(project, runs, seed) : prepareLocales(project, seed)
  record(segment)
  if (segment.some((r) => r.status !== 'ok')) continue
  // Markdown and HTML apart only for the small corpus: at 10 MB the combined build says it all and saves minutes.
  if (only.has('build') && mb < 5) record([buildStep(project, runs, 'md'), buildStep(project, runs, 'html')])
  if (only.has('build')) record(buildAgainstPandoc(project, runs))
  if (only.has('coverage')) record(coverageAgainstPocount(project, runs))
  if (only.has('pdf') && pdfSizes.has(mb)) record([buildStep(project, Number(values['pdf-runs']), 'pdf', 'ko,ja')])
}

if (only.has('pdf') || only.has('statement')) {
  log('statement: full and incremental builds…')
  const statement = copyStatement()
  dirs.push(statement)
  const statementProject: CorpusProject = {name: 'statement', dir: statement, markdown: '', edited: '', reworded: 0}
  record([buildStep(statementProject, Number(values['pdf-runs']), 'pdf', 'ko,ja')])
  if (only.has('statement')) {
    const incremental = incrementalSteps(statement, Number(values.runs))
    record(incremental)
    record([
      await watchSteps(
        statement,
        Number(values.runs),
        incremental.find((r) => r.step.startsWith('build (full'))
      )
    ])
  }
}

// `--sizes 0` times the statement alone: the corpus targets are then named for the default sizes and "not measured".
const small = sizes.length > 0 ? `${Math.min(...sizes)} MB` : '1 MB'
const large = sizes.length > 1 ? `${Math.max(...sizes)} MB` : sizes.length === 1 ? small : '10 MB'
const targets = judgeTargets(results, small, large)
process.stdout.write(`\n${formatTable(results)}\n\nTargets (${cpus().length} cores, load average ${load.map((l) => l.toFixed(1)).join(' ')} at start):\n${formatTargets(targets)}\n`)

const report = {
  format: 1,
  date: new Date().toISOString(),
  machine: {cpus: cpus().length, model: cpus()[0]?.model ?? '', memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, loadAverageAtStart: load, loadAverageAtEnd: loadavg()},
  seed,
  sizesMb: sizes,
  totalSeconds: Math.round((Date.now() - started) / 1000),
  steps: results,
  targets
}
const out = resolve(values.out)
writeIfChanged(out, stringifyJson(report))
log(`\nwrote ${values.out} (${report.totalSeconds} s in all)`)
if (!values.keep) for (const dir of dirs) rmSync(dir, {recursive: true, force: true})
else log(`kept ${dirs.map((d) => join(d)).join(', ')}`)
