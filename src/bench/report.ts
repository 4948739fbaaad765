import {POCOUNT, type StepResult} from './steps.js'

export interface Target {
  name: string
  status: 'pass' | 'fail' | 'not measured'
  detail: string
}

const seconds = (ms: number | null | undefined): string => (ms === null || ms === undefined ? '–' : (ms / 1000).toFixed(2))

const find = (results: StepResult[], corpus: string, step: string): StepResult | undefined => results.find((r) => r.corpus === corpus && r.step === step && r.status === 'ok')

/** The targets, judged from the measured steps (wall time, as the issue states them). */
export function judgeTargets(results: StepResult[], small: string, large: string): Target[] {
  const targets: Target[] = []
  for (const corpus of new Set([small, large])) {
    const build = find(results, corpus, 'build --format md,html')
    const pandoc = find(results, corpus, 'pandoc -f commonmark -t html')
    const name = `MD+HTML build of 4 languages ≤ 1.5× pandoc (${corpus})`
    if (!build || !pandoc) targets.push({name, status: 'not measured', detail: !build ? 'build --format md,html not measured' : 'pandoc not measured'})
    else {
      const ratio = build.ms! / pandoc.ms!
      targets.push({name, status: ratio <= 1.5 ? 'pass' : 'fail', detail: `${seconds(build.ms)} s vs pandoc ${seconds(pandoc.ms)} s = ${ratio.toFixed(2)}×`})
    }
  }

  const coverage = find(results, large, 'coverage')
  const pocount = find(results, large, POCOUNT)
  const counting = `coverage ≤ 1.5× pocount (${large})`
  if (!coverage || !pocount) targets.push({name: counting, status: 'not measured', detail: !coverage ? 'coverage not measured' : 'pocount not measured'})
  else {
    const ratio = coverage.ms! / pocount.ms!
    targets.push({name: counting, status: ratio <= 1.5 ? 'pass' : 'fail', detail: `${seconds(coverage.ms)} s vs pocount ${seconds(pocount.ms)} s = ${ratio.toFixed(2)}×`})
  }
  const check = find(results, large, 'segment --check (up to date)')
  const cold = find(results, large, 'segment (cold: no registry)')
  const checking = `segment --check faster than a cold segment (${large})`
  if (!check || !cold) targets.push({name: checking, status: 'not measured', detail: 'step not run'})
  else targets.push({name: checking, status: check.ms! < cold.ms! ? 'pass' : 'fail', detail: `${seconds(check.ms)} s vs ${seconds(cold.ms)} s`})

  const edit = find(results, large, 'segment after 1% reworded')
  targets.push(
    edit
      ? {
          name: `reconcile ${large} after 1% edits < 15 s and < 1.5 GB`,
          status: edit.ms! < 15_000 && (edit.rssMb ?? Infinity) < 1536 ? 'pass' : 'fail',
          detail: `${seconds(edit.ms)} s, ${edit.rssMb?.toFixed(0) ?? '?'} MB peak`
        }
      : {name: `reconcile ${large} after 1% edits < 15 s and < 1.5 GB`, status: 'not measured', detail: 'step not run'}
  )

  const growth: string[] = []
  let worst = 0
  for (const step of small === large ? [] : ['segment (cold: no registry)', 'segment after 1% reworded', 'build --format md,html', 'coverage']) {
    const a = find(results, small, step)
    const b = find(results, large, step)
    if (!a || !b) continue
    const ratio = b.ms! / a.ms!
    worst = Math.max(worst, ratio)
    growth.push(`${step} ${ratio.toFixed(1)}×`)
  }
  targets.push(
    growth.length
      ? {name: 'linear growth: 10× input ≤ 12× time', status: worst <= 12 ? 'pass' : 'fail', detail: growth.join('; ')}
      : {name: 'linear growth: 10× input ≤ 12× time', status: 'not measured', detail: 'needs both corpus sizes'}
  )

  const pdf = find(results, small, 'build --format pdf --lang ko,ja')
  const base = find(results, 'statement', 'build --format pdf --lang ko,ja')
  if (pdf && base) {
    const pages = Number(pdf.extra?.pages) - Number(base.extra?.pages)
    const rate = pages / ((pdf.ms! - base.ms!) / 1000)
    targets.push({
      name: 'PDF ≥ 40 pages/s (CJK) after fonts load',
      status: rate >= 40 ? 'pass' : 'fail',
      detail: `${rate.toFixed(1)} pages/s: ${pages} more pages than the statement's PDFs in ${seconds(pdf.ms! - base.ms!)} s more (start-up and font loading cancel out)`
    })
  } else targets.push({name: 'PDF ≥ 40 pages/s (CJK) after fonts load', status: 'not measured', detail: pdf ? 'statement PDF not measured' : 'PDF build not available'})

  for (const [step, how] of [
    ['build after one ko segment changed', 'one-off `concord build`'],
    ['build --watch: rebuild after one ko segment changed', '`concord build --watch`']
  ] as const) {
    const inc = find(results, 'statement', step)
    const name = `one segment changed: only affected outputs rewritten, ≤ 40% of a full build (${how})`
    if (!inc) {
      targets.push({name, status: 'not measured', detail: 'not available'})
      continue
    }
    const ratio = Number(inc.extra?.ratioToFull)
    const strays = Number(inc.extra?.unaffectedRewritten)
    targets.push({
      name,
      status: ratio <= 0.4 && strays === 0 ? 'pass' : 'fail',
      detail: `${seconds(inc.ms)} s = ${(ratio * 100).toFixed(0)}% of a full build; ${inc.extra?.rewritten} file(s) rewritten, ${strays} of other languages`
    })
  }
  return targets
}

function pad(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)))
  return rows
    .map((r) =>
      r
        .map((cell, c) => (c >= 2 && c <= 5 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
        .join('  ')
        .trimEnd()
    )
    .join('\n')
}

const notes = (r: StepResult): string => {
  if (r.status !== 'ok') return `${r.status === 'unavailable' ? 'not available yet' : 'FAILED'}: ${r.reason ?? ''}`
  return Object.entries(r.extra ?? {})
    .filter(([k]) => k !== 'rewrittenFiles')
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')
}

export function formatTable(results: StepResult[]): string {
  const rows = [['corpus', 'step', 'median s', 'runs', 'CPU s', 'peak MB', 'notes']]
  for (const r of results) {
    rows.push([r.corpus, r.step, seconds(r.ms), String(r.runsMs?.length ?? '–'), seconds(r.cpuMs), r.rssMb ? r.rssMb.toFixed(0) : '–', notes(r)])
  }
  return pad(rows)
}

export function formatTargets(targets: Target[]): string {
  const mark = {pass: 'PASS', fail: 'FAIL', 'not measured': 'n/a '}
  return targets.map((t) => `${mark[t.status]}  ${t.name}: ${t.detail}`).join('\n')
}
