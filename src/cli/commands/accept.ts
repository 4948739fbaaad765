import {relative} from 'node:path'
import {Command} from 'commander'
import {escapeHidden} from '../../core/hidden-characters.js'
import {actorFor} from '../../engine/actor.js'
import {commitToProject} from '../../engine/session.js'
import {loadTranslations, localeOutputs, markTranslations} from '../../engine/locales-sync.js'
import {loadProject, requireUpToDate, type Project} from '../../engine/project.js'
import {UsageError} from '../../engine/reporter.js'
import {worklist} from '../../translations/status.js'
import {info} from '../report.js'

interface MarkOptions {
  document?: string
  minor?: boolean
  translator?: string
}

/** The stale segments of `language` whose English changed only in form (`minor`), listed as `accept --minor` takes them. */
function minorChanges(project: Project, language: string): string[] {
  const ids: string[] = []
  for (const result of loadTranslations(project).filter((r) => r.language === language)) {
    const doc = project.documents.find((d) => d.id === result.document)!
    for (const item of worklist(doc.segments, result)) {
      if (item.change !== 'minor') continue
      ids.push(item.id)
      info(`  minor   ${item.id}  ${doc.file.path}:${item.line}`)
      if (item.diff !== undefined) info(`        diff: ${escapeHidden(item.diff)}`)
    }
  }
  return ids
}

/** Shared by `accept` (stale → current, wording unchanged) and `review` (current → reviewed). */
function markCommand(name: 'accept' | 'review', description: string): Command {
  const command = new Command(name)
    .description(description)
    .argument('<lng>', 'target language, e.g. ko')
    .argument(name === 'accept' ? '[id...]' : '<id...>', 'segment IDs (see `concord status`)')
    .option('--document <id>', 'the document, when several have segments with these IDs')
    .option(
      '--translator <name>',
      name === 'accept'
        ? 'who accepts them, recorded as the last change of each translation (only when given)'
        : 'who reviews them, recorded in the state file (default: `git config user.name`)'
    )
  if (name === 'accept') command.option('--minor', 'accept every stale segment whose English changed only in punctuation, case, spacing, quotes or one word’s spelling; lists them first')
  return command
    .addHelpText('after', `\nExamples:\n  npx concord ${name} ko s4k2mqa s9x0c1d${name === 'accept' ? '\n  npx concord accept --minor ko' : ''}`)
    .action((lng: string, given: string[], opts: MarkOptions) => {
      const root = process.cwd()
      const project = loadProject(root, opts.document ? [opts.document] : undefined)
      requireUpToDate(project)
      if (opts.minor && given.length > 0) throw new UsageError('Unexpected segment IDs with `--minor`, expected either IDs or `--minor`')
      if (!opts.minor && given.length === 0) throw new UsageError(`Unexpected \`${name}\` without segment IDs, expected one or more IDs${name === 'accept' ? ' or `--minor`' : ''}`)
      if (opts.minor && !project.options.languages.includes(lng)) {
        throw new UsageError(`Unexpected language \`${lng}\`, expected one of ${project.options.languages.map((l) => `\`${l}\``).join(', ')}`)
      }
      const ids = opts.minor ? minorChanges(project, lng) : given
      if (ids.length === 0) {
        info(`no stale ${lng} segment with a minor English change; nothing to accept`)
        return
      }
      // Accepting leaves the translator as recorded unless one is named; a review is always someone's.
      const actor = name === 'accept' && opts.translator === undefined ? undefined : actorFor(root, opts.translator, process.env.SOURCE_DATE_EPOCH)
      const {updated, unchanged} = markTranslations(project, lng, ids, name, actor)
      const skipped = new Set(unchanged)
      const marked = ids.filter((id) => !skipped.has(id))
      if (unchanged.length > 0) info(`${name === 'accept' ? 'already current' : 'already reviewed'}: ${unchanged.join(', ')} (${lng})`)
      if (marked.length === 0) return
      for (const path of commitToProject(root, localeOutputs(project, updated))) info(`wrote ${relative(root, path)}`)
      info(`${name === 'accept' ? 'accepted' : 'marked reviewed'}: ${marked.join(', ')} (${lng})`)
    })
}

export const acceptCommand = (): Command => markCommand('accept', 'mark stale translations as current when the English change needs no new wording (e.g. a typo fix), or confirm drafts')

export const reviewCommand = (): Command => markCommand('review', "mark current translations as reviewed (a reviewer's sign-off)")
