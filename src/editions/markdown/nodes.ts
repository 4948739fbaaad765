import type {FootnoteDefinition, Paragraph, PhrasingContent} from 'mdast'
import {stringify as stringifyYaml} from 'yaml'
import {alignedDisplay, MARKER_KEYS, type Edition, type EditionSegment, type EditorNote} from '../align.js'
import {metaKeywords, metaText} from '../meta.js'
import {parseSegmentText, trimEdges} from '../segment-text.js'
import {plainSegment, segmentNodes} from '../segment-nodes.js'
import {bracketed, languageInfo, markerGap} from '../../core/languages.js'
import type {SegmentedDocument} from '../../core/types.js'
import type {Translate} from '../../core/ui-strings.js'

/* The mdast of a segment in a Markdown edition: its text, markers and notes. */

export const text = (value: string): PhrasingContent => ({type: 'text', value})
export const emphasis = (value: string): PhrasingContent => ({type: 'emphasis', children: [text(value)]})

const flat = (value: string): string => value.replace(/[\r\n]+/g, ' ')

const LINE_ENDING = /[\r\n]/
/**
 * Code with an odd run of backslashes before a pipe has no spelling in a GFM
 * cell: written as it is, micromark reads `\|` in it as `|`; with one more
 * backslash, `\\` is an escaped backslash and the pipe ends the cell.
 */
const LOST_IN_CELL = /(?<!\\)(?:\\\\)*\\\|/

/** Whether `oneLine` would give nodes equal to `nodes`: no break or line ending anywhere, no white space at the edges of any level. */
function onOneLine(nodes: PhrasingContent[]): boolean {
  const first = nodes[0]
  const last = nodes[nodes.length - 1]
  if ((first?.type === 'text' && /^\s/.test(first.value)) || (last?.type === 'text' && /\s$/.test(last.value))) return false
  for (const node of nodes) {
    if (node.type === 'break' || node.type === 'image') return false
    if (node.type === 'text' && (node.value === '' || LINE_ENDING.test(node.value))) return false
    if (node.type === 'inlineCode' && (LINE_ENDING.test(node.value) || LOST_IN_CELL.test(node.value))) return false
    if (node.type === 'link' && LINE_ENDING.test(node.title ?? '')) return false
    if ('children' in node && !onOneLine(node.children as PhrasingContent[])) return false
  }
  return true
}

/**
 * A GFM table cell holds one line: line endings and hard breaks become spaces
 * (as CommonMark already reads a line ending in a code span), else a code span
 * or link title with a newline would break the table. Code that a cell cannot
 * keep (`LOST_IN_CELL`) becomes text.
 */
export function oneLine(nodes: PhrasingContent[]): PhrasingContent[] {
  // Most segments are on one line already: an aligned page has tens of thousands of cells, not copied for nothing.
  return onOneLine(nodes) ? nodes : oneLineCopy(nodes)
}

/** `oneLine` by copying every node (exported for tests: the shortcut must give the same nodes). */
export function oneLineCopy(nodes: PhrasingContent[]): PhrasingContent[] {
  return trimEdges(
    nodes.map((node): PhrasingContent => {
      if (node.type === 'break') return text(' ')
      if (node.type === 'text') return {...node, value: flat(node.value)}
      // Such code loses its monospace rather than a character of the translation.
      if (node.type === 'inlineCode') return LOST_IN_CELL.test(node.value) ? text(flat(node.value)) : {...node, value: flat(node.value)}
      if (node.type === 'image') return {...node, alt: flat(node.alt ?? ''), title: node.title ? flat(node.title) : node.title}
      if (node.type === 'link') return {...node, title: node.title ? flat(node.title) : node.title, children: oneLineCopy(node.children)}
      if ('children' in node) return {...node, children: oneLineCopy(node.children as PhrasingContent[])} as PhrasingContent
      return node
    })
  )
}

/**
 * Markers are emphasised text in parentheses: readable in the raw file and on
 * GitHub, and unlike brackets they need no backslash escapes.
 */
