/**
 * The parallel PDFs of the statement in both modes, built by the CLI and
 * read back with poppler and pdf.js: columns sized by the texts' lengths,
 * rows split at line boundaries with a continuation cue in each language,
 * and facing pages (`pdf.parallel: "facing"`) whose spreads hold the same
 * blocks, with one head and one folio per page.
 */
import {spawnSync} from 'node:child_process'
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {bodyFrame, defaultGeometry, marginFrame} from '../../src/pdf/page-flow.js'
import {concord, readJson, repo, tempProject} from '../helpers/cli.js'
import {collapse, pageFrameText, parallelColumns, squash} from '../helpers/pdf-build.js'
import {rowTexts} from '../helpers/pdf-rows.js'
import {flatten, pdfStructure} from '../helpers/pdf-structure.js'
import {pdfInfo, wordBoxes, type WordBox} from '../helpers/read-pdf.js'

const TARGETS = ['ko', 'ja', 'mn'] as const
const geometry = defaultGeometry('A4')
const body = bodyFrame(geometry)
const margins = marginFrame(geometry)
const footer = {x: margins.x, y: body.y + body.height, width: margins.width, height: geometry.footer}
const header = {x: margins.x, y: margins.y, width: margins.width, height: geometry.header}

let project: string
let small: string
const columns = (lng: string): string => join(project, 'columns', `aligned/statement.en-${lng}.pdf`)
const facing = (lng: string): string => join(project, 'facing', `aligned/statement.en-${lng}.pdf`)
const ui = (lng: string): Record<string, string> => readJson(project, `locales/${lng}/ui.json`)
const shortTitle = (lng: string): string => {
  const segments = readJson<{segments: Record<string, {field?: string}>}>(project, 'locales/en/statement.registry.json').segments
  const id = Object.keys(segments).find((k) => segments[k]!.field === 'shortTitle')!
  return readJson<Record<string, string>>(project, `locales/${lng}/statement.json`)[id]!
}
const folio = (lng: string, page: number, pages: number): string => ui(lng).page!.replace('{{page}}', String(page)).replace('{{pages}}', String(pages))
const draftNotice = (lng: string): string => (lng === 'mn' ? `${ui('mn').draft!.replace('{{percent}}', '76.7')} · ` : '')

beforeAll(() => {
  project = tempProject()
  let run = concord(['build', '--format', 'pdf', '--out', 'columns'], project)
  expect(run.code, run.stderr).toBe(0)
  const options = readJson<{pdf: Record<string, unknown>}>(project, '.concordrc.json')
  writeFileSync(join(project, '.concordrc.json'), JSON.stringify({...options, pdf: {...options.pdf, parallel: 'facing'}}))
  run = concord(['build', '--format', 'pdf', '--out', 'facing'], project)
  expect(run.code, run.stderr).toBe(0)
  // A list, a table, a blockquote, a link, stale and missing marks: every structure on facing pages.
  small = tempProject(join(repo, 'tests/fixtures/editions-small'))
  writeFileSync(join(small, '.concordrc.json'), JSON.stringify({languages: ['ko', 'ja'], pdf: {parallel: 'facing'}}))
  run = concord(['build', '--format', 'pdf', '--out', 'out'], small)
  expect(run.code, run.stderr).toBe(0)
}, 240_000)

/** Body lines of a page's column: words grouped by baseline (yMax), top down. */
function bodyLines(words: readonly WordBox[], left: number, right: number): Array<{top: number; bottom: number; text: string}> {
  const lines = new Map<number, WordBox[]>()
  for (const w of words) {
    if (w.yMin < body.y - 0.5 || w.yMax > body.y + body.height + 0.5 || w.xMin < left - 0.5 || w.xMax > right + 0.5) continue
    const key = Math.round(w.yMax)
    lines.set(key, [...(lines.get(key) ?? []), w])
  }
  return [...lines.values()]
    .map((ws) => ({top: Math.min(...ws.map((w) => w.yMin)), bottom: Math.max(...ws.map((w) => w.yMax)), text: ws.map((w) => w.text).join(' ')}))
    .sort((a, b) => a.top - b.top)
}

