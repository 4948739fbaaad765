import {diffArrays} from 'diff'
import type {ChangeClass, Registry} from '../core/types.js'

/**
 * What an English edit does to its translations. `minor`: only punctuation,
 * letter case, white space, quote style or the spelling of one word (a small
 * edit distance) changed, so a translation stays right and can be accepted
 * as it is. `meaning`: a number, a negation, a name or any other word changed,
 * so the translation needs a look. When in doubt, `meaning`: a wrong `minor`
 * lets a bad translation through, a wrong `meaning` only costs a look.
 */

/** Quote and apostrophe variants, folded so that a change of quote style compares equal. */
const QUOTES = /[‘’‚‛′`´]/g

/** Words, with inner apostrophes (`don't`) and digits; everything else is punctuation or space. */
const WORD = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu

const NEGATIONS = new Set(['not', 'no', 'never', 'none', 'nor', 'neither', 'nobody', 'nothing', 'nowhere', 'without', 'cannot'])

const isNegation = (word: string): boolean => NEGATIONS.has(word) || word.endsWith("n't")

/** A prefix that turns a word into its opposite: `able` → `unable` is not a spelling fix. */
const NEGATING_PREFIX = /^(?:un|in|im|il|ir|non|dis|a)/

function words(text: string): Array<{word: string; start: number}> {
  const folded = text.replace(QUOTES, "'")
  return [...folded.matchAll(WORD)].map((m) => ({word: m[0].toLowerCase(), start: m.index}))
}

/** Damerau–Levenshtein (optimal string alignment) distance, stopping early above `limit`. */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  const x = Array.from(a)
  const y = Array.from(b)
  if (Math.abs(x.length - y.length) > limit) return limit + 1
  let before: number[] = []
  let previous = Array.from({length: y.length + 1}, (_, j) => j)
  for (let i = 1; i <= x.length; i++) {
    const row = [i]
    let best = i
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1
      let value = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost)
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) value = Math.min(value, before[j - 2]! + 1)
      row.push(value)
      best = Math.min(best, value)
    }
    if (best > limit) return limit + 1
    before = previous
    previous = row
  }
  return previous[y.length]!
}

/** A capitalised word that does not start a sentence is taken for a name. */
function isName(text: string, start: number): boolean {
  if (!/^\p{Lu}/u.test(text.slice(start))) return false
  const before = text.slice(0, start).replace(/[\s"'“”‘’«»([*_]+$/u, '')
  return before !== '' && !/[.!?:]$/.test(before)
}

/** Whether `before` → `after` is the spelling fix of one word. */
function isSpellingFix(before: string, after: string): boolean {
  if (/\p{N}/u.test(before + after) || isNegation(before) || isNegation(after)) return false
  const [short, long] = before.length <= after.length ? [before, after] : [after, before]
  if (NEGATING_PREFIX.test(long) && long.replace(NEGATING_PREFIX, '') === short) return false
  const length = Math.min(before.length, after.length)
  // Short words are other words after any change (`in` → `on`), except for letters swapped (`teh` → `the`).
  if (length <= 3) return before.length === after.length && [...before].sort().join('') === [...after].sort().join('') && editDistance(before, after, 1) <= 1
  const limit = length <= 5 ? 1 : 2
  return editDistance(before, after, limit) <= limit
}

/** Link and image destinations: a changed address is a changed reference, however small. */
const destinations = (text: string): string => [...text.matchAll(/\]\(([^)\s]*)/g)].map((m) => m[1]).join('\n')

export function classifyChange(before: string, after: string): ChangeClass {
  if (destinations(before) !== destinations(after)) return 'meaning'
  const a = words(before)
  const b = words(after)
  const parts = diffArrays(
    a.map((w) => w.word),
    b.map((w) => w.word)
  )
  // Where the changed words are in each text, for the name check.
  let i = 0
  let j = 0
  const replaced: {before?: {word: string; start: number}; after?: {word: string; start: number}; changes: number} = {changes: 0}
  for (const part of parts) {
    if (part.removed) [replaced.before, replaced.changes, i] = [a[i], replaced.changes + part.count, i + part.count]
    else if (part.added) [replaced.after, replaced.changes, j] = [b[j], replaced.changes + part.count, j + part.count]
    else [i, j] = [i + part.count, j + part.count]
  }
  if (replaced.changes === 0) return 'minor'
  // Exactly one word replaced by one word.
  const changed = parts.filter((part) => part.added || part.removed)
  if (changed.length !== 2 || replaced.changes !== 2 || !replaced.before || !replaced.after || parts.indexOf(changed[1]!) !== parts.indexOf(changed[0]!) + 1) return 'meaning'
  if (!isSpellingFix(replaced.before.word, replaced.after.word)) return 'meaning'
  if (isName(before.replace(QUOTES, "'"), replaced.before.start) || isName(after.replace(QUOTES, "'"), replaced.after.start)) return 'meaning'
  return 'minor'
}

/**
 * The class of the change from revision `from` of a segment's English to its
 * current text: `minor` only when every step is, each as recorded beside the
 * history (or worked out from the texts, for registries older than the
 * record); `meaning` when a text is unknown.
 */
export function changeSince(registry: Registry, id: string, from: number, current: {rev: number; text: string}): ChangeClass {
  if (from >= current.rev) return 'meaning'
  const history = Object.hasOwn(registry.history, id) ? registry.history[id]! : {}
  const recorded = registry.changes && Object.hasOwn(registry.changes, id) ? registry.changes[id]! : {}
  for (let rev = from; rev < current.rev; rev++) {
    const key = String(rev)
    let step = Object.hasOwn(recorded, key) ? recorded[key] : undefined
    if (step === undefined) {
      const text = Object.hasOwn(history, key) ? history[key] : undefined
      const next = rev + 1 === current.rev ? current.text : Object.hasOwn(history, String(rev + 1)) ? history[String(rev + 1)] : undefined
      step = text === undefined || next === undefined ? 'meaning' : classifyChange(text, next)
    }
    if (step === 'meaning') return 'meaning'
  }
  return 'minor'
}
