import {existsSync, renameSync, rmSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {concord, read, readJson, repo, tempProject, write} from '../helpers/cli.js'

const {registryDigest} = (await import(join(repo, 'dist/engine/registry-digest.js'))) as typeof import('../../src/engine/registry-digest.js')

const DIGEST = 'output/.cache/statement.registry.digest'
const META = 'locales/en/statement.registry.json'
const STRINGS = 'locales/en/statement.json'

/** The digest a run records for the statement's Markdown and registry files as they are in `dir`. */
const digestOf = (dir: string): string => registryDigest('en', read(dir, 'content/statement.md').replaceAll('\r\n', '\n'), read(dir, STRINGS), read(dir, META))

describe('the digest of a registry found up to date', () => {
  it('is recorded by `segment` and spares later runs writing the registry out, never hiding a change', () => {
    const dir = tempProject()
    expect(concord(['segment'], dir).code).toBe(0)
    const recorded = readJson<{format: number; fingerprint: string; digest: string}>(dir, DIGEST)
    expect(recorded.digest).toBe(digestOf(dir))
    expect(concord(['segment', '--check'], dir).code).toBe(0)

    // The registry reformatted by hand: no longer what segment writes, whatever the digest of the old files says.
    const canonical = read(dir, META)
    write(dir, META, JSON.stringify(JSON.parse(canonical), null, 4))
    const check = concord(['segment', '--check'], dir)
    expect(check.code).toBe(1)
    expect(check.stdout + check.stderr).toContain(`${META}: out of date`)

    // A digest of exactly these files from the code running now is trusted (the registry as read is taken as written)...
    write(dir, DIGEST, JSON.stringify({...recorded, digest: digestOf(dir)}))
    expect(concord(['segment', '--check'], dir).code).toBe(0)
    // ...one from other code is not.
    write(dir, DIGEST, JSON.stringify({...recorded, fingerprint: 'other code', digest: digestOf(dir)}))
    expect(concord(['segment', '--check'], dir).code).toBe(1)

    // `segment` writes the registry as it should be, and records that.
    expect(concord(['segment'], dir).code).toBe(0)
    expect(read(dir, META)).toBe(canonical)
    expect(readJson<{digest: string}>(dir, DIGEST).digest).toBe(digestOf(dir))

    // The Markdown changed: the recorded digest is for other text, so the registry is outdated.
    write(dir, 'content/statement.md', `${read(dir, 'content/statement.md')}\nA new closing paragraph.\n`)
    expect(concord(['segment', '--check'], dir).code).toBe(1)
    const build = concord(['build', '--format', 'md'], dir)
    expect(build.code).toBe(1)
    expect(build.stderr).toContain('registry-outdated')
  })

  it('is not written by `segment --check`', () => {
    const dir = tempProject()
    expect(concord(['segment', '--check'], dir).code).toBe(0)
    expect(existsSync(join(dir, DIGEST))).toBe(false)
  })
})

describe('the record of the locales `segment` left', () => {
  it('spares a check tracking them, says the same, and misses any change', () => {
    const dir = tempProject()
    // An orphan translation: a line of the report, which a recorded locale must still give.
    const ko = readJson(dir, 'locales/ko/statement.json')
    write(dir, 'locales/ko/statement.json', `${JSON.stringify({...ko, sgone00: '고아'}, null, 2)}\n`)
    const first = concord(['segment'], dir)
    expect(first.code).toBe(0)
    const records = readJson<{locales: Record<string, {digest: string; report: string[]}>}>(dir, 'output/.cache/statement.locales.digest').locales
    expect(Object.keys(records).sort()).toEqual(['ja', 'ko', 'mn'])
    expect(records.ko!.report.join('\n')).toContain('sgone00')

    // Recorded or not, on one thread or two, a check says the same.
    const recorded = concord(['segment', '--check'], dir)
    const again = concord(['segment', '--check', '--jobs', '1'], dir)
    rmSync(join(dir, 'output/.cache/statement.locales.digest'))
    const tracked = concord(['segment', '--check'], dir)
    expect(recorded.code).toBe(0)
    expect(recorded.stderr).toContain('sgone00')
    expect(recorded).toEqual(tracked)
    expect(again).toEqual(tracked)

    // The locales moved to another folder: the report names them where they are now.
    expect(concord(['segment'], dir).code).toBe(0)
    renameSync(join(dir, 'locales'), join(dir, 'translations'))
    write(dir, '.concordrc.json', JSON.stringify({...readJson<Record<string, unknown>>(dir, '.concordrc.json'), localesDir: 'translations'}))
    const moved = concord(['segment', '--check'], dir)
    expect(moved.code).toBe(0)
    expect(moved.stderr).toContain(`${join('translations', 'ko', 'statement.json')}: 1 orphan`)
    renameSync(join(dir, 'translations'), join(dir, 'locales'))
    write(dir, '.concordrc.json', read(repo, '.concordrc.json'))

    // A translation edited by hand after the record: tracked, so the check fails as it did without a record.
    expect(concord(['segment'], dir).code).toBe(0)
    const ja = readJson(dir, 'locales/ja/statement.json')
    const id = Object.keys(ja)[2]!
    write(dir, 'locales/ja/statement.json', `${JSON.stringify({...ja, [id]: `${ja[id]}（改）`}, null, 2)}\n`)
    const edited = concord(['segment', '--check'], dir)
    expect(edited.code).toBe(1)
    expect(edited.stdout + edited.stderr).toContain(join('locales', 'ja', 'statement.state.json'))
  })
})
