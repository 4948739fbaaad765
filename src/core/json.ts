import {printParseErrorCode, visit, type ParseErrorCode} from 'jsonc-parser'
import type {VFile} from 'vfile'
import {failRule, type ErrorRuleId} from './rules.js'

export type JsonValue = string | number | boolean | null | JsonValue[] | {[key: string]: JsonValue}

export interface Place {
  line: number
  column: number
}

export interface ParsedJson {
  value: JsonValue
  /** Where each property starts, by its path (keys joined with `/`). */
  places: Map<string, Place>
}

/**
 * Strict JSON with positions. Objects have a null prototype so that a
 * `__proto__` key is plain data, never a prototype change; duplicate keys are
 * an error (plain `JSON.parse` silently keeps the last one, losing a
 * translation). Errors are fatal messages on `file`.
 *
 * Valid JSON without duplicate keys, the usual case, is read by the native
 * parser, ten times as fast as the positional one; positions are then only
 * worked out if something asks for them (to place a message).
 */
export function parseJson(text: string, file: VFile, ruleId: ErrorRuleId = 'json-syntax'): ParsedJson {
  const value = parseNative(text)
  if (value === undefined) return parseWithPlaces(text, file, ruleId)
  let places: Map<string, Place> | undefined
  return {
    value,
    get places() {
      return (places ??= parseWithPlaces(text, file, ruleId).places)
    }
  }
}

/** The value of valid JSON without duplicate keys; `undefined` for anything else, left to `parseWithPlaces` to report. */
function parseNative(text: string): JsonValue | undefined {
  let value: JsonValue
  try {
    value = JSON.parse(text) as JsonValue
  } catch {
    return undefined
  }
  const counter = {keys: 0}
  const result = withNullPrototypes(value, counter, 0)
  return result !== undefined && keysWritten(text) === counter.keys ? result : undefined
}

/**
 * How deep JSON may nest: Concord's own files nest three levels. A file of
 * thousands of `[` overflowed the stack (an internal error naming no file);
 * deeper is a message with its place.
 */
export const MAX_JSON_DEPTH = 100

/**
 * Keys written in valid JSON: strings followed by `:`. With no duplicate,
 * each one became a distinct property, so the counts match.
 */
function keysWritten(text: string): number {
  let count = 0
  for (let open = text.indexOf('"'); open !== -1; ) {
    let close = text.indexOf('"', open + 1)
    for (;;) {
      let backslashes = 0
      while (text.charCodeAt(close - 1 - backslashes) === 92) backslashes++
      if (backslashes % 2 === 0) break
      close = text.indexOf('"', close + 1)
    }
    let next = close + 1
    for (let c = text.charCodeAt(next); c === 32 || c === 9 || c === 10 || c === 13; c = text.charCodeAt(++next));
    if (text.charCodeAt(next) === 58) count++
    open = text.indexOf('"', next)
  }
  return count
}

/**
 * Give objects null prototypes, as `parseWithPlaces` makes them, counting
 * keys. In place: `JSON.parse` defines `__proto__` as an own key like any
 * other, so only the prototype has to go (copying a book's locale files
 * cost as much as parsing them).
 */
function withNullPrototypes(value: JsonValue, counter: {keys: number}, depth: number): JsonValue | undefined {
  if (typeof value !== 'object' || value === null) return value
  // Too deep: `undefined`, for `parseWithPlaces` to report where.
  if (depth >= MAX_JSON_DEPTH) return undefined
  if (Array.isArray(value)) {
    for (const item of value) if (withNullPrototypes(item, counter, depth + 1) === undefined) return undefined
    return value
  }
  Object.setPrototypeOf(value, null)
  const keys = Object.keys(value)
  counter.keys += keys.length
  for (const key of keys) {
    const item = value[key]!
    if (typeof item === 'object' && item !== null && withNullPrototypes(item, counter, depth + 1) === undefined) return undefined
  }
  return value
}

