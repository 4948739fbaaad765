import type {Text} from 'mdast'
import {defaultHandlers, type ConstructName, type Handle, type SafeConfig, type State, type Unsafe} from 'mdast-util-to-markdown'

/**
 * Most text needs no escape: mdast-util-to-markdown's `safe` still runs
 * every unsafe pattern over it and rebuilds the string. This finds "nothing to
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
  /** `all` without the patterns that need a line ending (at a break, or around white space): for text on one line, most of it. */
  inline: RegExp
  /** Characters some pattern in scope is about, but for those that need a line ending. */
  anyInline: RegExp
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

// Contexts that only a line ending satisfies.
const LINE_ONLY = new Set(['[\\r\\n]', '\\r', '\\n'])

const needsLine = (p: Unsafe): boolean => Boolean(p.atBreak) || p.character === '\r' || p.character === '\n' || LINE_ONLY.has(p.before ?? '') || LINE_ONLY.has(p.after ?? '')

const code = (p: Unsafe): string => `\\u${p.character.charCodeAt(0).toString(16).padStart(4, '0')}`

// As compilePattern of mdast-util-to-markdown builds each pattern, with the context around the character zero-width.
function alternative(p: Unsafe): string {
  const before = (p.atBreak ? '[\\r\\n][\\t ]*' : '') + (p.before ? `(?:${p.before})` : '')
  // The character first, so the expression only stops where one of them is: the context before is looked back at from after it.
  return code(p) + (before ? `(?<=(?:${before})${code(p)})` : '') + (p.after ? `(?=${p.after})` : '')
}

const NOTHING = '[^\\s\\S]'
const either = (patterns: Unsafe[], flags = ''): RegExp => new RegExp(patterns.length ? patterns.map(alternative).join('|') : NOTHING, flags)
const anyOf = (patterns: Unsafe[]): RegExp => new RegExp(patterns.length ? `[${patterns.map(code).join('')}]` : NOTHING)

function scopeFor(state: State): Scope {
  const patterns = state.unsafe.filter((p) => inScope(state.stack, p.inConstruct, true) && !inScope(state.stack, p.notInConstruct, false))
  const inline = patterns.filter((p) => !needsLine(p))
  return {
    any: anyOf(patterns),
    all: either(patterns, 'g'),
    inline: either(inline, 'g'),
    anyInline: anyOf(inline),
    exotic: patterns.some((p) => p.beforeNode || p.afterNode || p.unicode || p.character.length !== 1 || p.character.charCodeAt(0) >= 128)
  }
}

const hasLineEnding = (text: string): boolean => text.includes('\n') || text.includes('\r')

/** `value` when `safe` would return it unchanged (no pattern in scope matches in it, no backslash to escape); otherwise `undefined`. */
export function quickSafe(state: State, value: string, config: SafeConfig): string | undefined {
  const after = config.after ?? ''
  if (value.includes('\\') || after.includes('\\')) return undefined
  const scope = scopeOf(state)
  if (!scope.any.test(value)) return value
  if (scope.exotic) return undefined
  const before = config.before ?? ''
  // Without a line ending anywhere, the patterns that need one cannot match.
  const lines = hasLineEnding(value) || hasLineEnding(before) || hasLineEnding(after)
  if (!lines && !scope.anyInline.test(value)) return value
  const expression = lines ? scope.all : scope.inline
  expression.lastIndex = before.length
  const match = expression.exec(before + value + after)
  expression.lastIndex = 0
  return match && match.index < before.length + value.length ? undefined : value
}

/**
 * `state.safe`, after the prefilter above: most text has nothing
 * to escape, which one expression per construct stack tells far faster
 * than `safe`'s scan of every unsafe pattern. Anything the prefilter cannot
 * vouch for goes to `state.safe` itself.
 */
export function safeValue(state: State, value: string, config: SafeConfig): string {
  return quickSafe(state, value, config) ?? state.safe(value, config)
}

/** The stock `text` handler after the same prefilter: pass it as `handlers: {text}` to remark-stringify. */
export const text: Handle = (node: Text, parent, state, info) => {
  // The stock handler also tells `safe` the sibling nodes; quickSafe gives up when a pattern in scope looks at them.
  return quickSafe(state, node.value, info) ?? defaultHandlers.text(node, parent, state, info)
}

/** The serialiser options segment texts and editions share: the markers they are written with. */
export const STRINGIFY_OPTIONS = {bullet: '-', emphasis: '*', strong: '*', fence: '`'} as const
