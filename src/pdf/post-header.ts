/**
 * pdfkit reads two fields of a face's `post` table when it embeds the face
 * (`italicAngle` and `isFixedPitch`), but fontkit decodes the whole table
 * on first access. Noto Sans' tables are format 2, with the names of its
 * 4,500 glyphs: decoding one costs about 30 ms, paid for each Latin face by
 * every process that prints, a one-segment rebuild included.
 *
 * This hands fontkit the table's fixed header, read from the font's bytes,
 * with the fields after it (glyph names, which Concord never uses) decoded
 * by fontkit itself the first time anything reads them. Relies on fontkit's
 * table cache (`_tables`, `_decodeTable`); where those are not as expected
 * the font is left alone, and fontkit decodes the table as before.
 */
interface TableEntry {
  offset: number
  length: number
}

interface FontInternals {
  stream?: {buffer?: Uint8Array}
  directory?: {tables?: Record<string, TableEntry | undefined>}
  _tables?: Record<string, unknown>
  _decodeTable?: (entry: TableEntry) => Record<string, unknown> | undefined
}

/**
 * The fields after the header, by table version, as fontkit's `tables/post.js`
 * has them. (Its version 2.5 cannot match: a 16.16 number reads 0x00025000
 * as 2.3125, so fontkit fails on such a table; it is left to fontkit.)
 */
const TAILS: Record<number, string[]> = {1: [], 2: ['numberOfGlyphs', 'glyphNameIndex', 'names'], 3: [], 4: ['map']}

const HEADER_SIZE = 32

/** The header of a `post` table as fontkit decodes it (`fixed32` is a signed 16.16 number). */
export function readPostHeader(bytes: Uint8Array, offset: number): Record<string, number> {
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, HEADER_SIZE)
  const fixed = (at: number): number => view.getInt32(at) / 65_536
  return {
    version: fixed(0),
    italicAngle: fixed(4),
    underlinePosition: view.getInt16(8),
    underlineThickness: view.getInt16(10),
    isFixedPitch: view.getUint32(12),
    minMemType42: view.getUint32(16),
    maxMemType42: view.getUint32(20),
    minMemType1: view.getUint32(24),
    maxMemType1: view.getUint32(28)
  }
}

/** Give `font` (a fontkit TTF font, before its `post` table is read) a `post` table whose glyph names are decoded on demand. */
export function lazyPostTable(font: object): void {
  const internals = font as FontInternals
  const entry = internals.directory?.tables?.post
  const bytes = internals.stream?.buffer
  const tables = internals._tables
  const decode = internals._decodeTable
  if (!entry || !(bytes instanceof Uint8Array) || !tables || typeof decode !== 'function' || 'post' in tables) return
  if (entry.length < HEADER_SIZE || entry.offset + HEADER_SIZE > bytes.length) return
  const table: Record<string, unknown> = readPostHeader(bytes, entry.offset)
  const tail = TAILS[table.version as number]
  if (!tail) return
  let full: Record<string, unknown> | undefined
  const decoded = (): Record<string, unknown> => (full ??= decode.call(font, entry) ?? {})
  for (const field of tail) Object.defineProperty(table, field, {enumerable: true, get: () => decoded()[field]})
  tables.post = table
}
