import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import fc from 'fast-check'
import {VFile} from 'vfile'
import {alignEditions} from '../../src/editions/align.js'
import type {RenderInput} from '../../src/editions/align.js'
import {segmentDocument} from '../../src/ids/document.js'
import {defaults, type MissingMode} from '../../src/core/options.js'
import {emptyRegistry} from '../../src/ids/reconcile.js'
import type {TrackResult} from '../../src/translations/track.js'
import {createUiStrings} from '../../src/core/ui-strings.js'
import {repo} from './cli.js'

/** Random documents and translations for comparing renderers (render-fast.test.ts). */

export const LANGUAGES = ['ko', 'ja', 'mn'] as const

const ui = (lng: string): Record<string, string> => JSON.parse(readFileSync(join(repo, 'locales', lng, 'ui.json'), 'utf8')) as Record<string, string>
export const t = createUiStrings({en: ui('en'), ko: ui('ko'), ja: ui('ja'), mn: ui('mn')})

const words = ['rights', 'members', 'Seoul', 'report', 'dialogue', 'border', 'w.x', 'C#', 'a_b', '1168', 'x|y', 'end.', 'www', 'e.g.', '(note)', 'AT&T', 'x<y', '"quoted"', "it's"]
const inline = [
  '*emphasis*',
  '**strong words**',
  '`code_1`',
  '[the site](https://example.org/a)',
  '[ref link][ref]',
  '~~gone~~',
  '<b>raw</b>',
  '***both***',
  '*a **b** c*',
  '![alt](https://example.org/i.png)',
  'https://example.org',
  'x\\*y'
]
const wordArb = fc.oneof({weight: 6, arbitrary: fc.constantFrom(...words)}, {weight: 1, arbitrary: fc.constantFrom(...inline)})
const sentenceArb = fc.array(wordArb, {minLength: 1, maxLength: 6}).map((w) => `${w.join(' ').replace(/^[a-z]/, (c) => c.toUpperCase())}.`)
const paragraphArb = fc.array(sentenceArb, {minLength: 1, maxLength: 3}).map((s) => s.join(' '))
const shortArb = fc.array(fc.constantFrom(...words, '*em*', '`c`'), {minLength: 1, maxLength: 3}).map((w) => w.join(' '))

const listArb = fc
  .tuple(fc.boolean(), fc.boolean(), fc.array(fc.tuple(paragraphArb, fc.option(fc.array(shortArb, {minLength: 1, maxLength: 2}), {nil: undefined})), {minLength: 1, maxLength: 3}))
  .map(([ordered, loose, items]) =>
    items.map(([text, sub], i) => `${ordered ? `${i + 1}.` : '-'} ${text}${sub ? `\n${sub.map((s) => `   - ${s}`).join('\n')}` : ''}`).join(loose ? '\n\n' : '\n')
  )

const blockArb = fc.oneof(
  {weight: 6, arbitrary: paragraphArb},
  {weight: 2, arbitrary: fc.tuple(fc.integer({min: 1, max: 6}), shortArb).map(([depth, text]) => `${'#'.repeat(depth)} ${text}`)},
  {weight: 2, arbitrary: listArb},
  {
    weight: 1,
    arbitrary: fc.tuple(paragraphArb, fc.option(listArb, {nil: undefined})).map(
      ([p, list]) =>
        `> ${p}${
          list
            ? `\n>\n${list
                .split('\n')
                .map((l) => `> ${l}`)
                .join('\n')}`
            : ''
        }`
    )
  },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.tuple(shortArb, shortArb), {minLength: 1, maxLength: 3})
      .map((rows) => ['| Term | Meaning |', '| --- | :-: |', ...rows.map(([a, b]) => `| ${a} | ${b} |`)].join('\n'))
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '```js\nconst a = 1 // *not* text\n```',
      '---',
      '<div>kept</div>',
      '[ref]: https://example.org/ref',
      '[^1]: A footnote about *this*.\n\n    Second paragraph of it.'
    )
  },
  {weight: 1, arbitrary: paragraphArb.map((p) => `${p} A note.[^1]`)}
)

// Now and then, what the fast path uses as placeholders, in the document itself.
const reservedArb = fc.oneof({weight: 19, arbitrary: fc.constant('')}, {weight: 1, arbitrary: fc.constantFrom('\n\nA \uE0000\uE001 b.', '\n\n```\n\uE004\n```')})

