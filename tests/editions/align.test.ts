import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import fc from 'fast-check'
import type {PhrasingContent, Root, Table} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {unified} from 'unified'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {visit} from 'unist-util-visit'
import {describe, expect, it} from 'vitest'
import {alignEditions, type Edition} from '../../src/editions/align.js'
import {loadTranslations} from '../../src/engine/locales-sync.js'
import {loadProject} from '../../src/engine/project.js'
import {isSafeUrl, parseSegmentText} from '../../src/editions/segment-text.js'
import type {MissingMode} from '../../src/core/options.js'
import {parseInline} from '../../src/markdown/parse.js'
import {renderAlignedMarkdown, renderMarkdownEdition} from '../../src/editions/markdown/render.js'
import {markerNodes, oneLine, oneLineCopy} from '../../src/editions/markdown/nodes.js'
import {flatText, inlineToMarkdown} from '../../src/segment/inline.js'
import type {TrackResult} from '../../src/translations/track.js'
import {createUiStrings} from '../../src/core/ui-strings.js'
import {repo} from '../helpers/cli.js'

const project = loadProject(join(repo, 'tests', 'fixtures', 'editions-small'), undefined, {readOnly: true})
const doc = project.documents[0]!.document
/** The body's segments; the front matter's (`meta`) are in each edition's `meta`, not in its blocks. */
const body = doc.segments.filter((s) => s.kind !== 'meta')
const tracks = loadTranslations(project)
const ui = (lng: string): Record<string, string> => JSON.parse(readFileSync(join(repo, 'locales', lng, 'ui.json'), 'utf8')) as Record<string, string>
const t = createUiStrings({en: ui('en'), ko: ui('ko'), ja: ui('ja')})
const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml'])
const editionsWith = (missing: MissingMode, from: TrackResult[] = tracks): Edition[] => alignEditions(doc, from, {sourceLanguage: 'en', languages: ['ko', 'ja'], missing})

/** Replace the ko translations (undefined = missing), keeping ja as committed. */
function withKorean(translations: Array<string | undefined>): TrackResult[] {
  return tracks.map((track) =>
    track.language !== 'ko'
      ? track
      : {
          ...track,
          statuses: body.map((s, i) => (translations[i] === undefined ? {id: s.id, state: 'missing' as const} : {id: s.id, state: 'translated' as const, translation: translations[i]!}))
        }
  )
}

// A pipe in an autolink inside a table cell is written `%7C` (the same URL); compare URLs as such.
const samePipes = (markdown: string): string => markdown.replaceAll('%7C', '|')

/** Rows of the aligned Markdown's segment tables, as remark reads them back: [id, ...cells as inline Markdown]. */
function rowsOf(markdown: string): string[][] {
  const rows: string[][] = []
  visit(parser.parse(markdown) as Root, 'table', (table: Table) => {
    const [head, ...body] = table.children
    if (toString(head!.children[0]!) !== t('en', 'segment')) return
    for (const row of body) {
      const [id, ...cells] = row.children
      const code = id!.children[0]
      rows.push([code?.type === 'inlineCode' ? code.value : '', ...cells.map((c) => samePipes(inlineToMarkdown(c.children as PhrasingContent[])))])
    }
  })
  return rows
}

const expectedRows = (editions: Edition[]): string[][] =>
  body.map((segment) => {
    const b = editions[0]!.blocks.findIndex((block) => block.segments.some((s) => s.id === segment.id))
    const s = editions[0]!.blocks[b]!.segments.findIndex((x) => x.id === segment.id)
    return [segment.id, ...editions.map((e) => samePipes(inlineToMarkdown(markerNodes(e.blocks[b]!.segments[s]!, e.language, t, {aligned: true}))))]
  })

