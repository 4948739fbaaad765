/**
 * Sentence boundaries of a long text, found window by window.
 *
 * `Intl.Segmenter` (ICU under V8) costs time proportional to the whole
 * string for every boundary it yields, so a 5 MB one-line paragraph took
 * minutes. ICU finds each boundary by running its rules forward from the
 * previous boundary, so the boundaries after a true boundary depend only on
 * the text from there on, except that a rule may look ahead (UAX #29 SB8:
 * after `. ` no break if a lower-case letter follows, across any digits,
 * spaces and punctuation). The look-ahead ends at the first letter,
 * sentence terminator or paragraph separator. So in a window cut out of the
 * text, the boundaries up to the last one that such a character follows
 * inside the window are the uncut text's; the next window starts there.
 */

/** Characters handed to the segmenter at once: well above a normal paragraph, and small enough to stay fast (2-8 KB measured best). */
export const WINDOW = 4096

/** Where a look-ahead stops: a letter, a sentence terminator (`.` and the like included), a line or paragraph separator. */
const STOPPER = /[\p{L}\p{Sentence_Terminal}\u2024\ufe52\uff0e\n\r\u0085\u2028\u2029]/u

/** Starts of the segments `segment` finds in `text`, excluding 0 (`segment` is called on windows of about `window` characters). */
export function windowedStarts(text: string, segment: (slice: string) => Iterable<{index: number}>, window = WINDOW): number[] {
  const starts: number[] = []
  let from = 0
  let size = window
  while (text.length - from > size) {
    let end = from + size
    // A window never ends between the halves of a surrogate pair.
    if (/[\ud800-\udbff]/.test(text[end - 1]!)) end--
    const slice = text.slice(from, end)
    const found: number[] = []
    for (const {index} of segment(slice)) if (index > 0) found.push(index)
    const cut = confirmedCut(slice, found)
    if (cut === -1) {
      // No boundary is confirmed in the window (one long sentence): look further from the same place.
      size *= 2
      continue
    }
    for (const index of found) {
      if (index > cut) break
      starts.push(from + index)
    }
    from += cut
    size = window
  }
  for (const {index} of segment(from === 0 ? text : text.slice(from))) if (index > 0) starts.push(from + index)
  return starts
}

/** The last of `found` (ascending) that a look-ahead stopper follows within `slice`, or -1. */
function confirmedCut(slice: string, found: number[]): number {
  let stopper = slice.length - 1
  while (stopper >= 0 && !STOPPER.test(slice[stopper]!)) stopper--
  for (let k = found.length - 1; k >= 0; k--) if (found[k]! <= stopper) return found[k]!
  return -1
}
