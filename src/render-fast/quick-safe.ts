import type {ConstructName, SafeConfig, State, Unsafe} from 'mdast-util-to-markdown'

/**
 * Most text needs no escape: `safe` (fast-safe.ts) still collects matches
 * of every unsafe pattern and rebuilds the string. This finds "nothing to
 * escape" with one expression for all the patterns in scope of the
 * construct stack, prepared once per stack, and leaves every other case to
 * `safe`.
 */
interface Scope {
  /** Whether a text holds a character some pattern in scope is about. */
  any: RegExp
  /**
   * Every pattern in scope at once, its context as lookbehind and lookahead:
   * one scan instead of one per pattern character. It matches wherever one
   * of `safe`'s expressions could put a character to escape, and more (those
   * scan without overlaps), so "no match" is safe's answer too.
   */
  all: RegExp
  /** Patterns that look at sibling nodes (or at characters beyond ASCII, or need Unicode mode) are not ruled out here. */
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
  const characters = patterns.map((p) => `\\u${p.character.charCodeAt(0).toString(16).padStart(4, '0')}`)
  // As compilePattern of mdast-util-to-markdown builds each pattern, with the context around the character zero-width.
  const alternatives = patterns.map((p) => {
    const before = (p.atBreak ? '[\\r\\n][\\t ]*' : '') + (p.before ? `(?:${p.before})` : '')
    const character = `\\u${p.character.charCodeAt(0).toString(16).padStart(4, '0')}`
    // The character first, so the expression only stops where one of them is: the context before is looked back at from after it.
    return character + (before ? `(?<=(?:${before})${character})` : '') + (p.after ? `(?=${p.after})` : '')
  })
  return {
    any: new RegExp(characters.length ? `[${characters.join('')}]` : '[^\\s\\S]'),
    all: new RegExp(alternatives.length ? alternatives.join('|') : '[^\\s\\S]', 'g'),
    exotic: patterns.some((p) => p.beforeNode || p.afterNode || p.unicode || p.character.length !== 1 || p.character.charCodeAt(0) >= 128)
  }
}

/** `value` when `safe` would return it unchanged (no pattern in scope matches in it, no backslash to escape); otherwise `undefined`. */
export function quickSafe(state: State, value: string, config: SafeConfig): string | undefined {
  const after = config.after ?? ''
  if (value.includes('\\') || after.includes('\\')) return undefined
  const scope = scopeOf(state)
  if (!scope.any.test(value)) return value
  if (scope.exotic) return undefined
  const before = config.before ?? ''
  const {all} = scope
  all.lastIndex = before.length
  const match = all.exec(before + value + after)
  all.lastIndex = 0
  return match && match.index < before.length + value.length ? undefined : value
}
