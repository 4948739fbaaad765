import {spawnSync} from 'node:child_process'
import {existsSync, writeFileSync} from 'node:fs'
import {join, resolve} from 'node:path'
import fc from 'fast-check'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {loadProject} from '../../src/engine/project.js'
import {applyImport} from '../../src/interchange/apply-import.js'
import {exportDocument, type ExportDocument} from '../../src/interchange/model.js'
import {exportPo} from '../../src/interchange/po-export.js'
import {parsePo} from '../../src/interchange/po-import.js'
import {exportXliff} from '../../src/interchange/xliff-export.js'
import {parseXliff} from '../../src/interchange/xliff-import.js'
import {exportXliff12} from '../../src/interchange/xliff12-export.js'
import {parseXliff12} from '../../src/interchange/xliff12-import.js'
import {XML_INVALID} from '../../src/memory/tmx-export.js'
import type {TranslationMeta} from '../../src/translations/locale.js'
import {textHash} from '../../src/ids/similarity.js'
import {trackTranslations, type TrackResult} from '../../src/translations/track.js'
import type {Registry} from '../../src/core/types.js'
import {repo, tempDir} from '../helpers/cli.js'

/**
 * Properties of the pure pipeline on the real statement: for any locale
 * (random translations with markup, XML and PO syntax characters, control
 * characters, CJK, newlines; random states), export then import changes
 * nothing, and a translator's edits come back exactly.
 */

const project = loadProject(repo, undefined, {readOnly: true})
const doc = project.documents.find((d) => d.id === 'statement')!
const ids = doc.registry.segments.map((s) => s.id)

/** Every fourth segment had an earlier English revision, so that `stale` can occur. */
const registry: Registry = {
  ...doc.registry,
  segments: doc.registry.segments.map((s, i) => (i % 4 === 0 ? {...s, rev: 2} : s)),
  history: Object.fromEntries(doc.registry.segments.filter((_, i) => i % 4 === 0).map((s) => [s.id, {'1': `Earlier: ${s.text}`}]))
}
const hasHistory = new Set(Object.keys(registry.history))

const piece = fc.oneof(
  fc.string({unit: 'grapheme', minLength: 1, maxLength: 10}),
  fc.constantFrom(
    '**bold**',
    '*em*',
    '`code`',
    '[link](https://example.org/?a=1&b=2)',
    '<b>',
    '</target>',
    '&amp;',
    '&',
    '<',
    '>',
    ']]>',
    '"',
    "'",
    '’',
    '\\',
    '\\n',
    '\n',
    '\t',
    '\r',
    '  ',
    ' ',
    '인권',
    '人権と難民',
    'хүний эрх',
    '😀',
    '\u0001',
    '\u001f',
    '\uFFFE',
    '\ud800',
    '#, fuzzy',
    'msgid "x"',
    '<cp hex="41"/>'
  )
)
const translation = fc
  .array(piece, {minLength: 1, maxLength: 8})
  .map((p) => p.join(''))
  .filter((t) => t.trim() !== '')
const state = fc.constantFrom('missing', 'empty', 'translated', 'reviewed', 'stale')
const localeArb = fc.array(fc.tuple(state, translation), {minLength: ids.length, maxLength: ids.length})

function track(entries: Array<[string, string]>): TrackResult {
  const strings: Record<string, string> = Object.create(null)
  const meta: Record<string, TranslationMeta> = Object.create(null)
  registry.segments.forEach((segment, i) => {
    const [kind, text] = entries[i]!
    if (kind === 'missing') return
    strings[segment.id] = kind === 'empty' ? '' : text
    if (kind === 'empty') return
    const stale = kind === 'stale' && hasHistory.has(segment.id)
    const source = stale ? textHash(registry.history[segment.id]!['1']!) : segment.hash
    meta[segment.id] = {rev: stale ? 1 : segment.rev, source, target: textHash(text), state: kind === 'reviewed' ? 'reviewed' : 'translated'}
  })
  return trackTranslations(registry, {language: 'ko', document: 'statement', strings, meta, obsolete: Object.create(null), places: new Map()})
}

