import {spawnSync} from 'node:child_process'
import {readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {Ajv2020} from 'ajv/dist/2020.js'
import {chromium} from 'playwright-core'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {concord, read, repo, tempProject, write} from '../helpers/cli.js'
import {golden} from '../helpers/golden.js'

const fixture = join(repo, 'tests/fixtures/coverage-basic')
const schema = JSON.parse(readFileSync(join(repo, 'src/schemas/coverage.schema.json'), 'utf8')) as object
const validate = new Ajv2020({allErrors: true, strict: true}).compile(schema)

describe('concord coverage on the coverage-basic fixture', () => {
  it('prints the table, writes the three reports, and they match the golden files', () => {
    const dir = tempProject(fixture)
    // The build date comes from SOURCE_DATE_EPOCH (outside a git repository there is no source revision).
    const run = concord(['coverage'], dir, {SOURCE_DATE_EPOCH: '1700000000'})
    expect(run.code, run.stderr).toBe(0)
    const lines = run.stdout.trimEnd().split('\n')
    expect(lines[0]!.split(/\s{2,}/)).toEqual(['Document', 'Language', 'Total', 'Translated', 'Reviewed', 'Stale', 'Missing', 'Percent', 'Source words', 'Target volume'])
    expect(lines.find((l) => l.startsWith('guide') && l.includes(' ja '))!.split(/\s+/)).toEqual(['guide', 'ja', '11', '8', '1', '2', '1', '72.7%', '52', '111', 'characters'])
    // Target volume for every language: characters for the scripts without spaces between words, words for the others.
    expect(lines.find((l) => l.startsWith('notes') && l.includes(' mn '))!.trimEnd()).toMatch(/ 1 word$/)
    expect(lines).toContain('ja: no gate · 64.3% translated, 7.1% reviewed')
    expect(
      lines
        .find((l) => l.startsWith('All documents') && l.includes(' mn '))!
        .split(/\s{2,}/)
        .slice(1, 8)
    ).toEqual(['mn', '14', '1', '0', '1', '12', '7.1%'])
    expect(run.stdout).not.toMatch(/\u001b\[/) // not a terminal: no colour
    expect(run.stderr).toContain('wrote output/coverage.json')
    for (const name of ['coverage.json', 'coverage.md', 'coverage.html']) golden(join(fixture, 'expected', name), read(dir, `output/${name}`))
    // Each SVG stays one raw HTML block in the Markdown, so Markdown viewers that allow HTML draw it whole.
    const blocks = unified()
      .use(remarkParse)
      .use(remarkGfm)
      .parse(read(dir, 'output/coverage.md'))
      .children.filter((n) => n.type === 'html')
    expect(blocks.map((n) => /^<svg [\s\S]*<\/svg>$/.test((n as {value: string}).value))).toEqual([true, true, true, true, true])
    expect(validate(JSON.parse(read(dir, 'output/coverage.json'))), JSON.stringify(validate.errors)).toBe(true)
  })

  it('prints only the JSON on stdout with --json, identical to output/coverage.json', () => {
    const dir = tempProject(fixture)
    const run = concord(['coverage', '--json'], dir)
    expect(run.code, run.stderr).toBe(0)
    expect(() => JSON.parse(run.stdout)).not.toThrow()
    expect(run.stdout).toBe(read(dir, 'output/coverage.json'))
    expect(run.stderr).toContain('coverage.json')
  })

  it('writes into --out and leaves unchanged reports untouched', () => {
    const dir = tempProject(fixture)
    expect(concord(['coverage', '--out', 'reports'], dir).code).toBe(0)
    const before = statSync(join(dir, 'reports/coverage.html')).mtimeMs
    const again = concord(['coverage', '--out', 'reports'], dir)
    expect(again.stderr).toContain('unchanged reports/coverage.html')
    expect(statSync(join(dir, 'reports/coverage.html')).mtimeMs).toBe(before)
  })
})

describe('colour in the terminal table', () => {
  // `script` gives the CLI a pseudo-terminal as stdout, as an interactive shell would.
  const inTerminal = (env: Record<string, string>) => {
    const dir = tempProject(fixture)
    const {NO_COLOR: _, FORCE_COLOR: __, ...rest} = process.env
    return spawnSync('script', ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(join(repo, 'dist/cli/main.js'))} coverage`, '/dev/null'], {
      cwd: dir,
      encoding: 'utf8',
      env: {...rest, TERM: 'xterm', ...env}
    }).stdout
  }

  it('colours the percent on a terminal (green complete, yellow from 50%, red below)', () => {
    const out = inTerminal({})
    expect(out).toMatch(/guide +ko .*\u001b\[32m +100\.0%\u001b\[39m/)
    expect(out).toMatch(/guide +ja .*\u001b\[33m +72\.7%\u001b\[39m/)
    expect(out).toMatch(/guide +mn .*\u001b\[31m +0\.0%\u001b\[39m/)
  })

  it('honours NO_COLOR', () => {
    expect(inTerminal({NO_COLOR: '1'})).not.toMatch(/\u001b\[/)
  })
})

describe('the --fail-under gate, end to end', () => {
  const gate = (args: string[], config?: object) => {
    const dir = tempProject(fixture)
    if (config) write(dir, '.concordrc.json', JSON.stringify(config))
    return concord(['coverage', ...args], dir)
  }

  it('exits 1 naming each language below, and only those', () => {
    const run = gate(['--fail-under', '70'])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/Unexpected `64\.3%` translated \(9 of 14 segments\) for `ja` \(Japanese\), expected at least `70%`.*\[coverage-below-threshold\]/)
    expect(run.stderr).toMatch(/for `mn` \(Mongolian\)/)
    expect(run.stderr).not.toMatch(/for `ko`/)
  })

  it('exits 0 when every language reaches the threshold', () => {
    expect(gate(['--fail-under', '7']).code).toBe(0)
    expect(gate([]).code).toBe(0)
  })

  it('still prints clean JSON on stdout when the gate fails', () => {
    const run = gate(['--json', '--fail-under', '100'])
    expect(run.code).toBe(1)
    expect(JSON.parse(run.stdout).totals.languages.mn.percent).toBe(7.1)
  })

  it('reads coverage.failUnder and per-language thresholds from .concordrc.json', () => {
    expect(gate([], {coverage: {failUnder: 60}}).code).toBe(1)
    expect(gate([], {coverage: {failUnder: 60, thresholds: {mn: 5}}}).code).toBe(0)
    const run = gate([], {coverage: {thresholds: {ko: 100, ja: 90}}})
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/for `ja`.*at least `90%`/)
    expect(run.stderr).not.toMatch(/for `mn`/)
    // An explicit --fail-under replaces the configured gates for the run, in both directions.
    expect(gate(['--fail-under', '100'], {coverage: {failUnder: 0, thresholds: {ja: 60, mn: 5}}}).code).toBe(1)
    expect(gate(['--fail-under', '5'], {coverage: {failUnder: 100, thresholds: {ja: 100}}}).code).toBe(0)
  })

  it('rejects a bad percentage as a usage error (exit 2)', () => {
    expect(gate(['--fail-under', 'lots']).code).toBe(2)
    expect(gate(['--fail-under', '101']).code).toBe(2)
  })
})

describe('concord coverage on the shipped statement', () => {
  it('passes the gates of the shipped .concordrc.json (ko 100, ja 100, mn 60)', () => {
    const run = concord(['coverage'], tempProject())
    expect(run.code, run.stderr).toBe(0)
  })

  it('has ko and ja complete and mn partial; --fail-under 100 names only mn', () => {
    const dir = tempProject()
    const run = concord(['coverage', '--json', '--fail-under', '100'], dir)
    expect(run.code).toBe(1)
    const json = JSON.parse(run.stdout)
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true)
    const statement = json.documents[0]
    expect(statement.languages.ko.percent).toBe(100)
    expect(statement.languages.ja.percent).toBe(100)
    expect(statement.languages.mn.translated + statement.languages.mn.stale + statement.languages.mn.missing).toBe(statement.segments)
    expect(statement.languages.mn.percent).toBeLessThan(100)
    expect(run.stderr).toMatch(/for `mn` \(Mongolian\)/)
    expect(run.stderr).not.toMatch(/for `ko`|for `ja`/)
  })
})

describe('the report a coordinator acts on', () => {
  it("gives each language's gate and result in coverage.json, valid against the schema, and in both reports", () => {
    const dir = tempProject()
    const run = concord(['coverage'], dir, {SOURCE_DATE_EPOCH: '1700000000'})
    expect(run.code, run.stderr).toBe(0)
    const json = JSON.parse(read(dir, 'output/coverage.json'))
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true)
    const languages = json.totals.languages
    expect([languages.ko.threshold, languages.ja.threshold, languages.mn.threshold]).toEqual([100, 100, 60])
    expect([languages.ko.passed, languages.ja.passed, languages.mn.passed]).toEqual([true, true, true])
    expect(languages.mn.targetWords).toBeGreaterThan(0)
    const md = read(dir, 'output/coverage.md')
    expect(md).toMatch(/\| mn \(<span lang="mn">Монгол<\/span>\) \| 60% \| \d+\.\d% \| \d+\.\d% \| passes \|/)
    expect(md).toContain('Built 2023-11-14 22:13 UTC')
    // Every gap with its state, file:line, words and English.
    const gaps = json.documents[0].languages.mn.gaps as Array<{id: string; line: number; words: number; english: string; state: string}>
    expect(gaps.length).toBeGreaterThan(0)
    const english = readJsonFile(dir, 'locales/en/statement.json')
    for (const gap of gaps) {
      expect(gap.english.length).toBeLessThanOrEqual(80)
      expect(english[gap.id]!.startsWith(gap.english.replace(/…$/, ''))).toBe(true)
      const line = new RegExp(
        `\\[\`${gap.id}\`\\]\\(aligned/statement\\.html#${gap.id}\\) — ${gap.state === 'missing' ? 'Missing' : 'Stale'}.* · \`content/statement\\.md:${gap.line}\` · ${gap.words} words? — “`
      )
      expect(md).toMatch(line)
    }
    // The gate fails with --fail-under 100, and says so.
    const failing = concord(['coverage', '--json', '--fail-under', '100'], dir)
    const failed = JSON.parse(failing.stdout).totals.languages
    expect([failed.ko.passed, failed.mn.passed, failed.mn.threshold]).toEqual([true, false, 100])
    expect(read(dir, 'output/coverage.md')).toMatch(/\| mn .*\| 100% \|.*\| \*\*fails\*\* \|/)
  })

  it('names the source revision: the last commit of the inputs, and says when they have uncommitted changes', () => {
    const dir = tempProject(fixture)
    const git = (...args: string[]): string => {
      const run = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', ...args], {cwd: dir, encoding: 'utf8'})
      expect(run.status, run.stderr).toBe(0)
      return run.stdout.trim()
    }
    git('init', '-q')
    git('add', 'content', 'locales')
    git('commit', '-q', '-m', 'sources')
    const head = git('rev-parse', 'HEAD')
    const committed = concord(['coverage'], dir, {SOURCE_DATE_EPOCH: '1700000000'})
    expect(committed.code, committed.stderr).toBe(0)
    expect(read(dir, 'output/coverage.md')).toContain(`Built 2023-11-14 22:13 UTC from source revision \`${head.slice(0, 12)}\`\n`)
    write(dir, 'content/guide.md', `${read(dir, 'content/guide.md')}\nOne more sentence.\n`)
    expect(concord(['segment'], dir).code).toBe(0)
    expect(concord(['coverage'], dir, {SOURCE_DATE_EPOCH: '1700000000'}).code).toBe(0)
    expect(read(dir, 'output/coverage.md')).toContain(`from source revision \`${head.slice(0, 12)}\` with uncommitted changes`)
  })

  it('has no text bars in the HTML, and fits a 390 px wide screen without sideways scrolling of the page', async () => {
    const dir = tempProject()
    expect(concord(['coverage'], dir).code).toBe(0)
    const html = read(dir, 'output/coverage.html')
    expect(html).not.toMatch(/[█░]/)
    expect(read(dir, 'output/coverage.md')).toMatch(/█/)
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
    })
    try {
      const page = await browser.newPage({viewport: {width: 390, height: 844}})
      await page.goto(`file://${join(dir, 'output/coverage.html')}`)
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
      // Wide tables scroll in their own region, which the keyboard reaches and a screen reader names.
      const regions = page.locator('div.table[role="region"][tabindex="0"][aria-label]')
      expect(await regions.count()).toBe(await page.locator('table').count())
      const audit = await browser.newPage({viewport: {width: 390, height: 844}, bypassCSP: true})
      await audit.goto(`file://${join(dir, 'output/coverage.html')}`)
      await audit.addScriptTag({content: readFileSync(join(repo, 'node_modules/axe-core/axe.min.js'), 'utf8')})
      const violations = await audit.evaluate(async () => (await (window as unknown as {axe: {run: () => Promise<{violations: Array<{id: string}>}>}}).axe.run()).violations.map((v) => v.id))
      expect(violations).toEqual([])
    } finally {
      await browser.close()
    }
  })
})

