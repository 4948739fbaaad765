import {join} from 'node:path'
import type {VFile} from 'vfile'
import {parseGlossary, type QaContext} from '../qa/index.js'
import type {TranslationState} from '../core/types.js'
import {applyImport, type ImportResult} from '../interchange/apply-import.js'
import {detectFormat} from '../interchange/detect.js'
import {exportDocument, type ExportDocument, type ParsedInterchange} from '../interchange/model.js'
import {parsePo} from '../interchange/po-import.js'
import {parseXliff} from '../interchange/xliff-import.js'
import {readText, readTextIfExists} from './io.js'
import {loadTranslations} from './locales-sync.js'
import type {Project} from './project.js'

/**
 * The project side of `export` and `import`: what of the project goes into
 * an XLIFF or PO file, and what a file read back does to the locales. The
 * formats themselves are src/interchange/; choosing the file, writing it
 * and saying what changed are the command's.
 */

/** Each document's segments in `language` for export (only those in `only`'s states, when given). */
export function exportDocuments(project: Project, language: string, only?: Set<TranslationState>): ExportDocument[] {
  const tracked = loadTranslations(project).filter((t) => t.language === language)
  return project.documents.map((doc) => {
    const statuses = tracked.find((t) => t.document === doc.id)?.statuses ?? []
    const path = doc.file.path.split(/[\\/]/).join('/')
    const {title, shortTitle} = doc.document.meta
    return exportDocument({id: doc.id, path, ...(title ? {title} : {}), ...(shortTitle ? {shortTitle} : {}), segments: doc.document.segments}, statuses, only)
  })
}

/**
 * Read the translated XLIFF or PO file at `path` (its format, language and
 * document come from the file) against the project. Problems are messages
 * on the returned `file`; when any is fatal, the result must not be written.
 */
export function importInto(
  project: Project,
  path: string,
  options: {prefer?: 'file' | 'locale'; allowErrors?: boolean} = {}
): {file: VFile; parsed: ParsedInterchange; result: ImportResult} {
  const tracked = loadTranslations(project)
  const file = readText(path, project.root)
  const parsed = detectFormat(file) === 'xliff' ? parseXliff(file) : parsePo(file)
  // The checks of `concord check`, run on what the import changes.
  const glossary = readTextIfExists(join(project.root, project.options.contentDir, 'glossary.json'), project.root)
  const qa: QaContext = {glossary: glossary ? parseGlossary(glossary) : null, allowIdentical: project.options.check.allowIdentical}
  const context = {
    sourceLanguage: project.options.sourceLanguage,
    languages: project.options.languages,
    registries: new Map(project.documents.map((d) => [d.id, d.registry])),
    tracked,
    qa,
    ...(options.prefer ? {prefer: options.prefer} : {}),
    ...(options.allowErrors ? {allowErrors: true} : {})
  }
  return {file, parsed, result: applyImport(parsed, context, file)}
}
