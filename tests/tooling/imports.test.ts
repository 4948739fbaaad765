/**
 * The import rules of `.dependency-cruiser.mjs` (run by `npm run lint`): the
 * real tree keeps them, and a copy of it with a circle and an upward import
 * added is refused, so the rules are shown to bite.
 */
import {spawnSync} from 'node:child_process'
import {appendFileSync, cpSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import ts from 'typescript'
import {describe, expect, it} from 'vitest'
import {repo, tempDir} from '../helpers/cli.js'

interface Violation {
  from: string
  to: string
  rule: {name: string}
  cycle?: Array<{name: string}>
}

/** dependency-cruiser over `src/` of `dir`, with the project's rules. */
function cruise(dir: string): Violation[] {
  const bin = join(repo, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs')
  const config = join(repo, '.dependency-cruiser.mjs')
  const run = spawnSync(process.execPath, [bin, '--config', config, '--output-type', 'json', 'src'], {cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20})
  expect(run.stdout, run.stderr).not.toBe('')
  return (JSON.parse(run.stdout) as {summary: {violations: Violation[]}}).summary.violations
}

const describeViolation = (v: Violation): string => `${v.rule.name}: ${v.cycle ? [v.from, ...v.cycle.map((c) => c.name)].join(' → ') : `${v.from} → ${v.to}`}`

describe('import rules', {timeout: 120_000}, () => {
  it('hold for the source tree: no circles, imports only down the stages', () => {
    expect(cruise(repo).map(describeViolation)).toEqual([])
  })

  it('refuse a circular import and an import up the stages', () => {
    const dir = tempDir('concord-imports-')
    cpSync(join(repo, 'src'), join(dir, 'src'), {recursive: true})
    cpSync(join(repo, 'tsconfig.json'), join(dir, 'tsconfig.json'))
    // options.ts already imports json.ts; this closes the circle.
    appendFileSync(join(dir, 'src/core/json.ts'), "\nimport './options.js'\n")
    // The segment stage reaching up into the CLI.
    appendFileSync(join(dir, 'src/segment/blocks.ts'), "\nimport '../cli/report.js'\n")

    const found = cruise(dir)
    const circles = found.filter((v) => v.rule.name === 'no-circular').map((v) => [v.from, ...v.cycle!.map((c) => c.name)])
    expect(circles).toContainEqual(expect.arrayContaining(['src/core/json.ts', 'src/core/options.ts']))
    expect(found.map(describeViolation)).toContain('stage-segment: src/segment/blocks.ts → src/cli/report.ts')
  })

  it('let src/index.ts only re-export', () => {
    const file = join(repo, 'src/index.ts')
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022)
    const other = source.statements.filter((s) => !(ts.isExportDeclaration(s) && s.moduleSpecifier)).map((s) => s.getText(source).slice(0, 60))
    expect(other).toEqual([])
    expect(source.statements.length).toBeGreaterThan(0)
  })
})
