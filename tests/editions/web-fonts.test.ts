import {describe, expect, it} from 'vitest'
import {renderHtmlFiles, renderHtmlPages} from '../../src/editions/html/render.js'
import {renderInput} from '../helpers/render-inputs.js'
import {addFontFaces, renderPage} from '../../src/editions/html/page.js'
import {pageText} from '../../src/editions/html/page-text.js'
import {unicodeRange, withWebFonts} from '../../src/editions/html/web-fonts.js'
import {planFor} from '../../src/editions/html/web-font-plan.js'
import {webSubset} from '../../src/editions/html/web-font-subsets.js'
import {h} from '../../src/editions/html/h.js'
import {WEB_FAMILIES, type WebFamily} from '../../src/editions/html/text-collector.js'
import type {SubsetEntry, SubsetStore} from '../../src/pdf/subset-cache.js'

const chars = (set: Set<number>): string => String.fromCodePoint(...[...set].sort((a, b) => a - b))

describe('the characters of a page, by web font family', () => {
  it('reads the body under each element’s lang, with the labels the style sheet shows, and nothing of the head', () => {
    const page = renderPage({
      language: 'en',
      title: '제목 タイトル',
      css: 'body{}',
      bodyClass: 'edition',
      body: [
        h('a', {hrefLang: 'ko', lang: 'ko'}, ['한국어']),
        h('a', {lang: 'ja'}, ['日本語']),
        h('p', {}, ['Hi & <b>', h('span', {lang: 'ko'}, ['가A'])]),
        h('div', {lang: 'mn', dataLabel: 'Монгол'}, []),
        h('p', {}, ['漢']),
        h('a', {href: 'https://example.org/ü'}, ['x'])
      ]
    })
    const text = pageText(page)
    expect(chars(text.kr)).toBe('A가국어한')
    expect(chars(text.jp)).toBe('日本漢語')
    // Latin letters of Korean text go to Noto Sans too, for those the Korean face lacks.
    expect(chars(text.latin)).toBe(chars(new Set([...'Hi & <b>A', ...'Монгол', ...'https://example.org/ü', 'x'].map((c) => c.codePointAt(0)!))))
  })

  it('reads character references, quoted `>` in attributes, comments, closing tags and characters beyond the BMP', () => {
    const page =
      '<html><head><title>T</title><style>a>b{content:"Z"}</style></head><body>' +
      '<p title="a>Q" lang="ja">&#x1F600;&amp;&lt;&#44032;x<!-- C --></p><span>y&copy;</span>\u{20000}<b\tlang="ko">가</B>\u0085</body></html>'
    const text = pageText(page)
    // Texts under `ja` go to its own face, and so does a CJK character outside any CJK language (U+20000);
    // U+AC00 (가) from a reference is Hangul, so Noto Sans KR has it too. Nothing of the head or of attributes but lang.
    expect(chars(text.jp)).toBe(chars(new Set([...'&<x', '가', '\u{1F600}', '\u{20000}'].map((c) => c.codePointAt(0)!))))
    expect(chars(text.kr)).toBe('가')
    expect(chars(text.latin)).toBe(chars(new Set([...'&<xy&copy;', '\u{1F600}'].map((c) => c.codePointAt(0)!))))
  })

  it('matches tags of any case and length, and keeps nothing of one page for the next', () => {
    // A tag name longer than ten characters, closed in another case: the Korean ends with it.
    const first = pageText('<html><body><LongTagNameHere lang="ko">가</longtagnamehere>b<p lang="ja">日</p></body></html>')
    expect(chars(first.kr)).toBe('가')
    expect(chars(first.jp)).toBe('日')
    expect(chars(first.latin)).toBe('b')
    const second = pageText('<html><body><p>a</p></body></html>')
    expect(chars(second.latin)).toBe('a')
    expect(second.kr.size + second.jp.size).toBe(0)
  })
})

