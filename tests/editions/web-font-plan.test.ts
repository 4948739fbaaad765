import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {fastHtml} from '../../src/editions/html/fast.js'
import {pageText} from '../../src/editions/html/page-text.js'
import {WEB_FAMILIES, type FamilyText} from '../../src/editions/html/text-collector.js'
import {planFor} from '../../src/editions/html/web-font-plan.js'
import {pageString} from '../../src/editions/placeholders.js'
import {VFile} from 'vfile'
import {alignEditions} from '../../src/editions/align.js'
import {defaults} from '../../src/core/options.js'
import {segmentDocument} from '../../src/ids/document.js'
import {emptyRegistry} from '../../src/ids/reconcile.js'
import {caseArb, LANGUAGES, renderInput, t, tracked} from '../helpers/render-inputs.js'

/**
 * A page the HTML templates make gets its share of the web-font plan as its
 * text, unread (web-fonts.ts): the share must hold every character the page
 * shows, in the family that draws it, or a glyph would fall back to the
 * reader's fonts. Random documents and hostile translations (markup,
 * character references, links, tables, notes of stale segments, every
 * `editions.missing` mode), each page read back and held to its share.
 * More runs: DOC_RUNS=1000; SEED=random for a seed other than the fixed one.
 */
const outside = (shown: FamilyText, share: FamilyText): string =>
  WEB_FAMILIES.map((family) => String.fromCodePoint(...[...shown[family]].filter((c) => !share[family].has(c))))
    .filter(Boolean)
    .join(' | ')

describe('the web-font plan', {timeout: 600_000}, () => {
  it('holds every character of each page the templates make, in its share', () => {
    let pages = 0
    fc.assert(
      fc.property(caseArb, (c) => {
        const input = renderInput(c)
        if (!input) return
        const plan = planFor(input)
        const html = fastHtml(input, {ui: 'en', sourceLanguage: 'en', t: input.t, documentId: input.document.id, editions: input.editions})
        for (const edition of input.editions) {
          const page = html.edition(edition)
          if (page === undefined) continue
          pages++
          expect(outside(pageText(pageString(page)), plan.pages.editions.get(edition.language)!), `${edition.language} page`).toBe('')
        }
        const aligned = html.aligned()
        if (aligned !== undefined) {
          pages++
          expect(outside(pageText(pageString(aligned)), plan.pages.aligned), 'aligned page').toBe('')
        }
      }),
      {numRuns: Number(process.env.DOC_RUNS ?? 150), ...(process.env.SEED ? {} : {seed: 20_261_207})}
    )
    // Most random documents' pages come from the templates (the rest are read, see web-fonts.test.ts).
    expect(pages).toBeGreaterThan(150)
  })

  it('decodes character references, counts a stale segment’s English, and English shown on a translation’s page under English', () => {
    const input = renderInput({
      markdown: '# Title 漢\n\nA plain sentence &copy; 2007. Another 字 one.\n\n| Head 語 |\n| --- |\n| Cell |\n',
      translations: [
        [
          ['translated', '제목', undefined],
          ['stale', '평범한 문장 &#xAC00;.', undefined]
        ],
        [],
        []
      ],
      missing: 'marker'
    })!
    const plan = planFor(input)
    const ko = plan.pages.editions.get('ko')!
    // `&copy;` shows as ©, `&#xAC00;` as 가; the English of the stale sentence is quoted in its note.
    expect(ko.latin.has(0xa9)).toBe(true)
    expect(ko.kr.has(0xac00)).toBe(true)
    expect(plan.pages.editions.get('en')!.kr.has(0xac00)).toBe(false)
    // The untranslated English (heading, sentence, table head) shows on the Korean page under `en`: its ideographs are Noto Sans JP's.
    const html = fastHtml(input, {ui: 'en', sourceLanguage: 'en', t: input.t, documentId: input.document.id, editions: input.editions})
    for (const edition of input.editions) {
      const page = html.edition(edition)!
      expect(outside(pageText(pageString(page)), plan.pages.editions.get(edition.language)!), edition.language).toBe('')
    }
    expect(outside(pageText(pageString(html.aligned()!)), plan.pages.aligned)).toBe('')
    expect([...'字語'].every((c) => ko.jp.has(c.codePointAt(0)!))).toBe(true)
  })

  it('holds the pages of drafts shown marked (`editions.drafts: "mark"`)', () => {
    const file = new VFile({path: 'doc.md', value: '# Title\n\nOne sentence. Two sentence.\n'})
    const document = segmentDocument(file, emptyRegistry('doc'), {sourceLanguage: 'en'}).document
    const tracks = LANGUAGES.map((language) =>
      tracked(
        language,
        document.segments.map((segment, i) => (i === 1 ? {id: segment.id, state: 'draft', draft: language === 'ja' ? '下書き文。' : '초안 문장.'} : {id: segment.id, state: 'missing'}))
      )
    )
    const options = defaults()
    options.editions.drafts = 'mark'
    const editions = alignEditions(document, tracks, {sourceLanguage: 'en', languages: [...LANGUAGES], missing: 'marker', drafts: 'mark'})
    const input = {document, editions, options, t}
    const plan = planFor(input)
    const html = fastHtml(input, {ui: 'en', sourceLanguage: 'en', t, documentId: 'doc', editions})
    const ja = pageString(html.edition(editions.find((edition) => edition.language === 'ja')!)!)
    // The draft's marker in Japanese brackets, on a page the templates made.
    expect(ja).toContain(`〔${t('ja', 'draftMarker')}〕`)
    for (const edition of editions) expect(outside(pageText(pageString(html.edition(edition)!)), plan.pages.editions.get(edition.language)!), edition.language).toBe('')
    expect(outside(pageText(pageString(html.aligned()!)), plan.pages.aligned)).toBe('')
  })
})
