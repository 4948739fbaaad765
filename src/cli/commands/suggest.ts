import {Command} from 'commander'
import {escapeHidden} from '../../core/hidden-characters.js'
import {loadTranslations} from '../../engine/locales-sync.js'
import {loadMemory, matchesFor} from '../../engine/memory.js'
import {UsageError} from '../../engine/reporter.js'
import {openProject, requireUpToDate} from '../../engine/project.js'

interface SuggestOptions {
  document?: string
  json?: boolean
  limit: string
}

/**
 * `concord suggest <lng> [<id>…]`: translation memory matches for the missing
 * and stale segments (or the segments named), from every document's
 * translations and the project's TMX files.
 */
export function suggestCommand(): Command {
  return new Command('suggest')
    .description('show translation memory matches (exact and fuzzy, with similarity and origin) for missing and stale segments')
    .argument('<lng>', 'target language, e.g. `ko`')
    .argument('[ids...]', 'only these segment IDs (any state)')
    .option('--document <id>', 'only this document')
    .option('--limit <n>', 'matches per segment', '3')
    .option('--json', 'print [{"document", "id", "state", "english", "matches": [{"similarity", "origin", "source", "target"}]}] and nothing else')
    .addHelpText('after', '\nExamples:\n  npx concord suggest ko\n  npx concord suggest mn --document statement s1a2b3 --json')
    .action(async (language: string, ids: string[], opts: SuggestOptions) => {
      const project = await openProject(process.cwd())
      requireUpToDate(project)
      const list = (values: string[]): string => values.map((v) => `\`${v}\``).join(', ')
      if (!project.options.languages.includes(language)) throw new UsageError(`Unexpected language \`${language}\`, expected one of ${list(project.options.languages)}`)
      if (opts.document !== undefined && !project.documents.some((d) => d.id === opts.document)) {
        throw new UsageError(`Unexpected document \`${opts.document}\`, expected one of ${list(project.documents.map((d) => d.id))}`)
      }
      const limit = Number(opts.limit)
      if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`Unexpected --limit \`${opts.limit}\`, expected a whole number from 1`)
      const tracked = loadTranslations(project).filter((t) => t.language === language)
      const memory = loadMemory(project, language, tracked)
      const wanted = new Set(ids)
      const found = new Set<string>()
      const results = []
      for (const doc of project.documents.filter((d) => opts.document === undefined || d.id === opts.document)) {
        const states = new Map((tracked.find((t) => t.document === doc.id)?.statuses ?? []).map((s) => [s.id, s.state]))
        for (const segment of doc.document.segments) {
          const state = states.get(segment.id) ?? 'missing'
          if (wanted.size > 0 ? !wanted.has(segment.id) : state !== 'missing' && state !== 'stale') continue
          found.add(segment.id)
          const matches = matchesFor(project, memory, doc.id, segment.id, segment.text, limit)
          results.push({document: doc.id, id: segment.id, state, english: segment.text, matches})
        }
      }
      const unknown = ids.filter((id) => !found.has(id))
      if (unknown.length > 0) throw new UsageError(`Unexpected segment ID ${list(unknown)}, expected IDs of ${opts.document === undefined ? 'the documents' : `\`${opts.document}\``}`)
      if (opts.json) {
        process.stdout.write(JSON.stringify(results, null, 2) + '\n')
        return
      }
      const out: string[] = []
      for (const r of results) {
        if (r.matches.length === 0 && wanted.size === 0) continue
        out.push(`${r.document} ${r.id} (${r.state})`, `  en: ${escapeHidden(r.english)}`)
        if (r.matches.length === 0) out.push('  no match')
        for (const m of r.matches) out.push(`  ${String(m.similarity).padStart(3)}% ${m.origin}: ${escapeHidden(m.target)}`, `       en: ${escapeHidden(m.source)}`)
        out.push('')
      }
      const offered = results.filter((r) => r.matches.length > 0).length
      out.push(`${offered} of ${results.length} segment(s) with a match in ${language} (memory of ${memory.entries.length} entries)`)
      process.stdout.write(out.join('\n') + '\n')
    })
}
