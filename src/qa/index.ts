import type {VFileMessage} from 'vfile-message'
import type {Place} from '../core/json.js'
import type {TrackResult} from '../translations/track.js'
import type {Segment} from '../core/types.js'
import {checkGlossary, fold, type Glossary} from './glossary.js'
import {checkIdentical, checkLength} from './shape.js'
import {checkMarkup} from './markup.js'
import {checkNumbers} from './numbers.js'
import type {SegmentPair} from './rules.js'
import {checkHidden, checkTypography} from './typography.js'

export interface QaContext {
  /** `content/glossary.json`, when the project has one. */
  glossary: Glossary | null
  /** `check.allowIdentical` from the options. */
  allowIdentical: string[]
}

/** Current translations (translated or reviewed) paired with their English; stale ones translate an older English, so they are not compared. */
export function segmentPairs(segments: Segment[], result: TrackResult, places: Map<string, Place>): SegmentPair[] {
  const byId = new Map(segments.map((s) => [s.id, s]))
  const pairs: SegmentPair[] = []
  for (const status of result.statuses) {
    const segment = byId.get(status.id)
    if (!segment || status.translation === undefined || (status.state !== 'translated' && status.state !== 'reviewed')) continue
    pairs.push({id: status.id, kind: segment.kind, source: segment.text, target: status.translation, language: result.language, place: places.get(status.id) ?? {line: 1, column: 1}})
  }
  return pairs
}

/** Every per-segment QA rule on one translation. */
export function checkSegment(pair: SegmentPair, context: QaContext): VFileMessage[] {
  // A glossary term rendered identically in this language (IPCNKR) may stay as it is.
  const keep = (context.glossary?.terms ?? []).filter((t) => Object.hasOwn(t.renderings, pair.language) && fold(t.renderings[pair.language]!) === fold(t.term)).map((t) => t.term)
  return [
    ...checkNumbers(pair),
    ...(context.glossary ? checkGlossary(pair, context.glossary) : []),
    ...checkMarkup(pair),
    ...checkIdentical(pair, [...context.allowIdentical, ...keep]),
    ...checkTypography(pair),
    ...checkHidden(pair),
    ...checkLength(pair)
  ]
}

export {RULES, ruleMessage, type RuleId, type SegmentPair, type Severity} from './rules.js'
export {checkNumbers, extractNumbers, kanjiNumber} from './numbers.js'
export {checkGlossary, checkGlossaryComplete, parseGlossary, rendersTerm, termsIn, type Glossary, type GlossaryTerm} from './glossary.js'
export {checkMarkup, markupProfile, type MarkupProfile} from './markup.js'
export {checkHidden, checkTypography, endsSentence, unbalanced} from './typography.js'
export {checkIdentical, checkLength, LENGTH_BANDS, MIN_SOURCE_LENGTH} from './shape.js'
export {localeOutdated, registryOutdated, trackMessages, type LocalePlaces} from './sync.js'
