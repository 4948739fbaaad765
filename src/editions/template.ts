/**
 * A rendered string with placeholders, split once so that filling it in is
 * concatenation: `strings[0] + value(holes[0]) + strings[1] + ...`.
 */
export interface Template {
  strings: string[]
  holes: string[]
}

/** Split `text` at each match of `placeholders` (a global expression with one capturing group around the whole placeholder). */
export function template(text: string, placeholders: RegExp): Template {
  const parts = text.split(placeholders)
  return {strings: parts.filter((_, i) => i % 2 === 0), holes: parts.filter((_, i) => i % 2 === 1)}
}

export function fill(template: Template, value: (hole: string) => string): string {
  const {strings, holes} = template
  let out = strings[0]!
  for (let i = 0; i < holes.length; i++) out += value(holes[i]!) + strings[i + 1]!
  return out
}