describe('columns mode', () => {
  it('sizes the columns by the texts’ measured lengths: en–ko is not 50/50, and every share is within 40–60%', () => {
    const shares = TARGETS.map((lng) => {
      const [left, right] = parallelColumns(columns(lng), body, geometry.header)
      expect(left.width + right.width + 18).toBeCloseTo(body.width, 0)
      return left.width / (left.width + right.width)
    })
    for (const share of shares) expect(share).toBeGreaterThanOrEqual(0.4 - 1e-3)
    for (const share of shares) expect(share).toBeLessThanOrEqual(0.6 + 1e-3)
    expect(Math.abs(shares[0]! - 0.5)).toBeGreaterThan(0.05)
  })

  it.each(TARGETS)('en–%s: a row that runs on has a cue in each language, and no page has a hole over two lines', (lng) => {
    const path = columns(lng)
    const [left, right] = parallelColumns(path, body, geometry.header)
    const pages = wordBoxes(path)
    const rows = rowTexts(project, lng)
    const cues = [squash(ui('en').continued!), squash(ui(lng).continued!)]
    let runOn = 0
    pages.forEach((page, p) => {
      const sides = [left, right].map((box) => bodyLines(page.words, box.x, box.x + box.width))
      // Line height of the body: the most common step between two lines of a column.
      const steps = sides.flatMap((lines) => lines.slice(1).map((l, i) => Math.round(l.top - lines[i]!.top))).filter((d) => d > 5)
      const lineHeight = steps.sort((a, b) => steps.filter((d) => d === b).length - steps.filter((d) => d === a).length)[0]!
      const all = sides.flat().sort((a, b) => a.top - b.top)
      // Page 1 has the title block, spaced as designed; below it and on every other page, no band without text over two lines.
      // The editor's notes are set off by a rule with space around it.
      const notes = ['en', lng].map((l) => squash(ui(l).editorNotes!))
      for (let i = p === 0 ? all.length : 1; i < all.length; i++)
        if (!notes.includes(squash(all[i]!.text))) expect(all[i]!.top - all[i - 1]!.bottom, `page ${p + 1} before “${all[i]!.text}”`).toBeLessThanOrEqual(2 * lineHeight)
      if (p === pages.length - 1) return
      // The page foot: no more than two lines and a cue line left empty under the last line (the old layout left 3–5).
      expect(body.y + body.height - Math.max(...all.map((l) => l.bottom)), `foot of page ${p + 1}`).toBeLessThanOrEqual(3 * lineHeight)
      // A column whose last block continues on the next page ends with its cue.
      sides.forEach((lines, c) => {
        const text = lines.map((l) => squash(l.text))
        const hasCue = text[text.length - 1] === cues[c]
        const last = hasCue ? text[text.length - 2]! : text[text.length - 1]!
        const next = squash(bodyLines(pages[p + 1]!.words, [left, right][c]!.x, [left, right][c]!.x + [left, right][c]!.width)[0]?.text ?? '')
        const continues = rows.some((row) => squash(c === 0 ? row.left : row.right).includes(last + next))
        expect(hasCue, `page ${p + 1} column ${c + 1}: “${last}” / “${next}”`).toBe(continues)
        if (continues) runOn++
      })
    })
    if (lng !== 'ja') expect(runOn).toBeGreaterThan(0)
  })
})

