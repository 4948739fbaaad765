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
  8234: 'LEFT-TO-RIGHT EMBEDDING',
  8235: 'RIGHT-TO-LEFT EMBEDDING',
  8236: 'POP DIRECTIONAL FORMATTING',
  8237: 'LEFT-TO-RIGHT OVERRIDE',
  8238: 'RIGHT-TO-LEFT OVERRIDE',
  8294: 'LEFT-TO-RIGHT ISOLATE',
  8295: 'RIGHT-TO-LEFT ISOLATE',
  8296: 'FIRST STRONG ISOLATE',
  8297: 'POP DIRECTIONAL ISOLATE',
  8203: 'ZERO WIDTH SPACE',
  8204: 'ZERO WIDTH NON-JOINER',
  8205: 'ZERO WIDTH JOINER',
  8206: 'LEFT-TO-RIGHT MARK',
  8207: 'RIGHT-TO-LEFT MARK',
  8288: 'WORD JOINER',
  65279: 'ZERO WIDTH NO-BREAK SPACE (byte-order mark)',
  0: 'NULL'
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
