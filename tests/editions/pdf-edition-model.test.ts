/**
 * The data side of the printed editions: the print structure of a document,
 * inline Markdown as styled spans, markers, and the glyph check's blame.
 */
import fc from 'fast-check'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {alignEditions, type RenderInput} from '../../src/editions/align.js'
import {segmentDocument} from '../../src/ids/document.js'
import {parseMarkdown} from '../../src/markdown/parse.js'
import {glyphProblems} from '../../src/editions/pdf/glyph-check.js'
import {blockSpans, markdownSpans} from '../../src/editions/pdf/inline-spans.js'
import {printItems, titleItem, type PrintItem} from '../../src/editions/pdf/structure.js'
import {COLORS} from '../../src/editions/pdf/theme.js'
import {emptyRegistry} from '../../src/ids/reconcile.js'
import {renderPdfFiles} from '../../src/editions/pdf/render.js'
import {collectBlocks} from '../../src/segment/blocks.js'
import type {TrackResult} from '../../src/translations/track.js'
import {defaults} from '../../src/core/options.js'
import {createUiStrings} from '../../src/core/ui-strings.js'
import {read, readJson, repo} from '../helpers/cli.js'

const tree = (markdown: string) => parseMarkdown(new VFile({path: 'content/doc.md', value: markdown})).tree
const indexes = (items: PrintItem[]): number[] => items.flatMap((item) => (item.type === 'text' ? [item.index] : item.type === 'table' ? item.rows.flat() : [])).sort((a, b) => a - b)
const t = createUiStrings({en: readJson(repo, 'locales/en/ui.json'), ko: readJson(repo, 'locales/ko/ui.json'), ja: readJson(repo, 'locales/ja/ui.json')})

const RICH = `---
title: Rich
---

# Rich document

> Quoted *text*.
>
> - quoted item

Intro with a footnote.[^1]

- one
  - nested
    1. deep
- two

3. three
4. four

| A | B |
| :- | -: |
| a | b |

\`\`\`
  code line
\`\`\`

***

<div>raw</div>

[^1]: The note.
`

describe('print structure', () => {
  it('walks every text block of the source exactly once, with nesting and markers', () => {
    const rich = tree(RICH)
    const items = printItems(rich)
    expect(indexes(items)).toEqual(collectBlocks(rich).map((_, i) => i))
    const text = items.filter((i) => i.type === 'text')
    expect(text.map((i) => [i.kind, i.quote, i.list, i.marker ?? ''])).toEqual([
      ['heading', 0, 0, ''],
      ['paragraph', 1, 0, ''],
      ['paragraph', 1, 1, '•'],
      ['paragraph', 0, 0, ''],
      ['paragraph', 0, 1, '•'],
      ['paragraph', 0, 2, '–'],
      ['paragraph', 0, 3, '1.'],
      ['paragraph', 0, 1, '•'],
      ['paragraph', 0, 1, '3.'],
      ['paragraph', 0, 1, '4.'],
      ['paragraph', 0, 0, '[1]']
    ])
    expect(items.find((i) => i.type === 'table')).toMatchObject({
      rows: [
        [10, 11],
        [12, 13]
      ],
      align: ['left', 'right']
    })
    expect(items.find((i) => i.type === 'code')).toMatchObject({lines: ['  code line']})
    expect(items.some((i) => i.type === 'rule')).toBe(true)
    expect(titleItem(items)).toBe(text[0])
  })

  it('takes the title block from the first heading only when it is a top-level H1', () => {
    expect(titleItem(printItems(tree('## Sub\n\n# Late title\n')))).toBeUndefined()
    expect(titleItem(printItems(tree('> # Quoted title\n')))).toBeUndefined()
    expect(titleItem(printItems(tree('Para.\n\n# Title\n')))?.index).toBe(1)
  })

  it('covers every block of any mix of block structures (property)', () => {
    const fragment = fc.constantFrom(
      'Para one.',
      '# Head',
      '### Deep head',
      '> Quote.',
      '- item\n- item two',
      '1. first\n2. second',
      '| a | b |\n| - | - |\n| c | d |',
      '```\ncode\n```',
      '***',
      '- outer\n  - inner\n\n  more',
      '> - quoted\n>   item'
    )
    fc.assert(
      fc.property(fc.array(fragment, {minLength: 1, maxLength: 12}), (parts) => {
        const root = tree(parts.join('\n\n'))
        expect(indexes(printItems(root))).toEqual(collectBlocks(root).map((_, i) => i))
      })
    )
  })

  it('walks the real statement: quote, title, eight paragraphs and the last heading', () => {
    const items = printItems(tree(read(repo, 'content/statement.md')))
    expect(items.map((i) => (i.type === 'text' ? `${i.kind}${i.depth || ''}${i.quote ? '>' : ''}` : i.type))).toEqual(['paragraph>', 'heading1', ...Array(8).fill('paragraph'), 'heading2'])
  })
})

