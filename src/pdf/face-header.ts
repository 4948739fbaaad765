import {closeSync, openSync, readSync} from 'node:fs'

/**
 * A face's vertical metrics read from the start of its file, without
 * fontkit. Every PDF lays its lines out with the tallest ascender and
 * deepest descender over all the families (`commonMetrics` in fonts.ts), so
 * a Korean edition needs those of the Japanese face too, but nothing else of
 * it: opening the 5 MB Japanese files for four numbers cost a one-segment
 * Korean rebuild about 10 ms. The numbers are the ones fontkit gives
 * (`unitsPerEm` from `head`, `ascent`, `descent` and `lineGap` from `hhea`),
 * which tests/pdf-fonts.test.ts checks for every face.
 */
export interface FaceHeader {
  unitsPerEm: number
  ascent: number
  descent: number
  lineGap: number
}

/** Bytes of `file` from `offset`; fewer at the end of the file. */
function readAt(fd: number, offset: number, length: number): Buffer {
  const buffer = Buffer.alloc(length)
  const read = readSync(fd, buffer, 0, length, offset)
  return buffer.subarray(0, read)
}

/**
 * The metrics of the TrueType/OpenType face at `path`, or `undefined` when
 * the file is not laid out as expected (the caller then asks fontkit).
 */
export function readFaceHeader(path: string): FaceHeader | undefined {
  let fd: number | undefined
  try {
    fd = openSync(path, 'r')
    const start = readAt(fd, 0, 12)
    if (start.length < 12) return undefined
    const count = start.readUInt16BE(4)
    const records = readAt(fd, 12, count * 16)
    if (records.length < count * 16) return undefined
    const tables = new Map<string, number>()
    for (let i = 0; i < count; i++) tables.set(records.toString('latin1', i * 16, i * 16 + 4), records.readUInt32BE(i * 16 + 8))
    const head = tables.get('head')
    const hhea = tables.get('hhea')
    if (head === undefined || hhea === undefined) return undefined
    const headBytes = readAt(fd, head, 20)
    const hheaBytes = readAt(fd, hhea, 10)
    if (headBytes.length < 20 || hheaBytes.length < 10) return undefined
    // `head` starts with its version 1.0; anything else is not a table this reader knows.
    if (headBytes.readUInt32BE(0) !== 0x0001_0000) return undefined
    return {unitsPerEm: headBytes.readUInt16BE(18), ascent: hheaBytes.readInt16BE(4), descent: hheaBytes.readInt16BE(6), lineGap: hheaBytes.readInt16BE(8)}
  } catch {
    return undefined
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}
