import {join, resolve} from 'node:path'
import {computeCoverage, coverageGate, type Coverage, type GateFailure} from '../coverage/count.js'
import {renderCoverageHtml, renderCoverageMarkdown, type Translate} from '../coverage/render.js'
import {stringifyJson} from '../core/json.js'
import {createUiStrings} from '../core/ui-strings.js'
import {writeIfChanged} from './io.js'
import {buildEpoch, sourceRevision} from './source-date.js'
import {loadTranslations} from './locales-sync.js'
import {openProject, requireUpToDate} from './project.js'
import {loadUiResources} from './render-context.js'

/**
 * `concord coverage` as a library call: count every document's segments by
 * state and language, write `coverage.{json,md,html}`, and check the gates.
 * What to print, and the exit code, are the caller's.
 */
export interface CoverageOptions {
  root: string
  /** Only this document (`--document`). */
  document?: string
  /** Folder for the reports, relative to `root` (`--out`); default `outDir` in .concordrc.json. */
  out?: string
  /** This run's gate for every language (`--fail-under`), replacing the gates in .concordrc.json. */
  failUnder?: number
  /** SOURCE_DATE_EPOCH: the reports' build date; else the last commit of the inputs. */
  sourceDateEpoch?: string
}

export interface CoverageRun {
  coverage: Coverage
  /** The coverage as written to coverage.json. */
  json: string
  /** The UI strings the reports are written in (English). */
  t: Translate
  outDir: string
  /** Each report, and whether it was written (else it was unchanged). */
  reports: Array<{path: string; written: boolean}>
  /** Languages below their gate. */
  failures: GateFailure[]
}

export async function coverageReports(options: CoverageOptions): Promise<CoverageRun> {
  const {root} = options
  const project = await openProject(root, options.document ? [options.document] : undefined)
  requireUpToDate(project)
  const tracked = loadTranslations(project)
  // An explicit fail-under is this run's gate for every language; otherwise the configured gates apply.
  const gates = options.failUnder === undefined ? project.options.coverage : {failUnder: options.failUnder, thresholds: {}}
  // Only what counting needs: spreading the document would call its lazy `tree` getter and parse the whole Markdown for nothing.
  const documents = project.documents.map(({document: d, file}) => ({id: d.id, meta: d.meta, segments: d.segments, path: file.path.split(/[\\/]/).join('/')}))
  const coverage = computeCoverage({documents, tracked, languages: project.options.languages, gates})

  const outDir = options.out ? resolve(root, options.out) : resolve(root, project.options.outDir)
  // The reports are in English.
  const translate = createUiStrings(loadUiResources(root, project.options, ['en']))
  // Remembered: a report asks for "N words" once per gap, and an i18next plural lookup costs more than the rest of a gap's line.
  const memo = new Map<string, string>()
  const t: Translate = (key, values) => {
    const id = values === undefined ? key : `${key}\u0000${JSON.stringify(values)}`
    let text = memo.get(id)
    if (text === undefined) memo.set(id, (text = translate('en', key, values)))
    return text
  }
  const json = stringifyJson(coverage)
  // Dated as the PDFs are (SOURCE_DATE_EPOCH, else the last commit of the inputs), so the same sources give the same reports.
  const epoch = buildEpoch(root, options.sourceDateEpoch)
  const build = {...(epoch === undefined ? {} : {epoch}), ...sourceRevision(root)}
  const report = {t, build, editions: {sourceLanguage: project.options.sourceLanguage, formats: project.options.editions.formats}}
  const contents: Array<[string, string]> = [
    ['coverage.json', json],
    ['coverage.md', renderCoverageMarkdown(coverage, report)],
    ['coverage.html', renderCoverageHtml(coverage, report)]
  ]
  const reports = contents.map(([name, content]) => {
    const path = join(outDir, name)
    return {path, written: writeIfChanged(path, content)}
  })
  const failures = coverageGate(coverage, gates.failUnder, gates.thresholds)
  return {coverage, json, t, outDir, reports, failures}
}
