/**
 * Characters that change how text displays without showing themselves:
 * bidirectional controls (a U+202E in a translation reverses the rest of the
 * line, "Trojan Source"), invisible format characters, and control codes.
 * Translations are untrusted: QA reports these, and terminal output shows
 * them as `<U+202E>` so that a message cannot rewrite the line it is on.
 */

/** Embeddings, overrides and isolates (U+202A–202E, U+2066–2069): they reorder what follows. */
export const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/gu

/** Zero-width characters and marks, word joiner, byte-order mark; C0 and C1 controls (NUL included) but tab, line feed and carriage return. */
export const INVISIBLE = /[\u200b-\u200f\u2060\ufeff\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/gu

const NAMES: Record<number, string> = {
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x2060: 'WORD JOINER',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE (byte-order mark)',
  0x0000: 'NULL'
}

/** `U+202E`. */
export const codePoint = (char: string): string => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`

/** `U+202E (RIGHT-TO-LEFT OVERRIDE)`, or `U+0007 (control)`. */
export const describeCharacter = (char: string): string => `${codePoint(char)} (${NAMES[char.codePointAt(0)!] ?? 'control'})`

export interface HiddenCharacter {
  char: string
  /** Offset in the text (UTF-16 code units). */
  index: number
}

/** Every match of `pattern` (one of the two above) in `text`, in order. */
export function findHidden(text: string, pattern: RegExp): HiddenCharacter[] {
  const found: HiddenCharacter[] = []
  for (const match of text.matchAll(pattern)) found.push({char: match[0], index: match.index})
  return found
}

const ESCAPE = /[\u202a-\u202e\u2066-\u2069\u200b-\u200f\u2060\ufeff\u0000-\u0008\u000b-\u001f\u007f-\u009f]/gu

/** Text for a terminal: every character above except tab and line feed written as `<U+XXXX>`. */
export const escapeHidden = (text: string): string => text.replace(ESCAPE, (char) => `<${codePoint(char)}>`)
