import {existsSync, mkdirSync} from 'node:fs'
import {join} from 'node:path'
import i18next from 'i18next'
import {describe, expect, it} from 'vitest'
import {concord, read, readJson, repo, tempProject, write} from '../helpers/cli.js'

type Status = Record<string, Record<string, Record<string, string>>>
const status = (dir: string): Status => {
  const run = concord(['status', '--json'], dir)
  expect(run.code, run.stderr).toBe(0)
  return JSON.parse(run.stdout) as Status
}
const sub = (text: string, from: string, to: string): string => text.replace(new RegExp(from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')), to)
const en = (dir: string) => readJson(dir, 'locales/en/statement.json')
const idStarting = (dir: string, start: string): string => Object.entries(en(dir)).find(([, t]) => t.startsWith(start))![0]
const segment = (dir: string): string => {
  const run = concord(['segment'], dir)
  expect(run.code, run.stderr).toBe(0)
  return run.stderr
}

describe('the shipped locales', () => {
  it('load in plain i18next as they are', async () => {
    const resources: Record<string, Record<string, unknown>> = {}
    for (const lng of ['en', 'ko', 'ja', 'mn']) {
      resources[lng] = {statement: readJson(repo, `locales/${lng}/statement.json`), ui: readJson(repo, `locales/${lng}/ui.json`)}
    }
    const i18n = i18next.createInstance()
    await i18n.init({resources, keySeparator: false, nsSeparator: false, fallbackLng: 'en', lng: 'en'})
    const id = idStarting(repo, 'Refugees are often')
    expect(i18n.t(id, {lng: 'ko', ns: 'statement'})).toMatch(/난민/)
    expect(i18n.t(id, {lng: 'ja', ns: 'statement'})).toMatch(/難民/)
    // Mongolian stops about two thirds in: the rest falls back to English.
    const last = idStarting(repo, 'We hope that our demands')
    expect(i18n.t(last, {lng: 'mn', ns: 'statement'})).toBe(en(repo)[last])
    expect(i18n.t('page', {lng: 'ja', ns: 'ui', page: 3, pages: 9})).toContain('3')
    expect(i18n.t('segments', {lng: 'en', ns: 'ui', count: 1})).toBe('1 segment')
    expect(i18n.t('segments', {lng: 'en', ns: 'ui', count: 2})).toBe('2 segments')
    expect(i18n.t('segments', {lng: 'mn', ns: 'ui', count: 2})).toMatch(/2/)
  })

  it('are complete for ko and ja, about two thirds for mn, all `translated` and none copied from English', () => {
    const states = status(repo).statement!
    const count = (lng: string, state: string) => Object.values(states[lng]!).filter((s) => s === state).length
    const total = Object.keys(en(repo)).length
    expect(count('ko', 'translated')).toBe(total)
    expect(count('ja', 'translated')).toBe(total)
    expect(count('mn', 'translated') / total).toBeGreaterThan(0.6)
    expect(count('mn', 'missing')).toBeGreaterThan(0)
    for (const lng of ['ko', 'ja', 'mn']) {
      expect(count(lng, 'reviewed')).toBe(0)
      const strings = readJson(repo, `locales/${lng}/statement.json`)
      // Only a glossary term written the same in this language (the coalition's abbreviation) may equal its English.
      const terms = (readJson(repo, 'content/glossary.json') as unknown as {terms: Record<string, Record<string, string>>}).terms
      for (const [id, text] of Object.entries(strings)) {
        if (terms[text]?.[lng] !== text) expect(text).not.toBe(en(repo)[id])
        // Latin letters only in names the glossary keeps as they are (IPCNKR; NewDaily in Mongolian).
        const kept = Object.keys(terms).filter((term) => terms[term]![lng] === term)
        expect(kept.reduce((rest, term) => rest.replaceAll(term, ''), text)).not.toMatch(/[A-Za-z]{3,}/)
      }
    }
  })
})

describe('translation states end to end', () => {
  it('stale on rewording, translated on edit, accept, obsolete on retirement, restored on return', () => {
    const dir = tempProject()
    const id = idStarting(dir, 'Refugees are often')
    write(dir, 'content/statement.md', sub(read(dir, 'content/statement.md'), 'Refugees are often the victims of violent crimes.', 'Refugees are often the victims of violent crime.'))
    segment(dir)
    for (const lng of ['ko', 'ja', 'mn']) expect(status(dir).statement![lng]![id]).toBe('stale')

    const human = concord(['status', '--lang', 'ko'], dir)
    expect(human.stdout).toContain(`stale   ${id}`)
    expect(human.stdout).toContain('was: Refugees are often the victims of violent crimes.')
    expect(human.stdout).toContain('diff: Refugees are often the victims of violent [-crimes-]{+crime+}.')

    const ko = readJson(dir, 'locales/ko/statement.json')
    ko[id] = '난민은 흔히 폭력 범죄의 피해자가 된다.'
    write(dir, 'locales/ko/statement.json', JSON.stringify(ko, null, 2) + '\n')
    expect(status(dir).statement!.ko![id]).toBe('translated')

    const accept = concord(['accept', 'ja', id], dir)
    expect(accept.code, accept.stderr).toBe(0)
    const after = status(dir).statement!
    expect(after.ja![id]).toBe('translated')
    expect(after.mn![id]).toBe('stale')

    // Retire the sentence: every translation moves to obsolete, nothing is lost.
    const mnText = readJson(dir, 'locales/mn/statement.json')[id]!
    write(dir, 'content/statement.md', sub(read(dir, 'content/statement.md'), ' Refugees are often the victims of violent crime.', ''))
    const report = segment(dir)
    expect(report).toMatch(/locales\/mn\/statement\.json: moved 1 retired translation/)
    for (const lng of ['ko', 'ja', 'mn']) {
      expect(readJson(dir, `locales/${lng}/statement.json`)[id]).toBeUndefined()
      expect(readJson<Record<string, {translation: string}>>(dir, `locales/${lng}/statement.obsolete.json`)[id]).toBeDefined()
    }
    expect(readJson<Record<string, {translation: string; state: string}>>(dir, 'locales/mn/statement.obsolete.json')[id]).toMatchObject({translation: mnText, state: 'stale'})

    // The same English comes back (under a new ID): its translations come back too.
    write(dir, 'content/statement.md', read(dir, 'content/statement.md').replace('## Resolutions:', 'Refugees are often the victims of violent crime.\n\n## Resolutions:'))
    expect(segment(dir)).toMatch(/restored 1 translation/)
    const back = idStarting(dir, 'Refugees are often')
    expect(back).not.toBe(id)
    expect(readJson(dir, 'locales/ko/statement.json')[back]).toBe('난민은 흔히 폭력 범죄의 피해자가 된다.')
    expect(status(dir).statement!.ko![back]).toBe('translated')
    expect(existsSync(join(dir, 'locales/ko/statement.obsolete.json'))).toBe(true)
    expect(readJson(dir, 'locales/ko/statement.obsolete.json')).toEqual({})
  })

  it('review marks a current translation as reviewed and refuses a stale one', () => {
    const dir = tempProject()
    const id = idStarting(dir, 'Human rights are')
    expect(concord(['review', 'ko', id], dir).code).toBe(0)
    expect(status(dir).statement!.ko![id]).toBe('reviewed')
    expect(concord(['review', 'ko', 'snope00'], dir).code).toBe(2)
  })
})

describe('bad locale input', () => {
  const bad = (mutate: (dir: string) => void, pattern: RegExp, code = 1) => {
    const dir = tempProject()
    mutate(dir)
    const before = read(dir, 'locales/ko/statement.json')
    const run = concord(['segment'], dir)
    expect(run.code, run.stderr).toBe(code)
    expect(run.stderr).toMatch(pattern)
    expect(read(dir, 'locales/ko/statement.json')).toBe(before)
    return run
  }
  const editKo = (dir: string, change: (t: string) => string) => write(dir, 'locales/ko/statement.json', change(read(dir, 'locales/ko/statement.json')))

  it('malformed JSON names file, line and column', () => {
    bad((d) => editKo(d, (t) => t.replace('{\n', '{\n  "oops",\n')), /^locales\/ko\/statement\.json:2:9: Unexpected JSON syntax/m)
  })
  it('a non-string value', () => {
    bad((d) => editKo(d, (t) => t.replace(/"s5dcbn3": "[^"]*"/, '"s5dcbn3": 42')), /^locales\/ko\/statement\.json:15:3: Unexpected number for `s5dcbn3`, expected a string/m)
  })
  it('duplicate keys', () => {
    bad((d) => editKo(d, (t) => t.replace('"s5dcbn3"', '"sp2dxtn"')), /^locales\/ko\/statement\.json:15:3: Unexpected duplicate key `sp2dxtn`/m)
  })
  it('a __proto__ key is data: reported as an orphan and kept, never magic', () => {
    const dir = tempProject()
    editKo(dir, (t) => t.replace('{\n', '{\n  "__proto__": {"polluted": "yes"},\n'))
    expect(concord(['segment'], dir).code).toBe(1) // not a string
    editKo(dir, (t) => t.replace('"__proto__": {"polluted": "yes"}', '"__proto__": "polluted"'))
    const run = concord(['segment'], dir)
    expect(run.code, run.stderr).toBe(0)
    expect(run.stderr).toContain('orphan translation(s) under unknown IDs, kept: `__proto__`')
    expect(read(dir, 'locales/ko/statement.json')).toContain('"__proto__": "polluted"')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
  it('an empty-string translation counts as missing and is reported', () => {
    const dir = tempProject()
    const id = idStarting(dir, 'Human rights are')
    editKo(dir, (t) => t.replace(/("sk0f800": )"[^"]*"/, '$1""'))
    expect(concord(['segment'], dir).stderr).toContain('1 empty translation(s), counted as missing: sk0f800')
    expect(status(dir).statement!.ko![id]).toBe('missing')
    expect(readJson(dir, 'locales/ko/statement.json')[id]).toBe('')
  })
  it('a locale folder for a language that is not configured', () => {
    bad((d) => {
      mkdirSync(join(d, 'locales/fr'))
      write(d, 'locales/fr/statement.json', '{}\n')
    }, /^locales\/fr:1:1: Unexpected locale folder `fr`, expected a configured language/m)
  })
})
