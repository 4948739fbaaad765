import {createHash} from 'node:crypto'
import type {List, ListItem, PhrasingContent, Root, RootContent, Table} from 'mdast'
import {unified} from 'unified'
import remarkGfm from 'remark-gfm'
import remarkRehype from 'remark-rehype'
import rehypeStringify from 'rehype-stringify'
import remarkStringify from 'remark-stringify'
import type {Element, Root as HastRoot} from 'hast'
import {SKIP, visit} from 'unist-util-visit'
import type {Coverage, DocumentCoverage, LanguageTotals} from './count.js'
import {barChart, escapeXml, heatMap} from './svg.js'
import {reportHandlers} from './markdown-handlers.js'
import {LANGUAGES} from '../core/languages.js'
import {
  buildLine,
  cell,
  editionLinks,
  gapItem,
  gapsBySection,
  gatesTable,
  item,
  link,
  paragraph,
  reviewedPercent,
  stateColumns,
  table,
  targetVolume,
  text,
  type BuildInfo,
  type EditionLinks,
  type Translate
} from './report-parts.js'

export type {BuildInfo, EditionLinks, Translate} from './report-parts.js'

export interface ReportOptions {
  t: Translate
  /** Language of the report's own words. Default `'en'`. */
  language?: string
  /** Text bars (█░) beside the percentages, for Markdown viewers that strip the SVG charts; never in HTML, where the chart carries them. */
  textBars?: boolean
  /** The build date and source revision to print. */
  build?: BuildInfo
  /** Link each document's editions. */
  editions?: EditionLinks
}

/** Where a segment lives in the aligned HTML edition, relative to the report in output/. */
export function alignedHref(document: string, id: string | null): string {
  // A document ID is a file name: `#`, `?`, `%` or a space in it must not end or alter the link's path.
  return `aligned/${encodeURIComponent(document)}.html${id === null ? '' : `#${id}`}`
}

const heading = (depth: 1 | 2 | 3 | 4, children: PhrasingContent[] | string): RootContent => ({type: 'heading', depth, children: typeof children === 'string' ? [text(children)] : children})
const list = (children: ListItem[]): List => ({type: 'list', ordered: false, spread: false, children})

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

/** Translated and reviewed percentages side by side, so that a language translated in full but never reviewed shows as such. */
function languageTable(languages: Record<string, LanguageTotals>, t: Translate, textBars: boolean): Table {
  const states = stateColumns(Object.values(languages), t)
  const header = [t('language'), ...states.header, t('percent'), t('reviewedPercent'), t('wordsTranslated'), t('targetVolume')]
  const rows = Object.entries(languages).map(([code, c]) => [
    cell(languageLabel(code)),
    ...states.values(c).map((n) => cell(String(n))),
    cell(`${textBars ? `${textBar(c.percent)} ` : ''}${c.percent.toFixed(1)}%`),
    cell(`${reviewedPercent(c).toFixed(1)}%`),
    cell(`${c.wordPercent.toFixed(1)}%`),
    cell(targetVolume(code, c, t))
  ])
  return table(header, rows)
}

const svgBlock = (value: string): RootContent => ({type: 'html', value})

function bars(languages: Record<string, LanguageTotals>, t: Translate, idPrefix: string): RootContent {
  const rows = Object.entries(languages).map(([code, counts]) => ({label: plainLabel(code), counts}))
  return svgBlock(barChart(rows, {title: t('coverageTitle'), reviewed: t('reviewed'), translated: t('translated'), stale: t('stale'), missing: t('missing')}, idPrefix))
}

