import {existsSync} from 'node:fs'
import {relative, resolve} from 'node:path'
import {Command} from 'commander'
import type {ImportChange} from '../../interchange/apply-import.js'
import {importInto} from '../../engine/interchange.js'
import {commitToProject} from '../../engine/session.js'
import {localeOutputs} from '../../engine/locales-sync.js'
import {UsageError} from '../../engine/reporter.js'
import {loadProject, requireUpToDate} from '../../engine/project.js'
import {info, printMessages} from '../report.js'
import {cleanName} from '../../translations/provenance.js'

function describe(change: ImportChange): string {
  const states = change.before === change.after ? change.after : `${change.before} → ${change.after}`
  return `  ${change.document} ${change.id}: ${change.action} (${states}): ${change.translation}`
}

export function importCommand(): Command {
  return new Command('import')
    .description('read a translated XLIFF (2.0 or 1.2) or PO file back into locales/ (format, language and document come from the file)')
    .argument('<file>', 'an XLIFF (.xlf) or PO (.po) file made by `concord export`')
    .option('--dry-run', 'show what would change and write nothing')
    .option('--translator <name>', "who translated the file, recorded for the segments it changes (default: the file's `Last-Translator` or XLIFF translator metadata)")
    .option('--prefer <side>', "settle every conflict one way: `file` (the translator's text) or `locale` (keep the locale's)")
    .option('--allow-errors', 'import the segments whose checks find errors as drafts instead of stopping')
    .addHelpText(
      'after',
      "\nThe import runs `concord check`'s rules on the segments it changes; errors stop it (nothing written) unless --allow-errors.\n\nExamples:\n  npx concord import statement.ko.xlf --dry-run\n  npx concord import statement.mn.po --prefer file"
    )
    .action((path: string, opts: {dryRun?: boolean; prefer?: string; allowErrors?: boolean; translator?: string}) => {
      if (opts.prefer !== undefined && opts.prefer !== 'file' && opts.prefer !== 'locale') {
        throw new UsageError(`Unexpected --prefer \`${opts.prefer}\`, expected \`file\` or \`locale\``)
      }
      const root = process.cwd()
      const absolute = resolve(root, path)
      if (!existsSync(absolute)) throw new UsageError(`Unexpected file \`${path}\`, expected an existing XLIFF or PO file`)
      const project = loadProject(root)
      requireUpToDate(project)
      const prefer = opts.prefer as 'file' | 'locale' | undefined
      const {file, parsed, result} = importInto(project, absolute, {
        ...(prefer ? {prefer} : {}),
        ...(opts.allowErrors ? {allowErrors: true} : {}),
        ...(opts.translator === undefined ? {} : {translator: cleanName(opts.translator)}),
        ...(process.env.SOURCE_DATE_EPOCH === undefined ? {} : {sourceDateEpoch: process.env.SOURCE_DATE_EPOCH})
      })
      const errors = file.messages.filter((m) => m.fatal === true).length
      // The checks' findings only for a file that can be imported: a broken file's problems come first.
      const shown = errors > 0 ? [...file.messages] : [...file.messages, ...result.findings]
      printMessages(shown.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)))
      const failed = errors > 0 ? 0 : result.findings.filter((m) => m.fatal === true).length
      if (errors > 0 || (failed > 0 && !opts.allowErrors)) {
        const advice = errors === 0 ? ': correct them in the file, or import those segments as drafts with --allow-errors' : ''
        info(`${file.path}: ${errors + failed} error(s); nothing imported, locales unchanged${advice}`)
        process.exitCode = 1
        return
      }
      for (const change of result.changes) info(describe(change))
      const count = (action: ImportChange['action']): number => result.changes.filter((c) => c.action === action).length
      const actions = (['added', 'updated', 'accepted', 'reviewed', 'obsolete'] as const).map((a) => `${count(a)} ${a}`).join(', ')
      const drafts = result.changes.filter((c) => c.after === 'draft').length
      const extra = `${drafts > 0 ? `, ${drafts} as draft` : ''}${result.settled > 0 ? `, ${result.settled} conflict(s) settled for the ${prefer}` : ''}`
      info(`${file.path} (${parsed.format}, ${result.language}): ${actions}, ${result.unchanged} unchanged${extra}${opts.dryRun ? ' — dry run, nothing written' : ''}`)
      if (opts.dryRun) return
      for (const path of commitToProject(root, localeOutputs(project, result.tracked))) info(`wrote ${relative(root, path)}`)
    })
}
