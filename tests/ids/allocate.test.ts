import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {allocateId, IdAllocator} from '../../src/ids/allocate.js'
import {emptyRegistry, reconcile} from '../../src/ids/reconcile.js'
import type {SourceSegment} from '../../src/core/types.js'

/** IDs as before the allocator: every text searched from counter 0 against a growing set. */
function reference(document: string, texts: string[], taken: Iterable<string> = []): string[] {
  const used = new Set(taken)
  return texts.map((text) => {
    const id = allocateId(document, text, (candidate) => used.has(candidate))
    used.add(id)
    return id
  })
}

function allocated(document: string, texts: string[], taken: Iterable<string> = []): {ids: string[]; hashes: number} {
  const used = new Set(taken)
  const allocator = new IdAllocator(document, (candidate) => used.has(candidate))
  const ids = texts.map((text) => {
    const id = allocator.allocate(text)
    used.add(id)
    return id
  })
  return {ids, hashes: allocator.hashes}
}

const segment = (text: string, block: number): SourceSegment => ({text, kind: 'paragraph', block, depth: 0, line: block * 2 + 1, column: 3})

describe('ID allocation', () => {
  it('gives 600 equal list items the IDs of the old search, with one hash each', () => {
    const texts = Array.from({length: 600}, () => 'Yes.')
    const {ids, hashes} = allocated('doc', texts)
    expect(ids).toEqual(reference('doc', texts))
    expect(new Set(ids).size).toBe(600)
    // The old search hashed 1 + 2 + … + 600 = 180,300 candidates; collisions with other texts' IDs are rare.
    expect(hashes).toBeLessThan(610)
  })

  it('keeps the same IDs for mixed, repeated texts and IDs taken before (property)', () => {
    const text = fc.constantFrom('Yes.', 'No.', 'Maybe.', 'A longer sentence here.', '')
    const taken = fc.array(fc.constantFrom('Yes.', 'No.', 'Other.'), {maxLength: 20})
    fc.assert(
      fc.property(fc.array(text, {maxLength: 80}), taken, (texts, before) => {
        const previous = reference('doc', before)
        expect(allocated('doc', texts, previous).ids).toEqual(reference('doc', texts, previous))
      }),
      {numRuns: 200}
    )
  })

  it('reconciles 3,000 equal list items into the IDs the old search gave', () => {
    const fresh = Array.from({length: 3000}, (_, i) => segment('Yes.', i))
    const result = reconcile(emptyRegistry('doc'), fresh)
    const ids = result.segments.map((s) => s.id)
    // The first 400 against the old search (all 3,000 would take it 4.5 million hashes).
    expect(ids.slice(0, 400)).toEqual(
      reference(
        'doc',
        fresh.slice(0, 400).map((s) => s.text)
      )
    )
    expect(new Set(ids).size).toBe(3000)
    expect(result.added).toEqual(ids)
  })

  it('continues a registry that already holds equal texts', () => {
    const first = reconcile(
      emptyRegistry('doc'),
      Array.from({length: 50}, (_, i) => segment('Yes.', i))
    )
    const next = reconcile(
      first.registry,
      Array.from({length: 80}, (_, i) => segment('Yes.', i))
    )
    const kept = next.segments.slice(0, 50).map((s) => s.id)
    expect(kept).toEqual(first.segments.map((s) => s.id))
    const taken = [...kept, ...Object.keys(first.registry.retired)]
    expect(next.added).toEqual(
      reference(
        'doc',
        Array.from({length: 30}, () => 'Yes.'),
        taken
      )
    )
  })
})
