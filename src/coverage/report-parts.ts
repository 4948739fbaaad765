import type {ListItem, Paragraph, PhrasingContent, RootContent, Table, TableCell} from 'mdast'
import type {Coverage, DocumentCoverage, Gap, GatedTotals, LanguageTotals} from './count.js'
import {showsCharacters} from './volume.js'

/** An i18next `t` bound to the `ui` namespace. */
export type Translate = (key: string, options?: Record<string, unknown>) => string

/** When and from what the report was made: a date (SOURCE_DATE_EPOCH or the last commit of the inputs) and the source commit. */
export interface BuildInfo {
  /** Seconds since 1970, UTC. */
  epoch?: string
  /** The commit of the last change to the inputs (content/, locales/, .concordrc.json). */
  revision?: string
  /** Whether the inputs have changes not yet committed. */
  uncommitted?: boolean
}

/** The editions the build writes, for links from the report (paths relative to output/). */
export interface EditionLinks {
  sourceLanguage: string
  formats: Array<'md' | 'html' | 'pdf'>
}

export const text = (value: string): PhrasingContent => ({type: 'text', value})
export const cell = (children: PhrasingContent[] | string): TableCell => ({type: 'tableCell', children: typeof children === 'string' ? [text(children)] : children})
export const paragraph = (children: PhrasingContent[] | string): Paragraph => ({type: 'paragraph', children: typeof children === 'string' ? [text(children)] : children})
export const link = (url: string, children: PhrasingContent[]): PhrasingContent => ({type: 'link', url, children})
export const item = (children: ListItem['children']): ListItem => ({type: 'listItem', spread: false, children})

export function table(header: string[], rows: TableCell[][]): Table {
  return {
    type: 'table',
    align: header.map((_, i) => (i === 0 ? 'left' : 'right')),
    children: [{type: 'tableRow', children: header.map((h) => cell(h))}, ...rows.map((children) => ({type: 'tableRow' as const, children}))]
  }
}

/** Percent of segments reviewed, one decimal. */
export const reviewedPercent = (c: LanguageTotals): number => (c.total === 0 ? 100 : Math.round((c.reviewed * 1000) / c.total) / 10)

/**
 * The counts by state, in the order every coverage table shows them. The
 * draft column only when some language has drafts: the reports of projects
 * without any stay as they were.
 */
export function stateColumns(languages: Iterable<LanguageTotals>, t: Translate): {header: string[]; values: (c: LanguageTotals) => number[]} {
  const drafts = [...languages].some((c) => c.draft > 0)
  return {
    header: [t('total'), t('translated'), t('reviewed'), ...(drafts ? [t('drafts')] : []), t('stale'), t('missing')],
    values: (c) => [c.total, c.translated, c.reviewed, ...(drafts ? [c.draft] : []), c.stale, c.missing]
  }
}

/** The volume of a language's translations in its own measure: characters for Korean and Japanese, words otherwise. */
export function targetVolume(code: string, c: LanguageTotals, t: Translate): string {
  return showsCharacters(code) ? t('characterCount', {count: c.characters}) : t('wordCount', {count: c.targetWords})
}

/** Each language's gate over all documents and whether it is met; translated and reviewed side by side. */
export function gatesTable(coverage: Coverage, t: Translate, label: (code: string) => PhrasingContent[]): RootContent[] {
  const rows = Object.entries(coverage.totals.languages).map(([code, c]: [string, GatedTotals]) => [
    cell(label(code)),
    cell(c.threshold === null ? t('noGate') : `${c.threshold}%`),
    cell(`${c.percent.toFixed(1)}%`),
    cell(`${reviewedPercent(c).toFixed(1)}%`),
    cell(c.passed ? [text(t(c.threshold === null ? 'noGate' : 'passes'))] : [{type: 'strong', children: [text(t('fails'))]}])
  ])
  return [{type: 'heading', depth: 2, children: [text(t('gates'))]}, table([t('language'), t('gate'), t('translated'), t('reviewed'), t('result')], rows)]
}

/** One gap: its ID (a link into the aligned edition), state, `file:line`, words and the start of its English. */
export function gapItem(doc: DocumentCoverage, gap: Gap, href: string, t: Translate): ListItem {
  const where = doc.path === undefined ? `${t('line')} ${gap.line}` : `${doc.path}:${gap.line}`
  return item([
    paragraph([
      link(href, [{type: 'inlineCode', value: gap.id}]),
      text(` — ${t(gap.state === 'draft' ? 'drafts' : gap.state)}${gap.change === undefined ? '' : ` (${gap.change})`} · `),
      {type: 'inlineCode', value: where},
      text(` · ${t('wordCount', {count: gap.words})} — “${gap.english}”`)
    ])
  ])
}

/** The gaps of each section, in one pass: filtering them once per section is quadratic in a book. */
export function gapsBySection(gaps: Gap[]): Map<string | null, Gap[]> {
  const bySection = new Map<string | null, Gap[]>()
  for (const gap of gaps) {
    const list = bySection.get(gap.section)
    if (list) list.push(gap)
    else bySection.set(gap.section, [gap])
  }
  return bySection
}

/** Links to a document's editions: the source, each language, the aligned page. */
export function editionLinks(doc: DocumentCoverage, editions: EditionLinks, t: Translate): Paragraph {
  const file = encodeURIComponent(doc.id)
  const languages = [editions.sourceLanguage, ...Object.keys(doc.languages)]
  const order = (['html', 'pdf', 'md'] as const).filter((f) => editions.formats.includes(f))
  const children: PhrasingContent[] = [text(`${t('editions')}: `)]
  languages.forEach((code, i) => {
    if (i > 0) children.push(text(' · '))
    children.push(text(`${code} (`))
    order.forEach((format, k) => {
      if (k > 0) children.push(text(', '))
      children.push(link(`${encodeURIComponent(code)}/${file}.${format}`, [text(format.toUpperCase())]))
    })
    children.push(text(')'))
  })
  const aligned = order.filter((f) => f !== 'pdf')
  if (aligned.length > 0) {
    children.push(text(` · ${t('alignedEdition')} (`))
    aligned.forEach((format, k) => {
      if (k > 0) children.push(text(', '))
      children.push(link(`aligned/${file}.${format}`, [text(format.toUpperCase())]))
    })
    children.push(text(')'))
  }
  return paragraph(children)
}

/** `Built 2026-12-06 16:00 UTC from source revision 1a2b3c4d5e6f`: nothing not known is claimed. */
export function buildLine(build: BuildInfo | undefined, t: Translate): Paragraph | null {
  if (!build || (build.epoch === undefined && build.revision === undefined)) return null
  const parts: PhrasingContent[] = []
  if (build.epoch !== undefined && /^\d+$/.test(build.epoch)) {
    const iso = new Date(Number(build.epoch) * 1000).toISOString()
    parts.push(text(`${t('built')} ${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`))
  }
  if (build.revision !== undefined) {
    parts.push(text(`${parts.length > 0 ? ' ' : `${t('built')} `}${t('sourceRevision')} `), {type: 'inlineCode', value: build.revision.slice(0, 12)})
    if (build.uncommitted) parts.push(text(` ${t('uncommitted')}`))
  }
  return parts.length === 0 ? null : paragraph(parts)
}
