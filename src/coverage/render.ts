import {createHash} from 'node:crypto'
import type {List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Table, TableCell} from 'mdast'
import {unified} from 'unified'
import remarkGfm from 'remark-gfm'
import remarkRehype from 'remark-rehype'
import rehypeStringify from 'rehype-stringify'
import remarkStringify from 'remark-stringify'
import {showsCharacters, type Coverage, type DocumentCoverage, type LanguageTotals} from './count.js'
import {barChart, escapeXml, heatMap} from './svg.js'
import {LANGUAGES} from '../core/languages.js'

/** An i18next `t` bound to the `ui` namespace. */
export type Translate = (key: string, options?: Record<string, unknown>) => string

export interface ReportOptions {
  t: Translate
  /** Language of the report's own words. Default `'en'`. */
  language?: string
}

/** Where a segment lives in the aligned HTML edition, relative to the report in output/. */
export function alignedHref(document: string, id: string | null): string {
  // A document ID is a file name: `#`, `?`, `%` or a space in it must not end or alter the link's path.
  return `aligned/${encodeURIComponent(document)}.html${id === null ? '' : `#${id}`}`
}

const text = (value: string): PhrasingContent => ({type: 'text', value})
const cell = (children: PhrasingContent[] | string): TableCell => ({type: 'tableCell', children: typeof children === 'string' ? [text(children)] : children})
const heading = (depth: 1 | 2 | 3 | 4, children: PhrasingContent[] | string): RootContent => ({type: 'heading', depth, children: typeof children === 'string' ? [text(children)] : children})
const paragraph = (children: PhrasingContent[] | string): Paragraph => ({type: 'paragraph', children: typeof children === 'string' ? [text(children)] : children})
const item = (children: ListItem['children']): ListItem => ({type: 'listItem', spread: false, children})
const list = (children: ListItem[]): List => ({type: 'list', ordered: false, spread: false, children})
const link = (url: string, children: PhrasingContent[]): PhrasingContent => ({type: 'link', url, children})

/** `ko (한국어)`, with the endonym marked with its language for screen readers. */
function languageLabel(code: string): PhrasingContent[] {
  const name = Object.hasOwn(LANGUAGES, code) ? LANGUAGES[code]!.name : code
  return [text(`${code} (`), {type: 'html', value: `<span lang="${escapeXml(code)}">`}, text(name), {type: 'html', value: '</span>'}, text(')')]
}

const plainLabel = (code: string): string => `${code} (${Object.hasOwn(LANGUAGES, code) ? LANGUAGES[code]!.name : code})`

/** A text bar, for places that strip SVG (GitHub). */
export function textBar(percent: number): string {
  const full = Math.round(percent / 10)
  return '█'.repeat(full) + '░'.repeat(10 - full)
}

function table(header: string[], rows: TableCell[][]): Table {
  return {
    type: 'table',
    align: header.map((_, i) => (i === 0 ? 'left' : 'right')),
    children: [{type: 'tableRow', children: header.map((h) => cell(h))}, ...rows.map((children) => ({type: 'tableRow' as const, children}))]
  }
}

function languageTable(languages: Record<string, LanguageTotals>, t: Translate): Table {
  // The draft column only when there are drafts: reports of projects without any stay as they were.
  const drafts = Object.values(languages).some((c) => c.draft > 0)
  const header = [
    t('language'),
    t('total'),
    t('translated'),
    t('reviewed'),
    ...(drafts ? [t('drafts')] : []),
    t('stale'),
    t('missing'),
    t('percent'),
    t('wordsTranslated'),
    t('targetCharacters')
  ]
  const rows = Object.entries(languages).map(([code, c]) => [
    cell(languageLabel(code)),
    ...[c.total, c.translated, c.reviewed, ...(drafts ? [c.draft] : []), c.stale, c.missing].map((n) => cell(String(n))),
    cell(`${textBar(c.percent)} ${c.percent.toFixed(1)}%`),
    cell(`${c.wordPercent.toFixed(1)}%`),
    cell(showsCharacters(code) ? String(c.characters) : '–')
  ])
  return table(header, rows)
}

const svgBlock = (value: string): RootContent => ({type: 'html', value})

function bars(languages: Record<string, LanguageTotals>, t: Translate, idPrefix: string): RootContent {
  const rows = Object.entries(languages).map(([code, counts]) => ({label: plainLabel(code), counts}))
  return svgBlock(barChart(rows, {title: t('coverageTitle'), reviewed: t('reviewed'), translated: t('translated'), stale: t('stale'), missing: t('missing')}, idPrefix))
}

