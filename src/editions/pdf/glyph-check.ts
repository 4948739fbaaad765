import {VFile} from 'vfile'
import type {Edition, RenderInput} from '../align.js'
import type {Place} from '../../core/json.js'
import type {FontStyle} from '../../pdf/fonts.js'
import type {TextSpan} from '../../pdf/line-break.js'
import {checkSpansCoverage, type UncoveredChar} from '../../pdf/script-runs.js'
import {segmentParts} from './inline-spans.js'
import type {PrintItem} from './structure.js'
import {metaFields} from './title-block.js'
import {failRule} from '../../core/rules.js'

/** Finds where a key is in a JSON file of the project (`/sk0f800` in `locales/ko/statement.json`); the build reads files, renderers do not. */
export type Locate = (path: string, pointer: string) => Place | undefined

export interface GlyphProblem {
  /** File to fix, relative to the project root. */
  path: string
  place?: Place
  /** What holds the characters, e.g. "the ko translation of `sk0f800`". */
  what: string
  chars: UncoveredChar[]
}

const FONTS = 'Noto Sans, Noto Sans KR or Noto Sans JP'

/** UI strings each edition draws, with the faces they are drawn in. */
const UI_STYLES: Array<[string, FontStyle[]]> = [
  ['missingMarker', ['italic', 'bold-italic']],
  ['missingPlaceholder', ['italic', 'bold-italic']],
  ['staleMarker', ['italic', 'bold-italic']],
  ['draft', ['bold']],
  ['outdated', ['bold']],
  ['staleEnd', ['italic', 'bold-italic']],
  ['staleNote', ['regular']],
  ['originalEnglish', ['regular']],
  ['author', ['bold']],
  ['date', ['bold']],
  ['source', ['bold']],
  ['note', ['bold']],
  ['page', ['regular']],
  ['alignedEdition', ['regular']]
]

/** Blocks set in bold: headings and table header cells. */
export function boldBlocks(items: readonly PrintItem[]): Set<number> {
  const bold = new Set<number>()
  for (const item of items) {
    if (item.type === 'text' && item.kind === 'heading') bold.add(item.index)
    if (item.type === 'table') for (const index of item.rows[0] ?? []) bold.add(index)
  }
  return bold
}

/** Line of a front matter key (`notes:`) in the document, for messages. */
function frontMatterPlace(input: RenderInput, key: string): Place {
  const yaml = input.document.tree.children[0]
  if (yaml?.type !== 'yaml') return {line: 1, column: 1}
  const line = yaml.value.split('\n').findIndex((l) => l.startsWith(`${key}:`))
  return {line: line < 0 ? 1 : (yaml.position?.start.line ?? 1) + 1 + line, column: 1}
}

function segmentProblems(input: RenderInput, edition: Edition, bold: Set<number>, locate?: Locate): GlyphProblem[] {
  const {document, options, t} = input
  const localePath = `${options.localesDir}/${edition.language}/${document.id}.json`
  const problems: GlyphProblem[] = []
  for (const block of edition.blocks) {
    block.segments.forEach((segment, i) => {
      // Missing text is the English, checked (and blamed on the Markdown) in the source edition.
      if (!edition.source && segment.mark === 'missing') return
      const parts = segmentParts(block.segments, i, {language: edition.language, t, bold: bold.has(block.index)})
      const chars = parts ? checkSpansCoverage(parts.body, edition.language) : []
      if (chars.length === 0) return
      if (edition.source) {
        const source = document.segments.find((s) => s.id === segment.id)
        problems.push({path: document.path, ...(source ? {place: {line: source.line, column: source.column}} : {}), what: `the ${edition.language} source text of \`${segment.id}\``, chars})
      } else {
        const place = locate?.(localePath, `/${segment.id}`)
        problems.push({path: localePath, ...(place ? {place} : {}), what: `the ${edition.language} translation of \`${segment.id}\``, chars})
      }
    })
  }
  return problems
}

