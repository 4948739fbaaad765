import {Command} from 'commander'
import pc from 'picocolors'
import {countStates, statusJson, STATES, worklist} from '../../translations/status.js'
import {loadTranslations} from '../../engine/locales-sync.js'
import {UsageError} from '../../engine/reporter.js'
import {openProject, requireUpToDate} from '../../engine/project.js'
import {escapeHidden} from '../../core/hidden-characters.js'
import {segmentDetails, summaryLine} from './status-lines.js'

const paint = (state: string, text: string): string => {
  if (!process.stdout.isTTY) return text
  return state === 'missing' ? pc.red(text) : state === 'stale' || state === 'draft' ? pc.yellow(text) : state === 'reviewed' ? pc.cyan(text) : pc.green(text)
}

interface StatusOptions {
  lang?: string
  document?: string
  json?: boolean
  summary?: boolean
}

export function statusCommand(): Command {
  return new Command('status')
    .description("show each language's translation states and the worklist of missing, stale and draft segments")
    .argument('[id...]', 'only these segments, with who translated and reviewed them')
    .option('--lang <lng>', 'only this target language')
    .option('--document <id>', 'only this document')
    .option('--summary', 'one line per document and language: counts, words to translate and to review, the command to run next')
    .option('--json', 'print {"<document>": {"<lng>": {"<segment-id>": state}}} and nothing else on stdout')
    .addHelpText('after', '\nExamples:\n  npx concord status --lang ko\n  npx concord status --summary\n  npx concord status --lang ko s4k2mqa\n  npx concord status --json > status.json')
    .action(async (ids: string[], opts: StatusOptions) => {
      const project = await openProject(process.cwd(), opts.document ? [opts.document] : undefined)
      requireUpToDate(project)
      if (opts.lang && !project.options.languages.includes(opts.lang)) {
        throw new UsageError(`Unexpected language \`${opts.lang}\`, expected one of ${project.options.languages.map((l) => `\`${l}\``).join(', ')}`)
      }
      const tracked = loadTranslations(project).filter((r) => !opts.lang || r.language === opts.lang)
      if (opts.json) {
        process.stdout.write(JSON.stringify(statusJson(tracked), null, 2) + '\n')
        return
      }
      if (ids.length > 0) {
        process.stdout.write(segmentDetails(project, tracked, ids).join('\n') + '\n')
        return
      }
      const out: string[] = []
      for (const doc of project.documents) {
        for (const result of tracked.filter((r) => r.document === doc.id)) {
          if (opts.summary) {
            out.push(summaryLine(doc, result, project.documents.length > 1))
            continue
          }
          const counts = countStates(result)
          out.push(`${doc.id} · ${result.language}: ${STATES.map((s) => paint(s, `${counts[s]} ${s}`)).join(', ')} (of ${result.statuses.length})`)
          for (const item of worklist(doc.segments, result)) {
            const change = item.change === undefined ? '' : `  ${item.change}`
            out.push(`  ${paint(item.state, item.state.padEnd(7))} ${item.id}  ${doc.file.path}:${item.line}${change}`)
            // Texts are untrusted: a bidi override or control code must show as `<U+202E>`, not act on the terminal.
            out.push(`          en: ${escapeHidden(item.english)}`)
            if (item.state === 'stale') {
              if (item.previousEnglish !== undefined) out.push(`         was: ${escapeHidden(item.previousEnglish)}`)
              if (item.diff !== undefined) out.push(`        diff: ${escapeHidden(item.diff)}`)
              if (item.translation !== undefined) out.push(`          ${result.language}: ${escapeHidden(item.translation)}`)
            }
            if (item.draft !== undefined) out.push(`       draft: ${escapeHidden(item.draft)}`)
          }
          out.push('')
        }
      }
      process.stdout.write(out.join('\n') + (opts.summary ? '\n' : ''))
    })
}
