import type {VFileMessage} from 'vfile-message'
import {parseInline} from '../parse.js'
import {flatText} from '../segment/inline.js'
import {code, ruleMessage, type SegmentPair} from './rules.js'

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