function documentSection(doc: DocumentCoverage, options: ReportOptions): RootContent[] {
  const {t} = options
  const codes = Object.keys(doc.languages)
  const sectionIds = doc.languages[codes[0]!]?.sections ?? []
  const sectionLabel = (id: string | null, headingText: string | null): string => (id === null ? t('beforeFirstHeading') : (headingText ?? id))
  const nodes: RootContent[] = [
    heading(2, `${doc.id}${doc.title ? ` — ${doc.title}` : ''}`),
    paragraph(`${t('segments', {count: doc.segments})} · ${t('sourceWords')}: ${doc.words}`),
    ...(options.editions ? [editionLinks(doc, options.editions, t)] : []),
    bars(doc.languages, t, `bars-${encodeURIComponent(doc.id)}`),
    languageTable(doc.languages, t, options.textBars === true),
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
          return cell(`${s.percent.toFixed(1)}% (${s.translated}/${s.total}, ${s.reviewed} ${t('reviewed').toLowerCase()})`)
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
    const bySection = gapsBySection(lang.gaps)
    for (const section of lang.sections) {
      const gaps = bySection.get(section.id)
      if (gaps === undefined) continue
      const entries = gaps.map((gap) => gapItem(doc, gap, alignedHref(doc.id, gap.id), t))
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
  const built = buildLine(options.build, t)
  if (built) children.push(built)
  children.push(...gatesTable(coverage, t, languageLabel))
  for (const doc of coverage.documents) children.push(...documentSection(doc, options))
  if (coverage.documents.length > 1) {
    children.push(heading(2, t('allDocuments')), paragraph(`${t('segments', {count: coverage.totals.segments})} · ${t('sourceWords')}: ${coverage.totals.words}`))
    children.push(bars(coverage.totals.languages, t, 'bars-all'), languageTable(coverage.totals.languages, t, options.textBars === true))
  }
  return {type: 'root', children}
}

const markdown = unified().use(remarkGfm, {tablePipeAlign: false}).use(remarkStringify, {bullet: '-', emphasis: '*', strong: '*', handlers: reportHandlers})
/**
 * Each table in a region of its own that scrolls sideways on a narrow
 * screen (the page itself never does), reachable and named for keyboard and
 * screen reader users.
 */
function scrollingTables() {
  return (tree: HastRoot): void => {
    // Named after the heading above and the columns, and unique: a landmark must be told apart from the others.
    let heading = ''
    const used = new Map<string, number>()
    visit(tree, 'element', (node, index, parent) => {
      if (/^h[1-4]$/.test(node.tagName)) heading = toText(node).replace(/\s+/g, ' ').trim()
      if (node.tagName !== 'table' || parent === undefined || index === undefined) return
      const header = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'thead')
      const base = `${heading}: ${header ? toText(header).replace(/\s+/g, ' ').trim() : 'table'}`
      const seen = (used.get(base) ?? 0) + 1
      used.set(base, seen)
      parent.children[index] = {
        type: 'element',
        tagName: 'div',
        properties: {className: ['table'], role: 'region', tabIndex: 0, ariaLabel: seen === 1 ? base : `${base} (${seen})`},
        children: [node]
      }
      return SKIP
    })
  }
}

const toText = (node: Element): string => node.children.map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? ` ${toText(c)}` : '')).join('')

const html = unified().use(remarkRehype, {allowDangerousHtml: true}).use(scrollingTables).use(rehypeStringify, {allowDangerousHtml: true})

export function renderCoverageMarkdown(coverage: Coverage, options: ReportOptions): string {
  return markdown.stringify(coverageTree(coverage, {textBars: true, ...options}))
}

const STYLE = `body{font-family:system-ui,-apple-system,'Segoe UI','Noto Sans','Noto Sans KR','Noto Sans JP',sans-serif;margin:2rem auto;max-width:64rem;padding:0 1rem;color:#1a1a1a;line-height:1.5}
table{border-collapse:collapse}.table{margin:1rem 0;max-width:100%;overflow-x:auto}th,td{border:1px solid #bbb;padding:.25rem .5rem}th{background:#f0f0f0}
main{overflow-wrap:anywhere}@media (max-width:40rem){body{margin:1rem auto;padding:0 .5rem}th,td{padding:.2rem .3rem}}
td:not(:first-child){text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}svg{max-width:100%;height:auto;display:block;margin:1rem 0}
a{color:#0645ad}code{font-size:.95em}@media print{a{color:inherit}}`

/** Nothing may load or run: only the inline style below, by its hash. */
const CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; script-src 'none'; img-src data:; base-uri 'none'; form-action 'none'`

/** A standalone page: CSS inline, no scripts, no network requests. */
export function renderCoverageHtml(coverage: Coverage, options: ReportOptions): string {
  const body = html.stringify(html.runSync(coverageTree(coverage, {...options, textBars: false})))
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
