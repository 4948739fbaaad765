import {isUtf8} from 'node:buffer'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {invalidUtf8Offset} from '../../src/engine/io.js'

// readText asks Node's native check first and looks for the offending byte only when it fails:
// both must agree on what is UTF-8, or a file would pass (or fail) by which check ran.
describe('strict UTF-8', () => {
  const near = fc.constantFrom(0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff)
  it('finds a bad byte exactly when the native check rejects the bytes', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(near, fc.integer({min: 0, max: 255})), {maxLength: 12}), (list) => {
        const bytes = Uint8Array.from(list)
        expect(invalidUtf8Offset(bytes) === -1).toBe(isUtf8(bytes))
      }),
      {numRuns: 20000}
    )
  })

  it('accepts every scalar value and rejects encoded surrogates', () => {
    const text = fc.string({unit: 'grapheme', maxLength: 20})
    fc.assert(
      fc.property(text, (s) => {
        expect(invalidUtf8Offset(Buffer.from(s, 'utf8'))).toBe(-1)
      })
    )
    expect(invalidUtf8Offset(Uint8Array.from([0x61, 0xed, 0xa0, 0x80]))).toBe(1)
  })
})
