/**
 * What the memory compares: the text as a reader sees it, case and spacing
 * aside. Markdown emphasis marks and spacing differences do not make a
 * sentence a different sentence for a translator.
 */
export function comparable(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[*_`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Character trigrams of a comparable text (code points, so CJK works), each once. */
export function trigrams(chars: readonly string[]): Set<string> {
  const grams = new Set<string>()
  if (chars.length < 3) {
    if (chars.length > 0) grams.add(chars.join(''))
    return grams
  }
  for (let i = 0; i + 2 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]! + chars[i + 2]!)
  return grams
}

/**
 * Levenshtein distance between two code point arrays, or `null` when it is
 * above `limit`. Only the diagonal band of width 2·limit+1 is computed
 * (Ukkonen), so scoring a candidate costs O(limit · length), not O(length²):
 * a 75% threshold bounds the limit to a quarter of the longer text.
 */
export function boundedDistance(a: readonly string[], b: readonly string[], limit: number): number | null {
  if (Math.abs(a.length - b.length) > limit) return null
  if (a.length === 0 || b.length === 0) return Math.max(a.length, b.length)
  const big = limit + 1
  let previous = new Array<number>(b.length + 1)
  let current = new Array<number>(b.length + 1)
  for (let j = 0; j <= b.length; j++) previous[j] = j <= limit ? j : big
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - limit)
    const to = Math.min(b.length, i + limit)
    current[from - 1] = from === 1 && i <= limit ? i : big
    let best = current[from - 1]!
    for (let j = from; j <= to; j++) {
      const substitute = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)
      const remove = (j <= i - 1 + limit ? previous[j]! : big) + 1
      const insert = current[j - 1]! + 1
      const value = Math.min(substitute, remove, insert, big)
      current[j] = value
      if (value < best) best = value
    }
    if (to < b.length) current[to + 1] = big
    if (best > limit) return null
    ;[previous, current] = [current, previous]
  }
  const distance = previous[b.length]!
  return distance > limit ? null : distance
}
