import type {VFile} from 'vfile'
import type {QaContext} from '../qa/index.js'
import type {TranslationState} from '../core/types.js'
import {applyImport, type ImportResult} from '../interchange/apply-import.js'
import {detectFormat} from '../interchange/detect.js'
import {exportDocument, type ExportDocument, type ParsedInterchange} from '../interchange/model.js'
import {parsePo} from '../interchange/po-import.js'
import {parseXliff} from '../interchange/xliff-import.js'
import {isXliff12, parseXliff12} from '../interchange/xliff12-import.js'
import {readText} from './io.js'
import {stampDate} from '../translations/provenance.js'
import {loadTranslations} from './locales-sync.js'
import type {Project} from './project.js'
import {annotateExport, loadGlossary} from './memory.js'
import type {TmxUnit} from '../memory/tmx-export.js'

/**
 * The project side of `export` and `import`: what of the project goes into
 * an XLIFF or PO file, and what a file read back does to the locales. The
 * formats themselves are src/interchange/; choosing the file, writing it
 * and saying what changed are the command's.
 */

/**
 * Each document's segments in `language` for export (only those in `only`'s
 * states, when given; only the documents `ids`, when given), with memory
 * matches and glossary terms: the memory is built from every document.
 */
export function exportDocuments(project: Project, language: string, only?: Set<TranslationState>, ids?: readonly string[]): ExportDocument[] {
  const tracked = loadTranslations(project).filter((t) => t.language === language)
  const documents = project.documents
    .filter((d) => !ids || ids.includes(d.id))
    .map((doc) => {
      const result = tracked.find((t) => t.document === doc.id)
      const statuses = result?.statuses ?? []
      const path = doc.file.path.split(/[\\/]/).join('/')
      const {title, shortTitle} = doc.document.meta
      return exportDocument({id: doc.id, path, ...(title ? {title} : {}), ...(shortTitle ? {shortTitle} : {}), segments: doc.document.segments}, statuses, only, result?.meta)
    })
  annotateExport(project, language, tracked, documents)
  return documents
}

/** Every current translation of `language` (translated, reviewed or stale) in the documents `ids` (all when absent), for TMX. */
export function tmxUnits(project: Project, language: string, ids?: readonly string[]): TmxUnit[] {
  const tracked = loadTranslations(project).filter((t) => t.language === language)
  const units: TmxUnit[] = []
  for (const doc of project.documents.filter((d) => !ids || ids.includes(d.id))) {
    const english = new Map(doc.document.segments.map((s) => [s.id, s.text]))
    for (const status of tracked.find((t) => t.document === doc.id)?.statuses ?? []) {
      // A draft is nobody's translation yet: its confirmed text (if any) goes in with that text's state.
      const state = status.state === 'draft' ? status.base : status.state
      if (state === undefined || status.translation === undefined || status.translation.trim() === '') continue
      // A stale translation renders the English it was made against, when the history has it.
      const source = state === 'stale' ? (status.previousSource ?? english.get(status.id)) : english.get(status.id)
      if (source !== undefined) units.push({id: status.id, document: doc.id, state, source, target: status.translation})
    }
  }
  return units
}

/**
 * Read the translated XLIFF or PO file at `path` (its format, language and
 * document come from the file) against the project. Problems are messages
 * on the returned `file`; when any is fatal, the result must not be written.
 */
export function importInto(
  project: Project,
  path: string,
  options: {prefer?: 'file' | 'locale'; allowErrors?: boolean; translator?: string; sourceDateEpoch?: string} = {}
): {file: VFile; parsed: ParsedInterchange; result: ImportResult} {
  const tracked = loadTranslations(project)
  const file = readText(path, project.root)
  const parsed = detectFormat(file) === 'po' ? parsePo(file) : isXliff12(String(file)) ? parseXliff12(file) : parseXliff(file)
  // The checks of `concord check`, run on what the import changes.
  const qa: QaContext = {glossary: loadGlossary(project), allowIdentical: project.options.check.allowIdentical}
  const context = {
    sourceLanguage: project.options.sourceLanguage,
    languages: project.options.languages,
    registries: new Map(project.documents.map((d) => [d.id, d.registry])),
    tracked,
    qa,
    ...(options.prefer ? {prefer: options.prefer} : {}),
    ...(options.allowErrors ? {allowErrors: true} : {}),
    ...(options.translator === undefined ? {} : {translator: options.translator}),
    at: stampDate(options.sourceDateEpoch)
  }
  return {file, parsed, result: applyImport(parsed, context, file)}
}
