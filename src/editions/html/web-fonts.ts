import {fileOfParts, type RenderedFile, type RenderInput} from '../align.js'
import type {FontKey} from '../../pdf/fonts.js'
import type {SubsetStore} from '../../pdf/subset-cache.js'
import {addFontFaces} from './page.js'
import {pageText} from './page-text.js'
import {WEB_FAMILIES, type FamilyText, type WebFamily} from './text-collector.js'
import {planFor, type Plan} from './web-font-plan.js'
import {pageParts, pageString, type PageText} from '../placeholders.js'
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
 * subset of just those. A page's own characters are its share of the plan
 * when the templates made it (nothing else is on it), else read from its
 * HTML; a page that shows any the subset lacks gets the union instead. What
 * a page embeds depends on its document alone, never on which other pages a
 * build renders.
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

/** The `@font-face` rules of a page that shows `shown`. */
async function fontFaces(shown: FamilyText, plan: Plan, store: SubsetStore | undefined): Promise<string> {
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

/**
 * An HTML page, and what it shows at most when the templates made it: its
 * share of the plan. With `part`, `content` is the page's shell and `part`
 * goes in it (a ShellPage of placeholders.ts), once the fonts are in its head.
 */
export interface HtmlPage extends RenderedFile {
  share?: (plan: Plan) => FamilyText
  part?: string
}

/** The HTML pages of `files` with their web fonts (other files as they are); a page the page builders made is read for its text. */
export async function withWebFonts(files: HtmlPage[], input: RenderInput, store?: SubsetStore): Promise<RenderedFile[]> {
  const plan = planFor(input)
  const out: RenderedFile[] = []
  for (const file of files) {
    if (!file.path.endsWith('.html') || typeof file.content !== 'string') {
      out.push({path: file.path, content: file.content})
      continue
    }
    const {part} = file
    const whole = (shell: string): PageText => (part === undefined ? shell : {shell, part})
    const css = await fontFaces(file.share ? file.share(plan) : pageText(pageString(whole(file.content))), plan, store)
    const page = whole(css ? addFontFaces(file.content, css) : file.content)
    out.push(typeof page === 'string' ? {path: file.path, content: page} : fileOfParts(file.path, pageParts(page)))
  }
  return out
}
