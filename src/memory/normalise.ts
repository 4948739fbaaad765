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