export const markdownArb = fc
  .tuple(fc.boolean(), fc.array(blockArb, {minLength: 1, maxLength: 8}), reservedArb)
  .map(([yaml, blocks, reserved]) => `${yaml ? '---\ntitle: "Random"\nauthor: "Tests"\n---\n\n' : ''}${blocks.join('\n\n')}${reserved}\n`)

/** Pieces of translations: words in each script, Markdown syntax, markup, hostile HTML and links, line breaks. */
export const pieces = [
  '회원들은',
  '서울에서',
  '인권을',
  '保護',
  'する',
  '。',
  '、',
  'メンバー',
  'Монгол',
  'хүний',
  'эрх',
  'word',
  '1.',
  '2)',
  '#',
  '-',
  '+',
  '=',
  '|',
  '!',
  '~',
  '&',
  '<',
  '>',
  '(',
  ')',
  '[',
  ']',
  '*',
  '_',
  '`',
  '\\',
  '&amp;',
  '&#x20;',
  '*強調。*',
  '*강조*',
  '**굵게**',
  '`コード`',
  '`a|b`',
  '[링크](https://example.org/k)',
  '[bad](javascript:alert(1))',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'www.example.org',
  'mail@example.org',
  'w.x',
  '[^1]',
  '~~삭제~~',
  '\n',
  '  \n',
  '\\\n',
  '\u3000',
  ' ',
  '*',
  '**',
  ' *x*',
  '_y_',
  '***z***',
  '*a*b*',
  '***',
  // What the fast path uses as placeholders.
  '\uE0000\uE001',
  '\uE004',
  '\uE010',
  '\uE011'
]
const translationArb = fc.oneof(
  {weight: 8, arbitrary: fc.tuple(fc.array(fc.constantFrom(...pieces), {minLength: 1, maxLength: 8}), fc.constantFrom('', ' ')).map(([p, joiner]) => p.join(joiner))},
  {weight: 1, arbitrary: fc.constantFrom('', ' ', '# 제목', '- 항목', '> 인용', '1. 첫째', '    code', '| a |')}
)
const statusArb = fc.tuple(
  fc.constantFrom('missing', 'translated', 'translated', 'translated', 'stale'),
  translationArb,
  fc.option(fc.constantFrom('Old English.', 'Old *English*.'), {nil: undefined})
)

export interface Case {
  markdown: string
  translations: Array<Array<[string, string, string | undefined]>>
  missing: MissingMode
}

export const caseArb: fc.Arbitrary<Case> = fc.record({
  markdown: markdownArb,
  translations: fc.tuple(...LANGUAGES.map(() => fc.array(statusArb, {minLength: 60, maxLength: 60}))) as unknown as fc.Arbitrary<Case['translations']>,
  missing: fc.constantFrom<MissingMode>('marker', 'placeholder', 'omit')
})

/** A language's tracking of a document (`doc` unless named) with these statuses, and nothing else to report. */
export const tracked = (language: string, statuses: TrackResult['statuses'], document = 'doc'): TrackResult => ({
  language,
  document,
  statuses,
  strings: {},
  meta: {},
  obsolete: {},
  orphans: [],
  moved: [],
  restored: [],
  empty: []
})

/** Segment the document, give it the translations, and align the editions, as `concord build` does; `undefined` for a document without text. */
export function renderInput(c: Case): RenderInput | undefined {
  const file = new VFile({path: 'doc.md', value: c.markdown})
  let document: RenderInput['document']
  try {
    document = segmentDocument(file, emptyRegistry('doc'), {sourceLanguage: 'en'}).document
  } catch {
    return undefined
  }
  const tracks = LANGUAGES.map((language, l) =>
    tracked(
      language,
      document.segments.map((segment, i) => {
        const [state, translation, previousSource] = c.translations[l]?.[i % 60] ?? ['missing', '', undefined]
        if (state === 'missing') return {id: segment.id, state: 'missing' as const}
        return {id: segment.id, state: state as 'translated' | 'stale', translation, ...(previousSource === undefined ? {} : {previousSource})}
      })
    )
  )
  const options = defaults()
  options.editions.missing = c.missing
  return {document, editions: alignEditions(document, tracks, {sourceLanguage: 'en', languages: [...LANGUAGES], missing: c.missing}), options, t}
}
