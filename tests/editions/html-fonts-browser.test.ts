import {execFileSync} from 'node:child_process'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {chromium, type Browser, type Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {concord, tempDir, tempProject, write} from '../helpers/cli.js'

/**
 * The HTML editions on a machine without Korean or Japanese fonts: chromium
 * runs with a font configuration holding DejaVu alone, so every Hangul and
 * kana on screen and in print comes from the faces the pages embed.
 */
const CHROMIUM = '/usr/bin/chromium'
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']

function latinOnlyFonts(): Record<string, string> {
  const dir = tempDir('concord-fonts-')
  write(dir, 'fonts.conf', `<?xml version="1.0"?>\n<fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>${dir}/cache</cachedir></fontconfig>\n`)
  return {...(process.env as Record<string, string>), FONTCONFIG_FILE: join(dir, 'fonts.conf')}
}

describe('HTML editions with their own fonts, in chromium without CJK fonts', {timeout: 180_000}, () => {
  let browser: Browser
  let dir: string
  const env = latinOnlyFonts()
  beforeAll(async () => {
    dir = tempProject()
    const run = concord(['build', '--format', 'html'], dir)
    expect(run.code, run.stderr).toBe(0)
    browser = await chromium.launch({executablePath: CHROMIUM, args: ARGS, env})
  }, 180_000)
  afterAll(async () => browser?.close())

  const url = (path: string): string => pathToFileURL(join(dir, 'output', path)).href

  /** A page with its problems: console errors and warnings, and Content-Security-Policy violations. */
  async function open(path: string): Promise<{page: Page; problems: string[]}> {
    const page = await (await browser.newContext({viewport: {width: 1400, height: 1000}})).newPage()
    const problems: string[] = []
    page.on('console', (m) => void (['error', 'warning'].includes(m.type()) && problems.push(`${m.type()}: ${m.text()}`)))
    page.on('pageerror', (e) => void problems.push(`pageerror: ${e.message}`))
    await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`csp: ${e.violatedDirective} ${e.blockedURI}`)))
    await page.goto(url(path))
    // Faces load as text needs them, after the first layout: wait until none is loading.
    await page.waitForFunction(() => document.fonts.status === 'loaded' && ![...document.fonts].some((f) => f.status === 'loading'))
    return {page, problems}
  }

  /** The fonts chromium drew a node's text with, and whether each came from the page. */
  async function fontsOf(page: Page, selector: string): Promise<Array<{familyName: string; isCustomFont: boolean}>> {
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('DOM.enable')
    await cdp.send('CSS.enable')
    const {root} = await cdp.send('DOM.getDocument')
    const {nodeId} = await cdp.send('DOM.querySelector', {nodeId: root.nodeId, selector})
    const {fonts} = await cdp.send('CSS.getPlatformFontsForNode', {nodeId})
    return fonts.map(({familyName, isCustomFont}) => ({familyName, isCustomFont}))
  }

  it('draws Korean and Japanese text, and the language switcher, with the embedded Noto faces, allowed by the policy', async () => {
    const {page, problems} = await open('ko/statement.html')
    const faces = await page.evaluate(() => [...document.fonts].map((f) => `${f.family} ${f.weight}${f.family === 'Noto Sans KR' ? ` ${f.status}` : ''}`))
    expect(faces).toEqual(['Noto Sans 400', 'Noto Sans 700', 'Noto Sans KR 400 loaded', 'Noto Sans JP 400'])
    expect(await fontsOf(page, 'main > h1 span')).toEqual([{familyName: 'Noto Sans KR', isCustomFont: true}])
    expect(await fontsOf(page, 'nav.bar a[hreflang="ja"]')).toEqual([{familyName: 'Noto Sans JP', isCustomFont: true}])
    expect(await fontsOf(page, 'nav.bar a[hreflang="mn"]')).toEqual([{familyName: 'Noto Sans', isCustomFont: true}])
    expect(problems).toEqual([])
    for (const path of ['en/statement.html', 'ja/statement.html', 'mn/statement.html', 'aligned/statement.html']) {
      const other = await open(path)
      expect(await fontsOf(other.page, 'nav.bar a[hreflang="ko"]'), path).toEqual([{familyName: 'Noto Sans KR', isCustomFont: true}])
      expect(other.problems, path).toEqual([])
    }
    const ja = await open('ja/statement.html')
    expect((await fontsOf(ja.page, 'main > h1 span')).filter((f) => !f.isCustomFont)).toEqual([])
  })

  it('prints the Korean edition on A4 with an embedded Noto Sans KR subset', () => {
    const pdf = join(tempDir('concord-print-'), 'ko.pdf')
    execFileSync(CHROMIUM, [...ARGS, '--no-pdf-header-footer', `--print-to-pdf=${pdf}`, url('ko/statement.html')], {env, stdio: 'ignore', timeout: 120_000})
    const fonts = execFileSync('pdffonts', [pdf], {encoding: 'utf8'})
    expect(fonts).toMatch(/^[A-Z]{6}\+NotoSansKR-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/m)
    expect(fonts).not.toMatch(/DejaVu/)
    expect(execFileSync('pdfinfo', [pdf], {encoding: 'utf8'})).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/)
  })

  it('has one tab stop per row of the aligned page, and the arrow keys inside a row', async () => {
    const {page, problems} = await open('aligned/statement.html')
    const stopColumns = () => page.locator('.seg[tabindex="0"]').evaluateAll((els) => els.map((e) => e.closest('[data-col]')!.getAttribute('data-col')))
    const rows = await page.locator('.row:has(.seg)').count()
    expect(rows).toBeGreaterThan(5)
    expect(await stopColumns()).toEqual(Array(rows).fill('en'))
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement!
        return {seg: el.getAttribute('data-seg'), col: el.closest('[data-col]')?.getAttribute('data-col'), row: [...document.querySelectorAll('.row')].indexOf(el.closest('.row')!)}
      })
    // Tab goes from row to row of the grid.
    const grid = page.locator('.grid:not(.title) .row:has(.seg)')
    await grid.first().locator('.seg[tabindex="0"]').focus()
    const stops = [await focused()]
    for (let i = 1; i < (await grid.count()); i++) {
      await page.keyboard.press('Tab')
      stops.push(await focused())
    }
    expect(stops.map((s) => s.col)).toEqual(Array(stops.length).fill('en'))
    expect(new Set(stops.map((s) => s.row)).size).toBe(stops.length)
    // Inside a row the arrow keys move, and Tab comes back to where the row was left.
    const row = stops[1]!
    await page.locator(`[data-seg="${row.seg}"]`).first().focus()
    await page.keyboard.press('ArrowRight')
    const next = await focused()
    expect(next.row).toBe(row.row)
    expect([next.seg, next.col]).not.toEqual([row.seg, row.col])
    await page.keyboard.press('End')
    expect(await focused()).toMatchObject({row: row.row, col: 'mn'})
    await page.keyboard.press('Tab')
    await page.keyboard.press('Shift+Tab')
    expect(await focused()).toMatchObject({row: row.row, col: 'mn'})
    // Hiding English moves the stops in its column to the next column shown.
    await page.getByLabel('English').uncheck()
    // (The title's row comes first, then the grid's: the row left in Mongolian is the third.)
    expect(await stopColumns()).toEqual(Array.from({length: rows}, (_, i) => (i === 2 ? 'mn' : 'ko')))
    expect(problems).toEqual([])
  })
})
