import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {fileOfParts} from '../../src/editions/align.js'
import {partsToBytes, toBytes} from '../../src/engine/durable-fs.js'

describe('a file given in parts', () => {
  it('encodes as its parts joined, whatever the text (a lone surrogate inside a part as U+FFFD)', () => {
    const part = fc.oneof(fc.string({unit: 'binary'}), fc.string({unit: 'grapheme'}), fc.constantFrom('', '\uD800', 'a\uDC00b', '한국어', '日本語'))
    fc.assert(
      fc.property(fc.array(part, {maxLength: 6}), (parts) => {
        // The writer's one rule: no part ends in the first half of a surrogate pair whose second half starts the next.
        fc.pre(!parts.some((text, i) => /[\uD800-\uDBFF]$/.test(text) && /^[\uDC00-\uDFFF]/.test(parts[i + 1] ?? '')))
        expect(partsToBytes(parts).equals(toBytes(parts.join('')))).toBe(true)
      })
    )
  })

  it('joins its parts only when its content is read, and once', () => {
    const parts = ['<head>', 'x'.repeat(1000), '</html>\n']
    const file = fileOfParts('en/doc.html', parts)
    expect(file.parts).toBe(parts)
    const content = file.content
    expect(content).toBe(parts.join(''))
    expect(file.content).toBe(content)
    expect({...file}.path).toBe('en/doc.html')
  })
})
