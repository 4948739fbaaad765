import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {parseJson, parseWithPlaces, stringifyJson, type JsonValue} from '../../src/core/json.js'

const file = (): VFile => new VFile({path: 'x.json'})

/** Every object in `value` has a null prototype. */
function nullPrototypes(value: JsonValue): boolean {
  if (typeof value !== 'object' || value === null) return true
  if (Array.isArray(value)) return value.every(nullPrototypes)
  return Object.getPrototypeOf(value) === null && Object.values(value).every(nullPrototypes)
}

const keyArb = fc.oneof(fc.string({maxLength: 6}), fc.constantFrom('__proto__', 'constructor', 'toString', '1', '01', '-1', 'a"b', 'a\\b', 'é', '日本'))
const valueArb: fc.Arbitrary<JsonValue> = fc.letrec<{value: JsonValue}>((tie) => ({
  value: fc.oneof(
    {depthSize: 'small', withCrossShrink: true},
    fc.string({maxLength: 8}),
    fc.integer(),
    fc.double({noNaN: true, noDefaultInfinity: true}),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), {maxLength: 4}),
    fc.array(fc.tuple(keyArb, tie('value')), {maxLength: 4}).map((entries) => {
      const object: Record<string, JsonValue> = Object.create(null)
      for (const [k, v] of entries) object[k] = v
      return object
    })
  )
})).value

describe('parseJson through the native parser', () => {
  it('gives the positional parser’s value and places for any JSON, compact or indented', () => {
    fc.assert(
      fc.property(valueArb, fc.boolean(), (value, pretty) => {
        const text = pretty ? stringifyJson(value) : JSON.stringify(value)
        const fast = parseJson(text, file())
        const slow = parseWithPlaces(text, file())
        expect(fast.value).toEqual(slow.value)
        expect(Object.keys(fast.value ?? {})).toEqual(Object.keys(slow.value ?? {}))
        expect(nullPrototypes(fast.value)).toBe(true)
        expect([...fast.places]).toEqual([...slow.places])
      }),
      {numRuns: 1500}
    )
  })

  it('still rejects duplicate keys, naming the second one, at any depth', () => {
    const texts = ['{"a": 1, "a": 2}', '{"x": {"b": "1", "c": 2, "b": 3}}', '[{"k": 1}, {"k": 2, "k": 3}]', '{"__proto__": 1, "__proto__": 2}', '{"a\\u0062": 1, "ab": 2}']
    for (const text of texts) {
      expect(() => parseJson(text, file())).toThrow(/duplicate key/)
      let fast = ''
      let slow = ''
      try {
        parseJson(text, file())
      } catch (error) {
        fast = String(error)
      }
      try {
        parseWithPlaces(text, file())
      } catch (error) {
        slow = String(error)
      }
      expect(fast).toBe(slow)
    }
  })

  it('reports invalid JSON exactly as before', () => {
    for (const text of ['{"a": 1,}', '{"a": 1} // c', '', '{"a": "\u0001"}', '[1 2]', '{"a"}']) {
      const messages = [parseJson, parseWithPlaces].map((parse) => {
        try {
          parse(text, file())
          return 'parsed'
        } catch (error) {
          return String(error)
        }
      })
      expect(messages[0]).toBe(messages[1])
    }
  })
})

describe('stringifyJson', () => {
  // A registry's and a locale's strings are written by the native writer: it must give the committed format byte for byte.
  it('writes a top-level object of plain values one entry a line at a two-space indent', () => {
    const primitive = fc.oneof(
      fc.string({maxLength: 8}),
      fc.string({unit: 'binary', maxLength: 4}),
      fc.integer(),
      fc.double({noNaN: true, noDefaultInfinity: true}),
      fc.boolean(),
      fc.constant(null)
    )
    fc.assert(
      fc.property(fc.array(fc.tuple(keyArb, primitive), {maxLength: 6}), (entries) => {
        const object: Record<string, JsonValue> = Object.create(null)
        for (const [k, v] of entries) object[k] = v
        const lines = Object.keys(object).map((k) => `  ${JSON.stringify(k)}: ${JSON.stringify(object[k])}`)
        expect(stringifyJson(object)).toBe(lines.length ? `{\n${lines.join(',\n')}\n}\n` : '{}\n')
      }),
      {numRuns: 1000}
    )
  })

  it('writes nested objects and arrays of plain values on one line', () => {
    expect(stringifyJson({format: 1, segments: {a: {rev: 1, hash: 'x"y'}, b: [1, 'z']}, empty: {}})).toBe(
      '{\n  "format": 1,\n  "segments": {\n    "a": {"rev": 1, "hash": "x\\"y"},\n    "b": [1, "z"]\n  },\n  "empty": {}\n}\n'
    )
  })
})
