/**
 * What the editor's server and its page say to each other, as JSON. Shared
 * by both sides (the page's bundle imports only these types), so a field
 * added here is checked on both. No imports: the browser bundle must not
 * pull in Node code.
 */

/** A piece of a segment's English: plain text, or a glossary term with this language's rendering. */
export interface EnglishPiece {
  text: string
  /** The glossary's rendering of the term in the target language, when `text` is a term that has one. */
  rendering?: string
}

/** A piece of the word diff from the previous English to the current one. */
export interface DiffPart {
  value: string
  added?: boolean
  removed?: boolean
}

/** A QA finding on a translation, as `concord check` reports it. */
export interface Finding {
  ruleId: string
  severity: 'error' | 'warning' | 'info'
  reason: string
}

/** A translation-memory match, shown beside a segment and inserted with one key. */
export interface Suggestion {
  text: string
  /** 0–100. */
  similarity: number
  /** Where the match comes from (document and segment, or a TMX file). */
  origin: string
}

export interface EditorSegment {
  id: string
  /** `heading`, `paragraph`, `tableCell` or `meta` (a front matter field). */
  kind: string
  field?: string
  /** The ID of the section's heading, and its English, for the segment's header line. */
  section: string | null
  sectionTitle: string | null
  english: string
  /** The English cut into pieces at glossary terms. */
  pieces: EnglishPiece[]
  /** The translation as on disk; null when there is none. */
  translation: string | null
  state: string
  /**
   * The version the page loaded: the hash of the translation (empty when
   * missing) and its state. A save names it; a different version on disk
   * means someone else changed the segment since, and the save is refused.
   */
  version: string
  /** Stale: the English the translation was made against, and the word diff to the current English. */
  previousEnglish?: string
  diff?: DiffPart[]
  findings: Finding[]
  /** Where the segment is in the aligned HTML edition (served from the output folder). */
  link: string
  /** Translation-memory matches, best first, when the project has a memory. */
  suggestions?: Suggestion[]
  /** Stale: whether the English change is `minor` or changes the `meaning`, when known. */
  class?: string
}

export interface DocumentPayload {
  document: string
  language: string
  segments: EditorSegment[]
}

/** What the page needs before it loads a document. */
export interface ServerInfo {
  documents: string[]
  languages: string[]
  /** The language of the page's own words, and the target language the page opens with. */
  uiLanguage: string
  language: string
  /** The translation states, in order, for the filter. */
  states: string[]
  /** The save actions the server knows (each a state a save can record). */
  actions: string[]
  /** The page's words, resolved in `uiLanguage`. */
  strings: Record<string, string>
  /** The names of the languages, in their own script. */
  languageNames: Record<string, string>
}

export interface SaveRequest {
  document: string
  language: string
  id: string
  /** The version the page loaded (EditorSegment.version). */
  version: string
  text: string
  action: string
}

/** A refused save (409): the segment as it is now on disk. */
export interface Conflict {
  conflict: true
  current: EditorSegment
}

/** Any other refusal: a message to show (a broken locale file's `file:line:col: reason`). */
export interface Problem {
  error: string
}

export interface CheckRequest {
  document: string
  language: string
  id: string
  text: string
}