/** The positional parser (jsonc-parser): the reference, and the one that reports errors. */
export function parseWithPlaces(text: string, file: VFile, ruleId: ErrorRuleId = 'json-syntax'): ParsedJson {
  const places = new Map<string, Place>()
  const stack: Array<{container: JsonValue[] | Record<string, JsonValue>; path: string; key?: string}> = []
  let root: JsonValue | undefined
  let pendingKey: string | undefined
  const place = (line: number, character: number): Place => ({line: line + 1, column: character + 1})

  // Called on the way down, before the parser recurses further: deep nesting stops here, not with a stack overflow.
  const open = (line: number, character: number): void => {
    if (stack.length >= MAX_JSON_DEPTH) {
      failRule(
        file,
        ruleId,
        `Unexpected JSON nested deeper than \`${MAX_JSON_DEPTH}\` levels, expected a flat file as Concord writes it; fix the file by hand or restore it from git`,
        place(line, character)
      )
    }
  }
  const add = (value: JsonValue): string => {
    const top = stack[stack.length - 1]
    if (!top) {
      root = value
      return ''
    }
    if (Array.isArray(top.container)) {
      const path = `${top.path}/${top.container.length}`
      top.container.push(value)
      return path
    }
    const key = pendingKey!
    top.container[key] = value
    pendingKey = undefined
    return `${top.path}/${key}`
  }

  visit(
    text,
    {
      onObjectBegin: (_offset, _length, line, character) => {
        open(line, character)
        const container = Object.create(null) as Record<string, JsonValue>
        stack.push({container, path: add(container)})
      },
      onObjectProperty: (property, _offset, _length, line, character) => {
        const top = stack[stack.length - 1]!
        const container = top.container as Record<string, JsonValue>
        const at = place(line, character)
        if (Object.hasOwn(container, property)) {
          const first = places.get(`${top.path}/${property}`)
          failRule(file, 'json-duplicate-key', `Unexpected duplicate key \`${property}\` (first at line ${first?.line ?? '?'}), expected each key once; merge the two entries by hand`, at)
        }
        places.set(`${top.path}/${property}`, at)
        pendingKey = property
      },
      onObjectEnd: () => void stack.pop(),
      onArrayBegin: (_offset, _length, line, character) => {
        open(line, character)
        const container: JsonValue[] = []
        stack.push({container, path: add(container)})
      },
      onArrayEnd: () => void stack.pop(),
      onLiteralValue: (value: JsonValue) => void add(value),
      onError: (error: ParseErrorCode, _offset, _length, line, character) => {
        failRule(file, ruleId, `Unexpected JSON syntax (${printParseErrorCode(error)}), expected valid JSON; fix the file by hand or restore it from git`, place(line, character))
      }
    },
    {disallowComments: true, allowTrailingComma: false, allowEmptyContent: false}
  )
  if (root === undefined) {
    failRule(file, ruleId, 'Unexpected empty JSON file, expected a JSON object', {line: 1, column: 1})
  }
  return {value: root!, places}
}

export function isObject(value: JsonValue | undefined): value is {[key: string]: JsonValue} {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Deterministic JSON text for committed files: two-space indent, keys in
 * insertion order, trailing newline, and objects or arrays of plain values on
 * one line, so that a change to one segment is a one-line diff.
 */
export function stringifyJson(value: unknown): string {
  // Pieces pushed onto one list and joined once: a book's registry and state files hold tens of thousands of records, and
  // strings concatenated level by level left as many intermediate strings for the garbage collector to copy.
  const out: string[] = []
  format(value, '', out)
  out.push('\n')
  return out.join('')
}

const isPrimitive = (value: unknown): boolean => typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null

const keyText = (key: string): string => JSON.stringify(key) + ': '

function format(value: unknown, indent: string, out: string[]): void {
  if (typeof value !== 'object' || value === null) {
    out.push(JSON.stringify(value))
    return
  }
  const array = Array.isArray(value) ? (value as unknown[]) : undefined
  const record = value as Record<string, unknown>
  const keys = array ? undefined : Object.keys(record)
  const length = array ? array.length : keys!.length
  const open = array ? '[' : '{'
  const close = array ? ']' : '}'
  if (length === 0) {
    out.push(open + close)
    return
  }
  let flat = indent !== ''
  for (let i = 0; flat && i < length; i++) {
    const v = array ? array[i] : record[keys![i]!]
    flat = typeof v !== 'object' || v === null
  }
  if (flat) {
    // The native writer at a one-space indent, its line breaks turned into `, `: a raw line break is never inside a JSON
    // string, so each one is a separator (or follows the opening bracket, or precedes the closing one).
    out.push(open, JSON.stringify(value, null, 1).slice(3, -2).replaceAll(',\n ', ', '), close)
    return
  }
  // A top-level object of plain values (a registry's or a locale's strings) is what the native writer gives at a two-space indent, in a tenth of the time.
  if (indent === '' && !array && keys!.every((k) => isPrimitive(record[k]))) {
    out.push(JSON.stringify(value, null, 2))
    return
  }
  const inner = indent + '  '
  const separator = ',\n' + inner
  out.push(open, '\n', inner)
  for (let i = 0; i < length; i++) {
    if (i > 0) out.push(separator)
    if (array) format(array[i], inner, out)
    else {
      out.push(keyText(keys![i]!))
      format(record[keys![i]!], inner, out)
    }
  }
  out.push('\n', indent, close)
}
