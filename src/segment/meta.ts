import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import type {DocumentMeta, EditorNoteMeta, SourceSegment} from '../core/types.js'
import {failRule} from '../core/rules.js'

const isNoteList = (value: unknown): value is EditorNoteMeta[] =>
  Array.isArray(value) && value.every((n: Partial<EditorNoteMeta> | null) => typeof n?.at === 'string' && n.at.trim() !== '' && typeof n.note === 'string' && n.note.trim() !== '')

/**
 * The reader-facing fields of the front matter, in the order their segments
 * take: what a reader sees of a document besides its body (title block,
 * running heads, HTML `<title>` and description, PDF metadata, notes) is
 * content to translate like any sentence. `source` (a path, for maintainers),
 * `date` (formatted per language), `language` and `incomplete` are not text
 * for readers and stay out.
 */
export const META_FIELDS = ['title', 'shortTitle', 'author', 'description', 'keywords', 'sourceNote', 'notes', 'editorNotes'] as const

/** Front matter text as one line: YAML folded scalars may hold line breaks a segment must not. */
const oneLine = (value: string): string => value.replace(/\s+/g, ' ').trim()

/**
 * The `meta` segments of a document's front matter (block -1, before the
 * body's). Each knows its field (`title`, `keywords.2`, `editorNotes.0`), by
 * which reconcile keeps its ID. A malformed `keywords` or `editorNotes` is a
 * fatal `front-matter` message on `file` (the other text fields are checked
 * when the front matter is read).
 */
export function metaSegments(meta: DocumentMeta, tree: Root, file: VFile): SourceSegment[] {
  const yaml = tree.children[0]?.type === 'yaml' ? tree.children[0] : undefined
  if (!yaml) return []
  const lines = yaml.value.split('\n')
  const startLine = yaml.position?.start.line ?? 1
  // The line of `key:` in the file (the front matter starts after its `---` line).
  const lineOf = (key: string): number =>
    startLine +
    1 +
    Math.max(
      0,
      lines.findIndex((l) => l.startsWith(`${key}:`))
    )
  const segments: SourceSegment[] = []
  const add = (field: string, value: string, key: string): void => {
    const text = oneLine(value)
    if (text !== '') segments.push({text, kind: 'meta', field, block: -1, depth: 0, line: lineOf(key), column: 1})
  }
  for (const key of META_FIELDS) {
    const value = meta[key]
    if (value === undefined || value === null) continue
    if (key === 'keywords') {
      if (typeof value === 'string') add('keywords', value, key)
      else if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) value.forEach((v, i) => add(`keywords.${i}`, String(v), key))
      else
        failRule(file, 'front-matter', 'Unexpected value for `keywords` in the front matter, expected a list of words; write `keywords: [word, other words]`', {line: lineOf(key), column: 1})
    } else if (key === 'editorNotes') {
      if (!isNoteList(value)) {
        failRule(file, 'front-matter', 'Unexpected value for `editorNotes` in the front matter, expected a list of `at:` (words of the English) and `note:` (the note) pairs', {
          line: lineOf(key),
          column: 1
        })
      }
      value.forEach((n, i) => add(`editorNotes.${i}`, n.note, key))
    } else if (typeof value === 'string') add(key, value, key)
  }
  return segments
}
