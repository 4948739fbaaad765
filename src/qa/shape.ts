import type {VFileMessage} from 'vfile-message'
import {parseInline} from '../markdown/parse.js'
import {flatText} from '../segment/inline.js'
import {code, ruleMessage, type SegmentPair} from './rules.js'

// The translation as a whole against the English: a copy of it, or a length far from the usual.

const normal = (value: string): string => value.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase()
const escape = (value: string): string => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * A translation that is just the English (a copy pasted to fill a gap) is an
 * error, unless the English is made only of allowed terms, numbers and
 * punctuation: a segment that says "IPCNKR" is rightly "IPCNKR" everywhere.
 */
export function checkIdentical(pair: SegmentPair, allowed: string[]): VFileMessage[] {
  const source = normal(flatText(parseInline(pair.source)))
  if (source !== normal(flatText(parseInline(pair.target)))) return []
  let rest = source
  for (const term of [...allowed].sort((a, b) => b.length - a.length)) {
    rest = rest.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escape(normal(term))}(?![\\p{L}\\p{N}])`, 'gu'), ' ')
  }
  if (!/\p{L}/u.test(rest)) return []
  return [
    ruleMessage(
      'identical-to-source',
      `Unexpected English text as the ${pair.language} translation of ${code(pair.id)}, expected a translation; translate it, or delete the entry so it counts as missing ` +
        `(terms that stay in English go in \`check.allowIdentical\`)`,
      pair.place
    )
  ]
}

/**
 * Usual length of a translation from English, in characters per English
 * character. Hangul and kanji pack a word into one or two characters, so
 * Korean and Japanese run short; Mongolian Cyrillic runs a little long.
 * The bands are wide on purpose (the shipped translations sit at ko
 * 0.33–0.54, ja 0.25–0.49, mn 0.79–1.27): this rule finds a sentence that
 * lost a clause or gained a paragraph, not a terse style.
 */
export const LENGTH_BANDS: Record<string, [number, number]> = {
  ko: [0.2, 1.1],
  ja: [0.15, 1.0],
  mn: [0.55, 2.0]
}

/** Below this many English characters, ratios say little ("Resolutions:" → "決議："). */
export const MIN_SOURCE_LENGTH = 20

const length = (markdown: string): number => [...flatText(parseInline(markdown))].length

export function checkLength(pair: SegmentPair): VFileMessage[] {
  const band = Object.hasOwn(LENGTH_BANDS, pair.language) ? LENGTH_BANDS[pair.language]! : undefined
  const source = length(pair.source)
  if (!band || source < MIN_SOURCE_LENGTH) return []
  const target = length(pair.target)
  const ratio = target / source
  if (ratio >= band[0] && ratio <= band[1]) return []
  return [
    ruleMessage(
      'length-ratio',
      `Unexpected length ${code(`${target}/${source} = ${ratio.toFixed(2)}`)} for the ${pair.language} translation of ${code(pair.id)}, expected a ratio to the English between ${code(band[0])} and ${code(band[1])}; ` +
        `check that nothing is ${ratio < band[0] ? 'left out' : 'added or repeated'}`,
      pair.place
    )
  ]
}
