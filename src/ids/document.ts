import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import type {Options} from '../core/options.js'
import {parseMarkdown, parseTree, readMeta} from '../markdown/parse.js'
import {reconcile, type ReconcileResult} from './reconcile.js'
import {segmentTree} from '../segment/segment.js'
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
  const source = String(file)
  let tree: Root | undefined
  let meta: DocumentMeta
  let fresh: SourceSegment[]
  let next: SegmentCache | undefined
  if (cache && cache.size > 0) {
    const segmented = segmentSource(source, options.sourceLanguage, cache)
    meta = readMeta(segmented.head, file)
    fresh = segmented.segments
    next = segmented.cache
    // A single unit is the whole file: its tree is the document's.
    if (segmented.units === 1) tree = segmented.head
  } else {
    ;({tree, meta} = parseMarkdown(file))
    fresh = segmentTree(tree, source, {language: options.sourceLanguage})
    if (cache) next = cacheFromTree(source, options.sourceLanguage, tree, fresh)
  }
  if (fresh.length === 0) {
    failRule(file, 'empty-document', 'Unexpected empty document, expected at least one heading or paragraph; add text or delete the file', {line: 1, column: 1})
  }
  const result = reconcile(registry, fresh)
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
    segments: result.segments
  }
  return {...result, document, ...(next ? {cache: next} : {})}
}
