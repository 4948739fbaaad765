import type {Root} from 'mdast'
import {SKIP, visit} from 'unist-util-visit'
import type {RenderedFile, RenderInput} from '../align.js'
import {formatDate} from '../meta.js'
import {languageInfo} from '../../core/languages.js'
import type {FontKey} from '../../pdf/fonts.js'
import type {SubsetStore} from '../../pdf/subset-cache.js'
import {addFontFaces} from './page.js'
import {pageText} from './page-text.js'
import {TextCollector, WEB_FAMILIES, type FamilyText, type WebFamily} from './text-collector.js'
import {webSubset} from './web-font-subsets.js'

/**
 * Web fonts for the HTML pages, so every script shows on a machine without
 * Korean or Japanese fonts, on screen and in print. Each page embeds, as
 * `data:` URLs (the page stays one self-contained file, opened from disk in
 * any browser), a WOFF2 subset per family it uses, declared with the
 * `unicode-range` of the characters in it.
 *
 * Subsets are made per document, not per page: a family's subset holds the
 * characters of every page of the document in that family, worked out from
 * the editions (segments, UI strings, front matter), so the Korean page and
 * the aligned page share one Korean subset and a build makes a handful of
 * subsets however many pages it writes. A page whose characters in a family
 * are only the language names of the switcher ("한국어", "日本語") gets a
 * subset of just those. Each page's own characters (read from its HTML) are
 * checked against the subset it gets, and one that is not covered gets the
 * union instead: what a page embeds depends on its document alone, never on
 * which other pages a build renders.
 */
const FAMILY_NAMES: Record<WebFamily, string> = {latin: 'Noto Sans', kr: 'Noto Sans KR', jp: 'Noto Sans JP'}

/** Noto Sans has a bold face; Korean and Japanese bold is drawn from the regular face by the browser (half the weight). */
const FACES: Record<WebFamily, Array<{key: FontKey; weight: number}>> = {
  latin: [
    {key: 'latin-regular', weight: 400},
    {key: 'latin-bold', weight: 700}
  ],
  kr: [{key: 'kr-regular', weight: 400}],
  jp: [{key: 'jp-regular', weight: 400}]
}

// Strings the pages build from UI strings with numbers in them; digits and signs go into every family.
const UI_KEYS = [
  'alignedEdition',
  'editorNote',
  'editorNotes',
  'backToText',
  'contents',
  'languages',
  'legend',
  'missingMarker',
  'missingNote',
  'missingPlaceholder',
  'note',
  'showColumns',
  'skipToContent',
  'staleMarker',
  'staleEnd',
  'staleNote',
  'originalEnglish',
  'author',
  'date',
  'source'
]
const COUNTED = ['missingSegments', 'staleSegments', 'translatedPercent']
// The aligned page's bullet of a list item's first paragraph (context.ts) is one of them too.
const FIGURES = '0123456789 %·.,:;()[]-–—：•'

/** The text of the code blocks, which every edition shows as it is (not segments: no edition holds it). */
function codeText(tree: Root): string {
  const values: string[] = []
  visit(tree, (node) => {
    if (node.type === 'code') values.push(node.value)
    // Text blocks hold inline content only: no code block below them.
    else if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') return SKIP
  })
  return values.join('\n')
}

/** The characters a document's pages show, by family: those of the language names alone, and those of every page. */
export interface Plan {
  names: FamilyText
  document: FamilyText
}

const plans = new WeakMap<RenderInput['editions'], Plan>()

/**
 * The characters of every page of the document by family, and those of the
 * language names alone, worked out from the editions and the code blocks
 * (the subsets started before the pages render are made of these).
 */
