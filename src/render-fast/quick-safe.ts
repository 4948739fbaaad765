import type {ConstructName, SafeConfig, State, Unsafe} from 'mdast-util-to-markdown'

/**
 * Most text needs no escape: `safe` (fast-safe.ts) still collects matches
 * of every unsafe pattern and rebuilds the string. This finds "nothing to
 * escape" with the patterns in scope of the construct stack, prepared once
 * per stack, and leaves every other case to `safe`.
 */
interface Scope {
  /** Whether a text holds a character some pattern in scope is about. */
  any: RegExp
  /** The patterns in scope by the (ASCII) code of their character. */
  byCode: Array<Array<{expression: RegExp; before: boolean}> | undefined>
  /** Patterns that look at sibling nodes (or at characters beyond ASCII) are not ruled out here. */
  exotic: boolean
}

const inScope = (stack: ConstructName[], list: Unsafe['inConstruct'], none: boolean): boolean => {
  const names = typeof list === 'string' ? [list] : list
  return !names || names.length === 0 ? none : names.some((name) => stack.includes(name))
}

// Scopes by state, then by construct stack, one name per level: finding one allocates nothing.
interface Level {
  scope?: Scope
  next: Map<ConstructName, Level>
}

const scopes = new WeakMap<State, Level>()

function scopeOf(state: State): Scope {
  let level: Level | undefined = scopes.get(state)
  if (!level) scopes.set(state, (level = {next: new Map()}))
  for (const name of state.stack) {
    let next: Level | undefined = level.next.get(name)
    if (!next) level.next.set(name, (next = {next: new Map()}))
    level = next
  }
  return (level.scope ??= scopeFor(state))
}

function scopeFor(state: State): Scope {
  const patterns = state.unsafe.filter((p) => inScope(state.stack, p.inConstruct, true) && !inScope(state.stack, p.notInConstruct, false))
  const byCode: Scope['byCode'] = []
  for (const p of patterns) {
    // Copies of the compiled expressions: `safe` relies on theirs being left at `lastIndex` 0.
    const code = p.character.charCodeAt(0)
    ;(byCode[code] ??= []).push({expression: new RegExp(state.compilePattern(p).source, 'g'), before: Boolean(p.before || p.atBreak)})
  }
  const characters = patterns.map((p) => `\\u${p.character.charCodeAt(0).toString(16).padStart(4, '0')}`)
  return {
    any: new RegExp(characters.length ? `[${characters.join('')}]` : '[^\\s\\S]'),
    byCode,
    exotic: patterns.some((p) => p.beforeNode || p.afterNode || p.character.length !== 1 || p.character.charCodeAt(0) >= 128)
  }
}

/** Whether one of `patterns` matches with its character inside `[start, end)` of `subject`. */
function matchesInside(patterns: Array<{expression: RegExp; before: boolean}>, subject: string, start: number, end: number): boolean {
  for (const {expression, before} of patterns) {
    expression.lastIndex = 0
    let match: RegExpExecArray | null
    while ((match = expression.exec(subject))) {
      const position = match.index + (before ? match[1]!.length : 0)
      if (position >= start && position < end) {
        expression.lastIndex = 0
        return true
      }
    }
  }
  return false
}

// Characters of the current text already checked: `seen[code] === generation` (a counter saves clearing the table).
const seen = new Int32Array(128)
let generation = 0

/** `value` when `safe` would return it unchanged (no pattern in scope matches in it, no backslash to escape); otherwise `undefined`. */
export function quickSafe(state: State, value: string, config: SafeConfig): string | undefined {
  const after = config.after ?? ''
  if (value.includes('\\') || after.includes('\\')) return undefined
  const scope = scopeOf(state)
  if (!scope.any.test(value)) return value
  if (scope.exotic) return undefined
  generation = (generation + 1) | 0
  if (generation === 0) {
    seen.fill(0)
    generation = 1
  }
  const before = config.before ?? ''
  let subject: string | undefined
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i)
    const patterns = code < 128 ? scope.byCode[code] : undefined
    if (!patterns || seen[code] === generation) continue
    seen[code] = generation
    subject ??= before + value + after
    if (matchesInside(patterns, subject, before.length, before.length + value.length)) return undefined
  }
  return value
}
