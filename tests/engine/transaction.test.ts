import {existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {commitFiles} from '../../src/engine/transaction.js'
import {recover} from '../../src/engine/recovery.js'
import {JOURNAL, readJournal} from '../../src/engine/journal.js'
import {tempDir} from '../helpers/cli.js'

/** The commit and its recovery in-process, on cases a killed CLI cannot produce: damaged temps and journals. */
function project(): string {
  const dir = tempDir()
  mkdirSync(join(dir, 'locales', 'ko'), {recursive: true})
  writeFileSync(join(dir, 'locales/ko/doc.json'), '{"s1": "하나"}\n')
  return dir
}

/** Stop a commit right after its journal is written, as a crash would. */
function crashAfterJournal(dir: string, files: Array<{path: string; content: string}>): void {
  expect(() =>
    commitFiles(dir, files, {
      onStep: (_, what) => {
        if (what === 'journal') throw new Error('crash')
      }
    })
  ).toThrow('crash')
}

describe('commitFiles and recover', () => {
  it('writes only what changed, reports it in the order given, and leaves nothing behind', () => {
    const dir = project()
    const files = [
      {path: join(dir, 'locales/ko/doc.json'), content: '{"s1": "하나"}\n'},
      {path: join(dir, 'locales/ko/doc.state.json'), content: '{}\n'},
      {path: join(dir, 'locales/ko/doc.obsolete.json'), content: '{"s0": {}}\n'}
    ]
    const steps: string[] = []
    expect(commitFiles(dir, files, {onStep: (_, what) => steps.push(what)})).toEqual([files[1]!.path, files[2]!.path])
    // The obsolete file (which gains translations) is renamed first.
    expect(steps).toEqual([
      'temp locales/ko/doc.obsolete.json.tmp-txn-' + process.pid,
      'temp locales/ko/doc.state.json.tmp-txn-' + process.pid,
      'journal',
      'rename locales/ko/doc.obsolete.json',
      'rename locales/ko/doc.state.json',
      'journal removed'
    ])
    expect(readdirSync(join(dir, 'locales/ko')).sort()).toEqual(['doc.json', 'doc.obsolete.json', 'doc.state.json'])
    expect(existsSync(join(dir, JOURNAL))).toBe(false)
  })

  it("rolls a complete journal forward, but never renames a temp whose checksum is not the journal's", () => {
    const dir = project()
    const a = join(dir, 'locales/ko/doc.json')
    const b = join(dir, 'locales/ko/doc.obsolete.json')
    crashAfterJournal(dir, [
      {path: a, content: '{}\n'},
      {path: b, content: '{"s1": {"translation": "하나"}}\n'}
    ])
    writeFileSync(`${a}.tmp-txn-${process.pid}`, '{"damaged": ')
    const {done, problems} = recover(dir, ['locales'])
    expect(readFileSync(b, 'utf8')).toContain('하나')
    expect(readFileSync(a, 'utf8')).toBe('{"s1": "하나"}\n')
    expect(problems).toEqual([
      `locales/ko/doc.json.tmp-txn-${process.pid}: damaged (its checksum is not the journal's); not renamed onto locales/ko/doc.json; compare the two, then delete it`
    ])
    expect(done[0]).toMatch(/^completed the commit of an interrupted `concord concord` \(pid \d+\): 1 of 2 file\(s\) renamed now: locales\/ko\/doc\.obsolete\.json$/)
    expect(existsSync(`${a}.tmp-txn-${process.pid}`)).toBe(true)
  })

  it('sets aside a journal that names files outside the project, and touches nothing', () => {
    const dir = project()
    const target = join(dir, 'locales/ko/doc.json')
    crashAfterJournal(dir, [{path: target, content: '{}\n'}])
    const journal = JSON.parse(readFileSync(join(dir, JOURNAL), 'utf8')) as {renames: Array<{target: string}>}
    journal.renames[0]!.target = '../outside.json'
    writeFileSync(join(dir, JOURNAL), JSON.stringify(journal))
    expect(readJournal(dir).ok).toBe(false)
    const {problems} = recover(dir, ['locales'])
    expect(problems[0]).toMatch(/^\.concord\/journal\.json: not completed, as its checksum does not match its content; moved to \.concord\/journal\.damaged-\d+\.json/)
    expect(readFileSync(target, 'utf8')).toBe('{"s1": "하나"}\n')
    expect(existsSync(join(dir, '..', 'outside.json'))).toBe(false)
    // Its temp file is kept and reported: without a journal to trust, it may hold the only copy.
    expect(problems[1]).toMatch(/^locales\/ko\/doc\.json\.tmp-txn-\d+: leftover temp file of an interrupted write/)
    expect(existsSync(`${target}.tmp-txn-${process.pid}`)).toBe(true)
  })
})