const readJsonFile = (dir: string, path: string): Record<string, string> => JSON.parse(read(dir, path)) as Record<string, string>

describe('coverage.html in a browser', () => {
  it('is self-contained, and every gap links to its segment in the aligned edition', async () => {
    const dir = tempProject(fixture)
    expect(concord(['coverage'], dir).code).toBe(0)
    const build = concord(['build', '--format', 'html'], dir)
    expect(build.code, build.stderr).toBe(0)
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
    })
    try {
      const url = `file://${join(dir, 'output/coverage.html')}`
      const page = await browser.newPage()
      const requests: string[] = []
      const errors: string[] = []
      page.on('request', (r) => requests.push(r.url()))
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
      await page.goto(url)
      expect(requests).toEqual([url])
      expect(await page.locator('script').count()).toBe(0)
      // The Content-Security-Policy lets the inline style in (by its hash) and nothing else.
      expect(
        await page
          .locator('table')
          .first()
          .evaluate((t) => getComputedStyle(t).borderCollapse)
      ).toBe('collapse')
      expect(errors).toEqual([])
      // axe-core (injected past the CSP) finds no accessibility violations: contrast, names, nesting.
      const audit = await browser.newPage({bypassCSP: true})
      await audit.goto(url)
      await audit.addScriptTag({content: readFileSync(join(repo, 'node_modules/axe-core/axe.min.js'), 'utf8')})
      const violations = await audit.evaluate(async () => (await (window as unknown as {axe: {run: () => Promise<{violations: Array<{id: string}>}>}}).axe.run()).violations.map((v) => v.id))
      expect(violations).toEqual([])
      expect(await page.locator('svg[role="img"]').count()).toBe(5) // bars and heat map per document, bars for all documents
      const hrefs = await page.locator('main li li a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))
      // ja: 3 gaps in guide, 2 in notes; mn: 11 in guide, 2 in notes.
      expect(hrefs.length).toBe(18)
      for (const href of new Set(hrefs)) {
        const [file, id] = href.split('#') as [string, string]
        const aligned = await browser.newPage()
        await aligned.goto(`file://${join(dir, 'output', file)}`)
        expect(await aligned.locator(`[id="${id}"]`).count(), href).toBe(1)
        await aligned.close()
      }
    } finally {
      await browser.close()
    }
  })
})