describe('alignEditions', () => {
  it('gives every language every segment, in document order, marked current, stale or missing', () => {
    const [en, ko, ja] = editionsWith('marker')
    expect([en!.language, ko!.language, ja!.language]).toEqual(['en', 'ko', 'ja'])
    for (const edition of [en!, ko!, ja!]) expect(edition.blocks.flatMap((b) => b.segments.map((s) => s.id))).toEqual(body.map((s) => s.id))
    const byId = new Map(ko!.blocks.flatMap((b) => b.segments).map((s) => [s.id, s]))
    expect(byId.get('s0as9tn')).toMatchObject({
      mark: 'stale',
      display: 'text',
      text: '마지막 문단은 번역 후에 바뀐다.',
      language: 'ko',
      previousSource: 'The final paragraph changes after translation.'
    })
    expect(byId.get('sp0vf7m')).toMatchObject({mark: 'missing', display: 'text', text: 'Nobody has translated this sentence yet.', language: 'en'})
    expect(ko!.counts).toEqual({total: 20, current: 18, stale: 1, draft: 0, missing: 1, percent: 90})
    expect(Object.keys(ko!.meta)).toEqual(['title', 'author', 'description', 'notes'])
    expect(ko!.meta.author).toMatchObject({mark: 'current', text: 'Concord 테스트 모음', language: 'ko'})
    expect(ko!.title).toBe('짧은 성명')
    expect(en!.title).toBe('A Small Statement')
  })

  it('finds each segment’s status by ID when the statuses come in another order, or some are absent', () => {
    const shuffled = tracks.map((track) => ({...track, statuses: [...track.statuses].reverse().filter((_, i) => i !== 2)}))
    const dropped = new Set(tracks.map((track) => [...track.statuses].reverse()[2]!.id))
    const expected = editionsWith(
      'marker',
      tracks.map((track) => ({...track, statuses: track.statuses.filter((s) => !dropped.has(s.id))}))
    )
    expect(editionsWith('marker', shuffled)).toEqual(expected)
    // The dropped segments are missing: the statuses were read by ID, not by position.
    expect(
      expected[1]!.blocks
        .flatMap((b) => b.segments)
        .filter((s) => dropped.has(s.id))
        .every((s) => s.mark === 'missing')
    ).toBe(true)
  })

  it('honours editions.missing', () => {
    const find = (missing: MissingMode) =>
      editionsWith(missing)[1]!
        .blocks.flatMap((b) => b.segments)
        .find((s) => s.id === 'sp0vf7m')
    expect(find('placeholder')).toMatchObject({display: 'placeholder', text: ''})
    expect(find('omit')).toMatchObject({display: 'omit', text: ''})
  })
})

// No absolute URLs: one kept as plain text (a translation that parses as several blocks, e.g. `- see https://…`)
// comes back from a GFM table cell as an autolink despite its escaped colon (micromark), harmless but not the same row.
const fragment = fc.constantFrom(
  '인권',
  '人権',
  'Хүний',
  'word',
  ' ',
  '  ',
  '*',
  '**',
  '_',
  '`',
  '[',
  ']',
  '(',
  ')',
  '|',
  '\\',
  '<b>',
  '</i>',
  '<script>x</script>',
  '&amp;',
  '&',
  '#',
  '- ',
  '1. ',
  '> ',
  '\n',
  '。',
  '：',
  '~',
  '!',
  'www',
  '[a](/a|b)',
  '[a](b)',
  '[t](c "x\ny")',
  '`\n`',
  '![a](b)',
  '[^1]',
  '::',
  '"',
  "'",
  '\t',
  '{{x}}'
)
const translation = fc
  .option(
    fc.array(fragment, {minLength: 1, maxLength: 12}).map((parts) => parts.join('')),
    {nil: undefined, freq: 4}
  )
  .filter((text) => text === undefined || text.trim() !== '')

// Inline nodes as any parser or translation could give them: white space and line endings at any edge, at any depth, backslashes before pipes.
const value = fc.array(fc.constantFrom('a', '인권', ' ', '\n', '\r\n', '\t', '\u00a0', '\\', '|'), {maxLength: 4}).map((parts) => parts.join(''))
const {phrasing} = fc.letrec<{phrasing: PhrasingContent[]; node: PhrasingContent}>((tie) => ({
  phrasing: fc.array(tie('node'), {maxLength: 4}),
  node: fc.oneof(
    {depthSize: 'small', withCrossShrink: true},
    value.map((v): PhrasingContent => ({type: 'text', value: v})),
    value.map((v): PhrasingContent => ({type: 'inlineCode', value: v})),
    fc.constant<PhrasingContent>({type: 'break'}),
    fc.record({alt: fc.option(value, {nil: undefined}), title: fc.option(value, {nil: null})}).map(({alt, title}): PhrasingContent => ({type: 'image', url: 'i.png', alt, title})),
    fc.record({title: fc.option(value, {nil: null}), children: tie('phrasing')}).map(({title, children}) => ({type: 'link', url: 'https://example.org', title, children}) as PhrasingContent),
    tie('phrasing').map((children) => ({type: 'emphasis', children}) as PhrasingContent),
    tie('phrasing').map((children) => ({type: 'strong', children}) as PhrasingContent)
  )
}))

