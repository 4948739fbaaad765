import {spawnSync} from 'node:child_process'
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join, resolve} from 'node:path'
import {describe, expect, it} from 'vitest'
import {concord, read, readJson, repo, tempDir, tempProject, write} from '../helpers/cli.js'
import {ok, snapshot} from '../helpers/interchange.js'

/**
 * The XLIFF 1.2 export read by OmegaT 3.x itself (Debian's `omegat`, which
 * `npm test`'s pretest installs), headless in console-translate mode: it
 * loads the project's source files, counts their segments into
 * omegat/project_stats.txt and writes the translated files into target/.
 */
const schema12 = resolve(repo, '..', 'shared', 'schemas', 'xliff-core-1.2-strict.xsd')

/** The repository's project plus a document nobody has translated, so the export has translated and missing units. */
function project(): string {
  const dir = tempProject()
  write(dir, 'content/second.md', '# Second document\n\nA sentence nobody has translated anywhere.\n\nAnother sentence, still in English.\n')
  ok(['segment'], dir)
  return dir
}

/** A minimal OmegaT project (English to Korean, no sentence splitting: a unit is a segment) holding `xlf` as its one source file. */
function omegatProject(xlf: string): string {
  const dir = tempDir('concord-omegat-')
  for (const folder of ['source', 'target', 'tm', 'glossary', 'dictionary', 'omegat', 'config']) mkdirSync(join(dir, folder))
  writeFileSync(join(dir, 'source', 'ko.xlf'), xlf)
  const settings = {
    source_dir: 'source',
    target_dir: 'target',
    tm_dir: 'tm',
    glossary_dir: 'glossary',
    glossary_file: 'glossary/glossary.txt',
    dictionary_dir: 'dictionary',
    source_lang: 'en',
    target_lang: 'ko',
    source_tok: 'org.omegat.tokenizer.LuceneEnglishTokenizer',
    target_tok: 'org.omegat.tokenizer.LuceneCJKTokenizer',
    sentence_seg: 'false',
    support_default_translations: 'true',
    remove_tags: 'false'
  }
  const fields = Object.entries(settings).map(([key, value]) => `    <${key}>${value}</${key}>`)
  writeFileSync(join(dir, 'omegat.project'), ['<?xml version="1.0" encoding="UTF-8"?>', '<omegat>', '  <project version="1.0">', ...fields, '  </project>', '</omegat>', ''].join('\n'))
  return dir
}

/** Run OmegaT on the project; return the segment count it reports and the target file it wrote. */
function runOmegat(dir: string): {segments: number; target: string} {
  const run = spawnSync('omegat', [dir, '--mode=console-translate', `--config-dir=${join(dir, 'config')}`], {
    encoding: 'utf8',
    // A bound against a hung JVM, not a timing assertion.
    timeout: 170_000,
    env: {...process.env, JAVA_TOOL_OPTIONS: '-Djava.awt.headless=true'}
  })
  const output = `${run.stdout}\n${run.stderr}`
  expect(run.error, output).toBeUndefined()
  expect(run.status, output).toBe(0)
  expect(output).toContain('Translated document created')
  const stats = readFileSync(join(dir, 'omegat', 'project_stats.txt'), 'utf8')
  const total = /^Total:\s+(\d+)/m.exec(stats)
  expect(total, stats).not.toBeNull()
  return {segments: Number(total![1]), target: readFileSync(join(dir, 'target', 'ko.xlf'), 'utf8')}
}

const unescape = (text: string): string => text.replace(/&(lt|gt|quot|apos|amp);/g, (_m, name: string) => ({lt: '<', gt: '>', quot: '"', apos: "'", amp: '&'})[name]!)

/** Each unit's target text in an XLIFF 1.2 file, by unit ID. */
function targets(xlf: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const [, id, body] of xlf.matchAll(/<trans-unit id="([^"]+)"[^>]*>([\s\S]*?)<\/trans-unit>/g)) {
    const target = /<target[^>]*>([\s\S]*?)<\/target>/.exec(body!)
    if (target) out.set(id!, unescape(target[1]!))
  }
  return out
}

const unitCount = (xlf: string): number => xlf.match(/<trans-unit /g)?.length ?? 0

describe('OmegaT 3.x reads the XLIFF 1.2 export', () => {
  it('with --copy-source every unit is a segment, existing translations come back unchanged, and the file imports as exported', {timeout: 400_000}, () => {
    const dir = project()
    ok(['export', '--lang', 'ko', '--format', 'xliff12', '--copy-source', '--out', 'ko.xlf'], dir)
    const valid = spawnSync('xmllint', ['--noout', '--schema', schema12, join(dir, 'ko.xlf')], {encoding: 'utf8'})
    expect(valid.status, valid.stderr).toBe(0)
    const xlf = read(dir, 'ko.xlf')
    const korean = readJson(dir, 'locales/ko/statement.json')
    const english = readJson(dir, 'locales/en/second.json')
    expect(Object.keys(english)).toHaveLength(3)
    expect(unitCount(xlf)).toBe(Object.keys(korean).length + 3)

    const omegat = omegatProject(xlf)
    const {segments, target} = runOmegat(omegat)
    expect(segments).toBe(unitCount(xlf))
    const written = targets(target)
    expect(written.size).toBe(unitCount(xlf))
    // Nothing translated in OmegaT: the translations as they were, the missing units still the English copy.
    for (const [id, text] of Object.entries(korean)) expect(written.get(id), id).toBe(text)
    for (const [id, text] of Object.entries(english)) expect(written.get(id), id).toBe(text)

    // The English copies are no translations: importing OmegaT's file changes nothing.
    writeFileSync(join(dir, 'omegat.xlf'), target)
    const before = snapshot(dir)
    expect(ok(['import', 'omegat.xlf'], dir).stderr).toMatch(/0 added, 0 updated, 0 accepted, 0 reviewed, 0 obsolete, \d+ unchanged$/m)
    expect(snapshot(dir)).toEqual(before)
    // A copy the translator replaced comes in, as a draft: OmegaT leaves `state="new"` as it was.
    const [id] = Object.keys(english)
    const translated = target.replace(new RegExp(`(<trans-unit id="${id}"[^>]*>\\s*<source>[^<]*</source>\\s*<target state="new">)[^<]*`), '$1두 번째 문서')
    expect(translated).not.toBe(target)
    write(dir, 'translated.xlf', translated)
    expect(ok(['import', 'translated.xlf'], dir).stderr).toMatch(/1 added/)
    expect(readJson<{segments: Record<string, object>}>(dir, 'locales/ko/second.state.json').segments[id!]).toMatchObject({state: 'draft', draft: '두 번째 문서'})
    expect(JSON.parse(ok(['status', '--json', '--lang', 'ko'], dir).stdout).second.ko[id!]).toBe('draft')
  })

  it('without --copy-source OmegaT sees only the units that have a target, so --copy-source is needed for missing ones', {timeout: 400_000}, () => {
    const dir = project()
    ok(['export', '--lang', 'ko', '--format', 'xliff12', '--out', 'ko.xlf'], dir)
    const xlf = read(dir, 'ko.xlf')
    const {segments} = runOmegat(omegatProject(xlf))
    expect(segments).toBe(xlf.match(/<target /g)?.length)
    expect(segments).toBe(unitCount(xlf) - 3)
  })

  it('refuses --copy-source with another format', () => {
    const run = concord(['export', '--lang', 'ko', '--format', 'po', '--document', 'statement', '--copy-source'], tempProject())
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('Unexpected --copy-source with format `po`, expected it with `xliff12` only')
  })
})