function documentSection(doc: DocumentCoverage, t: Translate): RootContent[] {
  const codes = Object.keys(doc.languages)
  const sectionIds = doc.languages[codes[0]!]?.sections ?? []
  const sectionLabel = (id: string | null, headingText: string | null): string => (id === null ? t('beforeFirstHeading') : (headingText ?? id))
  const nodes: RootContent[] = [
    heading(2, `${doc.id}${doc.title ? ` — ${doc.title}` : ''}`),
    paragraph(`${t('segments', {count: doc.segments})} · ${t('sourceWords')}: ${doc.words}`),
    bars(doc.languages, t, `bars-${encodeURIComponent(doc.id)}`),
    languageTable(doc.languages, t),
    heading(3, t('sectionCoverage'))
  ]
  const heatRows = sectionIds.map((section, index) => ({
    label: sectionLabel(section.id, section.heading),
    href: alignedHref(doc.id, section.id),
    cells: codes.map((code) => {
      const s = doc.languages[code]!.sections[index]!
      return {percent: s.percent, detail: `${s.translated}/${s.total} ${t('translated')}, ${s.stale} ${t('stale')}, ${s.missing} ${t('missing')}`}
    })
  }))
  nodes.push(svgBlock(heatMap(codes, heatRows, `${t('sectionCoverage')}: ${doc.id}`, `heat-${encodeURIComponent(doc.id)}`)))
  nodes.push(
    table(
      [t('section'), ...codes],
      heatRows.map((row, index) => [
        cell([link(row.href, [text(row.label)])]),
        ...codes.map((code) => {
          const s = doc.languages[code]!.sections[index]!
          return cell(`${s.percent.toFixed(1)}% (${s.translated}/${s.total})`)
        })
      ])
    )
  )
  nodes.push(heading(3, t('gaps')))
  for (const code of codes) {
    const lang = doc.languages[code]!
    const summary = `${t('missingSegments', {count: lang.missing})}, ${t('staleSegments', {count: lang.stale})}`
    nodes.push(heading(4, [...languageLabel(code), text(` — ${summary}`)]))
    if (lang.gaps.length === 0) {
      nodes.push(paragraph(t('noGaps')))
      continue
    }
    // Grouped by section, each gap a link to its segment in the aligned edition.
    const items: ListItem[] = []
    for (const section of lang.sections) {
      const gaps = lang.gaps.filter((gap) => gap.section === section.id)
      if (gaps.length === 0) continue
      const entries = gaps.map((gap) =>
        item([paragraph([link(alignedHref(doc.id, gap.id), [{type: 'inlineCode', value: gap.id}]), text(` — ${t(gap.state === 'draft' ? 'drafts' : gap.state)}`)])])
      )
      items.push(item([paragraph([link(alignedHref(doc.id, section.id), [text(sectionLabel(section.id, section.heading))])]), list(entries)]))
    }
    nodes.push(list(items))
  }
  return nodes
}

/** The report as mdast: one tree gives both the Markdown and the HTML, so they never disagree. */
export function coverageTree(coverage: Coverage, options: ReportOptions): Root {
  const {t} = options
  const children: RootContent[] = [heading(1, t('coverageTitle'))]
  for (const doc of coverage.documents) children.push(...documentSection(doc, t))
  if (coverage.documents.length > 1) {
    children.push(heading(2, t('allDocuments')), paragraph(`${t('segments', {count: coverage.totals.segments})} · ${t('sourceWords')}: ${coverage.totals.words}`))
    children.push(bars(coverage.totals.languages, t, 'bars-all'), languageTable(coverage.totals.languages, t))
  }
  return {type: 'root', children}
}

const markdown = unified().use(remarkGfm, {tablePipeAlign: false}).use(remarkStringify, {bullet: '-', emphasis: '*', strong: '*'})
const html = unified().use(remarkRehype, {allowDangerousHtml: true}).use(rehypeStringify, {allowDangerousHtml: true})

export function renderCoverageMarkdown(coverage: Coverage, options: ReportOptions): string {
  return markdown.stringify(coverageTree(coverage, options))
}

const STYLE = `body{font-family:system-ui,-apple-system,'Segoe UI','Noto Sans','Noto Sans KR','Noto Sans JP',sans-serif;margin:2rem auto;max-width:64rem;padding:0 1rem;color:#1a1a1a;line-height:1.5}
table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #bbb;padding:.25rem .5rem}th{background:#f0f0f0}
td:not(:first-child){text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}svg{max-width:100%;height:auto;display:block;margin:1rem 0}
a{color:#0645ad}code{font-size:.95em}@media print{a{color:inherit}}`

/** Nothing may load or run: only the inline style below, by its hash. */
const CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; script-src 'none'; img-src data:; base-uri 'none'; form-action 'none'`

/** A standalone page: CSS inline, no scripts, no network requests. */
export function renderCoverageHtml(coverage: Coverage, options: ReportOptions): string {
  const body = html.stringify(html.runSync(coverageTree(coverage, options)))
  const language = options.language ?? 'en'
  return `<!doctype html>
<html lang="${escapeXml(language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(options.t('coverageTitle'))}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`
}
