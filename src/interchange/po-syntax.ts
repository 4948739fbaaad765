/** gettext PO string syntax: C-style escapes, and lines folded the way gettext tools fold them. */

const ESCAPES: Record<string, string> = {'\\': '\\\\', '"': '\\"', '\n': '\\n', '\t': '\\t', '\r': '\\r', '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\v': '\\v'}
const UNESCAPES: Record<string, string> = {'\\': '\\', '"': '"', n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '?': '?', "'": "'"}

/** Escape a string for the inside of PO quotes; other control characters become octal escapes. */
export function escapePo(value: string): string {
  return value.replace(/[\\"\n\t\r\x00-\x1f\x7f]/g, (char) => ESCAPES[char] ?? `\\${char.charCodeAt(0).toString(8).padStart(3, '0')}`)
}

/** Gettext's default page width. */
export const PO_WIDTH = 79

const WIDE = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u

/** Columns a text takes in a terminal: East Asian wide characters take two, as gettext counts them. */
export function displayWidth(text: string): number {
  let width = 0
  for (const char of text) width += WIDE.test(char) ? 2 : 1
  return width
}

/**
 * `keyword "value"`, folded like msgcat: one line when it fits and has no
 * inner newline, otherwise `keyword ""` followed by lines broken after each
 * `\n` and after spaces. `prefix` is for `#| ` previous-string comments.
 */
export function poString(keyword: string, value: string, prefix = ''): string[] {
  const escaped = escapePo(value)
  const single = `${prefix}${keyword} "${escaped}"`
  const innerNewline = escaped.indexOf('\\n') !== -1 && escaped.indexOf('\\n') < escaped.length - 2
  if (displayWidth(single) <= PO_WIDTH && !innerNewline) return [single]
  const lines = [`${prefix}${keyword} ""`]
  const room = PO_WIDTH - displayWidth(prefix) - 2
  for (const piece of escaped.split(/(?<=\\n)/)) {
    // Break after a space, never inside an escape; a word longer than the room stays whole.
    let line = ''
    for (const word of piece.split(/(?<= )/)) {
      if (line !== '' && displayWidth(line) + displayWidth(word) > room) {
        lines.push(`${prefix}"${line}"`)
        line = ''
      }
      line += word
    }
    if (line !== '') lines.push(`${prefix}"${line}"`)
  }
  return lines
}

/**
 * Undo `escapePo` on the inside of one quoted PO string (from just after the
 * opening quote). Returns the value and the index of the closing quote, or an
 * error with the index where it happened.
 */
export function readPoString(line: string, start: number): {value: string; end: number} | {error: string; at: number} {
  let value = ''
  for (let i = start; i < line.length; i++) {
    const char = line[i]!
    if (char === '"') return {value, end: i}
    if (char !== '\\') {
      value += char
      continue
    }
    const next = line[i + 1]
    if (next === undefined) break
    if (Object.hasOwn(UNESCAPES, next)) {
      value += UNESCAPES[next]
      i++
    } else if (/[0-7]/.test(next)) {
      const digits = /^[0-7]{1,3}/.exec(line.slice(i + 1))![0]
      value += String.fromCharCode(parseInt(digits, 8))
      i += digits.length
    } else if (next === 'x' && /^[0-9a-fA-F]{1,2}/.test(line.slice(i + 2))) {
      const digits = /^[0-9a-fA-F]{1,2}/.exec(line.slice(i + 2))![0]
      value += String.fromCharCode(parseInt(digits, 16))
      i += 1 + digits.length
    } else {
      return {error: `Unexpected escape \`\\${next}\`, expected one of \`\\n\`, \`\\t\`, \`\\"\`, \`\\\\\`; write a backslash as \`\\\\\``, at: i}
    }
  }
  return {error: 'Unexpected end of line inside a string, expected a closing `"`; a string ends on its own line, continue on the next line with a new `"`', at: line.length}
}
