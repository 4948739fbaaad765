import {join} from 'node:path'
import {chromium, type Browser, type BrowserContext, type Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {bodyIds, concord, read, readJson, repo, tempProject, write} from '../helpers/cli.js'
import {serve, type Served} from '../helpers/serve.js'

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
const WAIT = {timeout: 20_000}

describe('the editor in chromium', {timeout: 180_000}, () => {
  let browser: Browser
  let dir: string
  let served: Served
  beforeAll(async () => {
    dir = tempProject()
    served = await serve(dir, ['--lang', 'mn'])
    browser = await chromium.launch({executablePath: '/usr/bin/chromium', args: ARGS})
  }, 180_000)
  afterAll(async () => {
    await browser?.close()
    served?.child.kill('SIGTERM')
    await served?.exited
  })

  /** Open the editor as the printed address does; `problems` collects console errors, page errors and any request that is not to the editor. */
  async function open(context?: BrowserContext): Promise<{page: Page; problems: string[]}> {
    const page = await (context ?? (await browser.newContext())).newPage()
    const problems: string[] = []
    page.on('console', (m) => void (['error', 'warning'].includes(m.type()) && problems.push(`${m.type()}: ${m.text()}`)))
    page.on('pageerror', (e) => void problems.push(`pageerror: ${e.message}`))
    page.on('request', (r) => void (!r.url().startsWith(served.origin) && !r.url().startsWith('data:') && problems.push(`request: ${r.url()}`)))
    await page.goto(served.url)
    await page.locator('[data-segment] textarea').first().waitFor(WAIT)
    return {page, problems}
  }

  const status = (): Record<string, string> => (JSON.parse(concord(['status', '--json'], dir).stdout) as Record<string, Record<string, Record<string, string>>>).statement!.mn!

  it('translates a missing Mongolian sentence with Ctrl+Enter and moves to the next gap', async () => {
    const {page, problems} = await open()
    expect(page.url()).toBe(`${served.origin}/`)
    expect(await page.locator('html').getAttribute('lang')).toBe('mn')
    const states = status()
    const missing = bodyIds(dir).filter((id) => states[id] === 'missing')
    const [id, next] = missing as [string, string]
    const text = 'Нэмж дурдахад, энэ аравдугаар сард Хойд, Өмнөдийн удирдагчдын хоёр дахь дээд хэмжээний уулзалтыг хүлээж байна.'
    const box = page.locator(`[data-segment="${id}"] textarea`)
    await box.fill(text)
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/save'))
    await box.press('Control+Enter')
    expect((await saved).status()).toBe(200)
    await expect.poll(() => readJson(dir, 'locales/mn/statement.json')[id], WAIT).toBe(text)
    expect(status()[id]).toBe('translated')
    await expect.poll(() => page.locator(`[data-segment="${id}"]`).getAttribute('data-state'), WAIT).toBe('translated')
    // The focus went on to the next segment that needs work.
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-segment]')?.getAttribute('data-segment')), WAIT).toBe(next)
    expect(problems).toEqual([])
  })

  it('refuses the second of two tabs saving the same sentence, keeping its text; pushes changes on disk to the page', async () => {
    const context = await browser.newContext()
    const a = await open(context)
    const b = await open(context)
    const id = bodyIds(dir).find((i) => status()[i] === 'translated')!
    const other = bodyIds(dir).filter((i) => status()[i] === 'translated' && i !== id)[0]!
    const mine = 'Хоёр дахь табын орчуулга.'
    await a.page.locator(`[data-segment="${id}"] textarea`).fill('Эхний табын орчуулга.')
    await b.page.locator(`[data-segment="${id}"] textarea`).fill(mine)
    const first = a.page.waitForResponse((r) => r.url().endsWith('/api/save'))
    await a.page.locator(`[data-segment="${id}"] textarea`).press('Control+Enter')
    expect((await first).status()).toBe(200)
    const second = b.page.waitForResponse((r) => r.url().endsWith('/api/save'))
    await b.page.locator(`[data-segment="${id}"] textarea`).press('Control+Enter')
    expect((await second).status()).toBe(409)
    expect(await b.page.locator(`[data-segment="${id}"] textarea`).inputValue()).toBe(mine)
    await expect.poll(() => b.page.locator(`[data-segment="${id}"] .notice blockquote`).innerText(), WAIT).toBe('Эхний табын орчуулга.')
    expect(readJson(dir, 'locales/mn/statement.json')[id]).toBe('Эхний табын орчуулга.')

    // Another program changes a segment nobody is typing in: both pages show the new text.
    const strings = readJson(dir, 'locales/mn/statement.json')
    write(dir, 'locales/mn/statement.json', JSON.stringify({...strings, [other]: 'Дискэн дээр засав.'}, null, 2) + '\n')
    for (const {page} of [a, b]) await expect.poll(() => page.locator(`[data-segment="${other}"] textarea`).inputValue(), WAIT).toBe('Дискэн дээр засав.')

    // A broken file: its place shows in the page; fixed, the message goes.
    write(dir, 'locales/mn/statement.json', '{\n  "oops": \n')
    await expect.poll(() => a.page.locator('.problem').innerText(), WAIT).toMatch(/locales\/mn\/statement\.json:\d+:\d+: /)
    write(dir, 'locales/mn/statement.json', JSON.stringify({...strings, [other]: 'Дискэн дээр засав.'}, null, 2) + '\n')
    await expect.poll(() => a.page.locator('.problem').isHidden(), WAIT).toBe(true)
    // The browser logs the refused save and the loads refused while the file was broken; nothing else.
    const expected = /status of (409 \(Conflict\)|422 \(Unprocessable Entity\))/
    expect([...a.problems, ...b.problems].filter((p) => !expected.test(p))).toEqual([])
  })

  it('filters by state, highlights glossary terms, shows the diff of stale English', async () => {
    // A stale segment: its English changes, `segment` records the new revision.
    const markdown = read(dir, 'content/statement.md')
    const once = (english: string): boolean => markdown.split(english.slice(0, 15)).length === 2
    const id = bodyIds(dir).find(
      (i) => status()[i] === 'translated' && /General Meeting/.test(readJson(dir, 'locales/en/statement.json')[i]!) && once(readJson(dir, 'locales/en/statement.json')[i]!)
    )!
    const english = readJson(dir, 'locales/en/statement.json')[id]!
    write(dir, 'content/statement.md', markdown.replace(english.slice(0, 15), `Today, ${english.slice(0, 15)}`))
    expect(concord(['segment'], dir).code).toBe(0)
    const {page, problems} = await open()
    const segment = page.locator(`[data-segment="${id}"]`)
    expect(await segment.getAttribute('data-state')).toBe('stale')
    expect(await segment.locator('.diff ins').first().innerText()).toContain('Today')
    expect(await segment.locator('.english mark').allInnerTexts()).toContain('General Meeting')
    expect(await segment.locator('.english .rendering').allInnerTexts()).toContain('(Ерөнхий чуулган)')
    await page.selectOption('#filter-state', 'stale')
    expect(await page.locator('[data-segment]:visible').evaluateAll((els) => els.map((e) => e.getAttribute('data-state')))).toEqual(['stale'])
    // QA as you type: a number the English has and the translation lacks.
    await page.selectOption('#filter-state', '')
    await segment.locator('textarea').fill('Өнөөдөр.')
    await expect.poll(() => segment.locator('.findings').innerText(), WAIT).toMatch(/\S/)
    expect(problems).toEqual([])
  })

  it("opens a segment's row in the aligned HTML edition, whose script runs under both policies", async () => {
    expect(concord(['build', '--format', 'html'], dir).code).toBe(0)
    const context = await browser.newContext()
    const {page, problems} = await open(context)
    const id = bodyIds(dir).find((i) => status()[i] === 'translated')!
    const opened = context.waitForEvent('page')
    await page.locator(`[data-segment="${id}"] a`).click()
    const aligned = await opened
    aligned.on('console', (m) => void (['error', 'warning'].includes(m.type()) && problems.push(`${m.type()}: ${m.text()}`)))
    await aligned.waitForLoadState()
    expect(aligned.url()).toBe(`${served.origin}/output/aligned/statement.html#${id}`)
    // The edition's script marks the target in every column.
    await expect.poll(() => aligned.locator(`[data-col="mn"] [data-seg="${id}"]`).evaluate((e) => e.classList.contains('hl')), WAIT).toBe(true)
    expect(problems).toEqual([])
  })

  it('passes an axe-core scan without serious or critical violations', async () => {
    // Our CSP would (rightly) refuse the injected axe script.
    const {page} = await open(await browser.newContext({bypassCSP: true}))
    await page.addScriptTag({path: join(repo, 'node_modules', 'axe-core', 'axe.min.js')})
    const violations = await page.evaluate(async () => {
      const result = await (window as unknown as {axe: {run: () => Promise<{violations: Array<{id: string; impact: string; nodes: unknown[]}>}>}}).axe.run()
      return result.violations.map((v) => ({id: v.id, impact: v.impact, nodes: v.nodes.length}))
    })
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([])
  })
})
