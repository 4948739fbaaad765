import type {Root} from 'mdast'

/** Kinds of block that carry translatable segments. */
export type BlockKind = 'heading' | 'paragraph' | 'tableCell'

/** Kinds of segment: a block's sentence, or a reader-facing front matter field (`meta`). */
export type SegmentKind = BlockKind | 'meta'

/** An editor's note on the source, attached to the body segment whose English holds `at`. */
export interface EditorNoteMeta {
  /** Words of the English text (plain text, as the reader sees it) that the note is about. */
  at: string
  note: string
}

/** Front matter of a document (`content/<id>.md`); every field is optional. */
export interface DocumentMeta {
  title?: string
  shortTitle?: string
  author?: string
  date?: string
  language?: string
  description?: string
  keywords?: string[]
  /** Where the text came from, for maintainers (a path); not shown to readers. */
  source?: string
  /** What the source is, in words, for readers. */
  sourceNote?: string
  incomplete?: boolean
  /** With `incomplete`, printed at the end of the document as an editor's note. */
  notes?: string
  editorNotes?: EditorNoteMeta[]
  [key: string]: unknown
}

/** A sentence (or heading) of the English source, before IDs are assigned. */
export interface SourceSegment {
  /** Inline Markdown of the sentence, whitespace-normalised and trimmed. */
  text: string
  kind: SegmentKind
  /** For `meta` segments: the front matter field (`title`, `keywords.0`, `editorNotes.1`). */
  field?: string
  /** Index of the block in document order (0-based); -1 for `meta` segments. */
  block: number
  /** Heading depth for headings, 0 otherwise. */
  depth: number
  /** Where the segment starts in the Markdown file (1-based). */
  line: number
  column: number
}

/** A segment after reconcile: a source segment with a stable ID. */
export interface Segment extends SourceSegment {
  id: string
  /** Revision of the English text, starting at 1; bumped when the text changes. */
  rev: number
  /** Short content hash of `text`. */
  hash: string
  /** ID of the nearest heading at or before this segment, `null` before the first heading. */
  section: string | null
  /** ID of the first segment of the same block: a block key that survives insertions elsewhere. */
  blockId: string
}

/** One registry entry as persisted (positions are not persisted: they change on reflow). */
export interface RegistryEntry {
  id: string
  text: string
  rev: number
  hash: string
  kind: SegmentKind
  field?: string
  section: string | null
  blockId: string
}

export interface RetiredEntry {
  text: string
  rev: number
  hash: string
}

/** The persisted state of a document's segmentation. */
export interface Registry {
  document: string
  /** Current segments in document order. */
  segments: RegistryEntry[]
  /** Previous English texts by segment ID and revision number. */
  history: Record<string, Record<string, string>>
  /** Beside the history: the class of the change from each of those revisions to the next (absent in registries written before it was kept). */
  changes?: Record<string, Record<string, ChangeClass>>
  /** Retired IDs (never reused) with their last English text. */
  retired: Record<string, RetiredEntry>
}

/** The parsed, segmented form of one document. */
export interface SegmentedDocument {
  id: string
  path: string
  meta: DocumentMeta
  tree: Root
  /** Segments with IDs, in document order: the front matter's (`meta`) first, then the body's. */
  segments: Segment[]
  /** Editor's notes: the `meta` segment of each note (field `editorNotes.<n>`) and the body segment it is attached to. */
  anchors: Array<{note: string; segment: string}>
}

/** What an English edit does to its translations: `minor` (punctuation, case, spacing, one word's spelling) or `meaning`. */
export type ChangeClass = 'minor' | 'meaning'

/**
 * Translation states, in the order a translator cares about them. `draft`: a
 * translation nobody has confirmed (a fuzzy or `initial` import, an editor's
 * saved draft); it is kept in the state file, not in the i18next file.
 */
export type TranslationState = 'missing' | 'stale' | 'draft' | 'translated' | 'reviewed'
