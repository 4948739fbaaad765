import {createHash} from 'node:crypto'
import type {VFile} from 'vfile'
import type {Place} from '../core/json.js'
import {reject} from './model.js'

/**
 * How many entries an exported file has, and a checksum of them, so that a
 * file cut short (a broken download, a full disk, a half-saved e-mail) is
 * refused instead of imported in part. The checksum covers what the
 * translator does not edit, each entry's segment ID and English, sorted by
 * ID, so translating, rewrapping (msgcat) or reordering keeps it valid.
 * PO carries both as header fields, XLIFF as attributes of `<file>` in
 * Concord's namespace (XLIFF 2.0 allows other namespaces' attributes there).
 * Files without them (written by other tools) import as before.
 */
export const ENTRIES_HEADER = 'X-Concord-Entries'
export const CHECKSUM_HEADER = 'X-Concord-Checksum'
export const INTEGRITY_NAMESPACE = 'urn:x-concord:integrity'
export const INTEGRITY_PREFIX = 'concord'

export interface Entry {
  id: string
  source: string
}

export function entriesChecksum(entries: Entry[]): string {
  const hash = createHash('sha256')
  for (const line of entries.map((e) => `${e.id}\t${e.source}\n`).sort()) hash.update(line)
  return `sha256:${hash.digest('hex')}`
}

export interface Declared {
  entries?: string | undefined
  checksum?: string | undefined
}

/** PO: each entry's place in the export, `#. concord-entry: <k>/<n>`, to tell a file cut short from one a tool filtered. */
export const ENTRY_NOTE = 'concord-entry'

/**
 * Check a file's entries against what it declares (when it declares
 * anything). Fewer entries than exported is how translators hand back part
 * of a file (pofilter, a partial file): that is refused only when the
 * entries left are exactly the first ones of the export (`ordinals`, PO),
 * which is what a cut leaves. An XLIFF file cut short is not well-formed
 * XML and fails before this. With every entry there, the checksum must
 * match: IDs and English are not the translator's to change.
 */
export function verifyEntries(file: VFile, declared: Declared, entries: Entry[], place: Place, where: {entries: string; checksum: string}, ordinals?: Array<number | undefined>): void {
  if (declared.entries === undefined && declared.checksum === undefined) return
  const advice = 'export it again, or take the complete file from the translator (if the entries were left out on purpose, delete'
  const override = `\`${where.entries}\` and \`${where.checksum}\` from the file)`
  const expected = /^\d+$/.test(declared.entries?.trim() ?? '') ? Number(declared.entries!.trim()) : entries.length
  if (entries.length < expected) {
    // No entry at all is a prefix too: a cut right after the header.
    const sorted = ordinals?.every((n) => n !== undefined) ? (ordinals as number[]).slice().sort((a, b) => a - b) : undefined
    if (sorted?.every((n, k) => n === k + 1)) {
      reject(
        file,
        `Unexpected end of \`${file.path}\` after entry ${entries.length} of ${expected}, expected ${expected} entries as \`${where.entries}\` says; the file looks cut short: ${advice} ${override}`,
        place,
        'import-truncated'
      )
    }
    return
  }
  if (entries.length === expected && declared.checksum !== undefined && declared.checksum.trim() !== entriesChecksum(entries)) {
    reject(
      file,
      `Unexpected segment IDs or English in \`${file.path}\` (checksum \`${entriesChecksum(entries).slice(0, 19)}…\`), expected those exported (\`${where.checksum}\` \`${declared.checksum.trim().slice(0, 19)}…\`); ${advice} ${override}`,
      place,
      'import-integrity'
    )
  }
}

/**
 * A PO file cut short in the middle of a line. gettext tools and Concord end
 * every file with a line break; an unterminated last line is most likely a
 * cut, even when what is left of it happens to be valid PO.
 */
export function verifyFinalNewline(file: VFile): void {
  const text = String(file)
  if (text === '' || text.endsWith('\n')) return
  const lines = text.split('\n')
  reject(
    file,
    'Unexpected end of file in the middle of a line, expected a line break at the end; the file looks cut short: export or save it again (if it is complete, add a line break at the end)',
    {line: lines.length, column: lines.at(-1)!.length + 1},
    'import-truncated'
  )
}