describe('aligned Markdown', {timeout: 120_000}, () => {
  it('puts a cell on one line as copying every node would, and leaves nodes on one line as they are', () => {
    let kept = 0
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(fragment, {minLength: 1, maxLength: 12}).map((parts) => parseSegmentText(parts.join(''))),
          phrasing
        ),
        (nodes) => {
          const line = oneLine(nodes)
          expect(line).toEqual(oneLineCopy(nodes))
          if (line === nodes) kept++
        }
      ),
      {numRuns: 2000}
    )
    // The shortcut is taken, and the comparison above is not only of copies.
    expect(kept).toBeGreaterThan(100)
  })

  it('parses back into the same rows (committed fixture)', () => {
    const editions = editionsWith('marker')
    expect(rowsOf(renderAlignedMarkdown(doc, editions, t))).toEqual(expectedRows(editions))
  })

  it('parses back into the same rows, whatever the translations contain', () => {
    fc.assert(
      fc.property(fc.array(translation, {minLength: body.length, maxLength: body.length}), (texts) => {
        const editions = editionsWith('marker', withKorean(texts))
        const rows = rowsOf(renderAlignedMarkdown(doc, editions, t))
        expect(rows).toEqual(expectedRows(editions))
        // A current translation comes back as its own text, not just as whatever we wrote (hard breaks become spaces in a cell).
        const words = (nodes: PhrasingContent[]): string => samePipes(flatText(nodes)).replace(/\s+/g, '')
        texts.forEach((text, i) => {
          if (text !== undefined) expect(words(parseInline(rows[i]![2]!))).toBe(words(parseSegmentText(text)))
        })
      }),
      {numRuns: 100}
    )
  })
})

describe('Markdown edition', {timeout: 120_000}, () => {
  it('never drops a translation', () => {
    fc.assert(
      fc.property(fc.array(translation, {minLength: body.length, maxLength: body.length}), (texts) => {
        const ko = editionsWith('marker', withKorean(texts))[1]!
        const shown = samePipes(toString(parser.parse(renderMarkdownEdition(doc, ko, t)))).replace(/\s+/g, '')
        texts.forEach((text) => {
          if (text !== undefined) expect(shown).toContain(flatText(parseSegmentText(text)).replace(/\s+/g, ''))
        })
      }),
      {numRuns: 100}
    )
  })

  it('keeps a backslash before a pipe in code in a table cell, where GFM cannot keep it as code', () => {
    // In a cell micromark drops the backslash of code `\|`, and `\\|` ends the cell: such code is written as text.
    const cells = body.flatMap((s, i) => (s.kind === 'tableCell' ? [i] : []))
    const codes = ['`\\|`', '`a\\|b` and `\\\\|`', '`\\\\\\|`']
    const texts = body.map((_, i) => (cells.includes(i) ? codes[cells.indexOf(i) % codes.length] : undefined))
    const ko = editionsWith('marker', withKorean(texts))
    const shown = toString(parser.parse(renderMarkdownEdition(doc, ko[1]!, t)))
    const aligned = toString(parser.parse(renderAlignedMarkdown(doc, ko, t)))
    for (const i of cells) {
      const expected = flatText(parseSegmentText(texts[i]!))
      expect(shown).toContain(expected)
      expect(aligned).toContain(expected)
    }
    expect(shown).toContain('a\\|b and \\\\|')
  })

  it('keeps raw HTML in a translation as text and drops javascript: links', () => {
    const hostile = [
      '<script>window.__pwned=1</script>',
      '<img src=x onerror="window.__pwned=1">',
      '[x](javascript:window.__pwned=1)',
      '<a href="javascript:window.__pwned=1">y</a>',
      '[z](JaVa\tScRiPt:alert(1))'
    ]
    const ko = editionsWith('marker', withKorean(body.map((_, i) => hostile[i % hostile.length])))[1]!
    const tree = parser.parse(renderMarkdownEdition(doc, ko, t)) as Root
    visit(tree, (node) => {
      expect(node.type).not.toBe('html')
      if (node.type === 'link') expect(isSafeUrl(node.url)).toBe(true)
    })
    expect(toString(tree)).toContain('<script>window.__pwned=1</script>')
  })

  it('isSafeUrl allows web, mail and relative links only', () => {
    for (const url of ['https://example.org', 'http://x', 'mailto:a@b', '#s1', '../ko/x.html', 'report.pdf']) expect(isSafeUrl(url)).toBe(true)
    for (const url of ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\nscript:x', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd']) expect(isSafeUrl(url)).toBe(false)
  })
})
