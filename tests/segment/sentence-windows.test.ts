import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {sentenceBreaks} from '../../src/segment/sentences.js'
import {WINDOW, windowedStarts} from '../../src/segment/windows.js'

const segmenters = new Map<string, Intl.Segmenter>()
const segmenter = (language: string): Intl.Segmenter => {
  if (!segmenters.has(language)) segmenters.set(language, new Intl.Segmenter(language, {granularity: 'sentence'}))
  return segmenters.get(language)!
}

/** Segment starts of the whole text in one call, as before windows. */
const uncut = (text: string, language: string): number[] => [...segmenter(language).segment(text)].map((s) => s.index).filter((i) => i > 0)

/** Pieces that meet every kind of sentence break rule: abbreviations, numbers, quotes, brackets, CJK and Hangul ends, lower-case continuations, line breaks. */
const piece = fc.constantFrom(
  'Mr. ',
  'Kato ',
  'e.g. ',
  'U.S. ',
  'J. R. R. ',
  'Tolkien ',
  'wrote',
  'it',
  '3.5 ',
  'No. 3 ',
  'etc. ',
  'and ',
  'more',
  '. ',
  '.',
  '! ',
  '? ',
  '?! ',
  '" ',
  '") ',
  '(',
  ')',
  '“',
  '”',
  '  ',
  ' ',
  '\n',
  '\u2029',
  '1. ',
  '12 ',
  'a',
  'B',
  'The ',
  'end',
  '... ',
  '…',
  '総会が開催された。',
  '決議',
  'を採択した',
  '。',
  '「',
  '」',
  '！',
  '총회가 ',
  '열렸다. ',
  '결의를 ',
  '채택했다',
  'Улсын ',
  'хурал. ',
  '𠀋',
  '😀 ',
  '\u0301'
)
const text = fc.array(piece, {maxLength: 120}).map((parts) => parts.join(''))

describe('sentence boundaries in windows', () => {
  it('equal the boundaries of the uncut text (property, small windows so that every text is cut many times)', () => {
    fc.assert(
      fc.property(text, fc.integer({min: 8, max: 64}), fc.constantFrom('en', 'ja', 'ko', 'mn'), (value, window, language) => {
        expect(windowedStarts(value, (slice) => segmenter(language).segment(slice), window)).toEqual(uncut(value, language))
      }),
      {numRuns: 1500}
    )
  })

  it('hands the segmenter no window longer than WINDOW on a long paragraph of normal sentences', () => {
    const sentence = (i: number): string => `Sentence ${i} was read by Mr. Kato, e.g. on the U.S. coast, at 3.5 knots. `
    let paragraph = ''
    for (let i = 0; paragraph.length < 60_000; i++) paragraph += sentence(i)
    const lengths: number[] = []
    const starts = windowedStarts(paragraph, (slice) => (lengths.push(slice.length), segmenter('en').segment(slice)))
    expect(starts).toEqual(uncut(paragraph, 'en'))
    expect(Math.max(...lengths)).toBeLessThanOrEqual(WINDOW)
    // Each window but the last gives up at most a sentence or so: the text is read about once.
    expect(lengths.reduce((a, b) => a + b, 0)).toBeLessThan(paragraph.length * 1.1)
  })

  it('reads one long sentence in growing windows, about twice over in all', () => {
    const sentence = 'and on '.repeat(30_000) + 'it ends.'
    const lengths: number[] = []
    expect(windowedStarts(sentence, (slice) => (lengths.push(slice.length), segmenter('en').segment(slice)))).toEqual([])
    expect(lengths.reduce((a, b) => a + b, 0)).toBeLessThan(sentence.length * 3)
  })

  it('keeps the sentence breaks of normal paragraphs', () => {
    const paragraph = 'Mr. Kato met Dr. Smith. He left. See e.g. the report. 総会が開催された。決議を採択した。'
    expect(sentenceBreaks(paragraph, 'en')).toEqual(uncut(paragraph, 'en').filter((i) => ![4, 17].includes(i)))
  })
})