export function planFor(input: RenderInput): Plan {
  const known = plans.get(input.editions)
  if (known) return known
  const {editions, t, document} = input
  const names = new TextCollector()
  const text = new TextCollector()
  const source = input.options.sourceLanguage
  const code = codeText(document.tree)
  for (const edition of editions) {
    const language = edition.language
    if (code) text.add(code, language)
    names.add(languageInfo(language).name, language)
    text.add(`${languageInfo(language).name}${FIGURES}${edition.title}`, language)
    for (const key of UI_KEYS) text.add(t(language, key), language)
    if (input.options.editions.drafts === 'mark') text.add(t(language, 'draftMarker'), language)
    for (const key of COUNTED) for (const count of [1, 2]) text.add(t(language, key, {count, percent: count}), language)
    for (const block of edition.blocks) for (const segment of block.segments) if (segment.display === 'text') text.add(segment.text, segment.language)
    // The front matter in this language (title block, notes, metadata) and the date as it is printed.
    for (const segment of Object.values(edition.meta)) text.add(segment.text, segment.language)
    if (typeof document.meta.date === 'string') text.add(formatDate(document.meta.date, language), language)
  }
  for (const value of Object.values(document.meta)) if (typeof value === 'string') text.add(value, source)
  const plan = {names: names.result(), document: text.result()}
  // Korean and Japanese faces hold all of ASCII (a few kilobytes): a Latin word typed into a translation then leaves the subset as it was.
  for (const family of ['kr', 'jp'] as const) if (plan.document[family].size > 0) for (let c = 0x20; c < 0x7f; c++) plan.document[family].add(c)
  plans.set(input.editions, plan)
  return plan
}

const sorted = (set: Set<number>): number[] => [...set].sort((a, b) => a - b)
const within = (part: Set<number>, whole: Set<number>): boolean => [...part].every((c) => whole.has(c))

/** `U+20-7E,U+AC00`: the code points as CSS `unicode-range`. */
export function unicodeRange(codePoints: readonly number[]): string {
  const parts: string[] = []
  const hex = (c: number): string => c.toString(16).toUpperCase()
  for (let i = 0; i < codePoints.length; i++) {
    const start = codePoints[i]!
    while (i + 1 < codePoints.length && codePoints[i + 1] === codePoints[i]! + 1) i++
    parts.push(start === codePoints[i] ? `U+${hex(start)}` : `U+${hex(start)}-${hex(codePoints[i]!)}`)
  }
  return parts.join(',')
}

/**
 * The characters of a page's subset of one family: the language names' when
 * that is all the page shows of it; the page's own with the names' when it
 * shows only a few characters of the document's (an English page quoting a
 * Japanese name would otherwise carry the whole Japanese edition's subset);
 * else the document's, with any the page has beyond it.
 */
function subsetFor(used: Set<number>, names: Set<number>, document: Set<number>): Set<number> {
  if (within(used, names)) return names
  if (used.size * 8 < document.size) return new Set([...names, ...used])
  return within(used, document) ? document : new Set([...document, ...used])
}

/** The `@font-face` rules of a page whose text is `html`. */
async function fontFaces(html: string, plan: Plan, store: SubsetStore | undefined): Promise<string> {
  const shown = pageText(html)
  const rules: string[] = []
  for (const family of WEB_FAMILIES) {
    const used = shown[family]
    if (used.size === 0) continue
    const whole = subsetFor(used, plan.names[family], plan.document[family])
    const codePoints = sorted(whole)
    for (const {key, weight} of FACES[family]) {
      const data = Buffer.from(await webSubset(key, codePoints, store)).toString('base64')
      rules.push(
        `@font-face{font-family:"${FAMILY_NAMES[family]}";font-style:normal;font-weight:${weight};font-display:block;src:url(data:font/woff2;base64,${data}) format("woff2");unicode-range:${unicodeRange(codePoints)}}`
      )
    }
  }
  return rules.join('\n')
}

/**
 * Start making the subsets the pages of `input`'s document will want (each
 * family's, and the language names' in Korean and Japanese) on the
 * subsetting thread, so that they are made while the pages render.
 */
export function startWebFonts(input: RenderInput, store?: SubsetStore): void {
  const plan = planFor(input)
  for (const family of WEB_FAMILIES) {
    for (const set of family === 'latin' ? [plan.document.latin] : [plan.names[family], plan.document[family]]) {
      // A failure is reported to the page that awaits the same subset.
      if (set.size > 0) for (const {key} of FACES[family]) webSubset(key, sorted(set), store).catch(() => undefined)
    }
  }
}

/** The HTML pages of `files` with their web fonts (other files as they are). */
export async function withWebFonts(files: RenderedFile[], input: RenderInput, store?: SubsetStore): Promise<RenderedFile[]> {
  const plan = planFor(input)
  const out: RenderedFile[] = []
  for (const file of files) {
    if (!file.path.endsWith('.html') || typeof file.content !== 'string') {
      out.push(file)
      continue
    }
    const css = await fontFaces(file.content, plan, store)
    out.push({path: file.path, content: css ? addFontFaces(file.content, css) : file.content})
  }
  return out
}
