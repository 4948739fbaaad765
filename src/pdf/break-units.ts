/**
 * Where a line may break, per language. The text is cut into atoms: a line
 * may break between any two atoms, never inside one. Spaces are atoms of
 * their own that vanish at a line edge.
 *
 * - Korean: only spaces separate atoms (CSS `word-break: keep-all`). pdfkit's
 *   UAX #14 wrapper breaks between any two Hangul syllables, which is wrong
 *   for Korean prose, so pdfkit's wrapping is never used.
 * - Japanese: any two CJK characters may be separated, except where kinsoku
 *   shori forbids it (JIS X 4051 / W3C JLREQ): a closer, small kana or
 *   prolonged sound mark never starts a line and an opener never ends one.
 *   Runs of Latin letters and digits (IPCNKR, 2007) stay whole.
 * - English, Mongolian: words. CJK characters quoted in them follow the
 *   Japanese rules, since Latin rules cannot break them at all.
 * - Everywhere: no break inside a number with its unit, a date or a
 *   bracketed marker (`glue.ts`).
 */
import {glueRanges, isGlued} from './glue.js'

/** Characters that must not start a line (JLREQ cl-02 to cl-07, cl-09 to cl-11, and half-width forms). */
export const NO_LINE_START = new Set(
  Array.from(
    '、。，．,.)）]］}｝」』】〕〉》〙〗〟’”｠»' +
      'ヽヾゝゞ々〻ー' +
      'ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ' +
      '‐゠–〜～?!‼⁇⁈⁉？！・:;：；/／%％‰℃°′″' +
      '｡｣､･ｧｨｩｪｫｬｭｮｯｰﾞﾟ'
  )
)

/** Characters that must not end a line (JLREQ cl-01 opening brackets, and prefixed currency signs). */
export const NO_LINE_END = new Set(Array.from('(（[［{｛「『【〔〈《〘〖〝‘“｟«｢￥＄＃'))

/** Characters that are set in pairs and must not be separated from a like neighbour (JLREQ cl-08). */
const INSEPARABLE = new Set(Array.from('—―…‥'))

// Characters between which Japanese may break: ideographs, kana and CJK
// punctuation. Hangul is not among them: Korean keeps its words whole even
// inside other languages' text.
const CJK_BREAKABLE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\u30fb\u30fc\uff00-\uffef\u2014\u2015\u2026\u2025]/u

export interface Atom {
  /** UTF-16 offsets into the paragraph text. */
  start: number
  end: number
  /** A breakable space: dropped at the start and end of a line. */
  space: boolean
}

const graphemeSegmenter = new Intl.Segmenter('en', {granularity: 'grapheme'})

/** Grapheme clusters with their offsets: the smallest units a line may ever be cut between. */
export function graphemes(text: string, offset = 0): Array<{text: string; start: number}> {
  return Array.from(graphemeSegmenter.segment(text), (s) => ({text: s.segment, start: s.index + offset}))
}

/** Whether a line may break between two adjacent graphemes of a space-free word. */
export function mayBreakBetween(before: string, after: string, lang: string): boolean {
  if (lang.toLowerCase().startsWith('ko')) return false
  // At least one side must be CJK: Latin words and digit runs stay whole.
  if (!CJK_BREAKABLE.test(before) && !CJK_BREAKABLE.test(after)) return false
  const first = Array.from(after)[0] ?? ''
  const last = Array.from(before).pop() ?? ''
  if (NO_LINE_START.has(first) || NO_LINE_END.has(last)) return false
  if (INSEPARABLE.has(first) && first === last) return false
  return true
}

/** Cut normalised paragraph text into atoms for `lang`; atoms inside a glued stretch (`glue.ts`) become one. */
export function atomize(text: string, lang: string): Atom[] {
  const ranges = glueRanges(text, lang)
  const atoms = looseAtoms(text, lang)
  if (ranges.length === 0) return atoms
  const joined: Atom[] = []
  for (const atom of atoms) {
    const last = joined[joined.length - 1]
    if (last && isGlued(ranges, atom.start)) joined[joined.length - 1] = {start: last.start, end: atom.end, space: false}
    else joined.push(atom)
  }
  return joined
}

function looseAtoms(text: string, lang: string): Atom[] {
  const atoms: Atom[] = []
  const words = /[^ ]+| /g
  for (let m = words.exec(text); m; m = words.exec(text)) {
    const start = m.index
    if (m[0] === ' ') {
      atoms.push({start, end: start + 1, space: true})
      continue
    }
    // Grapheme segmentation is the costly part; words without a CJK
    // character (all Korean, English and Mongolian words) cannot break inside.
    if (lang.toLowerCase().startsWith('ko') || !CJK_BREAKABLE.test(m[0])) {
      atoms.push({start, end: start + m[0].length, space: false})
      continue
    }
    const parts = graphemes(m[0], start)
    let atomStart = start
    for (let i = 1; i < parts.length; i++) {
      if (mayBreakBetween(parts[i - 1]!.text, parts[i]!.text, lang)) {
        atoms.push({start: atomStart, end: parts[i]!.start, space: false})
        atomStart = parts[i]!.start
      }
    }
    atoms.push({start: atomStart, end: start + m[0].length, space: false})
  }
  return atoms
}

/**
 * Last-resort cuts for an atom wider than a line: at its spaces, after hyphens and dashes
 * first (so "IPCNKR-ын" becomes "IPCNKR-" + "ын"), then between graphemes
 * where neither kinsoku nor a Latin word or number forbids it (so
 * "IPCNKR“あゃ" becomes "IPCNKR" + "“あゃ"), then between any graphemes.
 * Returns one list of candidate sub-atoms per level of desperation.
 */
export function emergencyCuts(text: string, atom: Atom): Atom[][] {
  const slice = text.slice(atom.start, atom.end)
  const levels: Atom[][] = []
  // A glued stretch (a date, a number and its unit) gives up its spaces first.
  if (slice.includes(' ')) levels.push(looseAtoms(slice, 'en').map((a) => ({...a, start: a.start + atom.start, end: a.end + atom.start})))
  const hyphenated: Atom[] = []
  let from = atom.start
  const hyphen = /[-‐–—/](?=[\p{L}\p{N}])/gu
  for (let m = hyphen.exec(slice); m; m = hyphen.exec(slice)) {
    const cut = atom.start + m.index + m[0].length
    if (cut > from && m.index > 0) {
      hyphenated.push({start: from, end: cut, space: false})
      from = cut
    }
  }
  if (hyphenated.length > 0) {
    hyphenated.push({start: from, end: atom.end, space: false})
    levels.push(hyphenated)
  }
  const parts = graphemes(slice, atom.start)
  const gentle: Atom[] = []
  let start = atom.start
  for (let i = 1; i < parts.length; i++) {
    const before = parts[i - 1]!.text
    const after = parts[i]!.text
    if (NO_LINE_END.has(Array.from(before).at(-1)!) || NO_LINE_START.has(Array.from(after)[0]!) || (/[A-Za-z0-9]$/.test(before) && /^[A-Za-z0-9]/.test(after))) continue
    gentle.push({start, end: parts[i]!.start, space: false})
    start = parts[i]!.start
  }
  gentle.push({start, end: atom.end, space: false})
  if (gentle.length > 1) levels.push(gentle)
  levels.push(parts.map((g) => ({start: g.start, end: g.start + g.text.length, space: false})))
  return levels
}
