/**
 * Font selection per character ("font fallback"), which pdfkit lacks
 * (pdfkit #201): a string is cut into runs that are each drawn with one face.
 *
 * Script decides first (Hangul → KR, kana → JP, Latin/Cyrillic/Greek → Noto
 * Sans, Han and CJK punctuation → the edition's CJK face, JP elsewhere);
 * characters without a script of their own (digits, spaces, punctuation)
 * take the edition's face. Coverage decides last: a face that lacks the glyph
 * is never used for it, so nothing is drawn as .notdef.
 */
import {fontKey, hasGlyph, FONT_FAMILIES, type FontFamily, type FontKey, type FontStyle} from './fonts.js'

type CharClass = 'hangul' | 'kana' | 'han' | 'cjk-punct' | 'latin' | 'mark' | 'neutral' | 'other'

const HANGUL = /\p{Script=Hangul}/u
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}\u30fc\u3099-\u309c]/u
const HAN = /\p{Script=Han}/u
// CJK symbols and punctuation, fullwidth forms, CJK compatibility and
// enclosed forms: all Script=Common, but designed with ideographic metrics.
const CJK_PUNCT = /[\u3000-\u303f\u30fb\u3200-\u33ff\ufe30-\ufe4f\uff00-\uffef]/u
const LATIN = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]/u
const MARK = /[\p{Script=Inherited}\u200c\u200d]/u
const COMMON = /\p{Script=Common}/u
const LETTER = /[\p{L}\p{N}]/u

export function classifyChar(ch: string): CharClass {
  if (HANGUL.test(ch)) return 'hangul'
  if (KANA.test(ch)) return 'kana'
  if (HAN.test(ch)) return 'han'
  if (CJK_PUNCT.test(ch)) return 'cjk-punct'
  if (LATIN.test(ch)) return 'latin'
  if (MARK.test(ch)) return 'mark'
  if (COMMON.test(ch)) return 'neutral'
  return 'other'
}

/** The face family of an edition's running text: `ko` → KR, `ja` → JP, anything else → Noto Sans. */
export function editionFamily(lang: string): FontFamily {
  const primary = lang.toLowerCase().split('-')[0]
  return primary === 'ko' ? 'kr' : primary === 'ja' ? 'jp' : 'latin'
}

/**
 * Text as it will be laid out: ASCII whitespace collapsed to one space
 * (a soft line break between two CJK characters disappears, as in HTML for
 * Japanese), soft hyphens dropped. Coverage is checked on this form.
 */
export function normalizeText(text: string): string {
  return text
    .replace(/\u00ad/g, '')
    .replace(
      /(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef])[\t\n\r\f]+(?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef])/gu,
      ''
    )
    .replace(/[ \t\n\r\f\v]+/g, ' ')
}

/** One character (code point) with the face that draws it. */
export interface CharFont {
  /** UTF-16 offsets into the text. */
  start: number
  end: number
  font: FontKey
  /** False when no face has a glyph; `font` is then the face that was wanted. */
  covered: boolean
}

function preferredFamily(cls: CharClass, ch: string, prev: string | undefined, next: string | undefined, edition: FontFamily): FontFamily {
  switch (cls) {
    case 'hangul':
      return 'kr'
    case 'kana':
      return 'jp'
    case 'han':
    case 'cjk-punct':
      // Han and CJK punctuation are shared; Korean text wants Korean glyph forms.
      return edition === 'kr' ? 'kr' : 'jp'
    case 'latin':
      return 'latin'
    case 'neutral':
      // Word-internal punctuation (don’t, U.N.) stays with the Latin letters
      // around it, so a Japanese edition does not set a full-width apostrophe.
      if (ch !== ' ' && prev && next && LATIN.test(prev) && LETTER.test(next) && (LATIN.test(next) || /\d/.test(next))) return 'latin'
      return edition
    default:
      return edition
  }
}

