import type {Nodes} from 'mdast'
import {defaultHandlers, type ConstructName, type Handle, type SafeConfig, type State, type Unsafe} from 'mdast-util-to-markdown'
import {classifyCharacter} from 'micromark-util-classify-character'

/**
 * `safe` of mdast-util-to-markdown 2 (MIT, Titus Wormer), made fast for
 * segment-sized strings: the original runs every one of its ~75 unsafe
 * patterns as a regex over every text, and serialising a sentence costs a
 * fraction of a millisecond, which adds up to seconds for a book. A pattern
 * can only match where its `character` occurs, so patterns whose character
 * is absent from the value are skipped; everything else is the original
 * algorithm, so the output is the same string (tests/inline-fast.test.ts
 * compares both over random inline Markdown).
 */
const own = {}.hasOwnProperty

/** Which ASCII characters the value holds: `seen[code] === generation` (a counter saves clearing the table). */
const seen = new Int32Array(128)
let generation = 0

const holds = (value: string, character: string): boolean => {
  const code = character.charCodeAt(0)
  return character.length === 1 && code < 128 ? seen[code] === generation : value.includes(character)
}

export function fastSafe(state: State, input: string | null | undefined, config: SafeConfig): string {
  const value = (config.before || '') + (input || '') + (config.after || '')
  const positions: number[] = []
  const result: string[] = []
  const infos: Record<number, {before: boolean; after: boolean}> = {}
  // Character escapes and references do not work in autolinks, so percent-encoding is used instead.
  const percentEncode = state.stack.includes('autolink')
  const offset = config.before ? config.before.length : 0
  const end = value.length - (config.after ? config.after.length : 0)

  generation = (generation + 1) | 0
  if (generation === 0) {
    seen.fill(0)
    generation = 1
  }
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i)
    if (code < 128) seen[code] = generation
  }
  for (const pattern of state.unsafe) {
    if (!holds(value, pattern.character)) continue
    if (!patternInScope(state.stack, pattern) || !nodeInScope(pattern.beforeNode, config.beforeNode) || !nodeInScope(pattern.afterNode, config.afterNode)) continue
    const expression = state.compilePattern(pattern)
    const from = pattern.beforeNode ? offset : 0
    const subject = value.slice(from, pattern.afterNode ? end : undefined)
    let match: RegExpExecArray | null
    while ((match = expression.exec(subject))) {
      const before = Boolean(pattern.before || pattern.atBreak)
      const after = Boolean(pattern.after)
      const position = from + match.index + (before ? match[1]!.length : 0)
      if (own.call(infos, position)) {
        if (infos[position]!.before && !before) infos[position]!.before = false
        if (infos[position]!.after && !after) infos[position]!.after = false
      } else {
        positions.push(position)
        infos[position] = {before, after}
      }
    }
  }

  positions.sort((a, b) => a - b)
  let start = offset
  for (let index = 0; index < positions.length; index++) {
    const position = positions[index]!
    if (position < start || position >= end) continue
    // “Intraword” underscores (`a_b`, `a__b`) cannot form attention, unlike asterisks.
    if (
      value.charAt(position) === '_' &&
      position > 0 &&
      classifyCharacter(value.charCodeAt(position - 1)) === undefined &&
      !own.call(infos, position - 1) &&
      !(position - 1 === offset && /[*_]/.test(value.charAt(offset - 1)))
    ) {
      let sequenceEnd = position + 1
      while (sequenceEnd < end && value.charAt(sequenceEnd) === '_') sequenceEnd++
      const skip = sequenceEnd - position - 1
      if (
        positions[index + skip] === sequenceEnd - 1 &&
        sequenceEnd < value.length &&
        classifyCharacter(value.charCodeAt(sequenceEnd)) === undefined &&
        !own.call(infos, sequenceEnd) &&
        !(sequenceEnd === end - 1 && /[*_]/.test(value.charAt(end)))
      ) {
        index += skip
        continue
      }
    }
    // An escape that depends on the next (or previous) character is not needed when that one is escaped anyway.
    if (
      (position + 1 < end && positions[index + 1] === position + 1 && infos[position]!.after && !infos[position + 1]!.before && !infos[position + 1]!.after) ||
      (position - 1 >= offset && positions[index - 1] === position - 1 && infos[position]!.before && !infos[position - 1]!.before && !infos[position - 1]!.after)
    ) {
      continue
    }
    if (start !== position) {
      const slice = value.slice(start, position)
      result.push(percentEncode ? slice : escapeBackslashes(slice, '\\'))
    }
    start = position + 1
    if (percentEncode) {
      result.push('%' + value.charCodeAt(position).toString(16).toUpperCase().padStart(2, '0'))
    } else if (/[!-/:-@[-`{-~]/.test(value.charAt(position)) && (!config.encode || !config.encode.includes(value.charAt(position)))) {
      result.push('\\' + value.charAt(position))
    } else {
      result.push('&#x' + value.charCodeAt(position).toString(16).toUpperCase() + ';')
    }
  }
  const rest = value.slice(start, end)
  result.push(percentEncode ? rest : escapeBackslashes(rest, config.after))
  return result.join('')
}

function patternInScope(stack: ConstructName[], pattern: Unsafe): boolean {
  return listInScope(stack, pattern.inConstruct, true) && !listInScope(stack, pattern.notInConstruct, false)
}

function listInScope(stack: ConstructName[], list: Unsafe['inConstruct'], none: boolean): boolean {
  const names = typeof list === 'string' ? [list] : list
  if (!names || names.length === 0) return none
  return names.some((name) => stack.includes(name))
}

function nodeInScope(types: Unsafe['beforeNode'], node: Nodes | undefined): boolean {
  if (!types) return true
  if (!node) return false
  return typeof types === 'string' ? types === node.type : types.includes(node.type)
}

/** A backslash before ASCII punctuation would escape it: escape the backslash. */
function escapeBackslashes(value: string, after: string): string {
  const expression = /\\(?=[!-/:-@[-`{-~])/g
  const positions: number[] = []
  const results: string[] = []
  const whole = value + after
  let start = 0
  let match: RegExpExecArray | null
  while ((match = expression.exec(whole))) positions.push(match.index)
  for (const position of positions) {
    if (start !== position) results.push(value.slice(start, position))
    results.push('\\')
    start = position
  }
  results.push(value.slice(start))
  return results.join('')
}

/**
 * The stock root handler, with the serialiser's `safe` swapped for the same
 * algorithm made fast: pass it as `handlers: {root: fastRoot}` to
 * remark-stringify (no extension in use here handles `root`).
 */
export const fastRoot: Handle = (node, parent, state, info) => {
  state.safe = function (this: State, value, config) {
    return fastSafe(this, value, config)
  }
  return defaultHandlers.root(node, parent, state, info)
}
