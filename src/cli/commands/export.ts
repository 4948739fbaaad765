import {readFileSync} from 'node:fs'
import {relative, resolve} from 'node:path'
import {Command} from 'commander'
import {STATES, type ExportDocument} from '../../interchange/model.js'
import {exportPo} from '../../interchange/po-export.js'
import {exportXliff} from '../../interchange/xliff-export.js'
import type {TranslationState} from '../../core/types.js'
import {packageFile, writeIfChanged} from '../../engine/io.js'
import {exportWhole, FORMATS, WHOLE_FORMATS, xliff12Text} from './export-extra.js'
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
  copySource?: boolean
}

export function exportCommand(): Command {
  return new Command('export')
    .description("write one language's segments as XLIFF or gettext PO for a CAT tool (OmegaT, Trados, memoQ, Poedit, Weblate), its translations as TMX or its glossary as TBX or CSV")
    .requiredOption('--lang <lng>', 'target language, e.g. `ko`')
    .requiredOption('--format <format>', '`xliff` (XLIFF 2.0), `xliff12` (XLIFF 1.2), `po` (gettext, one document), `tmx` (translations), `tbx` or `csv` (glossary)')
    .option('--document <id>', 'only this document (required for PO when there are several)')
    .option('--only <states>', 'only segments in these states, comma-separated: missing, stale, translated, reviewed (default: all)')
    .option('--out <file>', 'write to this file instead of stdout')
    .option('--copy-source', 'XLIFF 1.2: units without a translation carry the English as their target (`state="new"`), as OmegaT 3.x needs')
    .addHelpText(
      'after',
      '\nExamples:\n  npx concord export --lang ko --format xliff --out statement.ko.xlf\n  npx concord export --lang mn --format po --only missing,stale --out statement.mn.po'
    )
    .action(async (opts: ExportOptions) => {
      const root = process.cwd()
      if (!(FORMATS as readonly string[]).includes(opts.format)) throw new UsageError(`Unexpected format \`${opts.format}\`, expected one of ${list(FORMATS)}`)
      const only = parseOnly(opts.only)
      if (opts.copySource && opts.format !== 'xliff12') throw new UsageError(`Unexpected --copy-source with format \`${opts.format}\`, expected it with \`xliff12\` only`)
      // Every document, since the translation memory is made of all of them; `--document` selects what is written.
      const project = await openProject(root)
      requireUpToDate(project)
      const ids = opts.document === undefined ? undefined : [opts.document]
      if (opts.document !== undefined && !project.documents.some((d) => d.id === opts.document)) {
        throw new UsageError(`Unexpected document \`${opts.document}\`, expected one of ${list(project.documents.map((d) => d.id))}`)
      }
      if (!project.options.languages.includes(opts.lang)) {
        throw new UsageError(`Unexpected language \`${opts.lang}\`, expected a configured target language (${list(project.options.languages)})`)
      }
      if (opts.format === 'po' && ids === undefined && project.documents.length > 1) {
        throw new UsageError(
          `Unexpected PO export of ${project.documents.length} documents, expected one: a PO file holds one document; add --document with one of ${list(project.documents.map((d) => d.id))}`
        )
      }
      if (WHOLE_FORMATS.has(opts.format)) {
        const whole = exportWhole(project, opts.format, opts.lang, packageVersion(), ids)
        write(root, opts.out, whole.text, `${opts.lang}, ${whole.summary}`)
        return
      }
      const documents = exportDocuments(project, opts.lang, only, ids)
      if (documents.every((d) => d.units.length === 0)) {
        info(`nothing to export: no segment of ${opts.lang} is ${[...(only ?? [])].join(' or ')}`)
        return
      }
      const input = {sourceLanguage: project.options.sourceLanguage, language: opts.lang}
      const text =
        opts.format === 'xliff'
          ? exportXliff({...input, documents})
          : opts.format === 'xliff12'
            ? xliff12Text(input.sourceLanguage, input.language, documents, opts.copySource === true)
            : exportPo({...input, document: documents[0]!, date: sourceDate()})
      write(root, opts.out, text, `${opts.lang}, ${summary(documents)}`)
    })
}

/** To stdout, or to `out` when given (saying what it holds). */
function write(root: string, out: string | undefined, text: string, what: string): void {
  if (out === undefined) {
    process.stdout.write(text)
    return
  }
  const path = resolve(root, out)
  info(`${writeIfChanged(path, text) ? 'wrote' : 'unchanged'} ${relative(root, path)}: ${what}`)
}

const packageVersion = (): string => (JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as {version: string}).version