const exported = (tracked: TrackResult): ExportDocument =>
  exportDocument({id: 'statement', path: 'content/statement.md', title: 'Statement', segments: doc.document.segments}, tracked.statuses)

const render = {
  xliff: (d: ExportDocument) => exportXliff({sourceLanguage: 'en', language: 'ko', documents: [d]}),
  po: (d: ExportDocument) => exportPo({sourceLanguage: 'en', language: 'ko', document: d, date: 0}),
  xliff12: (d: ExportDocument) => exportXliff12({sourceLanguage: 'en', language: 'ko', documents: [d]})
}

function importText(tracked: TrackResult, format: keyof typeof render, text: string) {
  const file = new VFile({path: `ko.${format}`, value: text})
  const parsed = format === 'xliff' ? parseXliff(file) : format === 'xliff12' ? parseXliff12(file) : parsePo(file)
  const result = applyImport(parsed, {sourceLanguage: 'en', languages: ['ko', 'ja', 'mn'], registries: new Map([['statement', registry]]), tracked: [tracked]}, file)
  return {result, messages: file.messages.map(String)}
}

describe.each(Object.keys(render) as Array<keyof typeof render>)('%s round trip (property)', (format) => {
  it('export then import changes nothing', () => {
    fc.assert(
      fc.property(localeArb, (entries) => {
        const tracked = track(entries)
        const {result, messages} = importText(tracked, format, render[format](exported(tracked)))
        expect(messages).toEqual([])
        expect(result.changes).toEqual([])
        expect(result.tracked).toEqual([])
      }),
      {numRuns: 60}
    )
  })

  it("brings a translator's edits back exactly, and keeps everything else", () => {
    // XLIFF 1.2 cannot carry characters XML forbids (it writes U+FFFD): a translator cannot type them there either.
    const typed = format === 'xliff12' ? translation.filter((t) => !new RegExp(XML_INVALID.source).test(t)) : translation
    const edits = fc.array(fc.tuple(fc.integer({min: 0, max: ids.length - 1}), typed, fc.boolean()), {maxLength: 12})
    fc.assert(
      fc.property(localeArb, edits, (entries, changes) => {
        const tracked = track(entries)
        const file = exported(tracked)
        const edited = new Map<string, {text: string; confirmed: boolean}>()
        for (const [index, text, confirmed] of changes) edited.set(ids[index]!, {text, confirmed})
        // What a CAT tool does: a new target, and the state the translator leaves
        // (confirmed: XLIFF `translated`, PO without `fuzzy`; otherwise the state as exported).
        const units = file.units.map((u) => {
          const edit = edited.get(u.id)
          return edit ? {...u, target: edit.text, state: edit.confirmed ? ('translated' as const) : u.state} : u
        })
        const {result, messages} = importText(tracked, format, render[format]({...file, units}))
        expect(messages).toEqual([])
        const after = result.tracked[0] ?? tracked
        const states = new Map(after.statuses.map((s) => [s.id, s.state]))
        const before = new Map(tracked.statuses.map((s) => [s.id, s.state]))
        for (const id of ids) {
          const edit = edited.get(id)
          if (!edit) {
            expect(after.strings[id]).toBe(tracked.strings[id])
            expect(states.get(id)).toBe(before.get(id))
            continue
          }
          const was = before.get(id)
          // A missing entry has no `fuzzy` in PO (an empty msgstr is untranslated), but is `initial` in XLIFF.
          if (!edit.confirmed && (was === 'stale' || (was === 'missing' && format !== 'po'))) {
            // Still fuzzy / `initial`: nobody confirmed it. A draft beside the translation, which stays as it was.
            expect(after.strings[id]).toBe(tracked.strings[id])
            if (edit.text === tracked.strings[id]) continue
            expect(states.get(id), id).toBe('draft')
            expect(after.meta[id]?.draft).toBe(edit.text)
            continue
          }
          expect(after.strings[id]).toBe(edit.text)
          if (edit.text === tracked.strings[id]) continue
          // New wording is a translation of the English in the file; XLIFF keeps `reviewed` when the tool does.
          const expected = edit.confirmed ? 'translated' : was === 'reviewed' && format !== 'po' ? 'reviewed' : 'translated'
          expect(states.get(id), id).toBe(expected)
        }
        // Nothing is ever lost: every key of the locale is still there.
        for (const id of Object.keys(tracked.strings)) expect(Object.hasOwn(after.strings, id)).toBe(true)
      }),
      {numRuns: 60}
    )
  })
})

