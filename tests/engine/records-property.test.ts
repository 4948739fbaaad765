import {cpSync, rmSync} from 'node:fs'
import {join} from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {concord, read, snapshot, tempDir, tempProject, write} from '../helpers/cli.js'

// Hand edits are stamped with a name and date: the same for every run, so that two projects can be compared.
const env = {SOURCE_DATE_EPOCH: '1767225600', GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_NAME: 'Tester'}
const RECORDS = ['output/.cache/statement.registry.digest', 'output/.cache/statement.locales.digest']

type Op =
  | {kind: 'markdown'; at: number; text: string}
  | {kind: 'drop'; at: number}
  | {kind: 'undrop'}
  | {kind: 'translation'; language: string; at: number}
  | {kind: 'reformat'; file: string}
  | {kind: 'segment'}

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({kind: fc.constant('markdown' as const), at: fc.nat(), text: fc.constantFrom('A sentence added here.', 'Two more words.')}),
  fc.record({kind: fc.constant('drop' as const), at: fc.nat()}),
  fc.record({kind: fc.constant('undrop' as const)}),
  fc.record({kind: fc.constant('translation' as const), language: fc.constantFrom('ko', 'ja', 'mn'), at: fc.nat()}),
  fc.record({kind: fc.constant('reformat' as const), file: fc.constantFrom('locales/en/statement.registry.json', 'locales/ja/statement.state.json', 'locales/mn/statement.json')}),
  fc.record({kind: fc.constant('segment' as const)})
)

// The paragraphs dropped so far in a run, last first, with where they stood.
type Dropped = Array<{at: number; text: string}>

function apply(dir: string, change: Op, dropped: Dropped): void {
  if (change.kind === 'segment') {
    concord(['segment'], dir, env)
  } else if (change.kind === 'markdown') {
    const paragraphs = read(dir, 'content/statement.md').split('\n\n')
    const at = 2 + (change.at % (paragraphs.length - 2))
    paragraphs[at] = `${paragraphs[at]} ${change.text}`
    write(dir, 'content/statement.md', paragraphs.join('\n\n'))
  } else if (change.kind === 'drop') {
    // A paragraph gone: its translations move to the obsolete files.
    const paragraphs = read(dir, 'content/statement.md').split('\n\n')
    const at = 2 + (change.at % (paragraphs.length - 3))
    dropped.unshift({at, text: paragraphs.splice(at, 1)[0]!})
    write(dir, 'content/statement.md', paragraphs.join('\n\n'))
  } else if (change.kind === 'undrop') {
    // The paragraph back: its translations come back from the obsolete files.
    const back = dropped.shift()
    if (!back) return
    const paragraphs = read(dir, 'content/statement.md').split('\n\n')
    paragraphs.splice(back.at, 0, back.text)
    write(dir, 'content/statement.md', paragraphs.join('\n\n'))
  } else if (change.kind === 'translation') {
    const path = `locales/${change.language}/statement.json`
    const strings = JSON.parse(read(dir, path)) as Record<string, string>
    const keys = Object.keys(strings)
    const key = keys[change.at % keys.length]!
    write(dir, path, `${JSON.stringify({...strings, [key]: `${strings[key]} (2)`}, null, 2)}\n`)
  } else {
    write(dir, change.file, JSON.stringify(JSON.parse(read(dir, change.file)), null, 4))
  }
}

describe('the records `segment` leaves (registry-digest.ts, locale-digest.ts)', () => {
  it('change nothing `segment` and `segment --check` say or write, whatever was edited since', () => {
    fc.assert(
      fc.property(fc.array(op, {minLength: 1, maxLength: 4}), (changes) => {
        const dir = tempProject()
        expect(concord(['segment'], dir, env).code).toBe(0)
        const dropped: Dropped = []
        for (const change of changes) apply(dir, change, dropped)
        // The same project without records.
        const twin = tempDir()
        cpSync(dir, twin, {recursive: true})
        for (const record of RECORDS) rmSync(join(twin, record), {force: true})
        const checked = concord(['segment', '--check'], dir, env)
        expect(checked).toEqual(concord(['segment', '--check'], twin, env))
        const segmented = concord(['segment'], dir, env)
        expect(segmented).toEqual(concord(['segment'], twin, env))
        expect(snapshot(dir)).toEqual(snapshot(twin))
      }),
      // The case CI's seed found: a run that moved translations to obsolete recorded that line, and the next run printed it again.
      {
        numRuns: 8,
        examples: [[[{kind: 'drop', at: 0}, {kind: 'segment'}]], [[{kind: 'drop', at: 3}, {kind: 'segment'}, {kind: 'undrop'}, {kind: 'segment'}]]]
      }
    )
  })
})
