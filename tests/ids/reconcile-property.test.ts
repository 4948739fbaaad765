import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {parseMarkdown} from '../../src/markdown/parse.js'
import {emptyRegistry, reconcile} from '../../src/ids/reconcile.js'
import {parseRegistry, serializeRegistry} from '../../src/ids/registry.js'
import {segmentTree} from '../../src/segment/segment.js'
import {stringifyJson} from '../../src/core/json.js'
import type {Registry} from '../../src/core/types.js'

/** A document model: paragraphs of sentences, each sentence with a key that says "same sentence". */
type Sentence = {key: number; words: string[]}
type Doc = Sentence[][]

const pool = [
  'rights',
  'refugees',
  'coalition',
  'members',
  'meeting',
  'country',
  'border',
  'dialogue',
  'protection',
  'statement',
  'summit',
  'progress',
  'society',
  'duty',
  'location',
  'harmony'
]
let nextKey = 0
const sentenceArb = fc.array(fc.constantFrom(...pool), {minLength: 4, maxLength: 12}).map((words): Sentence => ({key: nextKey++, words}))
const paragraphArb = fc.array(sentenceArb, {minLength: 1, maxLength: 4})
const docArb = fc.array(paragraphArb, {minLength: 1, maxLength: 8})

/** The marker word makes every sentence unique, so "unchanged" is unambiguous. */
const sentenceText = (s: Sentence): string => `Item${s.key} ${s.words.join(' ')}.`

function render(doc: Doc, width: number): string {
  return (
    doc
      .map((p) => {
        const words = p.map(sentenceText).join(' ').split(' ')
        const lines: string[] = []
        let line = ''
        for (const word of words) {
          if (line && line.length + word.length + 1 > width) [lines[lines.length], line] = [line, word]
          else line = line ? `${line} ${word}` : word
        }
        lines.push(line)
        return lines.join('\n')
      })
      .join('\n\n') + '\n'
  )
}

function run(registry: Registry, markdown: string) {
  const file = new VFile({path: 'doc.md', value: markdown})
  const fresh = segmentTree(parseMarkdown(file).tree, markdown, {language: 'en'})
  const result = reconcile(registry, fresh)
  // Persist and read back, as `concord segment` does between runs.
  const {strings, meta} = serializeRegistry(result.registry)
  const persisted = parseRegistry('doc', new VFile({path: 'a.json', value: stringifyJson(strings)}), new VFile({path: 'b.json', value: stringifyJson(meta)}))
  return {result, persisted}
}

type Edit = {kind: 'insert' | 'delete' | 'move' | 'reword' | 'split'; a: number; b: number; para: Sentence[]}
const editArb = fc.record({kind: fc.constantFrom('insert', 'delete', 'move', 'reword', 'split'), a: fc.nat(), b: fc.nat(), para: paragraphArb}) as fc.Arbitrary<Edit>

function apply(doc: Doc, edit: Edit): Doc {
  const out = doc.map((p) => p.map((s) => ({...s, words: [...s.words]})))
  const i = edit.a % out.length
  if (edit.kind === 'insert') out.splice(edit.b % (out.length + 1), 0, edit.para)
  else if (edit.kind === 'delete' && out.length > 1) out.splice(i, 1)
  else if (edit.kind === 'move') out.splice(edit.b % out.length, 0, ...out.splice(i, 1))
  else if (edit.kind === 'reword') {
    const s = out[i]![edit.b % out[i]!.length]!
    s.words[edit.b % s.words.length] = 'improvement'
    s.key = -s.key - 1 // changed: no longer "the same sentence"
  } else if (edit.kind === 'split') {
    const p = out[i]!
    const s = p[edit.b % p.length]!
    if (s.words.length >= 6) {
      p.splice(p.indexOf(s), 1, {key: -s.key - 1, words: s.words.slice(0, 3)}, {key: nextKey++, words: s.words.slice(3)})
    }
  }
  return out
}

const idsByKey = (doc: Doc, registry: Registry): Map<number, string> => {
  const byText = new Map(registry.segments.map((e) => [e.text, e.id]))
  return new Map(doc.flat().map((s) => [s.key, byText.get(sentenceText(s))!]))
}

describe('reconcile properties', () => {
  it('unchanged sentences keep their IDs, IDs are never reused, and reconcile is idempotent', () => {
    fc.assert(
      fc.property(docArb, fc.array(editArb, {minLength: 1, maxLength: 6}), fc.integer({min: 20, max: 100}), (start, edits, width) => {
        let doc = start
        let {persisted: registry} = run(emptyRegistry('doc'), render(doc, 80))
        const everSeen = new Set(registry.segments.map((e) => e.id))
        for (const edit of edits) {
          const before = idsByKey(doc, registry)
          doc = apply(doc, edit)
          const {result, persisted} = run(registry, render(doc, width))
          const after = idsByKey(doc, persisted)
          for (const [key, id] of after) if (before.has(key)) expect(id).toBe(before.get(key))
          for (const id of result.added) expect(everSeen.has(id)).toBe(false)
          for (const id of result.added) everSeen.add(id)
          expect(new Set(persisted.segments.map((e) => e.id)).size).toBe(persisted.segments.length)
          registry = persisted
        }
        // Idempotent: a second run over the same text changes nothing.
        const again = run(registry, render(doc, width))
        expect(again.result.added).toEqual([])
        expect(again.result.changed).toEqual([])
        expect(again.result.retired).toEqual([])
        expect(serializeRegistry(again.persisted)).toEqual(serializeRegistry(registry))
      }),
      {numRuns: 150}
    )
  })

  it('reflowing a document changes nothing at all', () => {
    fc.assert(
      fc.property(docArb, fc.integer({min: 10, max: 120}), (doc, width) => {
        const {persisted} = run(emptyRegistry('doc'), render(doc, 80))
        const {result} = run(persisted, render(doc, width))
        expect(serializeRegistry(result.registry)).toEqual(serializeRegistry(persisted))
      }),
      {numRuns: 100}
    )
  })
})
