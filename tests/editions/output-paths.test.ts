import {existsSync, readdirSync, readFileSync, renameSync} from 'node:fs'
import {dirname, join, relative} from 'node:path'
import {describe, expect, it} from 'vitest'
import {concord, read, repo, tempProject, write} from '../helpers/cli.js'

/**
 * Outputs have LF line endings whatever the inputs have, and links between
 * outputs hold when a document's name needs percent-encoding
 * (`#`, `?`, `%`, a space): every relative link of every HTML page and
 * Markdown file written resolves to a file that exists.
 */

const fixture = join(repo, 'tests/fixtures/editions-small')
const NAME = 'a#b c%d?e'

/** The fixture with its document (content and every locale file) renamed. */
function renamedProject(): string {
  const dir = tempProject(fixture)
  const rename = (path: string): void => {
    for (const entry of readdirSync(path, {withFileTypes: true})) {
      const full = join(path, entry.name)
      if (entry.isDirectory()) rename(full)
      else if (entry.name.startsWith('small.')) renameSync(full, join(path, NAME + entry.name.slice('small'.length)))
    }
  }
  rename(join(dir, 'content'))
  rename(join(dir, 'locales'))
  return dir
}

function files(root: string): string[] {
  return readdirSync(root, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile() && !join(entry.parentPath, entry.name).includes('.cache'))
    .map((entry) => join(entry.parentPath, entry.name))
}

/** Relative link targets of a page: HTML `href`s, Markdown `](…)` destinations. */
function links(path: string): string[] {
  const text = readFileSync(path, 'utf8')
  const found = path.endsWith('.html') ? [...text.matchAll(/href="([^"]*)"/g)] : path.endsWith('.md') ? [...text.matchAll(/\]\(([^)\s]*)\)/g)] : []
  return found.map((m) => m[1]!.replaceAll('&amp;', '&')).filter((href) => !/^(?:[a-z]+:|#)/.test(href))
}

function build(dir: string): string {
  for (const command of ['segment', 'build', 'coverage']) {
    const run = concord([command], dir)
    expect(run.code, `${command}: ${run.stderr}`).toBe(0)
  }
  return join(dir, 'output')
}

describe('content and locale files saved with CRLF line endings', () => {
  it('give the same Markdown, HTML and coverage reports as with LF: no `\\r` in any of them', () => {
    // Code and raw HTML are copied verbatim, front matter too; a translation may span lines.
    const extra = '\n```js\nlet a = 1\nlet b = 2\n```\n\n<div>\nraw\n</div>\n'
    const [lf, crlf] = [tempProject(fixture), tempProject(fixture)]
    for (const [dir, eol] of [
      [lf, '\n'],
      [crlf, '\r\n']
    ] as const) {
      write(dir, 'content/small.md', (read(dir, 'content/small.md') + extra).replaceAll('\n', eol))
      const strings = JSON.parse(read(dir, 'locales/ko/small.json')) as Record<string, string>
      const first = Object.keys(strings)[0]!
      strings[first] += `${eol}둘째 줄`
      write(dir, 'locales/ko/small.json', JSON.stringify(strings, null, 2).replaceAll('\n', eol))
    }
    const [expected, actual] = [build(lf), build(crlf)]
    const texts = files(actual).filter((path) => !path.endsWith('.pdf'))
    expect(texts.length).toBeGreaterThan(10)
    for (const path of texts) {
      const name = relative(actual, path)
      const text = readFileSync(path, 'utf8')
      expect(text.includes('\r'), name).toBe(false)
      expect(text, name).toBe(readFileSync(join(expected, name), 'utf8'))
    }
    expect(readFileSync(join(actual, 'en', 'small.md'), 'utf8')).toContain('```js\nlet a = 1\nlet b = 2\n```')
  })
})

describe('a document whose name needs percent-encoding', () => {
  it('builds, and every relative link in the editions and the coverage reports reaches an existing file', () => {
    const output = build(renamedProject())
    expect(existsSync(join(output, 'aligned', `${NAME}.html`))).toBe(true)
    let checked = 0
    for (const page of files(output)) {
      for (const href of links(page)) {
        const path = href.split('#')[0]!
        // A raw `#`, `?` or space from the name would cut or change the path.
        expect(path, `${relative(output, page)}: ${href}`).not.toMatch(/[?\s]/)
        expect(existsSync(join(dirname(page), decodeURIComponent(path))), `${relative(output, page)}: ${href}`).toBe(true)
        checked++
      }
    }
    // The language switchers of 4 pages × 4 links, and the coverage reports' links to the aligned page.
    expect(checked).toBeGreaterThan(20)
    // The charts' titles are found by `aria-labelledby`, a list of IDs split at spaces.
    const report = readFileSync(join(output, 'coverage.html'), 'utf8')
    const labels = [...report.matchAll(/aria-labelledby="([^"]*)"/g)].map((m) => m[1]!)
    expect(labels.length).toBeGreaterThan(1)
    for (const label of labels) {
      expect(label).not.toMatch(/\s/)
      expect(report).toContain(` id="${label}"`)
    }
    expect(readFileSync(join(output, 'coverage.md'), 'utf8')).toContain('](aligned/a%23b%20c%25d%3Fe.html')
  })
})
