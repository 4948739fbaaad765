import type {ConstructName, SafeConfig, State, Unsafe} from 'mdast-util-to-markdown'

/**
 * Most text needs no escape: `safe` (fast-safe.ts) still collects matches
 * of every unsafe pattern and rebuilds the string. This finds "nothing to
 * escape" with the patterns in scope of the construct stack, prepared once
 * per stack, and leaves every other case to `safe`.
 */
interface Scope {
  /** Any character a pattern in scope is about. */
  characters: RegExp
  /** The patterns in scope by their character. */
  patterns: Map<string, Array<{expression: RegExp; before: boolean}>>
  /** Patterns that look at sibling nodes cannot be ruled out from the text. */
  exotic: boolean
}

const inScope = (stack: ConstructName[], list: Unsafe['inConstruct'], none: boolean): boolean => {
  const names = typeof list === 'string' ? [list] : list
  return !names || names.length === 0 ? none : names.some((name) => stack.includes(name))
}

const scopes = new WeakMap<State, Map<string, Scope>>()
// The scope of the last stack seen: consecutive texts are mostly in the same place.
let last: {state: State; stack: ConstructName[]; scope: Scope} | undefined

const sameStack = (a: ConstructName[], b: ConstructName[]): boolean => a.length === b.length && a.every((name, i) => name === b[i])

function scopeOf(state: State): Scope {
  if (last && last.state === state && sameStack(last.stack, state.stack)) return last.scope
  let byStack = scopes.get(state)
  if (!byStack) scopes.set(state, (byStack = new Map()))
  const key = state.stack.join(' ')
  let scope = byStack.get(key)
  if (!scope) {
    const inStack = state.unsafe.filter((p) => inScope(state.stack, p.inConstruct, true) && !inScope(state.stack, p.notInConstruct, false))
    const patterns = new Map<string, Array<{expression: RegExp; before: boolean}>>()
    for (const p of inStack) {
      // Copies of the compiled expressions: `safe` relies on theirs being left at `lastIndex` 0.
      const entry = {expression: new RegExp(state.compilePattern(p).source, 'g'), before: Boolean(p.before || p.atBreak)}
      patterns.set(p.character, [...(patterns.get(p.character) ?? []), entry])
    }
    const characters = [...patterns.keys()].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    scope = {characters: new RegExp(characters.length ? `[${characters.join('')}]` : '[^\\s\\S]', 'g'), patterns, exotic: inStack.some((p) => p.beforeNode || p.afterNode)}
    byStack.set(key, scope)
  }
  last = {state, stack: [...state.stack], scope}
  return scope
}

/** Whether a pattern for `character` matches with its character inside `value` (between `before` and `after`). */
function matchesInside(scope: Scope, character: string, before: string, value: string, after: string): boolean {
  const subject = before + value + after
  const end = before.length + value.length
  for (const {expression, before: hasBefore} of scope.patterns.get(character)!) {
    expression.lastIndex = 0
    let match: RegExpExecArray | null
    while ((match = expression.exec(subject))) {
      const position = match.index + (hasBefore ? match[1]!.length : 0)
      if (position >= before.length && position < end) {
        expression.lastIndex = 0
        return true
      }
    }
  }
  return false
}

/** `value` when `safe` would return it unchanged (no pattern in scope matches in it, no backslash to escape); otherwise `undefined`. */
export function quickSafe(state: State, value: string, config: SafeConfig): string | undefined {
  const after = config.after ?? ''
  if (value.includes('\\') || after.includes('\\')) return undefined
  const scope = scopeOf(state)
  const {characters} = scope
  characters.lastIndex = 0
  let found = characters.exec(value)
  if (!found) return value
  if (scope.exotic) return undefined
  const seen = new Set<string>()
  const before = config.before ?? ''
  for (; found; found = characters.exec(value)) {
    const character = found[0]
    if (seen.has(character)) continue
    seen.add(character)
    if (matchesInside(scope, character, before, value, after)) {
      characters.lastIndex = 0
      return undefined
    }
  }
  return value
}
