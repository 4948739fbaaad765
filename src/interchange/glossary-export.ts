import type {Glossary} from '../qa/glossary.js'
import {xmlText} from '../memory/tmx-export.js'

export interface GlossaryExportInput {
  sourceLanguage: string
  language: string
  glossary: Glossary
}

/** The terms with a rendering in the language, alphabetically (the glossary keeps them longest first for matching). */
function rendered(input: GlossaryExportInput): Array<{term: string; rendering: string; source?: string}> {
  return input.glossary.terms
    .filter((t) => Object.hasOwn(t.renderings, input.language))
    .map((t) => ({
      term: t.term,
      rendering: t.renderings[input.language]!,
      ...(Object.hasOwn(t.sources, input.language) ? {source: t.sources[input.language]!} : {})
    }))
    .sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0))
}

/**
 * The glossary for one language as TBX-Basic (TBX v3, ISO 30042:2019, DCA
 * style): a concept entry per term with its English and its rendering, the
 * rendering's source as a note. Terminology tools (OmegaT, memoQ, Trados
 * MultiTerm) import it as a term base.
 */
export function exportTbx(input: GlossaryExportInput): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<tbx style="dca" type="TBX-Basic" xml:lang="${xmlText(input.sourceLanguage)}" xmlns="urn:iso:std:iso:30042:ed-2">`,
    '  <tbxHeader>',
    '    <fileDesc>',
    '      <sourceDesc>',
    `        <p>content/glossary.json, ${xmlText(input.sourceLanguage)} to ${xmlText(input.language)}, exported by concord</p>`,
    '      </sourceDesc>',
    '    </fileDesc>',
    '  </tbxHeader>',
    '  <text>',
    '    <body>'
  ]
  rendered(input).forEach((t, k) => {
    lines.push(
      `      <conceptEntry id="c${k + 1}">`,
      `        <langSec xml:lang="${xmlText(input.sourceLanguage)}">`,
      `          <termSec><term>${xmlText(t.term)}</term></termSec>`,
      '        </langSec>',
      `        <langSec xml:lang="${xmlText(input.language)}">`,
      `          <termSec><term>${xmlText(t.rendering)}</term>${t.source === undefined ? '' : `<note>${xmlText(t.source)}</note>`}</termSec>`,
      '        </langSec>',
      '      </conceptEntry>'
    )
  })
  lines.push('    </body>', '  </text>', '</tbx>')
  return lines.join('\n') + '\n'
}

/** RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled. */
const cell = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value)

/** The glossary for one language as CSV (header `en,ko,source`), for spreadsheets and tools that import term lists. */
export function exportGlossaryCsv(input: GlossaryExportInput): string {
  const rows = [[input.sourceLanguage, input.language, 'source'], ...rendered(input).map((t) => [t.term, t.rendering, t.source ?? ''])]
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n'
}
