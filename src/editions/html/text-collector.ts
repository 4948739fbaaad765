/**
 * Which web font family draws which character, gathered from texts in
 * their languages (see page-text.ts for a page's, web-font-plan.ts for a
 * document's and each of its pages').
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

  /** Forget what was gathered, for the next text (clearing the flags set is quicker than new ones). */
  clear(): void {
    for (const family of WEB_FAMILIES) {
      const flags = this.flags[family]
      for (const c of this.seen[family]) flags[c] = 0
      this.seen[family] = []
    }
  }

  /** What was gathered, by family, each in code point order. */
  result(): FamilyText {
    const sets = (seen: number[]): Set<number> => new Set([...seen].sort((a, b) => a - b))
    return {latin: sets(this.seen.latin), kr: sets(this.seen.kr), jp: sets(this.seen.jp)}
  }
}