describe('web font rules', () => {
  it('writes code points as CSS ranges', () => {
    expect(unicodeRange([0x20, 0x21, 0x22, 0x41, 0xac00, 0xac01])).toBe('U+20-22,U+41,U+AC00-AC01')
  })

  it('adds the faces’ style sheet to the page and to its Content-Security-Policy', () => {
    const page = renderPage({language: 'en', title: 'T', css: 'body{}', bodyClass: 'edition', body: []})
    const fonted = addFontFaces(page, '@font-face{font-family:"Noto Sans"}')
    expect(fonted).toMatch(/style-src &#x27;sha256-[^&]+&#x27; &#x27;sha256-[^&]+&#x27;; script-src &#x27;none&#x27;; img-src data:; font-src data:;/)
    expect(fonted).toContain('<style>@font-face{font-family:"Noto Sans"}</style>\n<style>body{}</style>')
    expect(() => addFontFaces('<p>no head</p>', 'x')).toThrow(/Unexpected page head/)
  })

  it('makes a WOFF2 subset once for the same characters, and keeps it in the store', async () => {
    const stored = new Map<string, SubsetEntry>()
    const store: SubsetStore = {get: (face, glyphs) => stored.get(face + glyphs.join()), put: (face, glyphs, entry) => void stored.set(face + glyphs.join(), entry)}
    const codePoints = [...'가나다 ABC'].map((c) => c.codePointAt(0)!).sort((a, b) => a - b)
    const first = await webSubset('kr-regular', codePoints, store)
    expect(Buffer.from(first).subarray(0, 4).toString('latin1')).toBe('wOF2')
    expect(stored.size).toBe(1)
    // The same bytes from run to run: the golden pages (editions-golden.test.ts) embed them.
    expect(await webSubset('kr-regular', codePoints)).toBe(first)
  })
})

/** The code points each family's faces declare in a page. */
function declared(page: string): Record<string, Set<number>> {
  const found: Record<string, Set<number>> = {}
  for (const [, family, range] of page.matchAll(/@font-face\{font-family:"([^"]+)";[^}]*unicode-range:([^}]+)\}/g)) {
    const set = (found[family!] ??= new Set())
    for (const part of range!.split(',')) {
      const [from, to = from] = part
        .slice(2)
        .split('-')
        .map((hex) => Number.parseInt(hex, 16))
      for (let c = from!; c <= to!; c++) set.add(c)
    }
  }
  return found
}

const FAMILY = {latin: 'Noto Sans', kr: 'Noto Sans KR', jp: 'Noto Sans JP'} as const

describe('the web fonts of the HTML pages', {timeout: 120_000}, () => {
  const input = renderInput({
    markdown: '# Title\n\nA plain sentence. Another one.\n',
    translations: [
      [
        ['translated', '제목'],
        ['translated', '평범한 문장.']
      ],
      [['translated', '題名']],
      [['translated', 'Гарчиг']]
    ],
    missing: 'marker'
  })!

  type Files = Array<{path: string; content: string | Uint8Array}>

  /** Every character each page shows, by family, passes `has` (given the page). */
  const shownWithin = (files: Files, has: (page: string, family: WebFamily, c: number) => boolean): void => {
    for (const file of files) {
      const page = String(file.content)
      const shown = pageText(page)
      for (const family of WEB_FAMILIES) {
        const outside = [...shown[family]].filter((c) => !has(page, family, c))
        expect(String.fromCodePoint(...outside), `${file.path} ${family}`).toBe('')
      }
    }
  }

  const covered = (files: Files): void => shownWithin(files, (page, family, c) => declared(page)[FAMILY[family]]?.has(c) === true)

  it('declare every character each page shows, in the family that draws it', async () => {
    const files = await renderHtmlFiles(input)
    expect(files.map((f) => f.path)).toEqual(['en/doc.html', 'ko/doc.html', 'ja/doc.html', 'mn/doc.html', 'aligned/doc.html'])
    covered(files)
    // The English page shows Korean only in the switcher: it gets the language names' subset, not the document's.
    expect(declared(String(files[0]!.content))[FAMILY.kr]).toEqual(new Set([...'한국어'].map((c) => c.codePointAt(0)!)))
  })

  it('read a page the page builders make, and give it a subset with any character the document’s subset lacks', async () => {
    await renderHtmlFiles(input)
    const segment = input.editions.find((e) => e.language === 'ko')!.blocks[1]!.segments[0]!
    segment.text = '뷁 문장.'
    // Pages without their share of the plan, as the page builders' are: each is read, and the plan (made before) lacks 뷁.
    const files = await withWebFonts(renderHtmlPages(input), input)
    covered(files)
    expect(declared(String(files[1]!.content))[FAMILY.kr]!.has('뷁'.codePointAt(0)!)).toBe(true)
  })

  it('are planned with every character the pages show: the code blocks’ and the aligned page’s bullets too', async () => {
    // Characters only a code block has (no edition's segments hold it) and a list, whose items the aligned page marks with a bullet.
    const listed = renderInput({
      markdown: '# Title\n\n- A listed sentence.\n- Another one.\n\n```\nsum = § 1\n```\n',
      translations: [
        [
          ['translated', '제목'],
          ['translated', '목록의 문장.']
        ],
        [['translated', '題名']],
        [['translated', 'Гарчиг']]
      ],
      missing: 'marker'
    })!
    const files = await renderHtmlFiles(listed)
    covered(files)
    // A page with a character beyond the plan would wait for a subset made for it alone, after the planned ones.
    const plan = planFor(listed)
    shownWithin(files, (_, family, c) => plan.document[family].has(c) || plan.names[family].has(c))
  })
})
