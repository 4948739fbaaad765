/**
 * Reading PDFs back for tests: poppler-utils (pdftotext, pdffonts, pdfinfo)
 * and pdfjs-dist for exact text positions (baselines).
 */
import {execFileSync} from 'node:child_process'
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {expect} from 'vitest'
import {tempDir} from './cli.js'

const dir = tempDir('concord-pdf-test-')
let counter = 0

/** Write bytes to a temporary file and return its path. */
export function tempPdf(bytes: Uint8Array, name = 'doc'): string {
  const path = join(dir, `${name}-${++counter}.pdf`)
  writeFileSync(path, bytes)
  return path
}

function run(tool: string, args: string[]): string {
  return execFileSync(tool, args, {encoding: 'utf8', maxBuffer: 64 * 1024 * 1024})
}

/** Plain text of the whole document (pdftotext, UTF-8, reading order). */
export function pdfText(path: string, extra: string[] = []): string {
  return run('pdftotext', ['-enc', 'UTF-8', ...extra, path, '-'])
}

export interface WordBox {
  page: number
  text: string
  xMin: number
  yMin: number
  xMax: number
  yMax: number
}

export interface PageBoxes {
  width: number
  height: number
  words: WordBox[]
}

/** Word boxes from `pdftotext -bbox` (points, y downwards from the page top, as in pdfkit). */
export function wordBoxes(path: string): PageBoxes[] {
  const html = run('pdftotext', ['-enc', 'UTF-8', '-bbox', path, '-'])
  const pages: PageBoxes[] = []
  const pageRe = /<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g
  for (let p = pageRe.exec(html); p; p = pageRe.exec(html)) {
    const words: WordBox[] = []
    const wordRe = /<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g
    for (let w = wordRe.exec(p[3]!); w; w = wordRe.exec(p[3]!)) {
      words.push({page: pages.length, text: decode(w[5]!), xMin: Number(w[1]), yMin: Number(w[2]), xMax: Number(w[3]), yMax: Number(w[4])})
    }
    pages.push({width: Number(p[1]), height: Number(p[2]), words})
  }
  return pages
}

/** Assert that a word's box lies inside `frame` (points, as wordBoxes gives them), give or take `tolerance`. */
export function expectInside(w: WordBox, frame: {x: number; y: number; width: number; height: number}, tolerance = 0.5): void {
  expect(w.xMin, w.text).toBeGreaterThanOrEqual(frame.x - tolerance)
  expect(w.xMax, w.text).toBeLessThanOrEqual(frame.x + frame.width + tolerance)
  expect(w.yMin, w.text).toBeGreaterThanOrEqual(frame.y - tolerance)
  expect(w.yMax, w.text).toBeLessThanOrEqual(frame.y + frame.height + tolerance)
}

function decode(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
}

export interface FontRow {
  name: string
  type: string
  emb: string
  sub: string
  uni: string
}

/** The font table of `pdffonts`. */
export function pdfFonts(path: string): FontRow[] {
  const lines = run('pdffonts', [path]).trim().split('\n').slice(2)
  return lines.map((line) => {
    const cells = line.trim().split(/\s+/)
    // name type... encoding emb sub uni objectID gen: read from the end, the type has spaces.
    const [name] = cells
    const [emb, sub, uni] = cells.slice(-5, -2)
    return {name: name!, type: cells.slice(1, -6).join(' '), emb: emb!, sub: sub!, uni: uni!}
  })
}

/** `pdfinfo` fields by name. */
export function pdfInfo(path: string): Record<string, string> {
  const info: Record<string, string> = {}
  for (const line of run('pdfinfo', ['-isodates', path]).split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line)
    if (m) info[m[1]!.trim()] = m[2]!.trim()
  }
  return info
}

export interface TextItem {
  page: number
  str: string
  x: number
  /** Baseline, in points from the page top. */
  baseline: number
  width: number
}

/** Text show operations with their exact positions, via pdfjs-dist. */
export async function textItems(bytes: Uint8Array): Promise<TextItem[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const doc = await pdfjs.getDocument({data: new Uint8Array(bytes), useSystemFonts: false, verbosity: 0}).promise
  const items: TextItem[] = []
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n)
    const height = page.view[3]!
    const content = await page.getTextContent()
    for (const item of content.items) {
      if (!('str' in item) || item.str === '') continue
      items.push({page: n - 1, str: item.str, x: item.transform[4], baseline: height - item.transform[5], width: item.width})
    }
  }
  await doc.destroy()
  return items
}

/** The document outline (bookmark titles, nested), via pdfjs-dist. */
export async function outlineTitles(bytes: Uint8Array): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const doc = await pdfjs.getDocument({data: new Uint8Array(bytes), verbosity: 0}).promise
  const outline = (await doc.getOutline()) ?? []
  await doc.destroy()
  return outline.map((item) => item.title)
}
