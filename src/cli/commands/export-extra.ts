import {exportGlossaryCsv, exportTbx} from '../../interchange/glossary-export.js'
import {exportXliff12} from '../../interchange/xliff12-export.js'
import {exportTmx} from '../../memory/tmx-export.js'
import type {ExportDocument} from '../../interchange/model.js'
import {tmxUnits} from '../../engine/interchange.js'
import {loadGlossary} from '../../engine/memory.js'
import {UsageError} from '../../engine/reporter.js'
import type {Project} from '../../engine/project.js'

/** Every `--format` of `concord export`. */
export const FORMATS = ['xliff', 'xliff12', 'po', 'tmx', 'tbx', 'csv'] as const

/** Formats of the project's translations or glossary rather than of units to translate (`--only` does not apply). */
export const WHOLE_FORMATS = new Set(['tmx', 'tbx', 'csv'])

/** TMX of the current translations, or the glossary as TBX or CSV, for one language. */
export function exportWhole(project: Project, format: string, language: string, version: string, ids?: readonly string[]): {text: string; summary: string} {
  const sourceLanguage = project.options.sourceLanguage
  if (format === 'tmx') {
    const units = tmxUnits(project, language, ids)
    return {text: exportTmx({sourceLanguage, language, version, units}), summary: `${units.length} translation units`}
  }
  const glossary = loadGlossary(project)
  if (glossary === null) throw new UsageError(`Unexpected export of the glossary without \`${project.options.contentDir}/glossary.json\`, expected the project's glossary; add one first`)
  const input = {sourceLanguage, language, glossary}
  const terms = glossary.terms.filter((t) => Object.hasOwn(t.renderings, language)).length
  return {text: format === 'tbx' ? exportTbx(input) : exportGlossaryCsv(input), summary: `${terms} glossary terms`}
}

/** XLIFF 1.2 of the exported documents. */
export const xliff12Text = (sourceLanguage: string, language: string, documents: ExportDocument[], copySource = false): string =>
  exportXliff12({sourceLanguage, language, documents, copySource})
