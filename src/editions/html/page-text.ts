/**
 * Which characters a page shows in which web font family, read from the
 * page's HTML: every text in the body (and the attributes the style sheet
 * shows: a cell's `data-label`, a printed link's `href`) under the `lang` of
 * its element. The page is ours (rehype-stringify's output), so a scan of
 * its tags is enough: no parser, and no tree to keep.
 */

/** The web font families: Noto Sans (Latin, Cyrillic, Greek), Noto Sans KR, Noto Sans JP. */
export type WebFamily = 'latin' | 'kr' | 'jp'

export const WEB_FAMILIES: readonly WebFamily[] = ['latin', 'kr', 'jp']

export type FamilyText = Record<WebFamily, Set<number>>

const isHangul = (c: number): boolean => (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f) || (c >= 0xa960 && c <= 0xa97f) || (c >= 0xac00 && c <= 0xd7ff)

// CJK punctuation, kana, ideographs, compatibility forms and full-width forms.
const isCjk = (c: number): boolean =>
  (c >= 0x2e80 && c <= 0x30ff) || (c >= 0x3190 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xffef) || c >= 0x20000

/**
 * Characters by the family that draws them, gathered from text in a given
 * language. Korean and Japanese text is drawn by its own face (which has
 * Latin too); any other text by Noto Sans, Hangul in it by Noto Sans KR and
 * other CJK characters by Noto Sans JP (the style sheet lists the families
 * in that order). Non-CJK characters of Korean and Japanese text go to Noto
 * Sans as well, for those the CJK faces lack (Mongolian Cyrillic, say),
 * which the browser then takes from the next family. A page holds megabytes
 * of text: a flag per code point is far quicker to set than a set to grow.
 */
export class TextCollector {
  private readonly flags: Record<WebFamily, Uint8Array> = {latin: new Uint8Array(0x110000), kr: new Uint8Array(0x110000), jp: new Uint8Array(0x110000)}

  add(text: string, language: string): void {
    const own = language === 'ko' || language.startsWith('ko-') ? this.flags.kr : language === 'ja' || language.startsWith('ja-') ? this.flags.jp : undefined
    const {latin, kr, jp} = this.flags
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i)
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const low = text.charCodeAt(i + 1)
        if (low >= 0xdc00 && low <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00)
          i++
        }
      }
      if (c < 0x20 || (c >= 0x7f && c < 0xa0)) continue
      if (own) own[c] = 1
      if (isHangul(c)) kr[c] = 1
      else if (isCjk(c)) {
        if (!own) jp[c] = 1
      } else latin[c] = 1
    }
  }

  /** What was gathered, by family. */
  result(): FamilyText {
    const sets = (flags: Uint8Array): Set<number> => {
      const set = new Set<number>()
      for (let c = 0; c < flags.length; c++) if (flags[c]) set.add(c)
      return set
    }
    return {latin: sets(this.flags.latin), kr: sets(this.flags.kr), jp: sets(this.flags.jp)}
  }
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr'])
const HIDDEN = new Set(['head', 'title', 'style', 'script', 'template'])
const TOKEN = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<![^>]*>|([^<]+)/g
const ATTRIBUTE = /\s([a-zA-Z-]+)="([^"]*)"/g
const REFERENCE = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|nbsp));/g
const NAMED: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', nbsp: '\u00a0'}

const decode = (text: string): string =>
  text.includes('&')
    ? text.replace(REFERENCE, (_, hex?: string, dec?: string, name?: string) => (name ? NAMED[name]! : String.fromCodePoint(Number.parseInt(hex ?? dec!, hex ? 16 : 10))))
    : text

/** The characters `html` shows, by the family that draws them. */
export function pageText(html: string): FamilyText {
  const found = new TextCollector()
  // Each open element: its name, its language, whether its text is shown.
  const stack: Array<{tag: string; lang: string; hidden: boolean}> = [{tag: '', lang: 'en', hidden: false}]
  for (const match of html.matchAll(TOKEN)) {
    const top = stack[stack.length - 1]!
    const [, close, name, attributes, text] = match
    if (text !== undefined) {
      if (!top.hidden) found.add(decode(text), top.lang)
      continue
    }
    if (name === undefined) continue
    const tag = name.toLowerCase()
    if (close) {
      const at = stack.findLastIndex((entry) => entry.tag === tag)
      if (at > 0) stack.length = at
      continue
    }
    let lang = top.lang
    const shown: string[] = []
    // Most tags have none of the attributes read here (segment spans): no need to list theirs.
    const read = attributes !== undefined && (attributes.includes('lang=') || attributes.includes('data-label=') || attributes.includes('href="http'))
    if (read)
      for (const [, key, value] of attributes.matchAll(ATTRIBUTE)) {
        if (key === 'lang') lang = decode(value!)
        else if (key === 'data-label' || (key === 'href' && /^https?:/.test(value!))) shown.push(decode(value!))
      }
    const hidden = top.hidden || HIDDEN.has(tag)
    if (!hidden) for (const value of shown) found.add(value, lang)
    if (!VOID.has(tag)) stack.push({tag, lang, hidden})
  }
  return found.result()
}
