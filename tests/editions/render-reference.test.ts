import {join} from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {alignEditions, needsMarker, type EditionSegment, type RenderedFile, type RenderInput} from '../../src/editions/align.js'
import {loadTranslations} from '../../src/engine/locales-sync.js'
import {loadProject} from '../../src/engine/project.js'
import {renderHtmlPages} from '../../src/editions/html/render.js'
import {fastHtml} from '../../src/editions/html/fast.js'
import {markdownOf, renderMarkdownFiles} from '../../src/editions/markdown/render.js'
import {sharedMarkdownPages} from '../../src/editions/markdown/shared-pages.js'
import {blockNode, segmentRun} from '../../src/editions/markdown/block.js'
import {skeletonTree} from '../../src/editions/skeleton-tree.js'
import {repo} from '../helpers/cli.js'
import {referenceHtmlFiles, referenceMarkdownFiles, stockMarkdown} from '../helpers/reference-render.js'
import {caseArb, pieces, renderInput, t} from '../helpers/render-inputs.js'

/**
 * The renderers against their references (tests/helpers/reference-render.ts):
 * Markdown written through our handlers and shortcuts against the stock
 * serialiser, HTML from templates and cached texts against the page
 * builders alone. More runs: DOC_RUNS=1000 (documents), RUNS=30000
 * (blocks); SEED=random for a seed other than the fixed one.
 */
const byPath = (files: RenderedFile[]): Record<string, string> => Object.fromEntries(files.map((f) => [f.path, String(f.content)]))

describe('Markdown and HTML renderers', {timeout: 600_000}, () => {
  it('give the references’ bytes for random documents, translations and `editions.missing` modes', () => {
    const taken = {templates: 0, builders: 0}
    const markdown = {shared: 0, alone: 0}
    fc.assert(
      fc.property(caseArb, (c) => {
        const input = renderInput(c)
        if (!input) return
        const reference = byPath(referenceMarkdownFiles(input))
        expect(byPath(renderMarkdownFiles(input))).toEqual(reference)
        // The pages of one serialiser run for all editions, where it vouches for them, and how often it does.
        sharedMarkdownPages(input.document, input.editions, input.t).forEach((page, i) => {
          if (page !== undefined) expect(page.join('')).toBe(reference[`${input.editions[i]!.language}/doc.md`])
          markdown[page === undefined ? 'alone' : 'shared']++
        })
        expect(byPath(renderHtmlPages(input))).toEqual(byPath(referenceHtmlFiles(input)))
        // How often the HTML templates vouch for a page themselves (the rest are built in full).
        const html = fastHtml(input, {ui: 'en', sourceLanguage: 'en', t: input.t, documentId: input.document.id, editions: input.editions})
        for (const page of [...input.editions.map((e) => html.edition(e)), html.aligned()]) taken[page === undefined ? 'builders' : 'templates']++
      }),
      {numRuns: Number(process.env.DOC_RUNS ?? 150), ...(process.env.SEED ? {} : {seed: 20_240_115})}
    )
    expect(taken.templates).toBeGreaterThan(taken.builders)
    // Random documents hold many pages it cannot vouch for (blocks dropped in `omit` mode, empty cells, line breaks…).
    expect(markdown.shared).toBeGreaterThan((markdown.shared + markdown.alone) / 3)
  })

  it('render the pages of a batch together, each handed out once to the call that asks for it', () => {
    const input = renderInput({
      markdown: '---\ntitle: Doc\n---\n\n# Title\n\nA plain sentence. And *another* one.\n\n- An item.\n\n> A quote.\n\n| A | B |\n| - | - |\n| C | D |\n',
      translations: [
        [
          ['translated', '제목'],
          ['translated', '평범한 문장.'],
          ['stale', '또 *하나*.']
        ],
        [['translated', '題名']],
        []
      ],
      missing: 'marker'
    })!
    const batch = input.editions.map((e) => `${e.language}/doc.md`)
    // As `concord build` asks: one file per call, the batch's list the same object in every call.
    const oneByOne = (): Record<string, string> => Object.assign({}, ...batch.map((path) => byPath(renderMarkdownFiles({...input, only: (p) => p === path, batch}))))
    const reference = (): Record<string, string> => Object.fromEntries(Object.entries(byPath(referenceMarkdownFiles(input))).filter(([path]) => batch.includes(path)))
    expect(oneByOne()).toEqual(reference())
    expect(sharedMarkdownPages(input.document, input.editions, input.t).every((page) => page !== undefined)).toBe(true)
    // A page is handed out once: asked again after a text changed, it is rendered anew.
    input.editions.find((e) => e.language === 'ko')!.blocks[1]!.segments[0]!.text = '바뀐 문장.'
    const again = oneByOne()
    expect(again['ko/doc.md']).toContain('바뀐 문장.')
    expect(again).toEqual(reference())
  })

  it('render every page of the small edition fixture, HTML from templates, as the references do', () => {
    const project = loadProject(join(repo, 'tests', 'fixtures', 'editions-small'), undefined, {readOnly: true})
    const document = project.documents[0]!.document
    const editions = alignEditions(document, loadTranslations(project), {sourceLanguage: 'en', languages: ['ko', 'ja'], missing: 'marker'})
    const input: RenderInput = {document, editions, options: project.options, t}
    const html = fastHtml(input, {ui: 'en', sourceLanguage: 'en', t, documentId: document.id, editions})
    expect([...editions.map((e) => html.edition(e)), html.aligned()].every((page) => page !== undefined)).toBe(true)
    expect(byPath(renderMarkdownFiles(input))).toEqual(byPath(referenceMarkdownFiles(input)))
    expect(byPath(renderHtmlPages(input))).toEqual(byPath(referenceHtmlFiles(input)))
  })

  it('check a segment’s text again when it is changed after a render (plain text goes into HTML as it is)', () => {
    const input = renderInput({
      markdown: '# Title\n\nA plain sentence.\n',
      translations: [
        [
          ['translated', '제목'],
          ['translated', '평범한 문장.']
        ],
        [],
        []
      ],
      missing: 'marker'
    })!
    renderMarkdownFiles(input)
    renderHtmlPages(input)
    const segment = input.editions.find((e) => e.language === 'ko')!.blocks[1]!.segments[0]!
    expect(segment.text).toBe('평범한 문장.')
    segment.text = '평범한 <img src=x onerror=alert(1)> *문장*.'
    const html = byPath(renderHtmlPages(input))
    expect(html).toEqual(byPath(referenceHtmlFiles(input)))
    expect(html['ko/doc.html']).not.toContain('<img')
    expect(html['ko/doc.html']).toContain('<em>문장</em>')
    expect(byPath(renderMarkdownFiles(input))).toEqual(byPath(referenceMarkdownFiles(input)))
  })
})

