/** The first character of a value, astral characters whole (as mdast-util-to-markdown reads its neighbours). */
export function firstCharacter(value: string): string {
  const code = value.codePointAt(0)
  return code === undefined ? '' : String.fromCodePoint(code)
}

/** The last character of a value, astral characters whole. */
export function lastCharacter(value: string): string {
  const code = value.codePointAt(value.length - 2)
  return code !== undefined && code > 0xffff ? value.slice(-2) : value.slice(-1)
}

/**
 * `\r\n` and a lone `\r` as `\n`. CommonMark reads all three as line endings,
 * but outputs copy code, HTML and front matter raw: a file saved with CRLF
 * would otherwise give outputs with mixed line endings.
 */
export const toLf = (text: string): string => (text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text)
