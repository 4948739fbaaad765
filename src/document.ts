import type {VFile} from 'vfile'
import type {Options} from './options.js'
import {parseMarkdown} from './parse.js'
import {reconcile, type ReconcileResult} from './reconcile.js'
import {segmentTree} from './segment/segment.js'
import type {Registry, SegmentedDocument} from './types.js'

export interface DocumentResult extends ReconcileResult {
  document: SegmentedDocument
}

/** The document ID is the Markdown file's name without `.md`. */
export function documentId(path: string): string {
  return (path.split(/[\\/]/).pop() ?? path).replace(/\.md$/i, '')
}

/**
 * Parse, segment and reconcile one document against its registry.
 * Pure: reads nothing but `file` and `registry`; problems are messages on `file`.
 */
export function segmentDocument(file: VFile, registry: Registry, options: Pick<Options, 'sourceLanguage'>): DocumentResult {
  const {tree, meta} = parseMarkdown(file)
  const fresh = segmentTree(tree, String(file), {language: options.sourceLanguage})
  if (fresh.length === 0) {
    file.fail('Unexpected empty document, expected at least one heading or paragraph; add text or delete the file', {
      place: {line: 1, column: 1},
      ruleId: 'empty-document',
      source: 'concord'
    })
  }
  const result = reconcile(registry, fresh)
  return {
    ...result,
    document: {id: registry.document, path: file.path, meta, tree, segments: result.segments}
  }
}
