import {join} from 'node:path'
import fc from 'fast-check'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {describe, expect, it} from 'vitest'
import {RULES} from '../../src/core/rules.js'
import {loadTranslations} from '../../src/engine/locales-sync.js'
import {loadProject} from '../../src/engine/project.js'
import {applyImport, type ImportResult} from '../../src/interchange/apply-import.js'
import {exportDocument} from '../../src/interchange/model.js'
import {exportPo} from '../../src/interchange/po-export.js'
import {parsePo} from '../../src/interchange/po-import.js'
import {exportXliff} from '../../src/interchange/xliff-export.js'
import {parseXliff} from '../../src/interchange/xliff-import.js'
import type {TrackResult} from '../../src/translations/track.js'
import {fixture} from '../helpers/interchange.js'

/**
 * Fuzzing of imports (translators' files are untrusted): a real export of
 * the sample project, mutated as files get damaged (cut anywhere, lines lost
 * or doubled, stray bytes, quotes and backslashes), read through `parsePo` /
 * `parseXliff` and `applyImport`. Whatever the file, the import refuses it
 * with messages that have a catalogued rule (the CLI then writes nothing),
 * or applies it so that every translation of the locale is still there
 * (in the main file or the obsolete one) and each changed one is a change
 * it reports; never another exception. A file cut short is never applied.
 */

const project = loadProject(join(fixture, 'project'), undefined, {readOnly: true})
const tracked = loadTranslations(project)
const context = {
  sourceLanguage: project.options.sourceLanguage,
  languages: project.options.languages,
  registries: new Map(project.documents.map((d) => [d.id, d.registry])),
  tracked
}
const languages = [...new Set(tracked.map((t) => t.language))]

function exported(format: 'po' | 'xliff', language: string): string {
  const doc = project.documents[0]!
  const statuses = tracked.find((t) => t.document === doc.id && t.language === language)!.statuses
  const document = exportDocument({id: doc.id, path: `content/${doc.id}.md`, title: 'Title', segments: doc.document.segments}, statuses)
  return format === 'po' ? exportPo({sourceLanguage: 'en', language, document, date: 0}) : exportXliff({sourceLanguage: 'en', language, documents: [document]})
}

type Mutation = {kind: 'cut' | 'insert' | 'drop-line' | 'double-line' | 'cut-at-line' | 'edit-target'; at: number; text: string}
const stray = fc.oneof(
  fc.constantFrom('"', '\\', '\\"', '\n', '\r', '\0', '\ud800', '<', '>', '&', ']]>', '</target>', '<target>', 'msgstr "', '#, fuzzy', '#~ ', '\ufeff', '😀'),
  fc.string({unit: 'binary', maxLength: 6})
)
const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('cut', 'insert', 'insert', 'drop-line', 'double-line', 'cut-at-line', 'edit-target', 'edit-target'),
  at: fc.nat(),
  text: stray
})

function mutate(text: string, mutations: Mutation[]): string {
  let out = text
  for (const {kind, at, text: piece} of mutations) {
    const lines = out.split('\n')
    const line = at % lines.length
    if (kind === 'cut') out = out.slice(0, at % (out.length + 1))
    else if (kind === 'insert') out = out.slice(0, at % (out.length + 1)) + piece + out.slice(at % (out.length + 1))
    else if (kind === 'drop-line') out = [...lines.slice(0, line), ...lines.slice(line + 1)].join('\n')
    else if (kind === 'double-line') out = [...lines.slice(0, line + 1), ...lines.slice(line)].join('\n')
    else if (kind === 'cut-at-line') out = `${lines.slice(0, line).join('\n')}\n`
    else {
      // Inside a translation, as a translator (or a broken tool) edits it.
      const targets = lines.flatMap((l, i) => (/^msgstr "|<target>/.test(l) ? [i] : []))
      if (targets.length === 0) continue
      const i = targets[at % targets.length]!
      lines[i] = lines[i]!.replace(/^msgstr "|<target>/, (opening) => opening + piece)
      out = lines.join('\n')
    }
  }
  return out
}

interface Outcome {
  refused: boolean
  result?: ImportResult
  before?: TrackResult
}

function importText(format: 'po' | 'xliff', text: string): Outcome {
  const file = new VFile({path: `ko.${format === 'po' ? 'po' : 'xlf'}`, value: text})
  try {
    const parsed = format === 'po' ? parsePo(file) : parseXliff(file)
    const result = applyImport(parsed, context, file)
    for (const message of file.messages) expect(Object.hasOwn(RULES, message.ruleId ?? ''), `rule \`${message.ruleId}\`: ${message.reason}`).toBe(true)
    const refused = file.messages.some((m) => m.fatal)
    return {refused, result, before: tracked.find((t) => t.language === result.language)}
  } catch (error) {
    if (!(error instanceof VFileMessage)) throw error
    expect(Object.hasOwn(RULES, error.ruleId ?? ''), `rule \`${error.ruleId}\`: ${error.reason}`).toBe(true)
    return {refused: true}
  }
}

/** Nothing lost: every translation before is still there after, and any that changed is a reported change. */
function expectNothingLost({refused, result, before}: Outcome): void {
  if (refused || !result || !before) return
  for (const after of result.tracked) {
    expect(after.language).toBe(before.language)
    for (const [id, translation] of Object.entries(before.strings)) {
      if (translation === '') continue
      const kept = Object.hasOwn(after.strings, id) ? after.strings[id] : Object.hasOwn(after.obsolete, id) ? after.obsolete[id]!.translation : undefined
      expect(kept, `translation of \`${id}\``).toBeTruthy()
      if (kept !== translation) expect(result.changes.some((c) => c.id === id && c.translation === kept)).toBe(true)
    }
    for (const id of Object.keys(before.obsolete)) expect(Object.hasOwn(after.obsolete, id) || Object.hasOwn(after.strings, id)).toBe(true)
  }
}

describe.each(['po', 'xliff'] as const)('import of mutated %s files (property)', (format) => {
  const language = fc.constantFrom(...languages)

  it('the unmutated export imports cleanly and changes nothing', () => {
    for (const lng of languages) {
      const outcome = importText(format, exported(format, lng))
      expect(outcome.refused).toBe(false)
      expect(outcome.result!.changes).toEqual([])
    }
  })

  it('refuses with catalogued rules, or applies without losing a translation; never another exception', () => {
    const seen = {refused: 0, applied: 0, changed: 0}
    fc.assert(
      fc.property(language, fc.array(mutation, {minLength: 1, maxLength: 4}), (lng, mutations) => {
        const outcome = importText(format, mutate(exported(format, lng), mutations))
        expectNothingLost(outcome)
        if (outcome.refused) seen.refused++
        else if (outcome.result!.changes.length > 0) seen.changed++
        else seen.applied++
      }),
      {numRuns: 400}
    )
    // Each way out was taken: the property is not vacuous.
    expect(
      Object.values(seen).every((n) => n > 0),
      JSON.stringify(seen)
    ).toBe(true)
  })

  it('never applies a file cut short, anywhere', () => {
    fc.assert(
      fc.property(language, fc.nat(), fc.boolean(), (lng, at, atLine) => {
        const text = exported(format, lng)
        const cut = mutate(text, [{kind: atLine ? 'cut-at-line' : 'cut', at, text: ''}])
        fc.pre(cut !== text)
        const outcome = importText(format, cut)
        if (!outcome.refused) expect(outcome.result!.changes).toEqual([])
      }),
      {numRuns: 300}
    )
  })
})
