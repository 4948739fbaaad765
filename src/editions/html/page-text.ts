/**
 * Which characters a page shows in which web font family, read from the
 * page's HTML: every text in the body (and the attributes the style sheet
 * shows: a cell's `data-label`, a printed link's `href`) under the `lang` of
 * its element. The page is ours (rehype-stringify's output), so a scan of
 * its tags is enough: no parser, and no tree to keep. Read for the pages
 * the page builders make (a page of the templates has its share of the
 * web-font plan instead), and in tests, where it is what the plan is held to.
 */
import {TextCollector, type FamilyText} from './text-collector.js'

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr'])
const HIDDEN = new Set(['head', 'title', 'style', 'script', 'template'])
const ATTRIBUTE = /\s([a-zA-Z-]+)="([^"]*)"/g
const REFERENCE = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|nbsp));/g
const NAMED: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', nbsp: '\u00a0'}
// Only tags with one of these attributes have one that pageText reads (most tags of a page are segment spans without them).
const READ = ['lang=', 'data-label=', 'href="http']

const decode = (text: string): string =>
  text.includes('&')
    ? text.replace(REFERENCE, (_, hex?: string, dec?: string, name?: string) => (name ? NAMED[name]! : String.fromCodePoint(Number.parseInt(hex ?? dec!, hex ? 16 : 10))))
    : text

const isLetter = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)
const isAlphanumeric = (c: number): boolean => isLetter(c) || (c >= 0x30 && c <= 0x39)

/** Where the tag whose name ends at `i` ends, just after its `>` (a quoted `>` is not its end); `-1` if a quote is left open or no `>` comes. */
function tagEnd(html: string, i: number): number {
  for (;;) {
    const c = html.charCodeAt(i)
    if (Number.isNaN(c)) return -1
    if (c === 0x3e /* > */) return i + 1
    if (c === 0x22 || c === 0x27) {
      const close = html.indexOf(c === 0x22 ? '"' : "'", i + 1)
      if (close === -1) return -1
      i = close + 1
    } else i++
  }
}

// One collector for every page: its flags are cleared after each page instead of allocated again (3 MB a page).
let scratch: TextCollector | undefined

/**
 * The characters `html` shows, by the family that draws them. One pass
 * over the page: tags are read where they stand, texts are gathered in
 * place (cut out only to decode a character reference). A `<` not
 * followed by a tag name, or starting a tag whose quote is left open, is
 * text; a comment or declaration (`<!…>`) is skipped.
 */
export function pageText(html: string): FamilyText {
  const found = (scratch ??= new TextCollector())
  // The open elements as parallel lists (no object per element): name, language, whether its text is shown.
  const names: string[] = ['']
  const langs: string[] = ['en']
  const hidden: boolean[] = [false]
  let depth = 1
  let at = 0
  // The next `&` and the next of each READ at or after where they are looked for, found again only once passed
  // (a search from each text or tag to the end of the page would take quadratic time).
  let amp = -1
  const next = READ.map(() => -1)
  while (at < html.length) {
    const top = depth - 1
    const open = html.indexOf('<', at)
    const textEnd = open === -1 ? html.length : open
    if (textEnd > at && !hidden[top]) {
      if (amp < at) {
        amp = html.indexOf('&', at)
        if (amp === -1) amp = html.length
      }
      if (amp < textEnd) found.add(decode(html.slice(at, textEnd)), langs[top]!)
      else found.addRange(html, at, textEnd, langs[top]!)
    }
    if (open === -1) break
    let i = open + 1
    if (html.charCodeAt(i) === 0x21 /* ! */) {
      const close = html.indexOf('>', i)
      at = close === -1 ? open + 1 : close + 1
      continue
    }
    const closing = html.charCodeAt(i) === 0x2f /* / */
    if (closing) i++
    if (!isLetter(html.charCodeAt(i))) {
      at = open + 1
      continue
    }
    const nameStart = i
    while (isAlphanumeric(html.charCodeAt(i))) i++
    const nameEnd = i
    const end = tagEnd(html, nameEnd)
    if (end === -1) {
      at = open + 1
      continue
    }
    at = end
    const name = html.slice(nameStart, nameEnd).toLowerCase()
    if (closing) {
      let index = depth - 1
      while (index > 0 && names[index] !== name) index--
      if (index > 0) depth = index
      continue
    }
    let lang = langs[top]!
    let read = false
    for (let k = 0; k < READ.length; k++) {
      if (next[k]! !== Number.POSITIVE_INFINITY && next[k]! < nameEnd) {
        const position = html.indexOf(READ[k]!, nameEnd)
        next[k] = position === -1 ? Number.POSITIVE_INFINITY : position
      }
      if (next[k]! < end) read = true
    }
    const hide = hidden[top]! || HIDDEN.has(name)
    if (read) {
      const shown: string[] = []
      for (const [, key, value] of html.slice(nameEnd, end - 1).matchAll(ATTRIBUTE)) {
        if (key === 'lang') lang = decode(value!)
        else if (key === 'data-label' || (key === 'href' && /^https?:/.test(value!))) shown.push(decode(value!))
      }
      if (!hide) for (const value of shown) found.add(value, lang)
    }
    if (!VOID.has(name)) {
      names[depth] = name
      langs[depth] = lang
      hidden[depth] = hide
      depth++
    }
  }
  const result = found.result()
  found.clear()
  return result
}
