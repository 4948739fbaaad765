import type {PhrasingContent} from 'mdast'
import {alignedDisplay, needsMarker, type EditionSegment, type EditorNote} from '../align.js'
import {parseSegmentText} from '../segment-text.js'
import type {FontStyle} from '../../pdf/fonts.js'
import type {TextSpan} from '../../pdf/line-break.js'
import type {SpanTag} from '../../pdf/tagging.js'
import {joinSegments} from '../align.js'
import type {Translate} from '../../core/ui-strings.js'
import {bracketed, markerGap} from '../../core/languages.js'
import {COLORS} from './theme.js'
import {dispatch, type NodeHandlers} from '../../markdown/custom-nodes.js'

interface Context {
  bold: boolean
  italic: boolean
  color?: string
  link?: string
}

const styleOf = (c: Context): FontStyle => (c.bold ? (c.italic ? 'bold-italic' : 'bold') : c.italic ? 'italic' : 'regular')

const span = (text: string, c: Context): TextSpan[] => (text === '' ? [] : [{text, style: styleOf(c), ...(c.color ? {color: c.color} : {}), ...(c.link ? {link: c.link} : {})}])

const within = (node: {children: PhrasingContent[]}, c: Context): TextSpan[] => node.children.flatMap((child) => phrasingSpans(child, c))

// A PDF link annotation needs an absolute target; a relative or fragment link from the web edition would lead nowhere.
const ABSOLUTE = /^(https?:|mailto:)/i

/**
 * One handler per phrasing type `parseSegmentText` can return. There is no
 * monospace face, so code keeps Noto Sans; strikethrough has no equivalent
 * in pdfkit's text API and keeps its words.
 */
const handlers: NodeHandlers<PhrasingContent, [Context], TextSpan[]> = {
  // A segment is parsed without the document's footnote definitions, so its `[^1]` arrives as text; print it as `[1]`.
  text: (node: {value: string}, c) => span(node.value.replace(/\[\^([^\]\s]+)\]/g, '[$1]'), c),
  inlineCode: (node: {value: string}, c) => span(node.value, c),
  html: (node: {value: string}, c) => span(node.value, c),
  break: (_node, c) => span(' ', c),
  emphasis: (node: {children: PhrasingContent[]}, c) => within(node, {...c, italic: true}),
  strong: (node: {children: PhrasingContent[]}, c) => within(node, {...c, bold: true}),
  delete: within,
  linkReference: within,
  link: (node: {url: string; children: PhrasingContent[]}, c) => (ABSOLUTE.test(node.url) ? within(node, {...c, link: node.url, color: c.color ?? COLORS.link}) : within(node, c)),
  image: (node: {alt?: string | null}, c) => span(node.alt ?? '', c),
  imageReference: (node: {alt?: string | null}, c) => span(node.alt ?? '', c),
  footnoteReference: (node: {label?: string | null; identifier: string}, c) => span(`[${node.label ?? node.identifier}]`, c)
}

function phrasingSpans(node: PhrasingContent, c: Context): TextSpan[] {
  return dispatch(handlers, node, 'src/editions/pdf/inline-spans.ts', c)
}

/** Adjacent spans that draw alike become one, so runs (and PDF text operators) stay few. */
export function mergeSpans(spans: readonly TextSpan[]): TextSpan[] {
  const out: TextSpan[] = []
  for (const s of spans) {
    const last = out[out.length - 1]
    if (last && last.style === s.style && last.color === s.color && last.link === s.link && last.tag === s.tag) out[out.length - 1] = {...last, text: last.text + s.text}
    else out.push({...s})
  }
  return out
}

/** Styled spans of inline Markdown; `bold` for headings (emphasis inside one becomes bold italic). */
export function markdownSpans(markdown: string, base: {bold?: boolean; color?: string} = {}): readonly TextSpan[] {
  const key = `${base.bold ? 'b' : ''}|${base.color ?? ''}|${markdown}`
  let spans = parsed.get(key)
  if (!spans) {
    const context: Context = {bold: base.bold ?? false, italic: false, ...(base.color ? {color: base.color} : {})}
    spans = Object.freeze(mergeSpans(parseSegmentText(markdown).flatMap((node) => phrasingSpans(node, context))).map((s) => Object.freeze(s)))
    // Bounded, for processes that render many documents.
    if (parsed.size >= 20_000) parsed.clear()
    parsed.set(key, spans)
  }
  return spans
}

// Each segment is drawn in several editions and checked once more; parsing its Markdown once is enough.
const parsed = new Map<string, readonly TextSpan[]>()

