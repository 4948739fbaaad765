import {relative} from 'node:path'
import {Command} from 'commander'
import {acceptTranslations} from '../../translations/track.js'
import {commitToProject} from '../../engine/session.js'
import {loadTranslations, localeOutputs} from '../../engine/locales-sync.js'
import {loadProject, requireUpToDate, UsageError} from '../../engine/project.js'
import {info} from '../report.js'

/** Shared by `accept` (stale → current, wording unchanged) and `review` (current → reviewed). */
function markCommand(name: 'accept' | 'review', description: string, state?: 'reviewed'): Command {
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
      if (!project.options.languages.includes(lng)) {
        throw new UsageError(`Unexpected language \`${lng}\`, expected one of ${project.options.languages.map((l) => `\`${l}\``).join(', ')}`)
      }
      const tracked = loadTranslations(project).filter((r) => r.language === lng)
      const updated = tracked.map((result) => {
        const doc = project.documents.find((d) => d.id === result.document)!
        const mine = ids.filter((id) => doc.registry.segments.some((s) => s.id === id))
        return mine.length ? acceptTranslations(doc.registry, result, mine, state) : result
      })
      for (const id of ids) {
        const result = updated.find((r) => r.statuses.some((s) => s.id === id))
        if (!result) throw new UsageError(`Unexpected segment ID \`${id}\`, expected a current segment ID (run \`npx concord status --lang ${lng}\`)`)
        const status = result.statuses.find((s) => s.id === id)!
        if (status.state === 'missing') throw new UsageError(`Unexpected \`${name}\` of \`${id}\`, expected a segment that has a ${lng} translation; translate it first`)
        if (name === 'review' && status.state === 'stale') throw new UsageError(`Unexpected \`review\` of stale \`${id}\`, expected a current translation; update it or run \`concord accept ${lng} ${id}\` first`)
      }
      for (const path of commitToProject(root, localeOutputs(project, updated))) info(`wrote ${relative(root, path)}`)
      info(`${name === 'accept' ? 'accepted' : 'marked reviewed'}: ${ids.join(', ')} (${lng})`)
    })
}

export const acceptCommand = (): Command =>
  markCommand('accept', 'mark stale translations as current when the English change needs no new wording (e.g. a typo fix)')

export const reviewCommand = (): Command =>
  markCommand('review', 'mark current translations as reviewed (a reviewer\'s sign-off)', 'reviewed')