export function markerNodes(segment: EditionSegment, language: string, t: Translate, how: {aligned?: boolean; marked?: boolean; cell?: boolean} = {}): PhrasingContent[] {
  const {aligned = false, marked = true, cell = aligned} = how
  const display = aligned ? alignedDisplay(segment) : segment.display
  if (display === 'omit') return []
  if (display === 'placeholder') return [emphasis(t(language, 'missingPlaceholder'))]
  // Plain text, most of a book, is its one text node (as segmentNodes gives it), made without a lookup by the text.
  const nodes = plainSegment(segment) ? [text(segment.text)] : segmentNodes(segment.text)
  const body = cell ? oneLine(nodes) : nodes
  if (segment.mark === 'current') return body
  // Japanese markers stand out by their brackets; emphasis glued to the next word would need character references.
  const gap = markerGap(language) ? [text(markerGap(language))] : []
  const marker = (key: string): PhrasingContent => (gap.length ? emphasis : text)(bracketed(language, t(language, key), 'round'))
  if (segment.mark === 'missing') return marked ? [marker('missingMarker'), ...gap, ...body] : body
  // A stale translation is closed by a mark too, so the reader sees where the outdated text ends.
  if (segment.mark === 'stale') return [marker('staleMarker'), ...gap, ...body, ...gap, marker('staleEnd')]
  if (segment.mark === 'draft') return [marker('draftMarker'), ...gap, ...body]
  return body
}

/**
 * Front matter of an edition: its reader-facing fields in its language (the
 * English of any not translated yet), the others (date, `source` path for
 * maintainers…) as in the source. The editor's notes are footnotes, not front matter.
 */
export function frontMatter(doc: SegmentedDocument, edition: Edition): string {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(doc.meta)) {
    if (key === 'editorNotes') continue
    if (key === 'language') out.language = edition.language
    else if (key === 'title') out.title = edition.title
    else if (key === 'keywords') out.keywords = metaKeywords(edition).map((k) => k.text)
    else out[key] = metaText(edition, key) ?? value
  }
  if (!('language' in out)) out.language = edition.language
  return stringifyYaml(out, {lineWidth: 0}).trimEnd()
}

/** The footnote label of an editor's note: `editor-1`, or `editor-ko-1` where a page holds every language. */
const editorLabel = (note: EditorNote, scope: string): string => `editor-${scope}${note.number}`

/** The reference to an editor's note, after the sentence it is about. */
export const editorNoteReference = (note: EditorNote, scope = ''): PhrasingContent => ({type: 'footnoteReference', identifier: editorLabel(note, scope), label: editorLabel(note, scope)})

/** An editor's note as a footnote, labelled as such, in the edition's language. */
export function editorNoteDefinition(note: EditorNote, language: string, t: Translate, scope = ''): FootnoteDefinition {
  return {
    type: 'footnoteDefinition',
    identifier: editorLabel(note, scope),
    label: editorLabel(note, scope),
    children: [{type: 'paragraph', children: labelled(language, t(language, 'editorNote'), note.note, t)}]
  }
}

/** A strong `Label:` with the colon as the language writes it (full width in Japanese), then the text; the space outside the strong. */
function labelled(language: string, label: string, note: EditionSegment, t: Translate): PhrasingContent[] {
  const cjk = languageInfo(language).joiner === ''
  // A note not translated yet shows its English after the marker, as a sentence does.
  const gap = cjk ? '' : ' '
  const marker = note.mark === 'current' ? [] : [text(gap), (cjk ? text : emphasis)(bracketed(language, t(language, MARKER_KEYS[note.mark]), 'round'))]
  return [{type: 'strong', children: [text(`${label}${cjk ? '：' : ':'}`)]}, ...marker, text(`${gap}${note.text}`)]
}

/** The note on what the source is missing, as a paragraph for the end of the text. */
export function endNoteParagraph(note: EditionSegment, language: string, t: Translate): Paragraph {
  return {type: 'paragraph', children: labelled(language, t(language, 'editorNote'), note, t)}
}

const staleLabel = (segment: EditionSegment): string => `stale-${segment.id}`

/** A segment of a language edition: its text and markers, and for a stale one a reference to its note. */
export function segmentMarkdown(segment: EditionSegment, language: string, t: Translate, how: {marked: boolean; cell: boolean}): PhrasingContent[] {
  const nodes = markerNodes(segment, language, t, how)
  if (segment.mark === 'stale') nodes.push({type: 'footnoteReference', identifier: staleLabel(segment), label: staleLabel(segment)})
  return nodes
}

/** The current English of a stale segment goes in a footnote, so the reader can see what changed without losing the flow. */
export function staleNote(segment: EditionSegment, language: string, t: Translate): FootnoteDefinition {
  const label = staleLabel(segment)
  return {
    type: 'footnoteDefinition',
    identifier: label,
    label,
    children: [{type: 'paragraph', children: [text(`${t(language, 'staleNote')}${languageInfo(language).joiner}${t(language, 'originalEnglish')}: `), ...parseSegmentText(segment.source)]}]
  }
}
