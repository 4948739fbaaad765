import type {DraftMode, MissingMode, Options} from '../core/options.js'
import {joinedBySpace} from '../core/languages.js'
import {parseInline} from '../markdown/parse.js'
import {toLf} from '../markdown/characters.js'
import {flatText} from '../segment/inline.js'
import type {SegmentStatus, TrackResult} from '../translations/track.js'
import type {BlockKind, SegmentedDocument} from '../core/types.js'
import type {Translate} from '../core/ui-strings.js'

/** How a segment stands in an edition, as readers are told (`draft` only with `editions.drafts: "mark"`). */
export type Mark = 'current' | 'stale' | 'missing' | 'draft'

/** The UI string of each mark's marker. */
export const MARKER_KEYS: Record<Exclude<Mark, 'current'>, string> = {missing: 'missingMarker', stale: 'staleMarker', draft: 'draftMarker'}

/** What a reader sees in place of a segment. */
export type Display = 'text' | 'placeholder' | 'omit'

export interface EditionSegment {
  id: string
  mark: Mark
  display: Display
  /** Inline Markdown shown when `display` is `text`: the translation (also when stale), or the English of a missing segment. */
  text: string
  /** Language of `text`: the edition's, or the source language when a missing segment shows the English. */
  language: string
  /** The current English. */
  source: string
  /** For stale segments: the English the translation was made from, when known. */
  previousSource?: string
}

export interface EditionBlock {
  /** Index in `collectBlocks(tree)`. */
  index: number
  kind: BlockKind
  depth: number
  section: string | null
  segments: EditionSegment[]
}

export interface EditionCounts {
  total: number
  current: number
  stale: number
  missing: number
  /** Drafts shown marked (`editions.drafts: "mark"`); hidden drafts count as what they show. */
  draft: number
  /** Current segments / total × 100, one decimal. */
  percent: number
}

/** An editor's note, numbered in document order, attached to a body segment. */
export interface EditorNote {
  number: number
  /** ID of the body segment the note is about. */
  segment: string
  /** The note in this edition's language (or its English, marked missing). */
  note: EditionSegment
}

/** One language's edition of a document, ready for any renderer. Editions of a document share blocks and segments index for index. */
export interface Edition {
  language: string
  document: string
  /** Whether this is the source-language edition. */
  source: boolean
  /** Plain-text title: the translated top heading, or the front matter title when that is missing. */
  title: string
  blocks: EditionBlock[]
  /**
   * The front matter's reader-facing fields (`title`, `author`, `keywords.0`, `editorNotes.1`…) in this language,
   * as plain text: a missing one shows its English, marked missing, whatever `editions.missing` says.
   */
  meta: Record<string, EditionSegment>
  /** Editor's notes, in the order of the segments they are attached to. */
  notes: EditorNote[]
  counts: EditionCounts
}

/** What every renderer gets: one document, its editions (source first), project options and UI strings. */
export interface RenderInput {
  document: SegmentedDocument
  editions: Edition[]
  options: Options
  t: Translate
  /**
   * Which output paths to render (default all): `concord build` leaves out
   * files whose inputs did not change since they were written. A renderer
   * returns only the files this accepts, and skips the work for the others.
   */
  only?: (path: string) => boolean
  /**
   * The files of this document and format that the build renders in the
   * same round, of which `only` picks this call's: a renderer may render
   * them together and hand each out when it is asked for, to calls given
   * the same list.
   */
  batch?: readonly string[]
}

/** An output file, with `path` relative to the output folder (`/`-separated). */
export interface RenderedFile {
  path: string
  content: string | Uint8Array
  /**
   * The content as parts, when the renderer has them (their concatenation
   * is `content`, then joined only when read): a writer encodes them one
   * by one, and a page of megabytes is not copied into one string first.
   */
  parts?: readonly string[]
}

/** A file whose text is `parts` joined, joined when its content is first read. */
export function fileOfParts(path: string, parts: readonly string[]): RenderedFile {
  let joined: string | undefined
  return {
    path,
    parts,
    get content() {
      return (joined ??= parts.join(''))
    }
  }
}

