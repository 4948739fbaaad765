import {diffWords} from 'diff'
import type {VFileMessage} from 'vfile-message'
import type {Segment} from '../core/types.js'
import {textHash} from '../ids/similarity.js'
import {checkSegment, termsIn, type Glossary, type QaContext} from '../qa/index.js'
import type {SegmentStatus, TrackResult} from '../translations/track.js'
import {loadGlossary, loadMemory, matchesFor} from '../engine/memory.js'
import {loadTranslations} from '../engine/locales-sync.js'
import {loadProject, requireUpToDate, type LoadedDocument, type Project} from '../engine/project.js'
import {UsageError} from '../engine/reporter.js'
import type {DocumentPayload, EditorSegment, EnglishPiece, Finding, Suggestion} from './protocol.js'

/**
 * The editor's view of one document in one language, made from the files as
 * they are now, through the same loading, tracking and QA as the CLI: the
 * page shows what `concord status` and `concord check` would say.
 */
export interface EditorContext {
  project: Project
  doc: LoadedDocument
  tracked: TrackResult
  qa: QaContext
  /** The document's segments by ID. */
  segments: Map<string, Segment>
}

/** Load the project for `document` in `language`; a broken file is a fatal message (file:line:col), a wrong name a UsageError. */
export function openEditor(root: string, document: string, language: string): EditorContext {
  const project = loadProject(root, [document], {readOnly: true})
  requireUpToDate(project)
  if (!project.options.languages.includes(language)) {
    throw new UsageError(`Unexpected language \`${language}\`, expected one of ${project.options.languages.map((l) => `\`${l}\``).join(', ')}`)
  }
  const doc = project.documents[0]!
  const tracked = loadTranslations(project).find((t) => t.language === language)!
  const segments = new Map(doc.document.segments.map((s) => [s.id, s]))
  return {project, doc, tracked, segments, qa: {glossary: loadGlossary(project), allowIdentical: project.options.check.allowIdentical}}
}

/**
 * The version a page loads a segment at: its English, state and
 * translation. Any change to one of them (a save in another tab, an
 * import, a new English after `segment`) gives another version.
 */
export const segmentVersion = (segment: Segment, status: SegmentStatus): string => textHash(`${segment.hash}\u0000${status.state}\u0000${shownText(status) ?? ''}`)

/** The text a page edits: a draft's own text (the confirmed translation beside it stays what i18next shows), else the translation. */
const shownText = (status: SegmentStatus): string | undefined => (status.state === 'draft' ? status.draft : status.translation)

const escape = (value: string): string => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
// Straight and curly apostrophes match each other, as in the glossary check.
const termPattern = (term: string): RegExp => new RegExp(`(?<![\\p{L}\\p{N}])${escape(term.normalize('NFKC')).replace(/['‘’ʼ`]/g, "['‘’ʼ`]")}(?![\\p{L}\\p{N}])`, 'giu')

/** The English cut at the glossary terms `concord check` finds in it, each with this language's rendering. */
export function englishPieces(english: string, glossary: Glossary | null, language: string): EnglishPiece[] {
  if (!glossary) return [{text: english}]
  const ranges: Array<{start: number; end: number; rendering?: string}> = []
  // Longest term first (the glossary's order): a term inside a longer one is not marked again.
  for (const term of termsIn(english, glossary)) {
    const rendering = Object.hasOwn(term.renderings, language) ? term.renderings[language] : undefined
    for (const match of english.matchAll(termPattern(term.term))) {
      const [start, end] = [match.index, match.index + match[0].length]
      if (ranges.some((r) => start < r.end && end > r.start)) continue
      ranges.push({start, end, ...(rendering === undefined ? {} : {rendering})})
    }
  }
  ranges.sort((a, b) => a.start - b.start)
  const pieces: EnglishPiece[] = []
  let at = 0
  for (const range of ranges) {
    if (range.start > at) pieces.push({text: english.slice(at, range.start)})
    pieces.push({text: english.slice(range.start, range.end), ...(range.rendering === undefined ? {} : {rendering: range.rendering})})
    at = range.end
  }
  if (at < english.length || pieces.length === 0) pieces.push({text: english.slice(at)})
  return pieces
}

const severity = (message: VFileMessage): Finding['severity'] => (message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info')

/** `concord check`'s per-segment rules on `text` as a translation of `segment`. */
export function findings(context: EditorContext, segment: Segment, text: string): Finding[] {
  if (text.trim() === '') return []
  const pair = {id: segment.id, kind: segment.kind, source: segment.text, target: text, language: context.tracked.language, place: {line: 1, column: 1}}
  return checkSegment(pair, context.qa).map((m) => ({ruleId: m.ruleId ?? 'qa', severity: severity(m), reason: m.reason}))
}

/** One segment as the page shows it. */
export function editorSegment(context: EditorContext, segment: Segment, status: SegmentStatus, suggestions?: Suggestion[]): EditorSegment {
  const {doc, tracked, qa} = context
  const heading = segment.section === null ? undefined : context.segments.get(segment.section)
  const translation = shownText(status) ?? null
  // As `concord check`: a stale translation renders an older English, so it is not compared with this one.
  const current = status.state === 'translated' || status.state === 'reviewed'
  return {
    id: segment.id,
    kind: segment.kind,
    ...(segment.field === undefined ? {} : {field: segment.field}),
    section: segment.section,
    sectionTitle: heading?.text ?? null,
    english: segment.text,
    pieces: englishPieces(segment.text, qa.glossary, tracked.language),
    translation,
    state: status.state,
    version: segmentVersion(segment, status),
    ...(status.previousSource === undefined
      ? {}
      : {
          previousEnglish: status.previousSource,
          diff: diffWords(status.previousSource, segment.text).map((p) => ({value: p.value, ...(p.added ? {added: true} : {}), ...(p.removed ? {removed: true} : {})}))
        }),
    ...(status.change === undefined ? {} : {class: status.change}),
    ...(suggestions && suggestions.length > 0 ? {suggestions} : {}),
    findings: current && translation !== null ? findings(context, segment, translation) : [],
    // The aligned page anchors body segments by ID; the front matter is its title block, at the top.
    link: `/output/aligned/${encodeURIComponent(doc.id)}.html${segment.kind === 'meta' ? '' : `#${encodeURIComponent(segment.id)}`}`
  }
}

/** Every segment of the document in document order (the front matter's first), as the page shows them. */
export function documentPayload(context: EditorContext): DocumentPayload {
  const suggest = suggester(context)
  return {
    document: context.doc.id,
    language: context.tracked.language,
    segments: context.tracked.statuses.map((status) => editorSegment(context, context.segments.get(status.id)!, status, suggest(status)))
  }
}

/**
 * Translation-memory matches for the segments that need work (missing,
 * stale, draft), from every document's translations and the project's TMX
 * files, as `concord suggest` gives them. Made once per page load: the
 * memory reads the whole project.
 */
function suggester(context: EditorContext): (status: SegmentStatus) => Suggestion[] | undefined {
  const {project, doc, tracked} = context
  const needs = (status: SegmentStatus): boolean => status.state === 'missing' || status.state === 'stale' || status.state === 'draft'
  if (!tracked.statuses.some(needs)) return () => undefined
  const whole = loadProject(project.root, undefined, {readOnly: true})
  const memory = loadMemory(whole, tracked.language, loadTranslations(whole))
  return (status) =>
    needs(status) ? matchesFor(whole, memory, doc.id, status.id, context.segments.get(status.id)!.text).map((m) => ({text: m.target, similarity: m.similarity, origin: m.origin})) : undefined
}
