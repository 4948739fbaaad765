import {brotliCompressSync, constants} from 'node:zlib'

/**
 * A TrueType font (sfnt) as WOFF2 with the null transform: its tables
 * unchanged, compressed as one Brotli stream (W3C WOFF2, §4–5; the null
 * transform of `glyf` and `loca` is transformation version 3). Google's
 * encoder (WebAssembly, in subset-font) also rewrites the glyph table and
 * compresses at Brotli's top quality, which took about ten times as long as
 * the subsetting for a Korean page; with Node's own Brotli at quality 5 the
 * file is about a fifth larger (39 KB against 32 KB for the statement's
 * Korean face) and takes milliseconds.
 */

/** The known table tags, whose index in this list stands for the tag in the directory (§5.1). */
const KNOWN = [
  'cmap',
  'head',
  'hhea',
  'hmtx',
  'maxp',
  'name',
  'OS/2',
  'post',
  'cvt ',
  'fpgm',
  'glyf',
  'loca',
  'prep',
  'CFF ',
  'VORG',
  'EBDT',
  'EBLC',
  'gasp',
  'hdmx',
  'kern',
  'LTSH',
  'PCLT',
  'VDMX',
  'vhea',
  'vmtx',
  'BASE',
  'GDEF',
  'GPOS',
  'GSUB',
  'EBSC',
  'JSTF',
  'MATH',
  'CBDT',
  'CBLC',
  'COLR',
  'CPAL',
  'SVG ',
  'sbix',
  'acnt',
  'avar',
  'bdat',
  'bloc',
  'bsln',
  'cvar',
  'fdsc',
  'feat',
  'fmtx',
  'fvar',
  'gvar',
  'hsty',
  'just',
  'lcar',
  'mort',
  'morx',
  'opbd',
  'prop',
  'trak',
  'Zapf',
  'Silf',
  'Glat',
  'Gloc',
  'Feat',
  'Sill'
]

/** UIntBase128 (§4.1): big-endian groups of 7 bits, the high bit set on all but the last. */
function base128(value: number): number[] {
  const bytes = [value & 0x7f]
  for (let rest = Math.floor(value / 128); rest > 0; rest = Math.floor(rest / 128)) bytes.unshift((rest & 0x7f) | 0x80)
  return bytes
}

const pad4 = (n: number): number => (n + 3) & ~3

interface Table {
  tag: string
  data: Uint8Array
}

/** The tables of an sfnt, in its directory's order. */
function tablesOf(sfnt: Uint8Array): {flavor: number; tables: Table[]} {
  const view = new DataView(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength)
  const count = view.getUint16(4)
  const tables: Table[] = []
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i
    const tag = String.fromCharCode(sfnt[at]!, sfnt[at + 1]!, sfnt[at + 2]!, sfnt[at + 3]!)
    const offset = view.getUint32(at + 8)
    const length = view.getUint32(at + 12)
    if (offset + length > sfnt.byteLength) throw new Error(`Table \`${tag}\` runs past the end of the font (${offset + length} > ${sfnt.byteLength})`)
    tables.push({tag, data: sfnt.subarray(offset, offset + length)})
  }
  return {flavor: view.getUint32(0), tables}
}

/** WOFF2 of a TrueType font, deterministic: the same font gives the same bytes. */
export function sfntToWoff2(sfnt: Uint8Array): Uint8Array {
  const {flavor, tables} = tablesOf(sfnt)
  const directory: number[] = []
  for (const {tag, data} of tables) {
    const known = KNOWN.indexOf(tag)
    // glyf and loca: version 3 is the null transform; for every other table version 0 is.
    const version = tag === 'glyf' || tag === 'loca' ? 3 : 0
    directory.push(((known === -1 ? 63 : known) | (version << 6)) & 0xff)
    if (known === -1) for (let i = 0; i < 4; i++) directory.push(tag.charCodeAt(i))
    directory.push(...base128(data.byteLength))
  }
  const stream = Buffer.concat(tables.map((t) => t.data))
  const compressed = brotliCompressSync(stream, {
    params: {[constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_FONT, [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: stream.byteLength}
  })
  const headerSize = 48
  const length = pad4(headerSize + directory.length + compressed.byteLength)
  const out = new Uint8Array(length)
  const view = new DataView(out.buffer)
  view.setUint32(0, 0x774f4632) // 'wOF2'
  view.setUint32(4, flavor)
  view.setUint32(8, length)
  view.setUint16(12, tables.length)
  view.setUint32(16, 12 + 16 * tables.length + tables.reduce((sum, t) => sum + pad4(t.data.byteLength), 0))
  view.setUint32(20, compressed.byteLength)
  view.setUint16(24, 1)
  // minorVersion, metadata and private blocks: 0.
  out.set(directory, headerSize)
  out.set(compressed, headerSize + directory.length)
  return out
}
