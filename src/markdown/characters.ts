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
