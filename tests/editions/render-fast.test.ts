import {join} from 'node:path'
import fc from 'fast-check'
import type {PhrasingContent} from 'mdast'
import {describe, expect, it} from 'vitest'
import {alignEditions, needsMarker, type EditionBlock, type EditionSegment, type RenderedFile, type RenderInput} from '../../src/editions/align.js'
import {loadTranslations} from '../../src/engine/locales-sync.js'
import {loadProject} from '../../src/engine/project.js'
import {renderHtmlFiles, renderHtmlFilesReference} from '../../src/editions/html/render.js'
import {joinSegments, renderMarkdownFiles, renderMarkdownFilesReference, segmentMarkdown} from '../../src/editions/markdown/render.js'
import {fastHtml} from '../../src/editions/html/fast.js'
import {fastMarkdown} from '../../src/editions/markdown/fast.js'
import {blockMarkdown} from '../../src/editions/markdown/fast-block.js'
import {markdownSkeleton} from '../../src/editions/markdown/fast-skeleton.js'
import {phrasingAt} from '../../src/editions/markdown/fast-state.js'
import {repo} from '../helpers/cli.js'
import {caseArb, pieces, renderInput, t} from '../helpers/render-inputs.js'

/**
 * The fast renderers (src/editions/markdown/fast*.ts and src/editions/html/fast*.ts) against the reference renderers.
 * More runs: DOC_RUNS=1000 (documents), RUNS=30000 (blocks); SEED=random
 * for a seed other than the fixed one.
 */
const byPath = (files: RenderedFile[]): Record<string, string> => Object.fromEntries(files.map((f) => [f.path, String(f.content)]))

describe('fast Markdown and HTML renderers', {timeout: 600_000}, () => {
  it('give the reference renderers’ bytes for random documents, translations and `editions.missing` modes', () => {
    const taken = {fast: 0, reference: 0}
    fc.assert(
      fc.property(caseArb, (c) => {
        const input = renderInput(c)
        if (!input) return
        expect(byPath(renderMarkdownFiles(input))).toEqual(byPath(renderMarkdownFilesReference(input)))
        expect(byPath(renderHtmlFiles(input))).toEqual(byPath(renderHtmlFilesReference(input)))
        // How often the fast path vouches for a page itself (the rest fall back to the reference).
        const context = {ui: 'en', sourceLanguage: 'en', t: input.t, documentId: input.document.id, editions: input.editions}
        const md = fastMarkdown(input)
        const html = fastHtml(input, context)
        for (const page of [...input.editions.flatMap((e) => [md.edition(e), html.edition(e)]), md.aligned(), html.aligned()]) taken[page === undefined ? 'reference' : 'fast']++
      }),
      {numRuns: Number(process.env.DOC_RUNS ?? 150), ...(process.env.SEED ? {} : {seed: 20_240_115})}
    )
    expect(taken.fast).toBeGreaterThan(taken.reference)
  })

  it('render every page of the small edition fixture themselves, as the reference does', () => {
    const project = loadProject(join(repo, 'tests', 'fixtures', 'editions-small'), undefined, {readOnly: true})
    const document = project.documents[0]!.document
    const editions = alignEditions(document, loadTranslations(project), {sourceLanguage: 'en', languages: ['ko', 'ja'], missing: 'marker'})
    const input: RenderInput = {document, editions, options: project.options, t}
    const context = {ui: 'en', sourceLanguage: 'en', t, documentId: document.id, editions}
    const md = fastMarkdown(input)
    const html = fastHtml(input, context)
    const pages = [...editions.flatMap((e) => [md.edition(e), html.edition(e)]), md.aligned(), html.aligned()]
    expect(pages.every((page) => page !== undefined)).toBe(true)
    expect(byPath(renderMarkdownFiles(input))).toEqual(byPath(renderMarkdownFilesReference(input)))
    expect(byPath(renderHtmlFiles(input))).toEqual(byPath(renderHtmlFilesReference(input)))
  })

  it('check a segment’s text again when it is changed after a render (plain text goes into HTML as it is)', () => {
    const input = renderInput({markdown: '# Title\n\nA plain sentence.\n', translations: [[['translated', '제목'], ['translated', '평범한 문장.']], [], []], missing: 'marker'})!
    renderMarkdownFiles(input)
    renderHtmlFiles(input)
    const segment = input.editions.find((e) => e.language === 'ko')!.blocks[1]!.segments[0]!
    expect(segment.text).toBe('평범한 문장.')
    segment.text = '평범한 <img src=x onerror=alert(1)> *문장*.'
    const html = byPath(renderHtmlFiles(input))
    expect(html).toEqual(byPath(renderHtmlFilesReference(input)))
    expect(html['ko/doc.html']).not.toContain('<img')
    expect(html['ko/doc.html']).toContain('<em>문장</em>')
    expect(byPath(renderMarkdownFiles(input))).toEqual(byPath(renderMarkdownFilesReference(input)))
  })
})