const schema = resolve(repo, '..', 'shared', 'schemas', 'xliff_core_2.0.xsd')

describe('exported files satisfy the real tools (property)', () => {
  const work = tempDir('concord-interchange-')

  it.skipIf(!existsSync(schema))('XLIFF validates against the OASIS XLIFF 2.0 core schema', () => {
    fc.assert(
      fc.property(localeArb, (entries) => {
        const path = join(work, 'ko.xlf')
        writeFileSync(path, exportXliff({sourceLanguage: 'en', language: 'ko', documents: [exported(track(entries))]}))
        const run = spawnSync('xmllint', ['--noout', '--schema', schema, path], {encoding: 'utf8'})
        expect(run.stderr).toBe(`${path} validates\n`)
        expect(run.status).toBe(0)
      }),
      {numRuns: 15}
    )
  })

  const schema12 = resolve(repo, '..', 'shared', 'schemas', 'xliff-core-1.2-strict.xsd')
  it.skipIf(!existsSync(schema12))('XLIFF 1.2 validates against the OASIS XLIFF 1.2 strict schema', () => {
    fc.assert(
      fc.property(localeArb, (entries) => {
        const path = join(work, 'ko12.xlf')
        writeFileSync(path, exportXliff12({sourceLanguage: 'en', language: 'ko', documents: [exported(track(entries))]}))
        const run = spawnSync('xmllint', ['--noout', '--schema', schema12, path], {encoding: 'utf8'})
        expect(run.stderr).toBe(`${path} validates\n`)
        expect(run.status).toBe(0)
      }),
      {numRuns: 15}
    )
  })

  it('msgfmt accepts the PO and counts translated / fuzzy / untranslated as translated+reviewed / stale / missing', () => {
    // msgfmt --check insists that msgid and msgstr agree on a leading or trailing newline; English has none.
    // A lone surrogate cannot be written as UTF-8 at all.
    const text = translation.filter((t) => !/^\n|\n$/.test(t) && !t.includes('\ud800'))
    const entries = fc.array(fc.tuple(state, text), {minLength: ids.length, maxLength: ids.length})
    fc.assert(
      fc.property(entries, (list) => {
        const tracked = track(list)
        const path = join(work, 'ko.po')
        writeFileSync(path, exportPo({sourceLanguage: 'en', language: 'ko', document: exported(tracked), date: 0}))
        const run = spawnSync('msgfmt', ['--check', '--statistics', '-o', '/dev/null', path], {encoding: 'utf8', env: {...process.env, LC_ALL: 'C'}})
        expect(run.status, run.stderr).toBe(0)
        const count = (state: string) => tracked.statuses.filter((s) => s.state === state).length
        const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`
        const parts = [
          plural(count('translated') + count('reviewed'), 'translated message', 'translated messages'),
          count('stale') > 0 ? plural(count('stale'), 'fuzzy translation', 'fuzzy translations') : '',
          count('missing') > 0 ? plural(count('missing'), 'untranslated message', 'untranslated messages') : ''
        ].filter(Boolean)
        expect(run.stderr.trim()).toBe(`${parts.join(', ')}.`)
      }),
      {numRuns: 15}
    )
  })
})
