import pc from 'picocolors'
import type {Coverage, LanguageTotals} from './count.js'
import {reviewedPercent, stateColumns, targetVolume, type Translate} from './report-parts.js'

/** Terminal columns a string takes: Hangul, kana, CJK ideographs and full-width forms take two. */
export function displayWidth(value: string): number {
  let width = 0
  for (const c of value)
    width += /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(c) ? 2 : 1
  return width
}

export interface TableOptions {
  t: Translate
  /** Colour the percent column (only when stdout is a terminal). */
  color: boolean
}

/**
 * Documents × languages as an aligned plain-text table. With several
 * documents, a totals row per language follows.
 */
export function renderCoverageTable(coverage: Coverage, options: TableOptions): string {
  const {t} = options
  const colors = pc.createColors(options.color)
  const states = stateColumns(Object.values(coverage.totals.languages), t)
  const header = [t('document'), t('language'), ...states.header, t('percent'), t('sourceWords'), t('targetVolume')]
  const percentColumn = 2 + states.header.length
  const rows: string[][] = []
  const row = (document: string, words: number, code: string, c: LanguageTotals): string[] => [
    document,
    code,
    ...states.values(c).map(String),
    `${c.percent.toFixed(1)}%`,
    String(words),
    targetVolume(code, c, t)
  ]
  for (const doc of coverage.documents) {
    for (const [code, c] of Object.entries(doc.languages)) rows.push(row(doc.id, doc.words, code, c))
  }
  if (coverage.documents.length > 1) {
    for (const [code, c] of Object.entries(coverage.totals.languages)) rows.push(row(t('allDocuments'), coverage.totals.words, code, c))
  }
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]!))))
  const pad = (value: string, i: number): string => {
    const fill = ' '.repeat(widths[i]! - displayWidth(value))
    return i < 2 ? value + fill : fill + value
  }
  const paint = (value: string, percent: number): string => (percent >= 100 ? colors.green(value) : percent >= 50 ? colors.yellow(value) : colors.red(value))
  const lines = [header.map(pad).join('  '), widths.map((w) => '-'.repeat(w)).join('  ')]
  for (const r of rows) {
    const percent = Number.parseFloat(r[percentColumn]!)
    lines.push(
      r
        .map((value, i) => (i === percentColumn ? paint(pad(value, i), percent) : pad(value, i)))
        .join('  ')
        .trimEnd()
    )
  }
  // Each language's gate over all documents, and translated beside reviewed: 100% translated is not 100% reviewed.
  lines.push('')
  for (const [code, c] of Object.entries(coverage.totals.languages)) {
    const gate = c.threshold === null ? t('noGate') : `${t('gate').toLowerCase()} ${c.threshold}% ${c.passed ? t('passes') : colors.red(t('fails'))}`
    lines.push(`${code}: ${gate} · ${c.percent.toFixed(1)}% ${t('translated').toLowerCase()}, ${reviewedPercent(c).toFixed(1)}% ${t('reviewed').toLowerCase()}`)
  }
  return lines.map((l) => l.trimEnd()).join('\n') + '\n'
}
