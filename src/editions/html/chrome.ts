import type {Element} from 'hast'
import type {Edition, EditionSegment} from '../align.js'
import {formatDate, metaField, metaMarker} from '../meta.js'
import {bracketed, languageInfo, markerGap} from '../../core/languages.js'
import type {MissingMode} from '../../core/options.js'
import type {DocumentMeta} from '../../core/types.js'
import type {Translate} from '../../core/ui-strings.js'
import {h, hb, langIf, type Child} from './h.js'

/** What the page around an edition needs to know. */
export interface PageContext {
  /** Language of the page's UI strings and root `lang`. */
  ui: string
  sourceLanguage: string
  t: Translate
  documentId: string
  editions: Edition[]
}

// A document ID is a file name: `#`, `?`, `%` or a space in it must not end or alter the link's path.
const editionHref = (language: string, documentId: string): string => `../${language}/${encodeURIComponent(documentId)}.html`

/** Links to every edition built in this run; `current` is a language code or `aligned`. */
export function switcher(context: PageContext, current: string): Element {
  const {ui, t, documentId} = context
  const link = (key: string, label: string, language?: string): Element =>
    h('li', {}, [
      h('a', {href: editionHref(key, documentId), ...(language ? {hrefLang: language, ...langIf(language, ui)} : {}), ...(key === current ? {ariaCurrent: 'page'} : {})}, [label])
    ])
  return hb('nav', {className: ['bar'], ariaLabel: t(ui, 'languages')}, [
    h('a', {className: ['skip'], href: '#content'}, [t(ui, 'skipToContent')]),
    hb('ul', {}, [...context.editions.map((edition) => link(edition.language, languageInfo(edition.language).name, edition.language)), link('aligned', t(ui, 'alignedEdition'))])
  ])
}

export interface TocEntry {
  id: string
  depth: number
  text: string
  language: string
}

/** A nested list of the headings, linking to their segment IDs. */
export function tableOfContents(context: PageContext, entries: TocEntry[]): Element | null {
  if (entries.length === 0) return null
  const {ui, t} = context
  const top = Math.min(...entries.map((e) => e.depth))
  const build = (from: number, depth: number): [Element, number] => {
    const items: Element[] = []
    let i = from
    while (i < entries.length && entries[i]!.depth >= depth) {
      const entry = entries[i]!
      const item = h('li', {}, [h('a', {href: `#${entry.id}`, ...langIf(entry.language, ui)}, [entry.text])])
      i++
      if (i < entries.length && entries[i]!.depth > depth) {
        const [sub, next] = build(i, entries[i]!.depth)
        item.children.push(sub)
        i = next
      }
      items.push(item)
    }
    return [hb('ol', {}, items), i]
  }
  return hb('nav', {className: ['toc'], ariaLabelledBy: ['toc-title']}, [h('h2', {id: 'toc-title'}, [t(ui, 'contents')]), build(0, top)[0]])
}

/** How markers read, in words, for each language whose markers appear on the page. */
export function legend(context: PageContext, languages: string[], missing: MissingMode | 'aligned', show: {missing: boolean; stale: boolean}): Element {
  const {ui, t} = context
  const marks = (kind: 'missing' | 'stale', label: (language: string) => string): Child[] =>
    languages.flatMap((language, i) => [i > 0 ? ' ' : null, h('span', {className: ['mark', `mark-${kind}`], ...langIf(language, ui)}, [label(language)])])
  const missingLabel = (language: string): string => (missing === 'marker' ? bracketed(language, t(language, 'missingMarker')) : t(language, 'missingPlaceholder'))
  const rows: Child[] = []
  if (show.missing && missing !== 'omit') rows.push(h('dt', {}, marks('missing', missingLabel)), h('dd', {}, [t(ui, 'missingNote')]))
  if (show.stale)
    rows.push(
      h(
        'dt',
        {},
        marks('stale', (language) => bracketed(language, t(language, 'staleMarker')))
      ),
      h('dd', {}, [t(ui, 'staleNote')])
    )
  return hb('section', {className: ['legend'], ariaLabelledBy: ['legend-title']}, [h('h2', {id: 'legend-title'}, [t(ui, 'legend')]), hb('dl', {}, rows)])
}

/**
 * Title block: which edition this is, how complete it is, and the document's author, date and source in the
 * language of `fields` (the edition's; the source edition's on the aligned page). The note on what the source
 * is missing goes under the last heading (notes.ts).
 */
export function documentHead(context: PageContext, meta: DocumentMeta, kicker: string, edition?: Edition, fields: Edition | undefined = edition): Element {
  const {ui, t} = context
  const rows: Child[] = []
  // A field's value in its language, marked as any segment is when missing (its English) or stale.
  const add = (key: string, segment: EditionSegment | undefined): void => {
    if (!segment) return
    const marker = metaMarker(segment, ui, t)
    const value = marker
      ? h('dd', {}, [h('span', {className: ['mark', `mark-${segment.mark}`]}, [marker]), markerGap(ui), h('span', langIf(segment.language, ui), [segment.text])])
      : h('dd', langIf(segment.language, ui), [segment.text])
    rows.push(h('dt', {}, [t(ui, key)]), value)
  }
  if (fields) {
    add('author', metaField(fields, 'author'))
    if (typeof meta.date === 'string') rows.push(h('dt', {}, [t(ui, 'date')]), h('dd', {}, [formatDate(meta.date, ui)]))
    add('source', metaField(fields, 'sourceNote'))
  }
  let coverage: Element | null = null
  if (edition && !edition.source) {
    const {percent, missing, stale} = edition.counts
    const parts = [t(ui, 'translatedPercent', {percent}), missing ? t(ui, 'missingSegments', {count: missing}) : '', stale ? t(ui, 'staleSegments', {count: stale}) : '']
    coverage = h('p', {className: ['coverage']}, [parts.filter(Boolean).join(' · ')])
  }
  // Notes on a complete document stay at the top; on an incomplete one they say what is missing, under the last heading.
  const notes = fields && meta.incomplete !== true ? metaField(fields, 'notes') : undefined
  const note = notes ? h('p', {className: ['note']}, [h('strong', {}, [`${t(ui, 'note')}${languageInfo(ui).labelColon}`]), h('span', langIf(notes.language, ui), [notes.text])]) : null
  return hb('header', {className: ['doc-head']}, [h('p', {className: ['kicker']}, [kicker]), coverage, rows.length ? hb('dl', {className: ['meta']}, rows) : null, note])
}
