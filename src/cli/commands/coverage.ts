import {join, relative} from 'node:path'
import {Command, InvalidArgumentError} from 'commander'
import pc from 'picocolors'
import {renderCoverageTable} from '../../coverage/table.js'
import {LANGUAGES} from '../../core/languages.js'
import {coverageReports} from '../../engine/coverage.js'
import {info} from '../report.js'
function parsePercent(value: string): number {
  const n = Number(value)
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) throw new InvalidArgumentError(`Unexpected \`${value}\`, expected a percentage from 0 to 100`)
  return n
}

export function coverageCommand(): Command {
  return new Command('coverage')
    .description('count translated, reviewed, stale and missing segments per document and language; write output/coverage.{json,md,html}')
    .option('--json', 'print the coverage JSON on stdout and nothing else')
    .option('--fail-under <pct>', 'exit 1 when any language is below this percent translated (replaces the gates in .concordrc.json for this run)', parsePercent)
    .option('--out <dir>', 'folder for the reports (default: outDir from .concordrc.json, `output`)')
    .option('--document <id>', 'only this document')
    .addHelpText(
      'after',
      '\nPer-language gates come from .concordrc.json: {"coverage": {"failUnder": 90, "thresholds": {"mn": 60}}};\na language\'s own threshold wins over failUnder. --fail-under replaces both for one run.\n\nExamples:\n  npx concord coverage\n  npx concord coverage --fail-under 100\n  npx concord coverage --json > coverage.json'
    )
    .action(async (opts: {json?: boolean; failUnder?: number; out?: string; document?: string}) => {
      const root = process.cwd()
      const run = await coverageReports({
        root,
        ...(process.env.SOURCE_DATE_EPOCH !== undefined ? {sourceDateEpoch: process.env.SOURCE_DATE_EPOCH} : {}),
        ...(opts.document ? {document: opts.document} : {}),
        ...(opts.out ? {out: opts.out} : {}),
        ...(opts.failUnder !== undefined ? {failUnder: opts.failUnder} : {})
      })
      for (const {path, written} of run.reports) info(`${written ? 'wrote' : 'unchanged'} ${relative(root, path) || path}`)
      process.stdout.write(opts.json ? run.json : renderCoverageTable(run.coverage, {t: run.t, color: process.stdout.isTTY === true && pc.isColorSupported}))
      for (const f of run.failures) {
        const name = Object.hasOwn(LANGUAGES, f.language) ? LANGUAGES[f.language]!.englishName : f.language
        info(
          `coverage: Unexpected \`${f.percent.toFixed(1)}%\` translated (${f.translated} of ${f.total} segments) for \`${f.language}\` (${name}), expected at least \`${f.threshold}%\`; ` +
            `translate its ${f.missing} missing and ${f.stale} stale segment(s) (listed in ${relative(root, join(run.outDir, 'coverage.md'))}) [coverage-below-threshold]`
        )
      }
      if (run.failures.length > 0) process.exitCode = 1
    })
}
