import {createHash} from 'node:crypto'
import {readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {measure} from './measure.js'
import {concord, countPages, listFiles, toResult, type StepResult} from './steps.js'

interface Snapshot {
  [path: string]: {hash: string; mtimeMs: number}
}

function snapshotOutputs(out: string): Snapshot {
  const files: Snapshot = {}
  for (const f of listFiles(out)) {
    if (f.startsWith('.cache/')) continue
    const path = join(out, f)
    files[f] = {hash: createHash('sha256').update(readFileSync(path)).digest('hex'), mtimeMs: statSync(path).mtimeMs}
  }
  return files
}

/** Outputs that belong to a language other than `language` (its own folder, aligned editions and reports may change). */
const otherLanguage = (path: string, language: string): boolean => /^(en|ko|ja|mn)\//.test(path) && !path.startsWith(`${language}/`)

/**
 * The real statement: a full build, then one Korean translation changed
 * and everything rebuilt. Only Korean and aligned outputs may be rewritten,
 * and the rebuild should cost a fraction of the full build.
 */
export function incrementalSteps(dir: string, runs: number): StepResult[] {
  const name = 'statement'
  const out = join(dir, 'output')
  const results: StepResult[] = []
  const full = measure(runs, () => concord(dir, ['build']), () => rmSync(out, {recursive: true, force: true}))
  const pdfs = listFiles(out).filter((f) => f.endsWith('.pdf'))
  results.push(toResult(name, 'build (full, all formats)', full, {
    files: listFiles(out).length,
    pages: pdfs.reduce((sum, f) => sum + countPages(join(out, f)), 0)
  }))
  if (!full.ok) return results

  const localeFile = join(dir, 'locales', 'ko', 'statement.json')
  const original = readFileSync(localeFile, 'utf8')
  const strings = JSON.parse(original) as Record<string, string>
  const id = Object.keys(strings)[1] ?? Object.keys(strings)[0]!
  let before: Snapshot = {}
  let rewritten: string[] = []
  const rebuild = (): ReturnType<typeof concord> => {
    const result = concord(dir, ['build'])
    const after = snapshotOutputs(out)
    rewritten = Object.keys(after).filter((f) => !before[f] || before[f]!.mtimeMs !== after[f]!.mtimeMs)
    return result
  }
  const edit = measure(runs, rebuild, (i) => {
    before = snapshotOutputs(out)
    // Each run changes the translation again, so that every run has something to rebuild.
    writeFileSync(localeFile, JSON.stringify({...strings, [id]: `${strings[id]} (${i + 1})`}, null, 2) + '\n')
  })
  const strays = rewritten.filter((f) => otherLanguage(f, 'ko'))
  writeFileSync(localeFile, original)
  const ratio = full.ok && edit.ok ? edit.measurement.ms / full.measurement.ms : NaN
  results.push(toResult(name, 'build after one ko segment changed', edit, {
    rewritten: rewritten.length,
    rewrittenFiles: rewritten.join(' '),
    unaffectedRewritten: strays.length,
    ratioToFull: Math.round(ratio * 1000) / 1000
  }))
  return results
}
