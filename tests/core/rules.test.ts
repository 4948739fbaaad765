import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join, relative} from 'node:path'
import {fileURLToPath} from 'node:url'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {describe, expect, it} from 'vitest'
import {parseJson} from '../../src/core/json.js'
import {reportRule, RULES, ruleAnchor, ruleUrl, type RuleId} from '../../src/core/rules.js'
import {ruleListing} from '../../src/cli/commands/rules.js'
import {concord, repo, tempDir} from '../helpers/cli.js'

const START = '<!-- rules:start -->'
const END = '<!-- rules:end -->'
const ids = Object.keys(RULES) as RuleId[]

/**
 * The README tables, one per severity (what stops a command first), one row per rule with the
 * anchor messages' `url`s point to. The stage is left out: `concord rules` prints it.
 */
function rulesTable(): string {
  const cell = (text: string): string => text.replace(/\|/g, '\\|')
  const groups = [
    ['error', 'Errors (exit 1)'],
    ['warning', 'Warnings'],
    ['info', 'Info']
  ] as const
  // A severity without a group would drop its rules from the README, and their links with them.
  expect(ids.filter((id) => !groups.some(([severity]) => RULES[id].severity === severity))).toEqual([])
  return groups
    .map(([severity, title]) => {
      const rows = ids.filter((id) => RULES[id].severity === severity).map((id) => `| <a id="${ruleAnchor(id)}"></a>\`${id}\` | ${cell(RULES[id].summary)} |`)
      return [`| ${title} | What it means |`, '| --- | --- |', ...rows].join('\n')
    })
    .join('\n\n')
}

/** Every .ts file under src/, for the checks that literals outside the typed helpers are catalogued. */
function sources(dir = join(repo, 'src')): Array<{path: string; text: string}> {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sources(path)
    return entry.name.endsWith('.ts') ? [{path: relative(repo, path), text: readFileSync(path, 'utf8')}] : []
  })
}

describe('the rule catalog (core/rules.ts)', () => {
  it('is the README table between the rules markers (UPDATE=1 rewrites it)', () => {
    const path = join(repo, 'README.md')
    const readme = readFileSync(path, 'utf8')
    const start = readme.indexOf(START)
    const end = readme.indexOf(END)
    expect(start, 'README.md needs the rules markers').toBeGreaterThan(-1)
    expect(end).toBeGreaterThan(start)
    const updated = `${readme.slice(0, start + START.length)}\n${rulesTable()}\n${readme.slice(end)}`
    if (process.env.UPDATE === '1') writeFileSync(path, updated)
    else expect(readme).toBe(updated)
  })

  it('names every rule ID the code reports, and every rule it names is reported somewhere', () => {
    const files = sources().filter((f) => f.path !== join('src', 'core', 'rules.ts'))
    // Sites outside the typed helpers: `ruleId: '…'` options and `[rule-id]` ends of printed lines.
    const used = new Set(files.flatMap((f) => [...f.text.matchAll(/ruleId: '([^']+)'|\[([a-z]+(?:-[a-z]+)+)\]`/g)].map((m) => m[1] ?? m[2]!)))
    used.delete('rule-id') // the placeholder in help texts and comments
    expect([...used].filter((id) => !Object.hasOwn(RULES, id))).toEqual([])
    const all = files.map((f) => f.text).join('\n')
    expect(ids.filter((id) => !all.includes(`'${id}'`) && !all.includes(`[${id}]`))).toEqual([])
  })

  it('gives messages the rule severity and a URL to the rule in the README', () => {
    const file = new VFile({path: 'broken.json'})
    let thrown: unknown
    try {
      parseJson('{"a": 1, "a": 2}', file)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(VFileMessage)
    const message = thrown as VFileMessage
    expect([message.ruleId, message.fatal, message.line, message.source]).toEqual(['json-duplicate-key', true, 1, 'concord'])
    const url = new URL(message.url!)
    expect(url.protocol).toBe('file:')
    expect(readFileSync(fileURLToPath(url), 'utf8')).toContain(`<a id="${url.hash.slice(1)}"></a>`)
    // Warnings and info go on (fatal false / undefined), as vfile's own `message` and `info` do.
    expect(reportRule(file, 'import-stale', 'Unexpected x, expected y', {line: 2, column: 1}).fatal).toBe(false)
    expect(reportRule(file, 'stale-translation', 'Unexpected x, expected y', {line: 3, column: 1}).fatal).toBeUndefined()
    expect(file.messages.map((m) => m.ruleId)).toEqual(['json-duplicate-key', 'import-stale', 'stale-translation'])
    expect(ruleUrl('encoding')).toBe(new URL('README.md#rule-encoding', `file://${repo}/`).href)
  })
})

describe('concord rules', () => {
  it('lists every rule with its severity, stage and meaning, or the catalog as JSON', () => {
    const dir = tempDir()
    const text = concord(['rules'], dir)
    expect(text.code, text.stderr).toBe(0)
    const lines = text.stdout.trimEnd().split('\n')
    expect(lines).toHaveLength(ids.length)
    expect(lines[0]).toMatch(/^config-invalid +error +core +`\.concordrc\.json` has an unknown key/)
    expect(lines.find((l) => l.startsWith('stale-translation '))).toMatch(/^stale-translation +info +translations +the English changed/)
    const json = concord(['rules', '--json'], dir)
    expect(json.code, json.stderr).toBe(0)
    expect(JSON.parse(json.stdout)).toEqual(ruleListing())
    expect(ruleListing().find((r) => r.id === 'pdf-glyph-missing')).toEqual({
      id: 'pdf-glyph-missing',
      severity: 'error',
      stage: 'editions',
      summary: 'a character that no PDF font can draw',
      docs: 'README.md#rule-pdf-glyph-missing'
    })
    expect(existsSync(join(dir, 'output'))).toBe(false)
  })
})