describe('the aligned Markdown page', () => {
  it('writes a cell as GFM does, between pipes, in rows after the first too (a backslash at its end is escaped)', () => {
    const input = renderInput({
      markdown: 'First sentence. Second sentence. Third one.\n',
      translations: [
        [
          ['translated', '첫째.'],
          ['translated', '둘째 \\'],
          ['translated', '셋째 `a|b`']
        ],
        [],
        []
      ],
      missing: 'marker'
    })!
    const files = byPath(renderMarkdownFiles(input))
    expect(files['aligned/doc.md']).toContain('| 둘째 \\\\ |')
    expect(files).toEqual(byPath(referenceMarkdownFiles(input)))
  })
})

describe('a block’s Markdown from its segments', {timeout: 600_000}, () => {
  const input = renderInput({
    markdown: '# Title\n\nA paragraph.\n\n- An item.\n\n> A quote.\n\n| A | B |\n| - | - |\n| C | D |\n\n###### Deep\n',
    translations: [[], [], []],
    missing: 'marker'
  })!
  const blocks = input.editions[0]!.blocks
  const segmentArb = fc.record({
    mark: fc.constantFrom('current', 'current', 'stale', 'missing'),
    display: fc.constantFrom('text', 'text', 'text', 'placeholder', 'omit'),
    // Plain sentences (written through `safe` alone when a whole block is plain), and anything.
    text: fc.oneof(
      fc
        .array(fc.constantFrom('Word', '회원들은', 'メンバー', 'Монгол', 'C#', 'x|y', 'w.x', 'a-b', '1.', '(x)', 'end.', '。', '#', '!', '=', '+', '|', '%'), {minLength: 1, maxLength: 4})
        .chain((p) => fc.constantFrom(p.join(''), p.join(' '))),
      fc.array(fc.constantFrom(...pieces), {minLength: 0, maxLength: 5}).chain((p) => fc.constantFrom(p.join(''), p.join(' ')))
    ),
    language: fc.constantFrom('en', 'ja', 'ja', 'ko')
  })

  it('is what the stock serialiser writes for the joined segments, in any block of a page', () => {
    fc.assert(
      fc.property(fc.array(segmentArb, {minLength: 1, maxLength: 4}), fc.integer({min: 0, max: blocks.length - 1}), fc.constantFrom('en', 'ja', 'ja', 'ko'), (raw, b, language) => {
        const segments = raw.map(
          (s, i): EditionSegment => ({
            id: `s${i}`,
            source: 'Source text.',
            ...s,
            mark: s.mark as EditionSegment['mark'],
            display: s.display as EditionSegment['display'],
            language: s.mark === 'missing' ? 'en' : s.language
          })
        )
        const cell = blocks[b]!.kind === 'tableCell'
        const runs = segments
          .filter((segment) => segment.display !== 'omit')
          .map((segment) => segmentRun(segment, language, t, {marked: needsMarker(segments, segments.indexOf(segment)), cell}))
        const tree = skeletonTree(input.document.tree, (index) => (index === blocks[b]!.index ? {children: [blockNode(runs)]} : undefined))
        expect(markdownOf(tree)).toBe(stockMarkdown(tree))
      }),
      {numRuns: Number(process.env.RUNS ?? 3000)}
    )
  })
})
