import {relative} from 'node:path'
import {Command} from 'commander'
import {commitToProject} from '../../engine/session.js'
import {localeOutputs, markTranslations} from '../../engine/locales-sync.js'
import {loadProject, requireUpToDate} from '../../engine/project.js'
import {info} from '../report.js'

/** Shared by `accept` (stale → current, wording unchanged) and `review` (current → reviewed). */
function markCommand(name: 'accept' | 'review', description: string): Command {
  return new Command(name)
    .description(description)
    .argument('<lng>', 'target language, e.g. ko')
    .argument('<id...>', 'segment IDs (see `concord status`)')
    .option('--document <id>', 'the document, when several have segments with these IDs')
    .addHelpText('after', `\nExample:\n  npx concord ${name} ko s4k2mqa s9x0c1d`)
    .action((lng: string, ids: string[], opts: {document?: string}) => {
      const root = process.cwd()
      const project = loadProject(root, opts.document ? [opts.document] : undefined)
      requireUpToDate(project)
      const updated = markTranslations(project, lng, ids, name)
      for (const path of commitToProject(root, localeOutputs(project, updated))) info(`wrote ${relative(root, path)}`)
      info(`${name === 'accept' ? 'accepted' : 'marked reviewed'}: ${ids.join(', ')} (${lng})`)
    })
}

export const acceptCommand = (): Command => markCommand('accept', 'mark stale translations as current when the English change needs no new wording (e.g. a typo fix), or confirm drafts')

export const reviewCommand = (): Command => markCommand('review', "mark current translations as reviewed (a reviewer's sign-off)")
