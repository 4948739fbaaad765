import type {Element} from 'hast'
import type {PhrasingContent} from 'mdast'
import type {Edition, EditionSegment, EditorNote} from '../align.js'
import {endNote, metaMarker} from '../meta.js'
import {h, hb, langIf} from './h.js'
import {wrapper} from './segments.js'
import {languageInfo, markerGap} from '../../core/languages.js'
import {flatText} from '../../segment/inline.js'
import {parseSegmentText} from '../segment-text.js'
import type {DocumentMeta} from '../../core/types.js'
import type {Translate} from '../../core/ui-strings.js'

/*
 * Editor's notes on the source in a page: a numbered reference after the
 * sentence a note is about, the notes in a list at the end, and the note on
 * what the source is missing under its last heading. The notes are front
 * matter segments, so they come in the page's language (their English,
 * marked, where not translated yet). Anchors carry the language where a page
 * holds several (the aligned page).
 */

const noteId = (note: EditorNote, scope: string): string => `editor-note-${scope}${note.number}`
const refId = (note: EditorNote, scope: string): string => `editor-note-ref-${scope}${note.number}`

/** The references after a segment: a superscript link to each of its notes. */
export function noteRefs(notes: EditorNote[] | undefined, scope = ''): PhrasingContent[] {
  return (notes ?? []).map((note) =>
    wrapper('concordNoteRef', 'sup', {className: ['note-ref'], id: refId(note, scope)}, [
      // On the aligned page a row is one tab stop (its segments move by arrow keys): the notes are reached at the page's end.
      {type: 'link', url: `#${noteId(note, scope)}`, children: [{type: 'text', value: String(note.number)}], ...(scope ? {data: {hProperties: {tabIndex: -1}}} : {})}
    ])
  )
}

/** `Label: `, with the colon as the language writes it. */
export const labelled = (language: string, label: string): string => `${label}${languageInfo(language).labelColon}`

/** A note's text, in its language: the page's, or the English of a missing one, marked as the segments are. */
function noteText(segment: EditionSegment, ui: string, t: Translate): Element {
  const marker = metaMarker(segment, ui, t)
  const text = h('span', {className: ['note-text', `note-${segment.mark}`], ...langIf(segment.language, ui)}, [segment.text])
  return marker ? h('span', {}, [h('span', {className: ['mark', `mark-${segment.mark}`]}, [marker]), markerGap(ui), text]) : text
}

/** The list of editor's notes of an edition, or null without notes. */
export function notesList(edition: Edition, ui: string, t: Translate, scope = ''): Element | null {
  if (edition.notes.length === 0) return null
  const heading = `editor-notes-${scope}title`
  return hb('aside', {className: ['editor-notes'], ariaLabelledBy: [heading], ...langIf(edition.language, ui)}, [
    h('h2', {id: heading}, [t(edition.language, 'editorNotes')]),
    hb(
      'ol',
      {},
      edition.notes.map((note) =>
        h('li', {id: noteId(note, scope)}, [
          noteText(note.note, edition.language, t),
          ' ',
          h('a', {href: `#${refId(note, scope)}`, className: ['back'], ariaLabel: t(edition.language, 'backToText')}, ['^'])
        ])
      )
    )
  ])
}

/** The note on what the source is missing, for the end of the text, or null. */
export function endNoteElement(edition: Edition, meta: DocumentMeta, ui: string, t: Translate): Element | null {
  const note = endNote(edition, meta)
  if (!note) return null
  return h('p', {className: ['note', 'end-note'], ...langIf(edition.language, ui)}, [
    h('strong', {}, [labelled(edition.language, t(edition.language, 'editorNote'))]),
    noteText(note, edition.language, t)
  ])
}

/*
 * The current English of a stale segment, as the Markdown edition's footnote
 * gives it: a numbered reference after the segment's end mark, numbered on
 * from the editor's notes, and the notes in a list of their own at the end.
 * (The aligned page shows the current English in the next column.)
 */

/** The reference to a stale segment's note, or nothing. */
export function staleRef(number: number | undefined): PhrasingContent[] {
  if (number === undefined) return []
  return [
    wrapper('concordNoteRef', 'sup', {className: ['note-ref'], id: `stale-note-ref-${number}`}, [
      {type: 'link', url: `#stale-note-${number}`, children: [{type: 'text', value: String(number)}]}
    ])
  ]
}

/** The list of the stale segments' notes, or null without stale segments. */
export function staleNotesList(edition: Edition, numbers: ReadonlyMap<string, number>, sourceLanguage: string, ui: string, t: Translate): Element | null {
  if (numbers.size === 0) return null
  const language = edition.language
  const segments = edition.blocks.flatMap((block) => block.segments).filter((segment) => numbers.has(segment.id))
  return hb('aside', {className: ['editor-notes', 'stale-notes'], ariaLabelledBy: ['stale-notes-title'], ...langIf(language, ui)}, [
    h('h2', {id: 'stale-notes-title'}, [t(language, 'staleMarker')]),
    hb(
      'ol',
      edition.notes.length ? {start: edition.notes.length + 1} : {},
      segments.map((segment) => {
        const number = numbers.get(segment.id)!
        return h('li', {id: `stale-note-${number}`}, [
          `${t(language, 'staleNote')}${languageInfo(language).joiner}${labelled(language, t(language, 'originalEnglish'))}`,
          h('span', {lang: sourceLanguage}, [flatText(parseSegmentText(segment.source))]),
          ' ',
          h('a', {href: `#stale-note-ref-${number}`, className: ['back'], ariaLabel: t(language, 'backToText')}, ['^'])
        ])
      })
    )
  ])
}
