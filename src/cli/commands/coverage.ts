import {join, relative, resolve} from 'node:path'
import {Command, InvalidArgumentError} from 'commander'
import pc from 'picocolors'
import {computeCoverage, coverageGate} from '../../coverage/count.js'
import {renderCoverageTable} from '../../coverage/table.js'
import {isObject, parseJson, stringifyJson} from '../../core/json.js'
import {LANGUAGES} from '../../core/languages.js'
import {renderCoverageHtml, renderCoverageMarkdown, type Translate} from '../../coverage/render.js'
import {createUiStrings, type UiResources} from '../../core/ui-strings.js'
import {packageFile, readTextIfExists, writeIfChanged} from '../../engine/io.js'
import {loadTranslations} from '../../engine/locales-sync.js'
import {openProject, requireUpToDate, type Project} from '../../engine/project.js'
import {info} from '../report.js'

function parsePercent(value: string): number {
  const n = Number(value)
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) throw new InvalidArgumentError(`Unexpected \`${value}\`, expected a percentage from 0 to 100`)
  return n
}

function readStrings(path: string, root: string): Record<string, string> {
  const file = readTextIfExists(path, root)
  if (!file) return {}
  const parsed = parseJson(String(file), file)
  return isObject(parsed.value) ? Object.fromEntries(Object.entries(parsed.value).filter((e): e is [string, string] => typeof e[1] === 'string')) : {}
}

/**
 * UI strings: those shipped with Concord, overridden key by key by the
 * project's `locales/<lng>/ui.json`, so a project needs no copies and an
 * older copy still gets newer keys. The report is in English by default.
 */
export function loadUiStrings(project: Project, language: string): Translate {
  const resources: UiResources = {}
  for (const code of new Set(['en', language])) {
    const shipped = readStrings(packageFile(`locales/${code}/ui.json`), project.root)
    resources[code] = {...shipped, ...readStrings(join(project.root, project.options.localesDir, code, 'ui.json'), project.root)}
  }
  const translate = createUiStrings(resources)
  return (key, values) => translate(language, key, values)
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
      const t = loadUiStrings(project, 'en')
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
