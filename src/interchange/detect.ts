import type {VFile} from 'vfile'
import {failRule} from '../core/rules.js'

export type InterchangeFormat = 'xliff' | 'po'

/**
 * Which format a translator's file is in: by extension when it has a known
 * one (so that a broken `.xlf` is reported as broken XML, not as "unknown"),
 * otherwise by content: XML starts with `<`, PO has `msgid` lines.
 */
export function detectFormat(file: VFile): InterchangeFormat {
  const extension = (file.extname ?? '').toLowerCase()
  if (extension === '.xlf' || extension === '.xliff' || extension === '.xml') return 'xliff'
  if (extension === '.po' || extension === '.pot') return 'po'
  const text = String(file)
  if (/^\s*</.test(text)) return 'xliff'
  if (/^\s*(#~\s*)?msgid\s/m.test(text)) return 'po'
  return failRule(file, 'import-format', 'Unexpected file content, expected XLIFF (XML starting with `<`) or gettext PO (with `msgid` lines); give the file the extension `.xlf` or `.po`', {
    line: 1,
    column: 1
  })
}
