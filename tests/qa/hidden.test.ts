import {describe, expect, it} from 'vitest'
import {checkHidden, checkSegment, RULES, type SegmentPair} from '../../src/qa/index.js'
import {escapeHidden} from '../../src/core/hidden-characters.js'

const pair = (source: string, target: string): SegmentPair => ({id: 'sabc123', kind: 'paragraph', source, target, language: 'ko', place: {line: 7, column: 3}})
const context = {glossary: null, allowIdentical: []}

describe('bidi-control and invisible-character', () => {
  it('reports a right-to-left override as an error, with the character shown, not raw', () => {
    const [message, ...rest] = checkHidden(pair('Refugees are protected.', '난민은 \u202E보호된다.'))
    expect(rest).toEqual([])
    expect(message!.ruleId).toBe('bidi-control')
    expect(message!.fatal).toBe(true)
    expect(message!.reason).toBe(
      'Unexpected bidirectional control `U+202E (RIGHT-TO-LEFT OVERRIDE)` in the ko translation of `sabc123` at `난민은 <U+202E>보호된다.` (character 5), expected none: it reorders how the text displays; remove it'
    )
    expect(message!.reason).not.toMatch(/[\u202a-\u202e]/)
  })

  it.each(['\u202A', '\u202B', '\u202C', '\u202D', '\u2066', '\u2067', '\u2068', '\u2069'])('finds bidi control %j', (char) => {
    expect(checkSegment(pair('Yes.', `예${char}.`), context).map((m) => m.ruleId)).toContain('bidi-control')
  })

  it.each(['\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u2060', '\uFEFF', '\u0000', '\u0007', '\u001B', '\u0085', '\u009B'])(
    'warns about invisible character or control %j',
    (char) => {
      const messages = checkSegment(pair('Yes.', `예${char}.`), context).filter((m) => m.ruleId === 'invisible-character')
      expect(messages).toHaveLength(1)
      expect(messages[0]!.fatal).toBe(false)
    }
  )

  it('leaves tabs and line breaks to the whitespace rules, and a joiner the English has too', () => {
    expect(checkHidden(pair('Yes.', '예\t예\n예.'))).toEqual([])
    expect(checkHidden(pair('Family 👨\u200D👩.', '가족 👨\u200D👩.'))).toEqual([])
  })

  it('reports at most three of each per translation', () => {
    expect(checkHidden(pair('Yes.', '\u202E'.repeat(1000) + '\u200B'.repeat(1000)))).toHaveLength(6)
  })

  it('declares both rules with their severities', () => {
    expect(RULES['bidi-control'].severity).toBe('error')
    expect(RULES['invisible-character'].severity).toBe('warning')
  })

  it('escapes hidden characters for the terminal, keeping tabs and line feeds', () => {
    expect(escapeHidden('a\u202Eb\u0000c\td\ne\rf\u001B[2J')).toBe('a<U+202E>b<U+0000>c\td\ne<U+000D>f<U+001B>[2J')
  })
})
