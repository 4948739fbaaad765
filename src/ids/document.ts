import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import type {Options} from '../core/options.js'
import {parseMarkdown, parseTree, readMeta} from '../markdown/parse.js'
import {toLf} from '../markdown/characters.js'
import type {ReconcileResult} from './reconcile.js'
import {noteAnchors, reconcileDocument} from './meta.js'
import {metaSegments} from '../segment/meta.js'
import {segmentTree} from '../segment/segment.js'
import {nestingTooDeep, scanNesting} from '../segment/limits.js'
import {cacheFromTree, segmentSource, type SegmentCache} from '../segment/units.js'
import type {DocumentMeta, Registry, SegmentedDocument, SourceSegment} from '../core/types.js'
import {failRule} from '../core/rules.js'

export interface DocumentResult extends ReconcileResult {
  document: SegmentedDocument
  /** When a cache was passed in: the entries for this version of the document, to pass to the next run. */
  cache?: SegmentCache
}

/** The document ID is the Markdown file's name without `.md`. */
export function documentId(path: string): string {
  return (path.split(/[\\/]/).pop() ?? path).replace(/\.md$/i, '')
}

interface Segmented {
  tree: Root | undefined
  meta: DocumentMeta
  fresh: SourceSegment[]
  /** The front matter's segments. */
  metaFresh: SourceSegment[]
  next: SegmentCache | undefined
}

function segmentWith(file: VFile, source: string, language: string, cache?: SegmentCache): Segmented {
  if (cache && cache.size > 0) {
    const segmented = segmentSource(source, language, cache)
    const meta = readMeta(segmented.head, file)
    // A single unit is the whole file: its tree is the document's.
    const tree = segmented.units === 1 ? segmented.head : undefined
    return {tree, meta, fresh: segmented.segments, metaFresh: metaSegments(meta, segmented.head, file), next: segmented.cache}
  }
  const {tree, meta} = parseMarkdown(file)
  const fresh = segmentTree(tree, source, {language})
  return {tree, meta, fresh, metaFresh: metaSegments(meta, tree, file), next: cache ? cacheFromTree(source, language, tree, fresh) : undefined}
}

/** Put a limit's message (made where no file is known, see segment/limits.ts) on `file`, and stop. */
function fail(file: VFile, message: VFileMessage): never {
  return file.fail(message.reason, {place: message.place ?? {line: 1, column: 1}, ruleId: message.ruleId ?? 'limit', source: 'concord'})
}

/**
 * Parse, segment and reconcile one document against its registry.
 * Pure: reads nothing but `file` and `registry`; problems are messages on `file`.
 *
 * With a `cache` (from the previous run's `result.cache`, or an empty map)
 * the segments of unchanged parts of a long document are reused, and the
 * tree is parsed only when something reads `document.tree`; the result is
 * the same.
 */
export function segmentDocument(file: VFile, registry: Registry, options: Pick<Options, 'sourceLanguage'>, cache?: SegmentCache): DocumentResult {
  // Line endings as LF, so that what outputs copy raw (code, HTML, front matter) has no `\r`; lines and columns stay.
  const source = toLf(String(file))
  // Markdown turns NUL into U+FFFD without a word: a file with one is damaged or not text.
  const nul = source.indexOf('\u0000')
  if (nul !== -1) {
    const before = source.slice(0, nul)
    file.fail('Unexpected character `U+0000` (NUL), expected text; remove it, or re-save the file as UTF-8 text', {
      place: {line: before.split('\n').length, column: nul - before.lastIndexOf('\n')},
      ruleId: 'encoding',
      source: 'concord'
    })
  }
  // Before parsing: micromark takes time quadratic in the depth of nested block quotes.
  const deep = scanNesting(source)
  if (deep) fail(file, nestingTooDeep(deep))
  let segmented: Segmented
  try {
    segmented = segmentWith(file, source, options.sourceLanguage, cache)
  } catch (error) {
    // A limit met while segmenting has no file yet (messages from `file.fail` have one).
    if (error instanceof VFileMessage && !error.file && error.ruleId) fail(file, error)
    throw error
  }
  let {tree} = segmented
  const {meta, fresh, metaFresh, next} = segmented
  if (fresh.length === 0) {
    failRule(file, 'empty-document', 'Unexpected empty document, expected at least one heading or paragraph; add text or delete the file', {line: 1, column: 1})
  }
  const result = reconcileDocument(registry, fresh, metaFresh)
  const anchors = noteAnchors(meta, result.segments, file)
  const document: SegmentedDocument = {
    id: registry.document,
    path: file.path,
    meta,
    get tree(): Root {
      return (tree ??= parseTree(source))
    },
    set tree(value: Root) {
      tree = value
    },
    segments: result.segments,
    anchors
  }
  return {...result, document, ...(next ? {cache: next} : {})}
}