/** A format's renderer; may be async (PDF streams). */
export type Renderer = (input: RenderInput) => RenderedFile[] | Promise<RenderedFile[]>

/**
 * A draft is not confirmed: hidden (the default), the segment shows what it would without it
 * (its confirmed translation, current or stale, else missing); marked, the draft shows with a marker.
 */
function withoutDraft(status: SegmentStatus): SegmentStatus | undefined {
  if (status.base === undefined || status.translation === undefined) return undefined
  const shown: SegmentStatus = {id: status.id, state: status.base, translation: status.translation}
  if (status.previousSource !== undefined) shown.previousSource = status.previousSource
  return shown
}

function editionSegment(id: string, source: string, given: SegmentStatus | undefined, language: string, sourceLanguage: string, missing: MissingMode, drafts: DraftMode): EditionSegment {
  let status = given
  if (status?.state === 'draft') {
    if (drafts === 'mark') return {id, source, mark: 'draft', display: 'text', text: toLf(status.draft!), language}
    status = withoutDraft(status)
  }
  // Object literals in one key order (no spreads): a book has tens of thousands of segments per edition.
  if (!status || status.state === 'missing' || status.translation === undefined) {
    if (missing === 'marker') return {id, source, mark: 'missing', display: 'text', text: source, language: sourceLanguage}
    return {id, source, mark: 'missing', display: missing === 'placeholder' ? 'placeholder' : 'omit', text: '', language}
  }
  // A translation may hold `\r` (a locale file edited on Windows); outputs have LF line endings only.
  const text = toLf(status.translation)
  if (status.state !== 'stale') return {id, source, mark: 'current', display: 'text', text, language}
  const stale: EditionSegment = {id, source, mark: 'stale', display: 'text', text, language}
  if (status.previousSource !== undefined) stale.previousSource = toLf(status.previousSource)
  return stale
}

/**
 * Build the edition of `doc` in each language: the source first, then each
 * target in the order given. A language without a track result is all missing.
 * Pure; nothing is dropped: every segment of the document appears in every
 * edition, marked `current`, `stale` or `missing`.
 */
export function alignEditions(doc: SegmentedDocument, tracks: TrackResult[], settings: {sourceLanguage: string; languages: string[]; missing: MissingMode; drafts?: DraftMode}): Edition[] {
  const drafts = settings.drafts ?? 'hide'
  const languages = [settings.sourceLanguage, ...settings.languages.filter((l) => l !== settings.sourceLanguage)]
  return languages.map((language) => {
    const isSource = language === settings.sourceLanguage
    const track = tracks.find((t) => t.document === doc.id && t.language === language)
    const list = track?.statuses ?? []
    // Statuses come in the registry's order, which is the document's: looked up by ID only where that is not so.
    let byId: Map<string, SegmentStatus> | undefined
    const statusOf = (id: string, i: number): SegmentStatus | undefined => (list[i]?.id === id ? list[i] : (byId ??= new Map(list.map((s) => [s.id, s]))).get(id))
    const blocks: EditionBlock[] = []
    const meta: Record<string, EditionSegment> = Object.create(null)
    for (let i = 0; i < doc.segments.length; i++) {
      const segment = doc.segments[i]!
      const status: SegmentStatus | undefined = isSource ? {id: segment.id, state: 'translated', translation: segment.text} : statusOf(segment.id, i)
      if (segment.kind === 'meta') {
        meta[segment.field!] = editionSegment(segment.id, segment.text, status, language, settings.sourceLanguage, 'marker', drafts)
        continue
      }
      const entry = editionSegment(segment.id, segment.text, status, language, settings.sourceLanguage, settings.missing, drafts)
      let block = blocks[blocks.length - 1]
      if (block?.index !== segment.block) {
        block = {index: segment.block, kind: segment.kind, depth: segment.depth, section: segment.section, segments: []}
        blocks.push(block)
      }
      block.segments.push(entry)
    }
    const marks: Record<Mark, number> = {current: 0, stale: 0, missing: 0, draft: 0}
    let total = 0
    for (const block of blocks) for (const segment of block.segments) marks[segment.mark]++, total++
    for (const segment of Object.values(meta)) marks[segment.mark]++, total++
    const {current} = marks
    const counts = {total, current, stale: marks.stale, missing: marks.missing, draft: marks.draft, percent: total ? Math.round((current / total) * 1000) / 10 : 100}
    const notes = editorNotes(doc, meta)
    return {language, document: doc.id, source: isSource, title: editionTitle(doc, blocks, meta, isSource), blocks, meta, notes, counts}
  })
}