describe('facing mode', () => {
  it.each(TARGETS)('en–%s: title page, then English on even pages and the translation on odd pages, each spread holding the same blocks', async (lng) => {
    const path = facing(lng)
    const pages = Number(pdfInfo(path).Pages)
    expect(pages % 2).toBe(1)
    expect(readFileSync(path, 'latin1')).toContain('/PageLayout /TwoPageRight')
    const rows = rowTexts(project, lng)
    const boxes = wordBoxes(path)
    const first = (page: number): string => squash(bodyLines(boxes[page - 1]!.words, body.x, body.x + body.width)[0]!.text)
    const rowOf = (text: string, side: 'left' | 'right'): string | undefined => rows.find((row) => squash(row[side]).includes(text))?.id
    for (let left = 2; left < pages; left += 2) {
      const [en, tr] = [first(left), first(left + 1)]
      // A text block, or an editor's note (by its number) where the notes run on.
      if (rowOf(en, 'left') === undefined) expect(tr[0], `page ${left}: “${en}”`).toBe(en[0])
      else expect(rowOf(tr, 'right'), `page ${left + 1}: “${tr}”`).toBe(rowOf(en, 'left'))
      const text = (page: number) => squash(pageFrameText(path, page, body))
      const script = {ko: /\p{Script=Hangul}/u, ja: /\p{Script=Hiragana}/u, mn: /\p{Script=Cyrillic}/u}[lng]
      expect(text(left)).not.toMatch(script)
      expect(text(left + 1)).toMatch(script)
    }
    // Each page runs down on its own: no band without text over two lines inside a page (the notes' rule aside).
    const notes = ['en', lng].map((l) => squash(ui(l).editorNotes!))
    for (let page = 2; page <= pages; page++) {
      const lines = bodyLines(boxes[page - 1]!.words, body.x, body.x + body.width)
      const lineHeight = Math.min(...lines.slice(1).map((l, i) => l.top - lines[i]!.top))
      for (let i = 1; i < lines.length; i++)
        if (!notes.includes(squash(lines[i]!.text))) expect(lines[i]!.top - lines[i - 1]!.bottom, `page ${page} before “${lines[i]!.text}”`).toBeLessThanOrEqual(2 * lineHeight)
    }
    // One reading order for both modes: each English block, then its translation.
    const structure = await pdfStructure(readFileSync(path))
    for (const page of structure) expect(page.untagged).toEqual([])
  })

  it.each(TARGETS)('en–%s: one running head and one folio per page, each in its page’s language, heads not cut', (lng) => {
    const path = facing(lng)
    const pages = Number(pdfInfo(path).Pages)
    for (let page = 1; page <= pages; page++) {
      const language = page === 1 || page % 2 === 1 ? lng : 'en'
      expect(collapse(pageFrameText(path, page, footer))).toBe(draftNotice(lng) + folio(language, page, pages))
      const head = collapse(pageFrameText(path, page, header))
      expect(head).not.toContain('…')
      expect(head).toBe(page === 1 ? '' : collapse(shortTitle(language)))
    }
  })

  it('keeps the tagged structure whole: every structure of a small project, each English block followed by its translation', async () => {
    const path = join(small, 'out', 'aligned/small.en-ko.pdf')
    expect(pdfInfo(path).Tagged).toBe('yes')
    const check = spawnSync('qpdf', ['--check', path], {encoding: 'utf8'})
    expect(check.status, check.stdout + check.stderr).toBe(0)
    const pages = await pdfStructure(readFileSync(path))
    for (const page of pages) expect(page.untagged).toEqual([])
    // Both tables, the English one first; the English list and the Korean one; English marked as such.
    const all = pages.flatMap((p) => flatten(p.roots))
    const tables = all.filter((n) => n.role === 'Table')
    expect(tables.map((t) => t.lang)).toEqual(['en', undefined])
    expect(all.filter((n) => n.role === 'L').length).toBeGreaterThanOrEqual(2)
    const paragraphs = all.filter((n) => n.role === 'P' && n.text && !/^\d|•/.test(n.text))
    expect(paragraphs.some((p, i) => p.lang === 'en' && paragraphs[i + 1]?.lang === undefined)).toBe(true)
  })
})
