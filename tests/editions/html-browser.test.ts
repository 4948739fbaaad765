import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {chromium, type Browser, type BrowserContextOptions, type Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {concord, readJson, repo, tempProject, write} from '../helpers/cli.js'

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
const HIGHLIGHT = 'rgb(255, 233, 138)'
const HOSTILE: Record<string, string> = {
  sk0f800: '<script>window.__pwned=1</script>인권은 기본 권리이다.',
  shhg4ys: '<img src=x onerror="window.__pwned=1">시간이 흐르면서.',
  sft9wd4: '[여기를 누르세요](javascript:window.__pwned=1) 그러므로.',
  st38cym: '<a href="javascript:window.__pwned=1">링크</a> 우리는.',
  s44ng3p: '[또 하나](JaVaScRiPt&#58;window.__pwned=1) <iframe src="javascript:window.__pwned=1"></iframe>'
}

function build(dir: string): void {
  const run = concord(['build', '--format', 'html'], dir)
  expect(run.code, run.stderr).toBe(0)
}

describe('HTML editions in chromium', {timeout: 120_000}, () => {
  let browser: Browser
  let dir: string
  let hostile: string
  beforeAll(async () => {
    dir = tempProject()
    build(dir)
    hostile = tempProject()
    const ko = readJson(hostile, 'locales/ko/statement.json')
    for (const id of Object.keys(HOSTILE)) expect(ko[id], id).toBeDefined()
    write(hostile, 'locales/ko/statement.json', JSON.stringify({...ko, ...HOSTILE}, null, 2))
    build(hostile)
    browser = await chromium.launch({executablePath: '/usr/bin/chromium', args: ARGS})
  }, 180_000)
  afterAll(async () => browser?.close())

  /** Open an output page; `problems` collects console errors and warnings, page errors and any request that leaves the file. */
  async function open(root: string, path: string, options: BrowserContextOptions = {}): Promise<{page: Page; problems: string[]}> {
    const context = await browser.newContext({viewport: {width: 1400, height: 1000}, ...options})
    const page = await context.newPage()
    const problems: string[] = []
    page.on('console', (m) => void (['error', 'warning'].includes(m.type()) && problems.push(`${m.type()}: ${m.text()}`)))
    page.on('pageerror', (e) => void problems.push(`pageerror: ${e.message}`))
    page.on('request', (r) => void (!/^(file|data):/.test(r.url()) && problems.push(`request: ${r.url()}`)))
    const [file, hash] = path.split('#') as [string, string?]
    await page.goto(pathToFileURL(join(root, 'output', file)).href + (hash ? `#${hash}` : ''))
    return {page, problems}
  }

  it('shows the aligned page with one column per language, side by side', async () => {
    const {page, problems} = await open(dir, 'aligned/statement.html')
    const heads = page.locator('.row.head .cell')
    expect(await heads.evaluateAll((cells) => cells.map((c) => c.firstChild?.textContent))).toEqual(['English', '한국어', '日本語', 'Монгол'])
    const boxes = await page.locator('[data-seg="sk0f800"]').evaluateAll((els) => els.map((e) => e.closest('.cell')!.getBoundingClientRect().toJSON() as DOMRect))
    expect(boxes).toHaveLength(4)
    for (let i = 1; i < 4; i++) {
      expect(boxes[i]!.top).toBe(boxes[0]!.top)
      expect(boxes[i]!.left).toBeGreaterThan(boxes[i - 1]!.right)
      expect(boxes[i]!.width).toBeGreaterThan(250)
    }
    expect(await page.locator('[data-col="ko"]').first().getAttribute('lang')).toBe('ko')
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    await page.screenshot({path: join(tmpdir(), 'concord-aligned.png')})
    expect(problems).toEqual([])
  })

  it('highlights the counterparts of a hovered or focused segment', async () => {
    const {page, problems} = await open(dir, 'aligned/statement.html')
    const state = (id: string) =>
      page
        .locator(`[data-seg="${id}"]`)
        .evaluateAll((els) => els.map((e) => [e.closest('[data-col]')!.getAttribute('data-col'), e.classList.contains('hl'), getComputedStyle(e).backgroundColor]))
    await page.locator('#sk0f800').hover()
    expect(await state('sk0f800')).toEqual(['en', 'ko', 'ja', 'mn'].map((l) => [l, true, HIGHLIGHT]))
    expect((await state('shhg4ys')).every(([, on]) => on === false)).toBe(true)
    // Off every segment, so the scroll that focusing causes cannot put the pointer on another one.
    await page.mouse.move(1395, 5)
    await page.locator('[data-col="ja"] [data-seg="sj751zz"]').focus()
    expect(await state('sj751zz')).toEqual(['en', 'ko', 'ja', 'mn'].map((l) => [l, true, HIGHLIGHT]))
    expect((await state('sk0f800')).every(([, on]) => on === false)).toBe(true)
    expect(problems).toEqual([])
  })

  it('hides a column with its checkbox, without JavaScript', async () => {
    const {page, problems} = await open(dir, 'aligned/statement.html', {javaScriptEnabled: false})
    const width = () =>
      page
        .locator('[data-col="en"]')
        .nth(2)
        .evaluate((e) => e.getBoundingClientRect().width)
    const before = await width()
    expect(await page.locator('[data-col="ja"]').nth(2).isVisible()).toBe(true)
    await page.getByLabel('日本語').uncheck()
    expect(await page.locator('[data-col="ja"]').nth(2).isVisible()).toBe(false)
    expect(await width()).toBeGreaterThan(before * 1.2)
    expect(problems).toEqual([])
  })

  it('scrolls to #<id> in the aligned page and in a language page', async () => {
    for (const path of ['aligned/statement.html#sz6wjvp', 'ko/statement.html#sz6wjvp', 'mn/statement.html#s3bssx1', 'ja/statement.html#spwccc4']) {
      const {page, problems} = await open(dir, path)
      const id = path.split('#')[1]!
      const where = await page.evaluate((target) => ({top: document.getElementById(target)!.getBoundingClientRect().top, scrolled: window.scrollY, height: innerHeight}), id)
      // It starts below the first screen, and the browser brought it into view.
      expect(where.top + where.scrolled, path).toBeGreaterThan(where.height)
      expect(where.top, path).toBeGreaterThanOrEqual(0)
      expect(where.top, path).toBeLessThan(where.height)
      expect(problems).toEqual([])
    }
    const {page} = await open(dir, 'aligned/statement.html#s0d5c1f')
    expect(await page.locator('[data-col="mn"] [data-seg="s0d5c1f"]').evaluate((e) => e.classList.contains('hl'))).toBe(true)
  })

  it('stacks the columns on a phone', async () => {
    const {page, problems} = await open(dir, 'aligned/statement.html', {viewport: {width: 390, height: 800}})
    const boxes = await page.locator('[data-seg="sk0f800"]').evaluateAll((els) => els.map((e) => e.closest('.cell')!.getBoundingClientRect().toJSON() as DOMRect))
    for (let i = 1; i < 4; i++) {
      expect(boxes[i]!.left).toBe(boxes[0]!.left)
      expect(boxes[i]!.top).toBeGreaterThan(boxes[i - 1]!.top)
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    expect(problems).toEqual([])
  })

  it('passes an axe-core scan without serious or critical violations', async () => {
    for (const path of ['aligned/statement.html', 'ko/statement.html', 'ja/statement.html', 'mn/statement.html', 'en/statement.html']) {
      // Our CSP would (rightly) refuse the injected axe script.
      const {page} = await open(dir, path, {bypassCSP: true})
      await page.addScriptTag({path: join(repo, 'node_modules', 'axe-core', 'axe.min.js')})
      const violations = await page.evaluate(async () => {
        const result = await (window as unknown as {axe: {run: () => Promise<{violations: Array<{id: string; impact: string; nodes: unknown[]}>}>}}).axe.run()
        return result.violations.map((v) => ({id: v.id, impact: v.impact, nodes: v.nodes.length}))
      })
      expect(
        violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
        path
      ).toEqual([])
    }
  })

  it('renders the Korean edition with its own title and lang', async () => {
    const {page, problems} = await open(dir, 'ko/statement.html')
    expect(await page.title()).toBe(readJson(dir, 'locales/ko/statement.json').s3z11jd)
    expect(await page.locator('html').getAttribute('lang')).toBe('ko')
    // The note on the missing resolutions, in Korean, under the last heading.
    expect(await page.locator('article > h2:last-of-type + .end-note').innerText()).toContain('결의 사항 목록은 원문에 없으며')
    await page.screenshot({path: join(tmpdir(), 'concord-ko.png')})
    expect(problems).toEqual([])
  })

  it('runs nothing from hostile translations, even without the Content-Security-Policy', async () => {
    for (const bypassCSP of [false, true]) {
      for (const path of ['ko/statement.html', 'aligned/statement.html']) {
        const {page, problems} = await open(hostile, path, {bypassCSP})
        for (const link of await page.locator('[data-seg] a').all()) await link.click()
        await page.waitForLoadState()
        const seen = await page.evaluate(() => ({
          pwned: (window as unknown as {__pwned?: number}).__pwned,
          scripts: document.scripts.length,
          embeds: document.querySelectorAll('[data-seg] img, [data-seg] iframe, [data-seg] script').length,
          handlers: [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name)),
          hrefs: [...document.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '').filter((h) => !/^(https?:|#|\.\.\/)/.test(h)),
          text: document.body.innerText
        }))
        expect(seen.pwned, `${path} bypassCSP=${bypassCSP}`).toBeUndefined()
        expect(seen.scripts).toBe(path.startsWith('aligned') ? 1 : 0)
        expect(seen.embeds).toBe(0)
        expect(seen.handlers).toEqual([])
        expect(seen.hrefs).toEqual([])
        expect(seen.text).toContain('<script>window.__pwned=1</script>')
        expect(problems).toEqual([])
      }
    }
  })
})
