import type {PhrasingContent, Root} from 'mdast'
import {SKIP, visit} from 'unist-util-visit'
import {MARKER_KEYS, type Edition, type RenderInput} from '../align.js'
import {formatDate} from '../meta.js'
import {prepareEditions, segmentNodes} from '../segment-nodes.js'
import {bracketed, languageInfo} from '../../core/languages.js'
import {TextCollector, type FamilyText} from './text-collector.js'

/**
 * Which characters a document's HTML pages show, by web font family, worked
 * out from what the pages are made of (segments, UI strings, front matter,
 * code blocks) before any page renders, so the subsets can be made while
 * they do. A page the templates make (fast.ts) holds nothing else, so its
 * share of the plan stands for its text, a superset of it (the Markdown of a
 * segment counts with its markup); a page the page builders make is read
 * instead (page-text.ts). Tests hold every page's text to its share.
 */

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
// The aligned page's bullet of a list item's first paragraph (context.ts) and a stale note's link back are among them too.
const FIGURES = '0123456789 %·.,:;()[]-–—•^'

/** The text of the code blocks, which every edition shows as it is, and the link definitions' URLs, which print: no segment holds them. */
function treeText(tree: Root): string {
  const values: string[] = []
  visit(tree, (node) => {
    if (node.type === 'code') values.push(node.value)
    else if (node.type === 'definition') values.push(urlText(node.url))
    // Text blocks hold inline content only: no code block or definition below them.
    else if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') return SKIP
  })
  return values.join('\n')
}

/** The characters a document's pages show, by family: the language names alone, every page, and each page the templates make. */
export interface Plan {
  names: FamilyText
  document: FamilyText
  /** At most what the page of each edition shows, by language, and the aligned page. */
  pages: {editions: Map<string, FamilyText>; aligned: FamilyText}
}

const plans = new WeakMap<RenderInput['editions'], Plan>()

// A printed link shows its URL as the page has it: characters outside these percent-encoded (micromark's normalizeUri).
const URL_SAFE = /[^A-Za-z0-9!#$&'()*+,\-./:;=?@_~%]/
const ENCODED = '%0123456789ABCDEF'
// Only such text can hold a character reference or a link (`[a](b)`, `<b>`, `www.b`, `a://b`).
const MAY_CHANGE = /[&\]<]|www\.|:\/\//

/** A URL as a printed link shows it, at most. */
const urlText = (url: string): string => (URL_SAFE.test(url) ? `${url}${ENCODED}` : url)

/**
 * What a segment's Markdown shows at most: itself, and where it may hold
 * references or links, its texts as parsed (decoded) and its links' URLs.
 * The nodes are the pages' own (segmentNodes, parsed ahead for them).
 */
function shownText(value: string): string {
  if (!MAY_CHANGE.test(value)) return value
  const parts = [value]
  const walk = (nodes: PhrasingContent[]): void => {
    for (const node of nodes) {
      if (node.type === 'text' || node.type === 'inlineCode') parts.push(node.value)
      else if ('children' in node) {
        if (node.type === 'link') parts.push(urlText(node.url))
        walk(node.children)
      }
    }
  }
  walk(segmentNodes(value))
  return parts.join('\n')
}

/** What the page of `edition` is made of, bar the language names and the front matter of the source, added to `text`. */
function editionText(input: RenderInput, edition: Edition, extra: string, text: TextCollector): void {
  const {t, document, options} = input
  const language = edition.language
  const source = options.sourceLanguage
  if (extra) text.add(extra, language)
  const info = languageInfo(language)
  text.add(`${info.name}${FIGURES}${info.labelColon}${info.joiner}${edition.title}`, language)
  for (const key of UI_KEYS) text.add(t(language, key), language)
  // The markers as the legend and the aligned page put them, in the language's brackets; drafts are marked only when asked.
  const marked = options.editions.drafts === 'mark' ? [MARKER_KEYS.missing, MARKER_KEYS.stale, MARKER_KEYS.draft] : [MARKER_KEYS.missing, MARKER_KEYS.stale]
  for (const key of marked) text.add(`${t(language, key)}${bracketed(language, '')}`, language)
  for (const key of COUNTED) for (const count of [1, 2]) text.add(t(language, key, {count, percent: count}), language)
  for (const block of edition.blocks) {
    for (const segment of block.segments) {
      if (segment.display === 'text') text.add(shownText(segment.text), segment.language)
      // A stale segment's note quotes its English.
      if (segment.mark === 'stale') text.add(shownText(segment.source), source)
    }
  }
  // The front matter in this language (title block, notes, metadata) and the date as it is printed.
  for (const segment of Object.values(edition.meta)) text.add(shownText(segment.text), segment.language)
  if (typeof document.meta.date === 'string') text.add(formatDate(document.meta.date, language), language)
}

const union = (parts: FamilyText[]): FamilyText => {
  const sets = (family: keyof FamilyText): Set<number> => new Set(parts.flatMap((part) => [...part[family]]).sort((a, b) => a - b))
  return {latin: sets('latin'), kr: sets('kr'), jp: sets('jp')}
}

/**
 * The characters of every page of the document by family, those of the
 * language names alone, and each page's: worked out from the editions and
 * the source tree once per set of editions.
 */
export function planFor(input: RenderInput): Plan {
  const known = plans.get(input.editions)
  if (known) return known
  const {editions, document} = input
  const source = input.options.sourceLanguage
  // The texts' nodes, which the pages parse ahead anyway, for those that may show other characters than their Markdown's.
  prepareEditions(editions)
  // One collector for every part: its flags are cleared rather than allocated again (3 MB each).
  const scratch = new TextCollector()
  const gathered = (add: (text: TextCollector) => void): FamilyText => {
    add(scratch)
    const found = scratch.result()
    scratch.clear()
    return found
  }
  const names = gathered((text) => editions.forEach((edition) => text.add(languageInfo(edition.language).name, edition.language)))
  // Every page shows the language names (the switcher) and the source's front matter as it stands.
  const meta = gathered((text) => Object.values(document.meta).forEach((value) => typeof value === 'string' && text.add(value, source)))
  const extra = treeText(document.tree)
  const pages = new Map(editions.map((edition) => [edition.language, union([gathered((text) => editionText(input, edition, extra, text)), names, meta])]))
  const aligned = union([...pages.values()])
  const plan: Plan = {names, document: union([aligned]), pages: {editions: pages, aligned}}
  // Korean and Japanese faces hold all of ASCII (a few kilobytes): a Latin word typed into a translation then leaves the subset as it was.
  for (const family of ['kr', 'jp'] as const) if (plan.document[family].size > 0) for (let c = 0x20; c < 0x7f; c++) plan.document[family].add(c)
  plans.set(input.editions, plan)
  return plan
}
