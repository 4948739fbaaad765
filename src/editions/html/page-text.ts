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
 * of text: a flag per code point is far quicker to set than a set to grow,
 * and the code points flagged are listed as they are first seen, so the
 * result is not a walk over every flag.
 */
export class TextCollector {
  private readonly flags: Record<WebFamily, Uint8Array> = {latin: new Uint8Array(0x110000), kr: new Uint8Array(0x110000), jp: new Uint8Array(0x110000)}
  private readonly seen: Record<WebFamily, number[]> = {latin: [], kr: [], jp: []}

  add(text: string, language: string): void {
    this.addRange(text, 0, text.length, language)
  }

  /** The characters of `text` from `start` to `end`, without cutting them out of it (a page's text is most of the page). */
  addRange(text: string, start: number, end: number, language: string): void {
    const ownFamily: WebFamily | undefined = language === 'ko' || language.startsWith('ko-') ? 'kr' : language === 'ja' || language.startsWith('ja-') ? 'jp' : undefined
    const own = ownFamily && this.flags[ownFamily]
    const ownSeen = ownFamily && this.seen[ownFamily]
    const {latin, kr, jp} = this.flags
    const seen = this.seen
    for (let i = start; i < end; i++) {
      let c = text.charCodeAt(i)
      // ASCII, most of any page: drawn by Noto Sans (and by the page's own face).
      if (c < 0x80) {
        if (c < 0x20 || c === 0x7f) continue
        if (latin[c] === 0) {
          latin[c] = 1
          seen.latin.push(c)
        }
        if (own && own[c] === 0) {
          own[c] = 1
          ownSeen!.push(c)
        }
        continue
      }
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
        const low = text.charCodeAt(i + 1)
        if (low >= 0xdc00 && low <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00)
          i++
        }
      }
      if (c < 0xa0) continue
      if (own && own[c] === 0) {
        own[c] = 1
        ownSeen!.push(c)
      }
      if (isHangul(c)) {
        if (kr[c] === 0) {
          kr[c] = 1
          seen.kr.push(c)
        }
      } else if (isCjk(c)) {
        if (!own && jp[c] === 0) {
          jp[c] = 1
          seen.jp.push(c)
        }
      } else if (latin[c] === 0) {
        latin[c] = 1
        seen.latin.push(c)
      }
    }
  }

  /** What was gathered, by family, each in code point order. */
  result(): FamilyText {
    const sets = (seen: number[]): Set<number> => new Set([...seen].sort((a, b) => a - b))
    return {latin: sets(this.seen.latin), kr: sets(this.seen.kr), jp: sets(this.seen.jp)}
  }
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr'])
const HIDDEN = new Set(['head', 'title', 'style', 'script', 'template'])
const ATTRIBUTE = /\s([a-zA-Z-]+)="([^"]*)"/g
const REFERENCE = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|nbsp));/g
const NAMED: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', nbsp: '\u00a0'}

const decode = (text: string): string =>
  text.includes('&')
    ? text.replace(REFERENCE, (_, hex?: string, dec?: string, name?: string) => (name ? NAMED[name]! : String.fromCodePoint(Number.parseInt(hex ?? dec!, hex ? 16 : 10))))
    : text

const isLetter = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)
const isAlphanumeric = (c: number): boolean => isLetter(c) || (c >= 0x30 && c <= 0x39)

/**
 * Where the tag starting at `at` (a `<`) ends, just after its `>`, and where
 * its name ends; `-1` when no tag starts there (a `<` not followed by a
 * name, or a quote left open), which is then skipped. A comment or
 * declaration (`<!…>`) has no name (`nameEnd` 0).
 */
function tagAt(html: string, at: number): {end: number; nameEnd: number} | -1 {
  let i = at + 1
  if (html.charCodeAt(i) === 0x21 /* ! */) {
    const close = html.indexOf('>', i)
    return close === -1 ? -1 : {end: close + 1, nameEnd: 0}
  }
  if (html.charCodeAt(i) === 0x2f /* / */) i++
  if (!isLetter(html.charCodeAt(i))) return -1
  while (isAlphanumeric(html.charCodeAt(i))) i++
  const nameEnd = i
  for (;;) {
    const c = html.charCodeAt(i)
    if (Number.isNaN(c)) return -1
    if (c === 0x3e /* > */) return {end: i + 1, nameEnd}
    if (c === 0x22 || c === 0x27) {
      const close = html.indexOf(c === 0x22 ? '"' : "'", i + 1)
      if (close === -1) return -1
      i = close + 1
    } else i++
  }
}

/**
 * The characters `html` shows, by the family that draws them. One pass
 * over the page: tags are read where they stand, texts are gathered in
 * place (cut out only to decode a character reference).
 */
export function pageText(html: string): FamilyText {
  const found = new TextCollector()
  // Each open element: its name, its language, whether its text is shown.
  const stack: Array<{tag: string; lang: string; hidden: boolean}> = [{tag: '', lang: 'en', hidden: false}]
  let at = 0
  // The next `&` at or after `at`, looked for again only once passed (a search from each text to the end of the page would take quadratic time).
  let amp = -1
  while (at < html.length) {
    const top = stack[stack.length - 1]!
    const open = html.indexOf('<', at)
    const textEnd = open === -1 ? html.length : open
    if (textEnd > at && !top.hidden) {
      if (amp < at) {
        amp = html.indexOf('&', at)
        if (amp === -1) amp = html.length
      }
      if (amp < textEnd) found.add(decode(html.slice(at, textEnd)), top.lang)
      else found.addRange(html, at, textEnd, top.lang)
    }
    if (open === -1) break
    const tag = tagAt(html, open)
    if (tag === -1) {
      at = open + 1
      continue
    }
    at = tag.end
    if (tag.nameEnd === 0) continue
    const close = html.charCodeAt(open + 1) === 0x2f
    const name = html.slice(open + (close ? 2 : 1), tag.nameEnd).toLowerCase()
    if (close) {
      const index = stack.findLastIndex((entry) => entry.tag === name)
      if (index > 0) stack.length = index
      continue
    }
    let lang = top.lang
    const shown: string[] = []
    // Most tags have none of the attributes read here (segment spans): no need to list theirs.
    const attributes = html.slice(tag.nameEnd, tag.end - 1)
    const read = attributes.includes('lang=') || attributes.includes('data-label=') || attributes.includes('href="http')
    if (read)
      for (const [, key, value] of attributes.matchAll(ATTRIBUTE)) {
        if (key === 'lang') lang = decode(value!)
        else if (key === 'data-label' || (key === 'href' && /^https?:/.test(value!))) shown.push(decode(value!))
      }
    const hidden = top.hidden || HIDDEN.has(name)
    if (!hidden) for (const value of shown) found.add(value, lang)
    if (!VOID.has(name)) stack.push({tag: name, lang, hidden})
  }
  return found.result()
}
