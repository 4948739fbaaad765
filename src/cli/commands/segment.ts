import {relative} from 'node:path'
import {Command} from 'commander'
import {openProject} from '../../engine/project.js'
import {wouldChange, wouldChangeFromRead} from '../../engine/io.js'
import {commitToProject} from '../../engine/session.js'
import {info} from '../report.js'
import {localeTextsByPath, syncLocales, type LocaleTexts} from '../../engine/locales-sync.js'
import {lazyActor} from '../../engine/actor.js'

export function segmentCommand(): Command {
  return new Command('segment')
    .description('split content/*.md into segments, reconcile their IDs with the registry, write locales/en/ and move retired translations to obsolete files')
    .option('--check', 'change nothing; exit 1 when the registry or locales are out of date (for CI)')
    .option('--document <id>', 'only this document (file name in content/ without .md)')
    .addHelpText('after', '\nExamples:\n  npx concord segment\n  npx concord segment --check')
    .action(async (opts: {check?: boolean; document?: string}) => {
      const root = process.cwd()
      const project = await openProject(root, opts.document ? [opts.document] : undefined, {readOnly: opts.check === true})
      // With --check, the locale files as read: compared with what segment would write without reading them again.
      const texts: LocaleTexts | undefined = opts.check ? new Map() : undefined
      const sync = syncLocales(project, opts.check ? undefined : lazyActor(root, process.env.SOURCE_DATE_EPOCH), texts)
      const pending = [...project.documents.flatMap((d) => d.outputs), ...sync.outputs]
      for (const doc of project.documents) {
        info(`${doc.id}: ${doc.segments.length} segments (${doc.added.length} added, ${doc.changed.length} changed, ${doc.retired.length} retired)`)
      }
      for (const line of sync.report) info(line)
      if (opts.check) {
        // A registry not outdated is, as read, what segment would write; a book's files are megabytes, not read twice.
        const asRead = localeTextsByPath(project, texts!)
        for (const doc of project.documents) if (!doc.outdated) for (const o of doc.outputs) asRead.set(o.path, o.content)
        const stale = pending.filter((o) => (asRead.has(o.path) ? wouldChangeFromRead(o.path, o.content, asRead.get(o.path)) : wouldChange(o.path, o.content)))
        for (const o of stale) info(`${relative(root, o.path)}: out of date with ${project.options.contentDir}/; run \`npx concord segment\``)
        if (stale.length > 0) process.exitCode = 1
        return
      }
      for (const path of commitToProject(root, pending)) info(`wrote ${relative(root, path)}`)
    })
}
