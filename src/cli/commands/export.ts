import {relative, resolve} from 'node:path'
import {Command} from 'commander'
import {STATES, type ExportDocument} from '../../interchange/model.js'
import {exportPo} from '../../interchange/po-export.js'
import {exportXliff} from '../../interchange/xliff-export.js'
import type {TranslationState} from '../../core/types.js'
import {writeIfChanged} from '../../engine/io.js'
import {exportDocuments} from '../../engine/interchange.js'
import {UsageError} from '../../engine/reporter.js'
import {openProject, requireUpToDate} from '../../engine/project.js'
import {info} from '../report.js'

const list = (values: readonly string[]): string => values.map((v) => `\`${v}\``).join(', ')

function parseOnly(value: string | undefined): Set<TranslationState> | undefined {
  if (value === undefined) return undefined
  const states = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  for (const state of states) {
    if (!STATES.includes(state as TranslationState)) throw new UsageError(`Unexpected state \`${state}\` in --only, expected a comma-separated list of ${list(STATES)}`)
  }
  if (states.length === 0) throw new UsageError(`Unexpected empty --only, expected a comma-separated list of ${list(STATES)}`)
  return new Set(states as TranslationState[])
}

/** Seconds for `PO-Revision-Date`: SOURCE_DATE_EPOCH when set, so that the same project gives the same file. */
function sourceDate(): number {
  const value = Number(process.env.SOURCE_DATE_EPOCH)
  return Number.isInteger(value) && value >= 0 ? value : 0
}

function summary(documents: ExportDocument[]): string {
  const counts = STATES.map((state) => `${documents.reduce((n, d) => n + d.units.filter((u) => u.state === state).length, 0)} ${state}`)
  return `${documents.reduce((n, d) => n + d.units.length, 0)} units (${counts.join(', ')})`
}

interface ExportOptions {
  lang: string
  format: string
  document?: string
  only?: string
  out?: string
}

export function exportCommand(): Command {
  return new Command('export')
    .description("write one language's segments as XLIFF 2.0 or gettext PO for a CAT tool (OmegaT, Trados, memoQ, Poedit, Weblate)")
    .requiredOption('--lang <lng>', 'target language, e.g. `ko`')
    .requiredOption('--format <format>', '`xliff` (XLIFF 2.0, all documents in one file) or `po` (gettext, one document)')
    .option('--document <id>', 'only this document (required for PO when there are several)')
    .option('--only <states>', 'only segments in these states, comma-separated: missing, stale, translated, reviewed (default: all)')
    .option('--out <file>', 'write to this file instead of stdout')
    .addHelpText(
      'after',
      '\nExamples:\n  npx concord export --lang ko --format xliff --out statement.ko.xlf\n  npx concord export --lang mn --format po --only missing,stale --out statement.mn.po'
    )
    .action(async (opts: ExportOptions) => {
      const root = process.cwd()
      if (opts.format !== 'xliff' && opts.format !== 'po') throw new UsageError(`Unexpected format \`${opts.format}\`, expected \`xliff\` or \`po\``)
      const only = parseOnly(opts.only)
      const project = await openProject(root, opts.document ? [opts.document] : undefined)
      requireUpToDate(project)
      if (!project.options.languages.includes(opts.lang)) {
        throw new UsageError(`Unexpected language \`${opts.lang}\`, expected a configured target language (${list(project.options.languages)})`)
      }
      if (opts.format === 'po' && project.documents.length > 1) {
        throw new UsageError(
          `Unexpected PO export of ${project.documents.length} documents, expected one: a PO file holds one document; add --document with one of ${list(project.documents.map((d) => d.id))}`
        )
      }
      const documents = exportDocuments(project, opts.lang, only)
      if (documents.every((d) => d.units.length === 0)) {
        info(`nothing to export: no segment of ${opts.lang} is ${[...(only ?? [])].join(' or ')}`)
        return
      }
      const input = {sourceLanguage: project.options.sourceLanguage, language: opts.lang}
      const text = opts.format === 'xliff' ? exportXliff({...input, documents}) : exportPo({...input, document: documents[0]!, date: sourceDate()})
      if (opts.out === undefined) {
        process.stdout.write(text)
        return
      }
      const out = resolve(root, opts.out)
      info(`${writeIfChanged(out, text) ? 'wrote' : 'unchanged'} ${relative(root, out)}: ${opts.lang}, ${summary(documents)}`)
    })
}
