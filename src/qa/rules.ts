import type {Place} from '../core/json.js'
import type {SegmentKind} from '../core/types.js'
import {escapeHidden} from '../core/hidden-characters.js'

/**
 * The rules `concord check` reports are entries of the one catalog in
 * core/rules.ts (with the registry, locale, import and PDF rules), so their
 * IDs, severities and README anchors are kept in one place.
 */
export {RULES, ruleMessage, type RuleId, type Severity} from '../core/rules.js'

/** A translation to check against its English segment. */
export interface SegmentPair {
  id: string
  kind: SegmentKind
  /** The English segment (inline Markdown). */
  source: string
  /** The translation, exactly as in the locale file. */
  target: string
  language: string
  /** Where the translation's key is in the locale file. */
  place: Place
}

/** Backticked, for reasons: values are quoted so whitespace and punctuation show. */
export const code = (value: string | number): string => `\`${escapeHidden(String(value)).replace(/`/g, 'ˋ')}\``
