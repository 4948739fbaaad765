/**
 * Front matter segments (`meta`): IDs kept by field, never taken from the
 * body (the title reads like the top heading), revisions on change, and
 * editor's notes attached to the one sentence holding their `at` words.
 */
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {segmentDocument} from '../../src/ids/document.js'
import {emptyRegistry} from '../../src/ids/reconcile.js'
import type {Registry} from '../../src/core/types.js'

const markdown = (front: string, body = '# Joint Statement\n\nHuman rights matter. They were held in Japan.\n'): string => `---\n${front}\n---\n\n${body}`

function run(source: string, registry: Registry = emptyRegistry('doc')) {
  return segmentDocument(new VFile({path: 'content/doc.md', value: source}), registry, {sourceLanguage: 'en'})
}

describe('front matter segments', () => {
  it('come first, with their fields, and the title does not take the ID of the heading that reads the same', () => {
    const first = run(markdown('title: "Joint Statement"\nauthor: "The Coalition"\nkeywords: [rights, refugees]'))
    const meta = first.document.segments.filter((s) => s.kind === 'meta')
    expect(meta.map((s) => [s.field, s.text])).toEqual([
      ['title', 'Joint Statement'],
      ['author', 'The Coalition'],
      ['keywords.0', 'rights'],
      ['keywords.1', 'refugees']
    ])
    expect(first.document.segments.slice(0, 4).every((s) => s.kind === 'meta')).toBe(true)
    const heading = first.document.segments.find((s) => s.kind === 'heading')!
    // Now a registry with the body only (as before meta segments existed): the heading keeps its ID.
    const bodyOnly = {...first.registry, segments: first.registry.segments.filter((e) => e.kind !== 'meta')}
    const again = run(markdown('title: "Joint Statement"\nauthor: "The Coalition"\nkeywords: [rights, refugees]'), bodyOnly)
    expect(again.document.segments.find((s) => s.kind === 'heading')!.id).toBe(heading.id)
    expect(again.document.segments.find((s) => s.field === 'title')!.id).not.toBe(heading.id)
  })

  it('keep their IDs by field: a changed value is a new revision, reordered keywords keep theirs, a removed field is retired for good', () => {
    const first = run(markdown('title: "Joint Statement"\nauthor: "The Coalition"\nkeywords: [rights, refugees]'))
    const ids = Object.fromEntries(first.document.segments.filter((s) => s.kind === 'meta').map((s) => [s.field, s.id]))
    const second = run(markdown('title: "The Joint Statement"\nkeywords: [refugees, rights]'), first.registry)
    const byField = Object.fromEntries(second.document.segments.filter((s) => s.kind === 'meta').map((s) => [s.field, s]))
    expect(byField.title!.id).toBe(ids.title)
    expect(byField.title!.rev).toBe(2)
    expect(second.registry.history[ids.title!]).toEqual({1: 'Joint Statement'})
    expect(byField['keywords.0']!.id).toBe(ids['keywords.1'])
    expect(byField['keywords.1']!.id).toBe(ids['keywords.0'])
    expect(second.retired).toEqual([ids.author])
    const third = run(markdown('title: "The Joint Statement"\nauthor: "The Coalition"\nkeywords: [refugees, rights]'), second.registry)
    expect(third.document.segments.find((s) => s.field === 'author')!.id).not.toBe(ids.author)
  })

  it('persist with their kind and field through the registry files', async () => {
    const {serializeRegistry, parseRegistry} = await import('../../src/ids/registry.js')
    const first = run(markdown('title: "Joint Statement"\nnotes: "A note."'))
    const {strings, meta} = serializeRegistry(first.registry)
    const back = parseRegistry('doc', new VFile({path: 'en.json', value: JSON.stringify(strings)}), new VFile({path: 'registry.json', value: JSON.stringify(meta)}))
    expect(back.segments.filter((e) => e.kind === 'meta').map((e) => e.field)).toEqual(['title', 'notes'])
  })
})

describe("editor's notes", () => {
  const front = 'editorNotes:\n  - at: "held in Japan"\n    note: "It was held in Seoul."'

  it('are segments attached to the one sentence that holds their words', () => {
    const result = run(markdown(front))
    const note = result.document.segments.find((s) => s.field === 'editorNotes.0')!
    const sentence = result.document.segments.find((s) => s.text === 'They were held in Japan.')!
    expect(note.text).toBe('It was held in Seoul.')
    expect(result.document.anchors).toEqual([{note: note.id, segment: sentence.id}])
  })

  it('whose words are in no sentence, or in two, stop with the rule, file and line', () => {
    for (const body of ['# Title\n\nNothing here.\n', '# Title\n\nheld in Japan once. Then held in Japan again.\n']) {
      let message: unknown
      try {
        run(markdown(front, body))
      } catch (error) {
        message = error
      }
      expect(String(message)).toMatch(/^content\/doc\.md:2:1: Unexpected `at: held in Japan` of editor's note 1 in (no sentence|2 sentences)/)
      expect((message as {ruleId?: string}).ruleId).toBe('editor-note-anchor')
    }
  })

  it('that are not `at`/`note` pairs are a front matter error at their line', () => {
    const failure = (source: string): string => {
      try {
        run(source)
      } catch (error) {
        return String(error)
      }
      return 'no error'
    }
    expect(failure(markdown('title: "T"\neditorNotes: [just text]'))).toMatch(/^content\/doc\.md:3:1: Unexpected value for `editorNotes`/)
    expect(failure(markdown('keywords: {a: 1}'))).toMatch(/^content\/doc\.md:2:1: Unexpected value for `keywords`/)
  })
})
