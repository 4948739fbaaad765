import {windowedStarts} from './windows.js'

/**
 * Sentence splitting: `Intl.Segmenter` proposes breaks, SRX-style rules veto
 * them. `Intl.Segmenter` alone breaks after every full stop followed by a
 * capital ("Mr. | Kato", "J. | R. R. Tolkien"), so each language lists the
 * places where a candidate break is not a sentence end.
 */

/** A no-break rule: the break is vetoed when `before` matches the text before it and `after` the text after it. */
export interface BreakRule {
  before: RegExp
  after: RegExp
  /** Why the rule exists (shown in tests and docs). */
  name: string
}

const abbreviations = [
  'Mr',
  'Mrs',
  'Ms',
  'Mx',
  'Dr',
  'Prof',
  'Sr',
  'Jr',
  'St',
  'Mt',
  'Rev',
  'Hon',
  'Gen',
  'Col',
  'Lt',
  'Sgt',
  'Capt',
  'Gov',
  'Sen',
  'Rep',
  'Pres',
  'Amb',
  'Sec',
  'Dept',
  'Univ',
  'Inc',
  'Ltd',
  'Co',
  'Corp',
  'Bros',
  'No',
  'Nos',
  'Art',
  'Arts',
  'Sect',
  'Fig',
  'Figs',
  'Vol',
  'Vols',
  'Ch',
  'Chap',
  'p',
  'pp',
  'para',
  'paras',
  'ed',
  'eds',
  'cf',
  'vs',
  'approx',
  'est',
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Sept',
  'Oct',
  'Nov',
  'Dec'
]

const englishRules: BreakRule[] = [
  {
    name: 'title or common abbreviation ("Mr. Kato", "Art. 5")',
    before: new RegExp(`(?:^|[\\s(\\[“"‘'])(?:${abbreviations.join('|')})\\.\\s+$`),
    after: /^./u
  },
  {
    name: 'dotted abbreviation ("e.g.", "i.e.", "U.S.", "a.m.")',
    before: /(?:^|[\s([“"‘'])(?:[A-Za-z]\.){2,}\s+$/,
    after: /^(?:[a-z0-9(“"‘'[]|[A-Z][a-z]*\b)/
  },
  {
    name: 'initial ("J. R. R. Tolkien", "Kim J. Park")',
    before: /(?:^|[\s([“"‘'])[A-Z]\.\s+$/,
    after: /^\p{Lu}/u
  },
  {
    name: 'lower-case continuation ("etc. and more")',
    before: /\.\s+$/,
    after: /^[a-z]/
  },
  {
    name: 'number with a point ("No. 3.5", "v. 2")',
    before: /\b(?:No|Nos|v|p|pp)\.\s+$/,
    after: /^\d/
  }
]

const rulesByLanguage: Record<string, BreakRule[]> = {en: englishRules}

/** Rules for a language: its own, or none for languages whose sentence ends are unambiguous (ko, ja, mn). */
export function breakRules(language: string): BreakRule[] {
  return rulesByLanguage[language.split('-')[0] ?? language] ?? []
}

const segmenters = new Map<string, Intl.Segmenter>()

function segmenterFor(language: string): Intl.Segmenter {
  let segmenter = segmenters.get(language)
  if (!segmenter) {
    segmenter = new Intl.Segmenter(language, {granularity: 'sentence'})
    segmenters.set(language, segmenter)
  }
  return segmenter
}

/**
 * Offsets (into `text`) where sentences start, excluding 0.
 * `Intl.Segmenter` is quadratic on long strings, so it sees windows of a few kilobytes (see windows.ts).
 */
export function sentenceBreaks(text: string, language = 'en'): number[] {
  const rules = breakRules(language)
  const breaks: number[] = []
  const segmenter = segmenterFor(language)
  for (const index of windowedStarts(text, (slice) => segmenter.segment(slice))) {
    const before = text.slice(Math.max(0, index - 40), index)
    const after = text.slice(index, index + 40)
    if (rules.some((rule) => rule.before.test(before) && rule.after.test(after))) continue
    breaks.push(index)
  }
  return breaks
}

/** Split plain text into trimmed sentences. */
export function splitSentences(text: string, language = 'en'): string[] {
  const cuts = [0, ...sentenceBreaks(text, language), text.length]
  const sentences: string[] = []
  for (let i = 0; i < cuts.length - 1; i++) {
    const sentence = text.slice(cuts[i], cuts[i + 1]).trim()
    if (sentence) sentences.push(sentence)
  }
  return sentences
}
