import type {VFileMessage} from 'vfile-message'
import {BIDI_CONTROL, describeCharacter, findHidden, INVISIBLE, type HiddenCharacter} from '../core/hidden-characters.js'
import {code, ruleMessage, type SegmentPair} from './rules.js'

/** At most this many findings per translation and rule: one is enough to act on, a pasted blob could hold millions. */
const MAX_REPORTED = 3

/** Where in the translation: the character offset, and a few characters around it with the hidden one shown. */
const around = (text: string, {char, index}: HiddenCharacter): string =>
  `${code(`${text.slice(Math.max(0, index - 12), index)}<${describeCharacter(char).split(' ')[0]}>${text.slice(index + char.length, index + char.length + 12)}`)} (character ${index + 1})`

/**
 * Bidirectional controls are errors: they reorder the displayed text, so a
 * sentence can read differently from what it says (and from the English).
 * Invisible characters and control codes are warnings: usually debris of
 * copying, but a zero-width joiner can be meant (emoji, Indic scripts), so
 * one the English holds too is not reported.
 */
export function checkHidden(pair: SegmentPair): VFileMessage[] {
  const messages: VFileMessage[] = []
  const where = `the ${pair.language} translation of ${code(pair.id)}`
  for (const found of findHidden(pair.target, BIDI_CONTROL).slice(0, MAX_REPORTED)) {
    messages.push(
      ruleMessage(
        'bidi-control',
        `Unexpected bidirectional control \`${describeCharacter(found.char)}\` in ${where} at ${around(pair.target, found)}, expected none: it reorders how the text displays; remove it`,
        pair.place
      )
    )
  }
  const invisible = findHidden(pair.target, INVISIBLE).filter((found) => !pair.source.includes(found.char))
  for (const found of invisible.slice(0, MAX_REPORTED)) {
    messages.push(
      ruleMessage(
        'invisible-character',
        `Unexpected invisible character \`${describeCharacter(found.char)}\` in ${where} at ${around(pair.target, found)}, expected visible text; remove it unless it is meant`,
        pair.place
      )
    )
  }
  return messages
}
