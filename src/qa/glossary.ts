import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {isObject, parseJson, type JsonValue, type Place} from '../core/json.js'
import {parseInline} from '../markdown/parse.js'
import {flatText} from '../segment/inline.js'
import {code, ruleMessage, type SegmentPair} from './rules.js'
import {failRule} from '../core/rules.js'

export interface GlossaryTerm {
  term: string
  /** Language code → rendering. */
  renderings: Record<string, string>
  /** Language code → where the rendering comes from (a dated press form, a reason for a choice); optional per language. */
  sources: Record<string, string>
  place: Place
}

export interface Glossary {
  /** Longest term first, so that a term inside a longer one is not counted twice. */
  terms: GlossaryTerm[]
}

/** The key of a term's object that records sources; every other key is a language code. */
const SOURCES = 'sources'

const nonEmptyStrings = (value: JsonValue | undefined): value is Record<string, string> => isObject(value) && Object.values(value).every((v) => typeof v === 'string' && v.trim() !== '')

/**
 * Read `content/glossary.json` (`{"terms": {term: {lng: rendering, "sources": {lng: source}}}}`);
 * a malformed file is fatal. `sources` is optional, so files without it still read.
 */
export function parseGlossary(file: VFile): Glossary {
  const parsed = parseJson(String(file), file)
  const terms = isObject(parsed.value) ? parsed.value.terms : undefined
  const fail = (path: string, reason: string): never => failRule(file, 'glossary-invalid', reason, parsed.places.get(path) ?? {line: 1, column: 1})
  if (!isObject(terms)) fail('', 'Unexpected glossary, expected `{"terms": {"English term": {"ko": "…", "ja": "…"}}}`')
  const list: GlossaryTerm[] = []
  for (const [term, value] of Object.entries(terms as Record<string, JsonValue>)) {
    const {[SOURCES]: sources, ...renderings} = isObject(value) ? value : {}
    if (!isObject(value) || !nonEmptyStrings(renderings)) {
      fail(`/terms/${term}`, `Unexpected entry for ${code(term)}, expected an object of language code → non-empty rendering`)
    }
    if (sources !== undefined && !nonEmptyStrings(sources)) {
      fail(`/terms/${term}/${SOURCES}`, `Unexpected \`${SOURCES}\` of ${code(term)}, expected an object of language code → non-empty source`)
    }
    // A source for a language without a rendering documents nothing; most likely a misspelt code.
    const orphan = Object.keys(sources ?? {}).find((language) => !Object.hasOwn(renderings, language))
    if (orphan !== undefined) {
      fail(`/terms/${term}/${SOURCES}/${orphan}`, `Unexpected source for ${code(orphan)} of ${code(term)}, expected a rendering for ${code(orphan)}; add it or correct the language code`)
    }
    list.push({
      term,
      renderings: Object.assign(Object.create(null), renderings) as Record<string, string>,
      sources: Object.assign(Object.create(null), sources) as Record<string, string>,
      place: parsed.places.get(`/terms/${term}`)!
    })
  }
  list.sort((a, b) => b.term.length - a.term.length || (a.term < b.term ? -1 : 1))
  return {terms: list}
}

/** Case-insensitive, curly and straight apostrophes alike, canonical Unicode. */
export const fold = (value: string): string =>
  value
    .normalize('NFKC')
    .replace(/[‘’ʼ`]/g, "'")
    .toLowerCase()

const escape = (value: string): string => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Glossary terms in an English text, each once; a term inside a longer matched term does not count. */
export function termsIn(english: string, glossary: Glossary): GlossaryTerm[] {
  const text = fold(english)
  const taken: Array<[number, number]> = []
  const found: GlossaryTerm[] = []
  for (const entry of glossary.terms) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escape(fold(entry.term))}(?![\\p{L}\\p{N}])`, 'gu')
    let hit = false
    for (const match of text.matchAll(pattern)) {
      const [start, end] = [match.index, match.index + match[0].length]
      if (taken.some(([s, e]) => start < e && end > s)) continue
      taken.push([start, end])
      hit = true
    }
    if (hit) found.push(entry)
  }
  return found
}

const words = (value: string): string[] => value.split(/[^\p{L}\p{N}]+/u).filter(Boolean)

/** A Mongolian stem also matches with the fleeting vowel of its last syllable dropped (эвсэл → эвслийн). */
function stemForms(word: string): string[] {
  const dropped = word.replace(/[аэоөуүиыяеёю]([^аэоөуүиыяеёю\s])$/u, '$1')
  return dropped !== word && dropped.length >= 3 ? [word, dropped] : [word]
}

/**
 * Whether a translation renders a term as the glossary says. Korean and
 * Japanese: the rendering appears, spacing aside (결의 사항 = 결의사항).
 * Mongolian renderings are stems: each word of the rendering starts a word
 * of the translation, in sequence, whatever case ending follows.
 */
export function rendersTerm(translation: string, rendering: string, language: string): boolean {
  const target = fold(translation)
  const wanted = fold(rendering)
  if (language === 'ko' || language === 'ja') return target.replace(/\s+/g, '').includes(wanted.replace(/\s+/g, ''))
  if (language !== 'mn') return target.includes(wanted)
  const have = words(target)
  const want = words(wanted).map(stemForms)
  return have.some((_, start) => want.every((forms, k) => have[start + k] !== undefined && forms.some((f) => have[start + k]!.startsWith(f))))
}

export function checkGlossary(pair: SegmentPair, glossary: Glossary): VFileMessage[] {
  const messages: VFileMessage[] = []
  const target = flatText(parseInline(pair.target))
  for (const entry of termsIn(flatText(parseInline(pair.source)), glossary)) {
    const rendering = Object.hasOwn(entry.renderings, pair.language) ? entry.renderings[pair.language]! : undefined
    if (rendering === undefined || rendersTerm(target, rendering, pair.language)) continue
    messages.push(
      ruleMessage(
        'glossary-term',
        `Unexpected rendering of glossary term ${code(entry.term)} in ${code(pair.id)} (${pair.language}), expected ${code(rendering)}` +
          `${pair.language === 'mn' ? ' (as a stem, any ending)' : ''}; use the glossary's rendering or change content/glossary.json`,
        pair.place
      )
    )
  }
  return messages
}

/** Terms without a rendering for a target language: translators cannot follow what is not there. */
export function checkGlossaryComplete(glossary: Glossary, languages: string[]): VFileMessage[] {
  return glossary.terms.flatMap((entry) => {
    const absent = languages.filter((l) => !Object.hasOwn(entry.renderings, l))
    if (absent.length === 0) return []
    return [
      ruleMessage(
        'glossary-incomplete',
        `Unexpected glossary term ${code(entry.term)} without ${absent.map(code).join(', ')}, expected a rendering for every target language; add it`,
        entry.place
      )
    ]
  })
}
