import {hash} from 'node:crypto'

/** Short content hash of a segment text (12 hex digits: collisions are irrelevant at document scale). */
export function textHash(text: string): string {
  // The one-shot form: a book hashes every segment and translation, and a Hash object each costs three times as much.
  return hash('sha256', text, 'hex').slice(0, 12)
}

function bigrams(text: string): Map<string, number> {
  const normal = text
    .toLowerCase()
    .replace(/[\s*_`]+/g, ' ')
    .trim()
  const counts = new Map<string, number>()
  const chars = Array.from(normal)
  for (let i = 0; i < chars.length - 1; i++) {
    const gram = chars[i]! + chars[i + 1]!
    counts.set(gram, (counts.get(gram) ?? 0) + 1)
  }
  return counts
}

/**
 * Sørensen–Dice coefficient over character bigrams, 0 (nothing shared) to 1
 * (same text). Robust to typo fixes and local rewording, cheap enough to run
 * over every pair in a gap, and independent of word boundaries so it works for
 * CJK as well.
 */
export function similarity(a: string, b: string): number {
  if (a === b) return 1
  const x = bigrams(a)
  const y = bigrams(b)
  let sizeX = 0
  let sizeY = 0
  let shared = 0
  for (const n of x.values()) sizeX += n
  for (const [gram, n] of y) {
    sizeY += n
    shared += Math.min(n, x.get(gram) ?? 0)
  }
  return sizeX + sizeY === 0 ? 0 : (2 * shared) / (sizeX + sizeY)
}