/** Assign a face to every code point of `text` (already normalised). */
export function assignFonts(text: string, lang: string, style: FontStyle = 'regular'): CharFont[] {
  const edition = editionFamily(lang)
  const chars = Array.from(text)
  const out: CharFont[] = []
  let offset = 0
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!
    const cp = ch.codePointAt(0)!
    const cls = classifyChar(ch)
    const previous = out[out.length - 1]
    let font: FontKey | undefined
    if (cls === 'mark' && previous && hasGlyph(previous.font, cp)) {
      // Combining marks must be shaped with their base character.
      font = previous.font
    } else {
      const wanted = preferredFamily(cls, ch, chars[i - 1], chars[i + 1], edition)
      const order = [wanted, edition, ...FONT_FAMILIES].filter((f, k, all) => all.indexOf(f) === k)
      const family = order.find((f) => hasGlyph(fontKey(f, style), cp))
      font = family ? fontKey(family, style) : undefined
      if (!font) out.push({start: offset, end: offset + ch.length, font: fontKey(wanted, style), covered: false})
    }
    if (font) out.push({start: offset, end: offset + ch.length, font, covered: true})
    offset += ch.length
  }
  return out
}

export interface FontRun {
  text: string
  font: FontKey
  start: number
  end: number
}

/** Cut `text` into maximal runs drawn with one face each. */
export function splitRuns(text: string, lang: string, style: FontStyle = 'regular'): FontRun[] {
  const runs: FontRun[] = []
  for (const c of assignFonts(text, lang, style)) {
    const last = runs[runs.length - 1]
    if (last && last.font === c.font && last.end === c.start) {
      last.end = c.end
      last.text = text.slice(last.start, last.end)
    } else {
      runs.push({text: text.slice(c.start, c.end), font: c.font, start: c.start, end: c.end})
    }
  }
  return runs
}

export interface UncoveredChar {
  char: string
  codePoint: number
  /** `U+10900` */
  hex: string
  /** UTF-16 offset in the normalised text. */
  index: number
}

/** Characters of `text` that no face can draw (after normalisation); empty when all is well. */
export function checkCoverage(text: string, lang = 'en', style: FontStyle = 'regular'): UncoveredChar[] {
  const normal = normalizeText(text)
  if (allCovered(normal, lang, style)) return []
  return assignFonts(normal, lang, style)
    .filter((c) => !c.covered)
    .map((c) => {
      const char = normal.slice(c.start, c.end)
      const codePoint = char.codePointAt(0)!
      return {char, codePoint, hex: `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`, index: c.start}
    })
}

/**
 * Whether some face of `style` draws every character: what `assignFonts`
 * says when it marks none uncovered (it tries every face), asked of the
 * edition's face first, so the faces of other scripts are not even loaded
 * for text they have no part in. Checking a book's editions character by
 * character through assignFonts took most of a one-segment rebuild.
 */
function allCovered(text: string, lang: string, style: FontStyle): boolean {
  const own = fontKey(editionFamily(lang), style)
  const others = FONT_FAMILIES.map((family) => fontKey(family, style)).filter((key) => key !== own)
  for (const ch of text) {
    const cp = ch.codePointAt(0)!
    if (!hasGlyph(own, cp) && !others.some((key) => hasGlyph(key, cp))) return false
  }
  return true
}

/** One line naming each uncovered character, for build errors (the caller adds file and segment ID). */
export function describeUncovered(chars: readonly UncoveredChar[]): string {
  return chars.map((c) => `${c.hex} “${c.char}” at character ${c.index + 1}`).join(', ')
}

/**
 * Thrown by the line breaker when text holds a character no face can draw,
 * rather than letting pdfkit draw a missing-glyph box. Callers that know the
 * file and segment should check first (`checkCoverage`) to name them.
 */
export class UncoveredCharacterError extends Error {
  constructor(
    readonly chars: readonly UncoveredChar[],
    readonly text: string
  ) {
    super(
      `Unexpected character${chars.length > 1 ? 's' : ''} without a glyph in any font: ${describeUncovered(chars)} in “${text.length > 60 ? `${text.slice(0, 60)}…` : text}”; remove or replace ${chars.length > 1 ? 'them' : 'it'}`
    )
    this.name = 'UncoveredCharacterError'
  }
}

/** `checkCoverage` over styled spans (bold text is checked against the bold faces); indices are into the joined text. */
export function checkSpansCoverage(spans: ReadonlyArray<{text: string; style?: FontStyle}>, lang: string): UncoveredChar[] {
  const out: UncoveredChar[] = []
  let offset = 0
  for (const span of spans) {
    for (const c of checkCoverage(span.text, lang, span.style ?? 'regular')) out.push({...c, index: c.index + offset})
    offset += normalizeText(span.text).length
  }
  return out
}
