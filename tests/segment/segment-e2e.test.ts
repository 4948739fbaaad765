import {existsSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {concord, read, readJson, tempProject, write} from '../helpers/cli.js'

const doc = 'content/statement.md'
const en = (dir: string) => readJson(dir, 'locales/en/statement.json')
const idOf = (dir: string, text: string): string | undefined => Object.entries(en(dir)).find(([, t]) => t === text)?.[0]
const idStarting = (dir: string, start: string): string | undefined => Object.entries(en(dir)).find(([, t]) => t.startsWith(start))?.[0]

/** Replace `from` wherever the Markdown wraps it (any run of white space matches a space). */
const sub = (text: string, from: string, to: string): string => text.replace(new RegExp(from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')), to)

function edit(dir: string, change: (text: string) => string): void {
  const before = read(dir, doc)
  const after = change(before)
  expect(after).not.toBe(before)
  write(dir, doc, after)
  const run = concord(['segment'], dir)
  expect(run.code, run.stderr).toBe(0)
}

describe('concord segment on edited copies of the statement', () => {
  it('is idempotent and --check passes on the committed tree', () => {
    const dir = tempProject()
    const before = read(dir, 'locales/en/statement.registry.json')
    expect(concord(['segment', '--check'], dir).code).toBe(0)
    expect(concord(['segment'], dir).code).toBe(0)
    expect(concord(['segment'], dir).code).toBe(0)
    expect(read(dir, 'locales/en/statement.registry.json')).toBe(before)
  })

  it('changes nothing at all when the text is re-wrapped', () => {
    const dir = tempProject()
    const files = ['locales/en/statement.json', 'locales/en/statement.registry.json'].map((f) => read(dir, f))
    edit(dir, (t) =>
      t.replace('Human rights are the most basic and fundamental rights given to man.\nOver time,', 'Human rights are the most basic\nand fundamental   rights given\nto man. Over time,')
    )
    expect(['locales/en/statement.json', 'locales/en/statement.registry.json'].map((f) => read(dir, f))).toEqual(files)
  })

  it('keeps IDs when paragraphs are inserted, deleted or moved', () => {
    const dir = tempProject()
    const ids = en(dir)
    edit(dir, (t) => t.replace('As of today, IPCNKR', 'A new paragraph about nothing in particular. It has two sentences.\n\nAs of today, IPCNKR'))
    const refugees = 'Refugees are often the victims of violent crimes.'
    const refugeesId = idOf(dir, refugees)
    edit(dir, (t) => {
      const para = t.slice(t.indexOf('IPCNKR calls for'), t.indexOf('On August 29, 2007'))
      return t.replace(para, '').replace('Human rights are the most', `${para}Human rights are the most`)
    })
    edit(dir, (t) => t.replace(/From the 28th[\s\S]*?behalf\.\n\n/, ''))
    const after = en(dir)
    for (const [id, text] of Object.entries(ids)) {
      if (text.startsWith('From the 28th') || text.startsWith('The purpose of this meeting')) expect(after[id]).toBeUndefined()
      else expect(after[id]).toBe(text)
    }
    expect(idOf(dir, refugees)).toBe(refugeesId)
    const registry = readJson<{retired: Record<string, unknown>}>(dir, 'locales/en/statement.registry.json')
    expect(Object.keys(registry.retired)).toHaveLength(2)
  })

  it('keeps the ID of a reworded sentence with a new revision, and records the old English', () => {
    const dir = tempProject()
    const id = idStarting(dir, 'Refugees are often')!
    edit(dir, (t) => sub(t, 'Refugees are often the victims of violent crimes.', 'Refugees are frequently the victims of violent crime.'))
    expect(idStarting(dir, 'Refugees are frequently')).toBe(id)
    const registry = readJson<{segments: Record<string, {rev: number}>; history: Record<string, Record<string, string>>}>(dir, 'locales/en/statement.registry.json')
    expect(registry.segments[id]!.rev).toBe(2)
    expect(registry.history[id]).toEqual({1: 'Refugees are often the victims of violent crimes.'})
    // A typo fix is a rewording too.
    const typo = idStarting(dir, 'IPCNKR calls for')!
    edit(dir, (t) => t.replace('increasing dialogue', 'increasing dialouge'))
    expect(idStarting(dir, 'IPCNKR calls for')).toBe(typo)
  })

  it('keeps the ID on the closer half of a split sentence, and on one of two merged sentences', () => {
    const dir = tempProject()
    const long = idStarting(dir, 'In April 2003')!
    edit(dir, (t) => t.replace('Human Rights, out of deep conviction', 'Human Rights. They acted out of deep conviction'))
    expect(idStarting(dir, 'In April 2003')).toBe(long)
    expect(idStarting(dir, 'They acted out of deep conviction')).not.toBe(long)

    const first = idStarting(dir, 'Two years later')!
    const second = idStarting(dir, 'The 3rd General Meeting')!
    edit(dir, (t) => t.replace('in Japan. The 3rd General Meeting of\nIPCNKR', 'in Japan, and the 3rd General Meeting of\nIPCNKR'))
    const merged = idStarting(dir, 'Two years later')!
    expect([first, second]).toContain(merged)
    const registry = readJson<{retired: Record<string, unknown>}>(dir, 'locales/en/statement.registry.json')
    expect(Object.keys(registry.retired)).toContain(merged === first ? second : first)
  })

  it('never reuses a retired ID, even when the same sentence comes back', () => {
    const dir = tempProject()
    const sentence = 'Refugees are often the victims of violent crimes.'
    const id = idOf(dir, sentence)!
    edit(dir, (t) => sub(t, ` ${sentence}`, ''))
    expect(idOf(dir, sentence)).toBeUndefined()
    edit(dir, (t) => t.replace('## Resolutions:', `${sentence}\n\n## Resolutions:`))
    const back = idOf(dir, sentence)!
    expect(back).toBeDefined()
    expect(back).not.toBe(id)
  })

  it('segment --check exits 1 and writes nothing when the registry is out of date', () => {
    const dir = tempProject()
    write(dir, doc, read(dir, doc).replace('Refugees are often', 'Refugees are sometimes'))
    const before = read(dir, 'locales/en/statement.json')
    const run = concord(['segment', '--check'], dir)
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('locales/en/statement.json: out of date')
    expect(read(dir, 'locales/en/statement.json')).toBe(before)
    // Not even the segment cache: a CI check leaves the working tree as it found it.
    expect(existsSync(join(dir, 'output'))).toBe(false)
  })

  it('segment --check finds what segment would rewrite in files it already read: a byte-order mark, a hand-formatted locale', () => {
    const dir = tempProject()
    const registry = 'locales/en/statement.registry.json'
    const strings = 'locales/ko/statement.json'
    const state = 'locales/ko/statement.state.json'
    const registryText = read(dir, registry)
    // The same text, with a byte-order mark that reading drops and writing would not put back.
    write(dir, registry, `\uFEFF${registryText}`)
    let run = concord(['segment', '--check'], dir)
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(`${registry}: out of date`)
    expect(run.stderr).not.toContain(`${strings}: out of date`)
    write(dir, registry, registryText)
    write(dir, state, `\uFEFF${read(dir, state)}`)
    write(dir, strings, JSON.stringify(readJson(dir, strings)))
    run = concord(['segment', '--check'], dir)
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(`${state}: out of date`)
    expect(run.stderr).toContain(`${strings}: out of date`)
    expect(run.stderr).not.toContain(`${registry}: out of date`)
    expect(concord(['segment'], dir).code).toBe(0)
    expect(concord(['segment', '--check'], dir).code).toBe(0)
  })

  it('treats every content/*.md as a document named after its file', () => {
    const dir = tempProject()
    write(dir, 'content/notes.md', '# Notes\n\nA second document. It has its own registry.\n')
    const run = concord(['segment'], dir)
    expect(run.code, run.stderr).toBe(0)
    expect(Object.values(readJson(dir, 'locales/en/notes.json'))).toEqual(['Notes', 'A second document.', 'It has its own registry.'])
    expect(run.stderr).toContain('notes: 3 segments')
  })
})
