import {existsSync, readdirSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {buildMemory, findMatches, type Memory, type MemoryMatch} from '../memory/memory.js'
import {localeEntries} from '../memory/project-memory.js'
import {parseTmx} from '../memory/tmx-parse.js'
import type {TrackResult} from '../translations/track.js'
import type {ExportDocument} from '../interchange/model.js'
import {parseGlossary, termsIn, type Glossary} from '../qa/glossary.js'
import {flatText} from '../segment/inline.js'
import {parseInline} from '../markdown/parse.js'
import {readText, readTextIfExists} from './io.js'
import type {Project} from './project.js'

/** The TMX files of `memory.paths`: each file named, and the `.tmx` files of each folder, by name. An absent path adds nothing. */
export function tmxFiles(project: Project): string[] {
  const files: string[] = []
  for (const path of project.options.memory.paths) {
    const absolute = join(project.root, path)
    if (!existsSync(absolute)) continue
    if (!statSync(absolute).isDirectory()) files.push(absolute)
    else
      for (const name of readdirSync(absolute).sort()) {
        if (name.toLowerCase().endsWith('.tmx') && !name.startsWith('.')) files.push(join(absolute, name))
      }
  }
  return files
}

/** One language's memory: every document's translations and obsolete ones, then the project's TMX files. */
export function loadMemory(project: Project, language: string, tracked: readonly TrackResult[]): Memory {
  const documents = project.documents.map((d) => ({id: d.id, segments: d.document.segments}))
  const mine = localeEntries(
    documents,
    tracked.filter((t) => t.language === language)
  )
  const added = tmxFiles(project).flatMap((path) => parseTmx(readText(path, project.root), project.options.sourceLanguage, language))
  return buildMemory([...mine, ...added])
}

/** Matches for a segment that needs a translation (missing or stale), never itself. */
export function matchesFor(project: Project, memory: Memory, document: string, id: string, source: string, limit?: number): MemoryMatch[] {
  return findMatches(memory, source, {threshold: project.options.memory.threshold, exclude: `${document}#${id}`, ...(limit === undefined ? {} : {limit})})
}

/** `content/glossary.json`, when the project has one. */
export function loadGlossary(project: Project): Glossary | null {
  const file = readTextIfExists(join(project.root, project.options.contentDir, 'glossary.json'), project.root)
  return file ? parseGlossary(file) : null
}

/**
 * Give exported units what helps the translator: the best memory match for
 * each missing or stale segment, and the glossary terms its English holds
 * with this language's rendering.
 */
export function annotateExport(project: Project, language: string, tracked: readonly TrackResult[], documents: ExportDocument[]): void {
  const memory = loadMemory(project, language, tracked)
  const glossary = loadGlossary(project)
  for (const doc of documents) {
    for (const unit of doc.units) {
      if (unit.state === 'missing' || unit.state === 'stale') {
        const best = matchesFor(project, memory, doc.id, unit.id, unit.source, 1)
        if (best.length > 0) unit.matches = best
      }
      if (glossary === null) continue
      const terms = termsIn(flatText(parseInline(unit.source)), glossary)
        .filter((t) => Object.hasOwn(t.renderings, language))
        .map((t) => ({term: t.term, rendering: t.renderings[language]!}))
      if (terms.length > 0) unit.terms = terms
    }
  }
}
