import {Command, InvalidArgumentError} from 'commander'
import {build, type BuildOptions} from '../../engine/build.js'
import type {Reporter} from '../../engine/reporter.js'
import {watchBuild} from '../../engine/watch.js'
import {cliReporter} from '../report.js'

/** `--jobs`: a whole number of threads, 1 or more (build, segment). */
export function parseJobs(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`Unexpected \`${value}\`, expected a whole number of threads, 1 or more`)
  return n
}

/** A comma-separated list; its items are checked against the project by the build. */
const parseList = (value: string): string[] => value.split(',')

interface BuildFlags {
  lang?: string[]
  format?: string[]
  out?: string
  jobs?: number
  watch?: boolean
}

export function buildCommand(): Command {
  return new Command('build')
    .description(
      'write every edition of every document: <out>/<lng>/<doc>.{md,html,pdf} for English and each target language, and <out>/aligned/<doc>.{md,html} and <out>/aligned/<doc>.en-<lng>.pdf; unchanged files are not rewritten'
    )
    .option('--lang <list>', 'target languages, comma-separated (default: `languages` in .concordrc.json); English is always built', parseList)
    .option('--format <list>', 'formats, comma-separated: md, html, pdf (default: `editions.formats` in .concordrc.json)', parseList)
    .option('--out <dir>', 'output folder (default: `outDir` in .concordrc.json, `output`)')
    .option(
      '--jobs <n>',
      'threads: PDFs on worker threads, and from 2, long documents parsed on two; 1 does everything in the main thread (default: one per CPU core for the PDFs of long documents, else 1)',
      parseJobs
    )
    .option('--watch', 'build, then build again whenever content/, locales/ or .concordrc.json change; stop with Ctrl+C')
    .addHelpText(
      'after',
      '\nExamples:\n  npx concord build\n  npx concord build --lang ko,ja --format md,html\n  npx concord build --format html --out /tmp/site\n  npx concord build --watch --format html'
    )
    .action(async (flags: BuildFlags) => {
      const options: BuildOptions & {reporter: Reporter} = {
        root: process.cwd(),
        ...(flags.lang ? {languages: flags.lang} : {}),
        ...(flags.format ? {formats: flags.format} : {}),
        ...(flags.out !== undefined ? {out: flags.out} : {}),
        ...(flags.jobs ? {jobs: flags.jobs} : {}),
        // The date of the PDFs (https://reproducible-builds.org/specs/source-date-epoch/).
        ...(process.env.SOURCE_DATE_EPOCH !== undefined ? {sourceDateEpoch: process.env.SOURCE_DATE_EPOCH} : {}),
        reporter: cliReporter()
      }
      await (flags.watch ? watchBuild(options) : build(options))
    })
}