describe('a block’s Markdown from its segments alone', {timeout: 600_000}, () => {
  const contexts = (() => {
    const markdown = '# Title\n\nA paragraph.\n\n- An item.\n\n> A quote.\n\n| A | B |\n| - | - |\n| C | D |\n\n###### Deep\n'
    const input = renderInput({markdown, translations: [[], [], []], missing: 'marker'})!
    return [...markdownSkeleton(input.document.tree, new Set(input.editions[0]!.blocks.map((b) => b.index)))!.contexts.values()]
  })()
  const segmentArb = fc.record({
    mark: fc.constantFrom('current', 'current', 'stale', 'missing'),
    display: fc.constantFrom('text', 'text', 'text', 'placeholder', 'omit'),
    // Plain sentences (written through `safe` alone when a whole block is plain), and anything.
    text: fc.oneof(
      fc.array(fc.constantFrom('Word', '회원들은', 'メンバー', 'Монгол', 'C#', 'x|y', 'w.x', 'a-b', '1.', '(x)', 'end.', '。', '#', '!', '=', '+', '|', '%'), {minLength: 1, maxLength: 4}).chain((p) => fc.constantFrom(p.join(''), p.join(' '))),
      fc.array(fc.constantFrom(...pieces), {minLength: 0, maxLength: 5}).chain((p) => fc.constantFrom(p.join(''), p.join(' ')))
    ),
    language: fc.constantFrom('en', 'ja', 'ja', 'ko')
  })

  it('is the whole block serialised at its place, for any segments in any context', () => {
    fc.assert(
      fc.property(fc.array(segmentArb, {minLength: 1, maxLength: 4}), fc.constantFrom(...contexts.keys()), fc.constantFrom('en', 'ja', 'ja', 'ko'), (raw, c, language) => {
        const context = contexts[c]!
        const segments = raw.map((s, i): EditionSegment => ({id: `s${i}`, source: 'Source text.', ...s, mark: s.mark as EditionSegment['mark'], display: s.display as EditionSegment['display'], language: s.mark === 'missing' ? 'en' : s.language}))
        const block: EditionBlock = {index: 0, kind: context.stack.includes('tableCell') ? 'tableCell' : context.stack.includes('headingAtx') ? 'heading' : 'paragraph', depth: 1, section: null, segments}
        const parts = segments
          .map((segment, i) => ({segment, marked: needsMarker(segments, i)}))
          .filter(({segment}) => segment.display !== 'omit')
          .map(({segment, marked}) => ({nodes: segmentMarkdown(segment, language, t, {marked, cell: block.kind === 'tableCell'}), language: segment.display === 'text' ? segment.language : language}))
        const whole = phrasingAt(context, joinSegments<PhrasingContent>(parts, () => ({type: 'text', value: ' '})))
        expect(blockMarkdown({block, context, language, t})).toBe(whole)
      }),
      {numRuns: Number(process.env.RUNS ?? 3000)}
    )
  })
})