/** Notes numbered in the order of the body segments they are attached to. */
function editorNotes(doc: SegmentedDocument, meta: Record<string, EditionSegment>): EditorNote[] {
  if (doc.anchors.length === 0) return []
  const order = new Map(doc.segments.map((s, i) => [s.id, i]))
  const byId = new Map(Object.values(meta).map((s) => [s.id, s]))
  return doc.anchors
    .map((anchor) => ({segment: anchor.segment, note: byId.get(anchor.note)!}))
    .filter((n) => n.note !== undefined)
    .sort((a, b) => order.get(a.segment)! - order.get(b.segment)!)
    .map((n, i) => ({number: i + 1, ...n}))
}

function editionTitle(doc: SegmentedDocument, blocks: EditionBlock[], meta: Record<string, EditionSegment>, isSource: boolean): string {
  const fallback = typeof doc.meta.title === 'string' ? doc.meta.title : undefined
  if (isSource && fallback) return fallback
  const own = meta.title
  if (own && own.mark !== 'missing') return own.text
  const top = blocks.find((b) => b.kind === 'heading' && b.depth === 1)?.segments[0]
  if (top && top.mark !== 'missing') return flatText(parseInline(top.text))
  return fallback ?? doc.id
}

/** A row of the aligned edition: one block, with each language's version of it, in edition order. */
export interface AlignedBlock {
  index: number
  kind: BlockKind
  depth: number
  section: string | null
  /** `cells[l][s]`: segment `s` of the block in edition `l`. */
  cells: EditionSegment[][]
}

/** Zip editions block by block (they share blocks by construction). */
export function alignedBlocks(editions: Edition[]): AlignedBlock[] {
  const first = editions[0]
  if (!first) return []
  return first.blocks.map((block, b) => ({
    index: block.index,
    kind: block.kind,
    depth: block.depth,
    section: block.section,
    cells: editions.map((edition) => {
      const other = edition.blocks[b]
      if (other?.index !== block.index) throw new Error(`Editions of \`${edition.document}\` do not share block ${block.index}; build them with alignEditions`)
      return other.segments
    })
  }))
}

/**
 * In an aligned view the English is already in its own column, so a missing
 * segment shown as English-with-marker shows the placeholder instead.
 */
export function alignedDisplay(segment: EditionSegment): Display {
  return segment.mark === 'missing' && segment.display === 'text' ? 'placeholder' : segment.display
}

/**
 * Whether a segment needs its own marker: a run of missing segments shown in
 * English within one block gets one marker at its start, which reads better
 * than a marker before every sentence (the language change shows the run).
 */
export function needsMarker(segments: EditionSegment[], i: number): boolean {
  const segment = segments[i]!
  const before = segments[i - 1]
  if (segment.mark !== 'missing' || segment.display !== 'text') return segment.mark !== 'current'
  return !(before && before.mark === 'missing' && before.display === 'text')
}

/** Join segments with the language's sentence joiner; a space wherever either side is in a spaced language (English shown in Japanese). */
export function joinSegments<T>(parts: Array<{nodes: T[]; language: string}>, space: () => T): T[] {
  const out: T[] = []
  parts.forEach((part, i) => {
    const before = parts[i - 1]
    if (before && joinedBySpace(before.language, part.language)) out.push(space())
    out.push(...part.nodes)
  })
  return out
}
