import {join, relative, resolve} from 'node:path'
import {Command, InvalidArgumentError} from 'commander'
import pc from 'picocolors'
import {computeCoverage, coverageGate} from '../../coverage/count.js'
import {renderCoverageTable} from '../../coverage/table.js'
import {stringifyJson} from '../../core/json.js'
import {LANGUAGES} from '../../core/languages.js'
import {renderCoverageHtml, renderCoverageMarkdown} from '../../coverage/render.js'
import {createUiStrings} from '../../core/ui-strings.js'
import {writeIfChanged} from '../../engine/io.js'
import {loadTranslations} from '../../engine/locales-sync.js'
import {openProject, requireUpToDate} from '../../engine/project.js'
import {loadUiResources} from '../../engine/ui-strings.js'
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
      const project = await openProject(root, opts.document ? [opts.document] : undefined)
      requireUpToDate(project)
      const tracked = loadTranslations(project)
      const coverage = computeCoverage({documents: project.documents.map((d) => d.document), tracked, languages: project.options.languages})

      const outDir = opts.out ? resolve(root, opts.out) : join(root, project.options.outDir)
      // The reports are in English.
      const translate = createUiStrings(loadUiResources(root, project.options, ['en']))
      const t = (key: string, values?: Record<string, unknown>): string => translate('en', key, values)
      const json = stringifyJson(coverage)
      const outputs: Array<[string, string]> = [
        ['coverage.json', json],
        ['coverage.md', renderCoverageMarkdown(coverage, {t})],
        ['coverage.html', renderCoverageHtml(coverage, {t})]
      ]
      for (const [name, content] of outputs) {
        const path = join(outDir, name)
        info(`${writeIfChanged(path, content) ? 'wrote' : 'unchanged'} ${relative(root, path) || path}`)
      }
      process.stdout.write(opts.json ? json : renderCoverageTable(coverage, {t, color: process.stdout.isTTY === true && pc.isColorSupported}))

      // An explicit --fail-under is this run's gate for every language; otherwise the configured gates apply.
      const gate = project.options.coverage
      const failures = opts.failUnder === undefined ? coverageGate(coverage, gate.failUnder, gate.thresholds) : coverageGate(coverage, opts.failUnder, {})
      for (const f of failures) {
        const name = Object.hasOwn(LANGUAGES, f.language) ? LANGUAGES[f.language]!.englishName : f.language
        info(
          `coverage: Unexpected \`${f.percent.toFixed(1)}%\` translated (${f.translated} of ${f.total} segments) for \`${f.language}\` (${name}), expected at least \`${f.threshold}%\`; ` +
            `translate its ${f.missing} missing and ${f.stale} stale segment(s) (listed in ${relative(root, join(outDir, 'coverage.md'))}) [coverage-below-threshold]`
        )
      }
      if (failures.length > 0) process.exitCode = 1
    })
}
