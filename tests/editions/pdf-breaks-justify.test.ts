/**
 * Breaks and justification read back from the PDFs (#22 items 2 and 3):
 * in the seven PDFs of the statement and in those of a small project full
 * of numbers, dates and short last sentences (A4 and A5), no number is
 * split from its unit or counter, no date is cut, no line holds only one or
 * two characters plus a full stop, and most Korean and Japanese body lines
 * reach the measure with Japanese text extracted without added spaces.
 */
import {execFileSync} from 'node:child_process'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {concord, repo, tempProject, write} from '../helpers/cli.js'
import {listFiles} from '../helpers/pdf-build.js'

interface TextLine {
  /** Paragraph number: lines one line pitch apart in one column share it. */
  block: number
  xMin: number
  xMax: number
  yMin: number
  yMax: number
  text: string
}

const decode = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')

/**
 * Lines of `pdftotext -bbox-layout`, page by page. pdftotext makes each
 * widely leaded line a block of its own, so paragraphs are found from the
 * geometry: the next line of a paragraph starts one line pitch lower (at
 * most 1.4 line heights), where a new paragraph adds its spacing.
 */
function layoutLines(path: string): TextLine[][] {
  const html = execFileSync('pdftotext', ['-enc', 'UTF-8', '-bbox-layout', path, '-'], {encoding: 'utf8', maxBuffer: 1 << 26})
  let block = 0
  return html
    .split('<page ')
    .slice(1)
    .map((page) => {
      const lines = [...page.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)].map((m) => ({
        block: 0,
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
        text: [...m[5]!.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => decode(w[1]!)).join(' ')
      }))
      lines.forEach((line, i) => {
        const before = lines[i - 1]
        const pitch = before ? line.yMin - before.yMin : 0
        const sameColumn = before !== undefined && Math.abs(line.xMin - before.xMin) < 40
        line.block = sameColumn && pitch > 0 && pitch <= 1.4 * (before.yMax - before.yMin) ? before.block : ++block
      })
      return lines
    })
}

// A line that ends on a number and one that starts with its unit, counter or month, or a date cut after its year or month.
const UNITS = '年|月|日|名|人|万|回|か国|件|년|월|일|명|만|개|차|건|дугаар|дүгээр|оны|сарын|January|February|March|April|May|June|July|August|September|October|November|December'
const SPLIT = [new RegExp(`[0-9]\\n\\s*(?:${UNITS})`, 'u'), /[0-9](?:年|月|년|월)\n\s*[0-9]/u, /[0-9](?:만|万)\n\s*(?:명|人)/u, /\[[^\]\n]*\n[^\]\n]*\]/u, /〔[^〕\n]*\n[^〕\n]*〕/u]
const TINY = /^[^\s\p{P}]{1,2}[.。．]$/u

const pdfs = new Map<string, string>()

beforeAll(() => {
  const statement = tempProject()
  const a4 = tempProject(join(repo, 'tests/fixtures/pdf-numbers'))
  const a5 = tempProject(join(repo, 'tests/fixtures/pdf-numbers'))
  write(a5, '.concordrc.json', JSON.stringify({languages: ['ko', 'ja'], pdf: {pageSize: 'A5'}}))
  for (const [name, dir] of [
    ['statement', statement],
    ['numbers-a4', a4],
    ['numbers-a5', a5]
  ] as const) {
    const run = concord(['build', '--format', 'pdf', '--out', 'out'], dir)
    expect(run.code, run.stderr).toBe(0)
    for (const file of listFiles(join(dir, 'out')).filter((f) => f.endsWith('.pdf'))) pdfs.set(`${name}/${file}`, join(dir, 'out', file))
  }
  expect(pdfs.size).toBe(7 + 5 + 5)
}, 300_000)

describe('line breaks in every PDF', () => {
  it('never split a number from its unit, a date, or a marker', () => {
    for (const [name, path] of pdfs) {
      for (const lines of layoutLines(path)) {
        for (let i = 1; i < lines.length; i++) {
          if (lines[i]!.block !== lines[i - 1]!.block) continue
          const joint = `${lines[i - 1]!.text}\n${lines[i]!.text}`
          for (const rule of SPLIT) expect(rule.test(joint), `${name}: ${joint}`).toBe(false)
        }
      }
    }
  })

  it('never leave a line of one or two characters plus a full stop', () => {
    for (const [name, path] of pdfs) {
      for (const line of layoutLines(path).flat()) expect(TINY.test(line.text), `${name}: ${line.text}`).toBe(false)
    }
  })
})

describe('justified Korean and Japanese', () => {
  const editions = [
    'statement/ko/statement.pdf',
    'statement/ja/statement.pdf',
    'numbers-a4/ko/numbers.pdf',
    'numbers-a4/ja/numbers.pdf',
    'numbers-a5/ko/numbers.pdf',
    'numbers-a5/ja/numbers.pdf'
  ]

  it.each(editions)('%s: at least 60% of body lines reach the measure (all but each paragraph’s last)', (file) => {
    const pages = layoutLines(pdfs.get(file)!)
    const all = pages.flat()
    const right = Math.max(...all.map((l) => l.xMax))
    const left = Math.min(...all.map((l) => l.xMin))
    // Body lines: those of paragraphs of several lines, from the frame's left edge, but the paragraph's last.
    const body = pages.flatMap((lines) => lines.filter((l, i) => lines[i + 1]?.block === l.block && Math.abs(l.xMin - left) < 1))
    const full = body.filter((l) => l.xMax >= right - 0.5)
    expect(body.length).toBeGreaterThan(3)
    expect(full.length / body.length, `${full.length} of ${body.length}`).toBeGreaterThanOrEqual(0.6)
  })

  it('extracts Japanese without spaces the spacing could add', () => {
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfs.get('numbers-a4/ja/numbers.pdf')!, '-'], {encoding: 'utf8'})
    expect(text).toContain('最初の会議は2019年3月14日にソウルで開かれた。')
    expect(text).not.toMatch(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}] [\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u)
  })
})
