import type {Counts} from './count.js'

/** Escape text for SVG (XML) content and attribute values. */
export function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[c]!)
}

const truncate = (text: string, max: number): string => ([...text].length > max ? [...text].slice(0, max - 1).join('') + '…' : text)

/** Colours chosen for contrast and colour-blind safety; every shape also carries its number as text. */
const STATE_FILL = {reviewed: '#1b7837', translated: '#5aae61', stale: '#e08214', missing: '#d9d9d9'} as const

/** Heat map buckets, darkest where work is done; text colour picked for contrast on each. */
const BUCKETS: Array<[number, string, string]> = [
  [100, '#1a9850', '#ffffff'],
  [75, '#91cf60', '#1a1a1a'],
  [50, '#fee08b', '#1a1a1a'],
  [25, '#fc8d59', '#1a1a1a'],
  [0, '#d73027', '#ffffff']
]

export function bucket(percent: number): {fill: string; text: string} {
  const [, fill, text] = BUCKETS.find(([min]) => percent >= min)!
  return {fill, text}
}

export interface BarRow {
  label: string
  counts: Counts
}

export interface BarLabels {
  title: string
  reviewed: string
  translated: string
  stale: string
  missing: string
}

const FONT = 'font-family="system-ui, -apple-system, \'Segoe UI\', \'Noto Sans\', sans-serif" font-size="13"'

/** One stacked bar per language: reviewed, translated, stale, missing; percent as text beside it. */
export function barChart(rows: BarRow[], labels: BarLabels, idPrefix: string): string {
  const labelWidth = 150
  const barWidth = 360
  const rowHeight = 28
  const height = rows.length * rowHeight + 40
  const width = labelWidth + barWidth + 70
  const parts: string[] = []
  rows.forEach((row, index) => {
    const y = index * rowHeight + 6
    const c = row.counts
    const runs: Array<[keyof typeof STATE_FILL, number]> = [
      ['reviewed', c.reviewed],
      ['translated', c.translated - c.reviewed],
      ['stale', c.stale],
      ['missing', c.missing]
    ]
    parts.push(`<text x="0" y="${y + 14}">${escapeXml(truncate(row.label, 20))}</text>`)
    let x = labelWidth
    for (const [state, n] of runs) {
      if (n === 0 || c.total === 0) continue
      const w = Math.round((n / c.total) * barWidth * 10) / 10
      parts.push(`<rect x="${x}" y="${y}" width="${w}" height="18" fill="${STATE_FILL[state]}"><title>${escapeXml(`${row.label}: ${n} ${labels[state]}`)}</title></rect>`)
      x = Math.round((x + w) * 10) / 10
    }
    parts.push(`<rect x="${labelWidth}" y="${y}" width="${barWidth}" height="18" fill="none" stroke="#555"/>`)
    parts.push(`<text x="${labelWidth + barWidth + 8}" y="${y + 14}">${c.percent.toFixed(1)}%</text>`)
  })
  const legendY = rows.length * rowHeight + 16
  let lx = 0
  for (const state of ['reviewed', 'translated', 'stale', 'missing'] as const) {
    parts.push(`<rect x="${lx}" y="${legendY}" width="12" height="12" fill="${STATE_FILL[state]}" stroke="#555"/>`)
    parts.push(`<text x="${lx + 16}" y="${legendY + 11}">${escapeXml(labels[state])}</text>`)
    lx += 120
  }
  return svg(width, height, `${idPrefix}-title`, labels.title, parts)
}

export interface HeatRow {
  label: string
  cells: Array<{percent: number; detail: string}>
}

/**
 * Section × language grid: each cell coloured by percent and labelled with
 * it. An image holds no links (assistive technology would not reach them);
 * the table beside it links each section.
 */
export function heatMap(columns: string[], rows: HeatRow[], title: string, idPrefix: string): string {
  const labelWidth = 280
  const cellWidth = 72
  const cellHeight = 24
  const top = 24
  const width = labelWidth + columns.length * cellWidth + 4
  const height = top + rows.length * cellHeight + 4
  const parts: string[] = []
  columns.forEach((column, i) => {
    parts.push(`<text x="${labelWidth + i * cellWidth + cellWidth / 2}" y="16" text-anchor="middle" font-weight="bold">${escapeXml(column)}</text>`)
  })
  rows.forEach((row, r) => {
    const y = top + r * cellHeight
    parts.push(`<text x="0" y="${y + 16}">${escapeXml(truncate(row.label, 40))}<title>${escapeXml(row.label)}</title></text>`)
    row.cells.forEach((cell, i) => {
      const x = labelWidth + i * cellWidth
      const {fill, text} = bucket(cell.percent)
      parts.push(
        `<rect x="${x + 1}" y="${y + 1}" width="${cellWidth - 2}" height="${cellHeight - 2}" fill="${fill}"><title>${escapeXml(`${columns[i]}: ${cell.detail}`)}</title></rect>` +
          `<text x="${x + cellWidth / 2}" y="${y + 16}" text-anchor="middle" fill="${text}">${cell.percent.toFixed(1)}%</text>`
      )
    })
  })
  return svg(width, height, `${idPrefix}-title`, title, parts)
}

/** The open tag sits alone on its line and no line is blank, so Markdown keeps the whole SVG as one raw HTML block. */
function svg(width: number, height: number, titleId: string, title: string, parts: string[]): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${escapeXml(titleId)}" ${FONT}>\n` +
    `<title id="${escapeXml(titleId)}">${escapeXml(title)}</title>\n${parts.join('\n')}\n</svg>`
  )
}
