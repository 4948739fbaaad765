import type {VFileMessage} from 'vfile-message'
import {parseInline} from '../markdown/parse.js'
import {flatText} from '../segment/inline.js'
import {BIDI_CONTROL, describeCharacter, findHidden, INVISIBLE, type HiddenCharacter} from '../core/hidden-characters.js'
import {code, ruleMessage, type SegmentPair} from './rules.js'

/** Sentence-final punctuation a translation may end with; Japanese has its own full-width set. */
const FINAL: Record<string, string> = {
  ja: '。．！？：；…!?:;',
  default: '.!?:;…'
}

/** Closing quotes and brackets that may follow the final punctuation: `He said “yes.”` */
const CLOSERS = /[\s"'”’»）)\]」』】〕》〉*_]+$/u

const PAIRS: Array<[string, string]> = [
  ['(', ')'],
  ['[', ']'],
  ['{', '}'],
  ['（', '）'],
  ['「', '」'],
  ['『', '』'],
  ['【', '】'],
  ['〔', '〕'],
  ['《', '》'],
  ['〈', '〉'],
  ['“', '”'],
  ['«', '»']
]
const OPENERS = new Map(PAIRS)
const CLOSING = new Map(PAIRS.map(([open, close]) => [close, open]))

/** The first bracket or quote that does not pair up, or null. Straight double quotes must come in pairs. */
export function unbalanced(text: string): string | null {
  const stack: string[] = []
  for (const c of text) {
    if (OPENERS.has(c)) stack.push(c)
    else if (CLOSING.has(c)) {
      if (stack.pop() !== CLOSING.get(c)) return c
    }
  }
  if (stack.length > 0) return stack[stack.length - 1]!
  return (text.match(/"/g)?.length ?? 0) % 2 === 1 ? '"' : null
}

export function endsSentence(text: string, language: string): boolean {
  const stripped = text.replace(CLOSERS, '')
  const last = [...stripped].pop()
  return last !== undefined && (FINAL[language] ?? FINAL.default!).includes(last)
}

/**
 * Whitespace, final punctuation and brackets. Headings and table cells need
 * no final punctuation (a heading may end in a colon or in nothing), so the
 * final-punctuation rule looks only at paragraph sentences whose English
 * ends a sentence.
 */
export function checkTypography(pair: SegmentPair): VFileMessage[] {
  const messages: VFileMessage[] = []
  const where = `${code(pair.id)} (${pair.language})`
  if (pair.target !== pair.target.trim()) {
    messages.push(ruleMessage('whitespace-edge', `Unexpected whitespace at the ${/^\s/u.test(pair.target) ? 'start' : 'end'} of ${where}, expected none; delete it`, pair.place))
  }
  const inner = /[ \t\u00a0\u3000]{2,}|[\r\n]/u.exec(pair.target.trim())
  if (inner) {
    messages.push(
      ruleMessage(
        'whitespace-double',
        `Unexpected ${inner[0].includes('\n') || inner[0].includes('\r') ? 'line break' : 'doubled space'} in ${where}, expected single spaces; join it into one space`,
        pair.place
      )
    )
  }
  const source = flatText(parseInline(pair.source))
  const target = flatText(parseInline(pair.target))
  if (pair.kind === 'paragraph' && endsSentence(source, 'en') && !endsSentence(target, pair.language)) {
    const expected = pair.language === 'ja' ? '`。`, `！`, `？` or `：`' : '`.`, `!`, `?` or `:`'
    messages.push(
      ruleMessage('final-punctuation', `Unexpected end ${code([...target].slice(-3).join(''))} of ${where}, expected sentence-final punctuation (${expected}) as the English has`, pair.place)
    )
  }
  const bad = unbalanced(target)
  if (bad !== null && unbalanced(source) === null) {
    messages.push(ruleMessage('unbalanced-brackets', `Unexpected unpaired ${code(bad)} in ${where}, expected brackets and quotes in pairs; add the missing half`, pair.place))
  }
  return messages
}

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
