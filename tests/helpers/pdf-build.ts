/**
 * Reading the built PDF editions back: text inside a frame (pdftotext
 * cropping, so running headers and footers stay out), lines rebuilt from
 * pdfjs text items, the nested outline and the catalog's /Lang.
 */
import {execFileSync} from 'node:child_process'
import {readdirSync} from 'node:fs'
import {join} from 'node:path'
import type {Frame} from '../../src/pdf/page-flow.js'
import {wordBoxes, type TextItem} from './read-pdf.js'

/** Text of every page inside `frame` (points), pages joined. */
export function frameText(path: string, frame: Frame): string {
  const box = ['-x', String(Math.floor(frame.x - 1)), '-y', String(Math.floor(frame.y - 1)), '-W', String(Math.ceil(frame.width + 2)), '-H', String(Math.ceil(frame.height + 2))]
  return execFileSync('pdftotext', ['-enc', 'UTF-8', ...box, path, '-'], {encoding: 'utf8', maxBuffer: 64 * 1024 * 1024})
}

/** Text of one page inside `frame` (pages 1-based). */
export function pageFrameText(path: string, page: number, frame: Frame): string {
  const box = ['-x', String(Math.floor(frame.x - 1)), '-y', String(Math.floor(frame.y - 1)), '-W', String(Math.ceil(frame.width + 2)), '-H', String(Math.ceil(frame.height + 2))]
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', String(page), '-l', String(page), ...box, path, '-'], {encoding: 'utf8'})
}

/** Whitespace removed: CJK lines may break anywhere, and extraction adds or drops spaces at line ends. */
export const squash = (s: string): string => s.normalize('NFC').replace(/\s+/g, '')
export const collapse = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim()

export interface PdfLine {
  page: number
  baseline: number
  x: number
  text: string
}

/** Lines of one column (items whose x lies in [left, right)), in reading order: page, baseline, then x. */
export function columnLines(items: readonly TextItem[], left: number, right: number): PdfLine[] {
  const lines = new Map<string, TextItem[]>()
  for (const item of items) {
    if (item.x < left - 0.5 || item.x >= right) continue
    const key = `${item.page}:${item.baseline.toFixed(2)}`
    lines.set(key, [...(lines.get(key) ?? []), item])
  }
  return [...lines.values()]
    .map((parts) => {
      parts.sort((a, b) => a.x - b.x)
      return {page: parts[0]!.page, baseline: parts[0]!.baseline, x: parts[0]!.x, text: collapse(parts.map((p) => p.str).join(''))}
    })
    .sort((a, b) => a.page - b.page || a.baseline - b.baseline)
}

export interface OutlineNode {
  title: string
  items: OutlineNode[]
}

/** The whole outline, nested, via pdfjs. */
export async function outlineTree(bytes: Uint8Array): Promise<OutlineNode[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const doc = await pdfjs.getDocument({data: new Uint8Array(bytes), verbosity: 0}).promise
  const outline = (await doc.getOutline()) ?? []
  await doc.destroy()
  const map = (nodes: typeof outline): OutlineNode[] => nodes.map((n) => ({title: n.title, items: map(n.items ?? [])}))
  return map(outline)
}

/** `/Lang` of the document catalog, via qpdf's JSON. */
export function catalogLang(path: string): string | undefined {
  const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=qpdf', path], {encoding: 'utf8', maxBuffer: 64 * 1024 * 1024})) as {
    qpdf: [unknown, Record<string, {value: Record<string, unknown>}>]
  }
  const objects = json.qpdf[1]
  const trailer = objects.trailer!.value
  const root = objects[`obj:${String(trailer['/Root'])}`]!.value
  const lang = root['/Lang']
  return typeof lang === 'string' ? lang.replace(/^u:/, '') : undefined
}

/** Every file under `dir`, relative, sorted. */
export function listFiles(dir: string, rel = ''): string[] {
  const out: string[] = []
  for (const entry of readdirSync(join(dir, rel), {withFileTypes: true})) {
    const path = rel ? `${rel}/${entry.name}` : entry.name
    if (entry.isDirectory()) out.push(...listFiles(dir, path))
    else out.push(path)
  }
  return out.sort()
}

/**
 * The two columns of a parallel PDF in the columns mode, found from page 1's
 * running heads (each column's head starts at its column's left edge): the
 * widths follow the texts' lengths, so a test cannot assume equal halves.
 */
export function parallelColumns(path: string, body: Frame, header: number, gutter = 18): [{x: number; width: number}, {x: number; width: number}] {
  const words = wordBoxes(path)[0]!
    .words.filter((w) => w.yMax <= body.y && w.yMin >= body.y - header - 1)
    .sort((a, b) => a.xMin - b.xMin)
  // The widest space between two words of the heads is the gutter (with what is left of the left head's line).
  let right = body.x + body.width / 2
  let widest = 0
  for (let i = 1; i < words.length; i++) {
    const gap = words[i]!.xMin - words[i - 1]!.xMax
    if (gap > widest) [widest, right] = [gap, words[i]!.xMin]
  }
  return [
    {x: body.x, width: right - gutter - body.x},
    {x: right, width: body.x + body.width - right}
  ]
}