/**
 * Every character the PDF editions of a document will draw that no font
 * covers, with the file to fix: translations are blamed on their locale file
 * and key, UI strings on `ui.json`, metadata on the document's front matter.
 * `editions` limits the check to those (default: all of the input's).
 */
export function glyphProblems(input: RenderInput, items: readonly PrintItem[], locate?: Locate, editions: readonly Edition[] = input.editions): GlyphProblem[] {
  const {document, options, t} = input
  const bold = boldBlocks(items)
  const problems = editions.flatMap((edition) => segmentProblems(input, edition, bold, locate))
  const check = (spans: TextSpan[], language: string): UncoveredChar[] => checkSpansCoverage(spans, language)
  for (const edition of editions) {
    const language = edition.language
    const uiPath = `${options.localesDir}/${language}/ui.json`
    for (const [key, styles] of UI_STYLES) {
      const text = t(language, key, {page: 1, pages: 1, percent: 50, count: 2})
      const chars = styles.flatMap((style) => check([{text, style}], language))
      if (chars.length === 0) continue
      const place = locate?.(uiPath, `/${key}`)
      problems.push({path: uiPath, ...(place ? {place} : {}), what: `the ${language} UI string \`${key}\``, chars: chars.slice(0, 1)})
    }
    // The front matter as printed: fields are segments, so a translated one is blamed on its locale file.
    const localePath = `${options.localesDir}/${language}/${document.id}.json`
    const fields = Object.entries(edition.meta).filter(([field]) => !field.startsWith('keywords') && field !== 'description')
    const texts: Array<[string, string, FontStyle, string | undefined]> = [
      ...fields.map(([field, s]): [string, string, FontStyle, string | undefined] => [
        field,
        s.text,
        field === 'title' ? 'bold' : 'regular',
        s.mark === 'missing' || edition.source ? undefined : s.id
      ]),
      ...metaFields(edition, document.meta)
        .filter((f) => f.key === 'date')
        .map((f): [string, string, FontStyle, string | undefined] => ['date', f.value, 'regular', undefined])
    ]
    for (const [key, text, style, id] of texts) {
      const chars = check([{text, style}], language)
      if (chars.length === 0) continue
      if (id === undefined) problems.push({path: document.path, place: frontMatterPlace(input, key.replace(/\.\d+$/, '')), what: `the front matter field \`${key}\``, chars})
      else {
        const place = locate?.(localePath, `/${id}`)
        problems.push({path: localePath, ...(place ? {place} : {}), what: `the ${language} translation of \`${id}\` (front matter \`${key}\`)`, chars})
      }
    }
  }
  const seen = new Set<string>()
  return problems.filter((p) => {
    const key = `${p.path}:${p.what}`
    return seen.has(key) ? false : (seen.add(key), true)
  })
}

/** Throw the first problem as a fatal message (rule `pdf-glyph-missing`), naming the others in its reason. */
export function failOnGlyphProblems(problems: readonly GlyphProblem[]): void {
  const [first, ...rest] = problems
  if (!first) return
  const chars = first.chars.map((c) => `\`${c.hex}\` (“${c.char}”)`).join(', ')
  const more = rest.length
    ? `; also ${rest
        .slice(0, 5)
        .map((p) => `${p.what} in ${p.path}`)
        .join(', ')}${rest.length > 5 ? ` and ${rest.length - 5} more` : ''}`
    : ''
  const file = new VFile({path: first.path})
  failRule(
    file,
    'pdf-glyph-missing',
    `Unexpected character${first.chars.length > 1 ? 's' : ''} ${chars} in ${first.what}, expected characters that ${FONTS} can draw; replace or remove ${first.chars.length > 1 ? 'them' : 'it'}, as no PDF font has a glyph for ${first.chars.length > 1 ? 'them' : 'it'}${more}`,
    first.place ?? {line: 1, column: 1}
  )
}
