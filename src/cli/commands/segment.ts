import {availableParallelism} from 'node:os'
import {relative} from 'node:path'
import {Command} from 'commander'
import {loadProjectOptions, openProject, selectDocumentIds} from '../../engine/project.js'
import {wouldChange, wouldChangeFromRead} from '../../engine/io.js'
import {commitToProject} from '../../engine/session.js'
import {info} from '../report.js'
import {startLocaleSync} from '../../engine/locale-pool.js'
import {lazyActor} from '../../engine/actor.js'
import {recordLocales} from '../../engine/locale-digest.js'
import {parseJobs} from './build.js'

export function segmentCommand(): Command {
  return new Command('segment')
    .description('split content/*.md into segments, reconcile their IDs with the registry, write locales/en/ and move retired translations to obsolete files')
    .option('--check', 'change nothing; exit 1 when the registry or locales are out of date (for CI)')
    .option('--document <id>', 'only this document (file name in content/ without .md)')
    .option('--jobs <n>', 'threads: from 2, the locales of a long book are read on a second thread (default: one per CPU core; 1: this thread only)', parseJobs)
    .addHelpText('after', '\nExamples:\n  npx concord segment\n  npx concord segment --check')
    .action(async (opts: {check?: boolean; document?: string; jobs?: number}) => {
      const root = process.cwd()
      const check = opts.check === true
      const only = opts.document ? [opts.document] : undefined
      const options = loadProjectOptions(root)
      // Started first: a worker reads the locales while this thread segments the Markdown (see engine/locale-pool.ts).
      const locales = startLocaleSync(root, options, selectDocumentIds(root, options, only), {
        check,
        threads: opts.jobs ?? availableParallelism(),
        ...(check ? {} : {actor: lazyActor(root, process.env.SOURCE_DATE_EPOCH)})
      })
      try {
        const project = await openProject(root, only, {readOnly: check, options})
        const sync = await locales.finish(project)
        for (const doc of project.documents) {
          info(`${doc.id}: ${doc.segments.length} segments (${doc.added.length} added, ${doc.changed.length} changed, ${doc.retired.length} retired)`)
        }
        for (const line of sync.report) info(line)
        if (check) {
          // A registry not outdated is, as read, what segment would write (but for a byte-order mark); the locales' outputs are those that differ from the files as read.
          const registries = project.documents.flatMap((d) => d.outputs.filter((o) => (d.outdated ? wouldChange(o.path, o.content) : wouldChangeFromRead(o.path, o.content, o.content))))
          const stale = [...registries, ...sync.outputs]
          for (const o of stale) info(`${relative(root, o.path)}: out of date with ${project.options.contentDir}/; run \`npx concord segment\``)
          if (stale.length > 0) process.exitCode = 1
          return
        }
        for (const path of commitToProject(root, [...project.documents.flatMap((d) => d.outputs), ...sync.outputs])) info(`wrote ${relative(root, path)}`)
        // Once written: the next check need not track the locales left as they are (see engine/locale-digest.ts).
        recordLocales(
          root,
          options,
          project.documents.map((d) => d.id),
          sync.records
        )
      } finally {
        await locales.close()
      }
    })
}