describe('inline spans', () => {
  it('maps emphasis, strong, links and code to styles; only absolute links become annotations', () => {
    expect(markdownSpans('A **bold *both*** and *it* [site](https://example.org/x) [rel](/local) [bad](javascript:alert(1)) `code`')).toEqual([
      {text: 'A ', style: 'regular'},
      {text: 'bold ', style: 'bold'},
      {text: 'both', style: 'bold-italic'},
      {text: ' and ', style: 'regular'},
      {text: 'it', style: 'italic'},
      {text: ' ', style: 'regular'},
      {text: 'site', style: 'regular', color: COLORS.link, link: 'https://example.org/x'},
      {text: ' rel bad code', style: 'regular'}
    ])
    // Segments are parsed without the document's definitions: a footnote reference arrives as text.
    expect(markdownSpans('Noted.[^1]')).toEqual([{text: 'Noted.[1]', style: 'regular'}])
    expect(markdownSpans('Heading *words*', {bold: true})).toEqual([
      {text: 'Heading ', style: 'bold'},
      {text: 'words', style: 'bold-italic'}
    ])
  })

  const seg = (id: string, mark: 'current' | 'stale' | 'missing', text: string, language = 'ko') => ({id, mark, display: 'text' as const, text, language, source: `English ${id}.`})

  it('marks a run of missing segments once, in the lighter colour, and each stale one where it starts and ends, its markers unbreakable', () => {
    const spans = blockSpans([seg('a', 'current', '하나.'), seg('b', 'missing', 'English b.', 'en'), seg('c', 'missing', 'English c.', 'en'), seg('d', 'stale', '넷.')], {language: 'ko', t})
    const text = spans.map((s) => s.text).join('')
    const nbsp = (label: string) => label.replace(/ /g, '\u00a0')
    expect(text).toBe(`하나. [${t('ko', 'missingMarker')}] English b. English c. [${nbsp(t('ko', 'staleMarker'))}] 넷. [${nbsp(t('ko', 'staleEnd'))}]`)
    expect(spans.filter((s) => s.text.includes('English')).every((s) => s.color === COLORS.missingText)).toBe(true)
    expect(spans.find((s) => s.text.includes('넷'))?.color).toBeUndefined()
  })

  it('joins Japanese sentences without a space, but spaces English shown among them', () => {
    const text = (segments: ReturnType<typeof seg>[]) =>
      blockSpans(segments, {language: 'ja', t})
        .map((s) => s.text)
        .join('')
    expect(text([seg('a', 'current', '一。', 'ja'), seg('b', 'current', '二。', 'ja')])).toBe('一。二。')
    expect(text([seg('a', 'current', '一。', 'ja'), seg('b', 'missing', 'Two.', 'en')])).toBe(`一。 〔${t('ja', 'missingMarker')}〕Two.`)
  })

  it('prints a run of placeholders in the parallel edition once', () => {
    const spans = blockSpans([seg('a', 'missing', 'A.', 'en'), seg('b', 'missing', 'B.', 'en'), seg('c', 'current', '셋.')], {language: 'ko', t, aligned: true})
    expect(spans.map((s) => s.text).join('')).toBe(`${t('ko', 'missingPlaceholder')} 셋.`)
  })
})

describe('glyph check', () => {
  const input = (english: string, korean: string): RenderInput => {
    const file = new VFile({path: 'content/doc.md', value: `---\ntitle: Doc\n---\n\n# Doc\n\n${english}\n`})
    const {document} = segmentDocument(file, emptyRegistry('doc'), {sourceLanguage: 'en'})
    const track = {
      language: 'ko',
      document: 'doc',
      statuses: document.segments.map((s) => ({id: s.id, state: 'translated', translation: s.kind === 'paragraph' ? korean : '문서'}))
    } as unknown as TrackResult
    const editions = alignEditions(document, [track], {sourceLanguage: 'en', languages: ['ko'], missing: 'marker'})
    return {document, editions, options: defaults(), t}
  }

  it('blames a translation on its locale file and key, and the English on the Markdown line', () => {
    const bad = input('Fine text.', '좋은 \u{10900} 글.')
    const id = bad.document.segments.find((s) => s.kind === 'paragraph')!.id
    const problems = glyphProblems(bad, printItems(bad.document.tree), (path, pointer) => (path === 'locales/ko/doc.json' && pointer === `/${id}` ? {line: 3, column: 3} : undefined))
    expect(problems).toEqual([
      {path: 'locales/ko/doc.json', place: {line: 3, column: 3}, what: `the ko translation of \`${id}\``, chars: [{char: '\u{10900}', codePoint: 0x10900, hex: 'U+10900', index: 3}]}
    ])

    const english = input('Bad \u{10900} English.', '글.')
    const [problem] = glyphProblems(english, printItems(english.document.tree))
    expect(problem).toMatchObject({
      path: 'content/doc.md',
      place: {line: 7, column: 1},
      what: `the en source text of \`${english.document.segments.find((s) => s.kind === 'paragraph')!.id}\``
    })
  })

  it('makes the renderer fail before any PDF is made', async () => {
    const bad = input('Fine text.', '\u{10900}')
    await expect(renderPdfFiles(bad)).rejects.toThrow(/Unexpected character `U\+10900` .* in the ko translation of `s\w+`/)
  })
})