export interface SegmentSpanOptions {
  /** Language of the block the segment is set in (the edition's, or the column's). */
  language: string
  t: Translate
  bold?: boolean
  /** Parallel edition: a missing segment shows the placeholder, as the English is in the next column. */
  aligned?: boolean
  /** Editor's notes by segment ID: each segment is followed by the numbers of its notes. */
  notes?: ReadonlyMap<string, readonly EditorNote[]>
  /** Numbers of the endnotes giving stale segments' current English, by segment ID. */
  staleNotes?: ReadonlyMap<string, number>
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹'

/** A note's number as superscript digits: the fonts have them, and the line breaker needs no raised runs. */
export const noteMark = (n: number): string => [...String(n)].map((d) => SUPERSCRIPT[Number(d)]).join('')

/** What one segment contributes to a block: an optional marker (UI text) and its own text (translation or English). */
export interface SegmentParts {
  marker: readonly TextSpan[]
  /** UI key of the marker, to name it when a character is not covered. */
  markerKey?: string
  body: readonly TextSpan[]
  /** The mark after a stale translation, closing what its marker opened. */
  endMarker?: readonly TextSpan[]
  /** Language of `body`, for the sentence joiner. */
  language: string
}

/**
 * The parts of segment `i` of a block. Missing text is the English in a
 * lighter colour after one marker per run; a stale translation is shown
 * after its marker; a placeholder is itself the marker. Null when omitted.
 */
export function segmentParts(segments: readonly EditionSegment[], i: number, options: SegmentSpanOptions): SegmentParts | null {
  const segment = segments[i]!
  const display = options.aligned ? alignedDisplay(segment) : segment.display
  const {language, t} = options
  const bold = options.bold ?? false
  const markStyle: FontStyle = bold ? 'bold-italic' : 'italic'
  if (display === 'omit') return null
  if (display === 'placeholder') {
    return {marker: [{text: t(language, 'missingPlaceholder'), style: markStyle, color: COLORS.missingMark}], markerKey: 'missingPlaceholder', body: [], language}
  }
  if (segment.mark === 'missing') {
    const body = markdownSpans(segment.text, {bold, color: COLORS.missingText})
    const marked = needsMarker(segments as EditionSegment[], i)
    return {
      marker: marked ? [{text: bracketed(language, t(language, 'missingMarker')), style: markStyle, color: COLORS.missingMark}] : [],
      ...(marked ? {markerKey: 'missingMarker'} : {}),
      body,
      language: segment.language
    }
  }
  const body = markdownSpans(segment.text, {bold})
  if (segment.mark === 'stale') {
    const mark = (key: string): TextSpan[] => [{text: unbreakable(bracketed(language, t(language, key))), style: markStyle, color: COLORS.staleMark}]
    return {marker: mark('staleMarker'), markerKey: 'staleMarker', body, endMarker: mark('staleEnd'), language}
  }
  if (segment.mark === 'draft')
    return {marker: [{text: unbreakable(bracketed(language, t(language, 'draftMarker'))), style: markStyle, color: COLORS.draftMark}], markerKey: 'draftMarker', body, language}
  return {marker: [], body, language}
}

/**
 * A marker's words held together by no-break spaces: the line breaker cuts
 * only at plain spaces, so "[Outdated translation]" never ends a line at
 * "[Outdated". (Japanese markers have no spaces; keeping 〔…〕 whole is the
 * line breaker's part.)
 */
const unbreakable = (text: string): string => text.replace(/ /g, '\u00a0')

/** The spans of a part as one inline element of a tagged PDF (one tag object: one `Span`). */
const tagged = (spans: readonly TextSpan[], tag: SpanTag): TextSpan[] => spans.map((s) => ({...s, tag}))

/**
 * A block's spans: its segments' parts joined by the sentence joiner (a
 * space where either side is spaced). A run of placeholders prints as one:
 * on paper, "[Translation missing]" four times over says no more than once.
 *
 * In a tagged PDF each marker is a `Span` of its own, so that it is read as
 * one phrase set apart from the sentence, and English shown for a missing
 * translation is a `Span` with `/Lang`, so that it is read in English.
 */
export function blockSpans(segments: readonly EditionSegment[], options: SegmentSpanOptions): TextSpan[] {
  let previous: SegmentParts | null = null
  const parts = segments.flatMap((_, i) => {
    const p = segmentParts(segments, i, options)
    const repeated = p?.markerKey === 'missingPlaceholder' && previous?.markerKey === 'missingPlaceholder'
    if (p) previous = p
    if (!p || repeated) return []
    const marker = p.marker.length ? tagged(p.marker, {}) : []
    const body = p.language === options.language ? p.body : tagged(p.body, {lang: p.language})
    const gap = markerGap(options.language)
    const nodes = marker.length && body.length && gap ? [...marker, {text: gap}, ...body] : [...marker, ...body]
    if (p.endMarker?.length) nodes.push(...(gap ? [{text: gap}] : []), ...tagged(p.endMarker, {}))
    const id = segments[i]!.id
    const numbers = [...(options.staleNotes?.has(id) ? [options.staleNotes.get(id)!] : []), ...(options.notes?.get(id) ?? []).map((n) => n.number)]
    if (numbers.length) nodes.push({text: numbers.map(noteMark).join(','), color: COLORS.link})
    return [{nodes, language: p.language}]
  })
  return mergeSpans(joinSegments<TextSpan>(parts, () => ({text: ' '})))
}
