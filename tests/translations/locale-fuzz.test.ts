import fc from 'fast-check'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {describe, expect, it} from 'vitest'
import {RULES} from '../../src/core/rules.js'
import {parseLocale, type LocaleData} from '../../src/translations/locale.js'

/**
 * Fuzzing of the locale files (untrusted: edited by hand, by tools, merged
 * by git): for any text in any of the three files, `parseLocale` returns, or
 * stops with a message that has a catalogued rule ID and a place; never
 * another exception. What it returns holds every translation of the file.
 */

/** Strings a translator's tools or a bad merge put in JSON. */
const nasty = fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', '\ud800', '\udfff', '\u0000', '"', '\\', '\\u', '\\ud800', '\r\n', '😀', '', ' ')
const key = fc.oneof(nasty, fc.string({maxLength: 8}), fc.constantFrom('s1', 's2', 's3'))
const scalar = fc.oneof(fc.string({maxLength: 12}), nasty, fc.constantFrom(1e308, -0, 0, 2 ** 53 + 1, null, true, false), fc.double(), fc.integer())
const value = fc.letrec<{value: unknown}>((tie) => ({
  value: fc.oneof({depthSize: 'small'}, scalar, fc.array(tie('value'), {maxLength: 3}), fc.dictionary(key, tie('value'), {maxKeys: 3}))
})).value

/** Valid JSON of the three files' shapes, well-formed or nearly so. */
const wellFormed = fc.oneof(
  fc.dictionary(key, fc.oneof(fc.string(), nasty), {maxKeys: 6}).map((strings) => JSON.stringify(strings, null, 2)),
  fc
    .dictionary(key, fc.record({rev: fc.oneof(fc.integer(), value), source: fc.oneof(fc.string(), value), target: value, state: value}, {requiredKeys: []}), {maxKeys: 4})
    .map((segments) => JSON.stringify({format: 1, segments})),
  fc.dictionary(key, fc.record({source: value, translation: fc.oneof(fc.string(), value), state: value}, {requiredKeys: []}), {maxKeys: 4}).map((entries) => JSON.stringify(entries)),
  value.map((v) => JSON.stringify(v) ?? 'null')
)

/** Text no tool would write: huge numbers, deep arrays, duplicate keys, raw lone surrogates. */
const odd = fc.constantFrom(
  '{"s1": 1e999999}',
  '{"s1": -1e-999999}',
  `{"s1": ${'9'.repeat(400)}}`,
  `${'['.repeat(5000)}${']'.repeat(5000)}`,
  `{"s1": ${'['.repeat(5000)}${']'.repeat(5000)}}`,
  `{"segments": {"s1": ${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}}}`,
  '{"s1": "a", "s1": "b"}',
  '{"__proto__": "a", "__proto__": "b"}',
  '{"__proto__": {"translation": "x", "source": "y"}}',
  '{"s1": "\ud800"}',
  '{"\udc00": "x"}',
  '\ufeff{"s1": "x"}',
  '{"segments": {"__proto__": {"rev": 1, "source": "h"}}}',
  '{"s1": {"translation": "x", "source": {}}}',
  '{"s1": {"translation": "x", "source": []}}'
)

type Mutation = [kind: 'truncate' | 'insert' | 'delete' | 'duplicate', at: number, text: string]
const mutation = fc.tuple(
  fc.constantFrom('truncate', 'insert', 'delete', 'duplicate'),
  fc.nat(),
  fc.oneof(nasty, fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', '\n', 'null', '1e999'), fc.string({maxLength: 4}))
)

function mutate(text: string, mutations: Mutation[]): string {
  let out = text
  for (const [kind, at, piece] of mutations) {
    const i = out.length === 0 ? 0 : at % (out.length + 1)
    if (kind === 'truncate') out = out.slice(0, i)
    else if (kind === 'insert') out = out.slice(0, i) + piece + out.slice(i)
    else if (kind === 'delete') out = out.slice(0, i) + out.slice(i + 1 + (at % 7))
    else out = out.slice(0, i) + out.slice(i, i + 1 + (at % 11)) + out.slice(i)
  }
  return out
}

const text = fc.oneof(
  odd,
  wellFormed,
  fc.tuple(wellFormed, fc.array(mutation, {minLength: 1, maxLength: 4})).map(([t, m]) => mutate(t, m)),
  fc.string({unit: 'binary', maxLength: 40})
)
const slot = fc.constantFrom('strings', 'state', 'obsolete') as fc.Arbitrary<'strings' | 'state' | 'obsolete'>

/** The outcome: the data, or the message it stopped with (anything else fails the property). */
function parse(which: 'strings' | 'state' | 'obsolete', value: string): {data?: LocaleData; file: VFile} {
  const file = new VFile({path: `locales/ko/doc.${which === 'strings' ? '' : `${which}.`}json`, value})
  try {
    const data = parseLocale('ko', 'doc', {[which]: file})
    // Places are worked out lazily: reading them must not throw either.
    expect(data.places).toBeInstanceOf(Map)
    return {data, file}
  } catch (error) {
    if (!(error instanceof VFileMessage)) throw error
    expect(error.fatal).toBe(true)
    expect(Object.hasOwn(RULES, error.ruleId ?? ''), `rule \`${error.ruleId}\``).toBe(true)
    expect(error.place).toBeDefined()
    expect(file.messages).toContain(error)
    return {file}
  }
}

describe('parseLocale on random and mutated locale files (property)', () => {
  it('returns, or stops with a message that has a catalogued rule and a place', () => {
    fc.assert(
      fc.property(slot, text, (which, value) => {
        parse(which, value)
      }),
      {numRuns: 1500}
    )
  })

  it('keeps every translation of a translations file it accepts, `__proto__` and all', () => {
    fc.assert(
      fc.property(fc.oneof(wellFormed, odd), (value) => {
        const {data} = parse('strings', value)
        if (!data) return
        const written = JSON.parse(value.replace(/^\ufeff/, '')) as Record<string, unknown>
        expect(Object.keys(data.strings)).toEqual(Object.keys(written))
        for (const id of Object.keys(written)) expect(data.strings[id]).toBe(written[id])
      }),
      {numRuns: 500}
    )
  })
})

describe('what the fuzzing found', () => {
  it('JSON nested thousands deep is a message with its place, not a stack overflow', () => {
    for (const value of [`${'['.repeat(20_000)}${']'.repeat(20_000)}`, `{"s1": ${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}}`, `{"s1": "a", "s1": ${'['.repeat(20_000)}`]) {
      const {data, file} = parse('strings', value)
      expect(data).toBeUndefined()
      expect(file.messages[0]!.ruleId).toMatch(/^json-(syntax|duplicate-key)$/)
    }
    const {file} = parse('strings', `{"s1": ${'['.repeat(150)}${']'.repeat(150)}}`)
    expect(file.messages[0]!.reason).toBe('Unexpected JSON nested deeper than `100` levels, expected a flat file as Concord writes it; fix the file by hand or restore it from git')
    expect([file.messages[0]!.line, file.messages[0]!.column]).toEqual([1, 107])
  })

  it('an obsolete entry whose English is an object is a message, not a TypeError', () => {
    const {file} = parse('obsolete', '{"s1": {"source": {}, "translation": "x"}}')
    expect(file.messages.map((m) => [m.ruleId, m.reason])).toEqual([['locale-invalid', 'Unexpected obsolete entry `s1`, expected `{"source", "translation", "state"}`']])
  })
})
