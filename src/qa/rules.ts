import {VFileMessage} from 'vfile-message'
import type {Place} from '../core/json.js'
import type {BlockKind} from '../core/types.js'
import {escapeHidden} from '../core/hidden-characters.js'

export type Severity = 'error' | 'warning' | 'info'

/**
 * Every rule `concord check` can report. IDs are permanent: CI logs, editor
 * integrations and people's notes refer to them, so a rule may be retired
 * but its ID is never reused for something else.
 */
export const RULES = {
  'number-mismatch': {severity: 'error', summary: 'a number of the English is missing or changed in the translation'},
  'glossary-term': {severity: 'warning', summary: 'a glossary term is not rendered as content/glossary.json says'},
  'glossary-incomplete': {severity: 'warning', summary: 'a glossary term has no rendering for a target language'},
  'markup-mismatch': {severity: 'error', summary: 'emphasis, strong, links, images, code spans or link targets differ from the English'},
  'identical-to-source': {severity: 'error', summary: 'the translation is the English text (allowed terms excepted)'},
  'whitespace-edge': {severity: 'warning', summary: 'leading or trailing whitespace'},
  'whitespace-double': {severity: 'warning', summary: 'doubled spaces or a line break inside a translation'},
  'final-punctuation': {severity: 'warning', summary: 'the English sentence ends with punctuation, the translation does not'},
  'unbalanced-brackets': {severity: 'warning', summary: 'brackets or quotes that do not pair up'},
  'length-ratio': {severity: 'warning', summary: 'translation length far outside the usual ratio for the language pair'},
  'bidi-control': {severity: 'error', summary: 'a bidirectional control (U+202A–202E, U+2066–2069) that reorders how the translation displays'},
  'invisible-character': {severity: 'warning', summary: 'an invisible character (U+200B–200F, U+2060, U+FEFF) or a control code (NUL, C0, C1) the English does not have'},
  'registry-outdated': {severity: 'error', summary: 'the Markdown changed since the registry was written (run `concord segment`)'},
  'locale-outdated': {severity: 'warning', summary: 'locale files differ from what `concord segment` would write'},
  'orphan-translation': {severity: 'warning', summary: 'a translation under an ID that is neither current nor retired'},
  'empty-translation': {severity: 'warning', summary: 'an empty translation (counted as missing)'},
  'stale-translation': {severity: 'info', summary: 'the English changed since the translation was made'},
  'obsolete-translation': {severity: 'info', summary: 'a kept translation of a retired segment'}
} as const satisfies Record<string, {severity: Severity; summary: string}>

export type RuleId = keyof typeof RULES

/** A translation to check against its English segment. */
export interface SegmentPair {
  id: string
  kind: BlockKind
  /** The English segment (inline Markdown). */
  source: string
  /** The translation, exactly as in the locale file. */
  target: string
  language: string
  /** Where the translation's key is in the locale file. */
  place: Place
}

/** A message with the rule's severity: `fatal` true for errors, false for warnings, undefined for info (as vfile does). */
export function ruleMessage(ruleId: RuleId, reason: string, place: Place): VFileMessage {
  const message = new VFileMessage(reason, {place, ruleId, source: 'concord'})
  const severity: Severity = RULES[ruleId].severity
  message.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined
  return message
}

/** Backticked, for reasons: values are quoted so whitespace and punctuation show. */
export const code = (value: string | number): string => `\`${escapeHidden(String(value)).replace(/`/g, 'ˋ')}\``
