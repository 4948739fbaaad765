import type {VFileMessage} from 'vfile-message'
import {parseInline} from '../markdown/parse.js'
import {flatText} from '../segment/inline.js'
import {code, ruleMessage, type SegmentPair} from './rules.js'

/** Multipliers written after digits in Korean, Japanese and Chinese: 10만 = 10万 = 100,000. */
const MULTIPLIERS: Record<string, number> = {만: 1e4, 万: 1e4, 萬: 1e4, 억: 1e8, 億: 1e8, 亿: 1e8, 천: 1e3, 千: 1e3}

/**
 * A number: digits with thousands grouped by commas or spaces (100,000 and
 * 100 000; NFKC has already turned no-break and thin spaces and full-width
 * digits into ASCII), an optional decimal part, and optional CJK multipliers
 * in sequence (1억 2000만). Ordinal suffixes (4th, 제4차, 第4回, 4 дүгээр) are
 * simply not part of the match.
 */
const NUMBER = /(?<![\d.])(\d{1,3}(?:[, ]\d{3})+(?!\d)|\d+)(?:[.,](\d+))?(?: ?([만万萬억億亿천千]))?/gu

const KANJI_DIGITS: Record<string, number> = {〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9}
const KANJI_UNITS: Record<string, number> = {十: 10, 百: 100, 千: 1000}
const KANJI_BIG: Record<string, number> = {万: 1e4, 億: 1e8}

/** 二〇〇七 = 2007 (digit by digit), 三十五 = 35, 十万 = 100,000 (positional). */
export function kanjiNumber(value: string): number {
  const chars = [...value]
  if (!chars.some((c) => c in KANJI_UNITS || c in KANJI_BIG)) return Number(chars.map((c) => KANJI_DIGITS[c]).join(''))
  let total = 0
  let section = 0
  let digit = 0
  for (const c of chars) {
    if (c in KANJI_DIGITS) digit = KANJI_DIGITS[c]!
    else if (c in KANJI_UNITS) {
      section += (digit || 1) * KANJI_UNITS[c]!
      digit = 0
    } else {
      total += (section + digit || 1) * KANJI_BIG[c]!
      section = 0
      digit = 0
    }
  }
  return total + section + digit
}

/**
 * The values of the numbers in a text, in order. With `lenient` (used on
 * translations), ambiguous forms count every way they can be read: `3,5` is
 * 3.5 (decimal comma) and also 3 and 5, `36 111` is 36111 and also 36 and
 * 111, and Japanese kanji numerals count (第四回). An extra value there can
 * at worst hide a missing number, never invent an error.
 */
export function extractNumbers(text: string, language = 'en', lenient = false): number[] {
  // Multiplier groups are not read apart: `5억 1` is 500,000,001, never 500,000,000.
  const normal = text.normalize('NFKC')
  const values: number[] = []
  let pending: {value: number; multiplier: number; end: number} | undefined
  for (const match of normal.matchAll(NUMBER)) {
    const whole = Number(match[1]!.replace(/[, ]/g, '') + (match[2] ? `.${match[2]}` : ''))
    const multiplier = match[3] ? MULTIPLIERS[match[3]]! : 1
    // 1억 2000만, 12만 3456 and 1万2000 are one number: a group that follows a larger multiplier adds to it.
    const gap = pending ? normal.slice(pending.end, match.index) : undefined
    if (pending && (gap === '' || gap === ' ') && pending.multiplier > multiplier) {
      pending.value += whole * multiplier
      pending.multiplier = multiplier
      pending.end = match.index + match[0].length
      continue
    }
    if (pending) values.push(pending.value)
    if (lenient && /[, ]/.test(match[0].trim())) values.push(...(match[0].match(/\d+/g) ?? []).map(Number))
    pending = {value: whole * multiplier, multiplier: multiplier === 1 ? 0 : multiplier, end: match.index + match[0].length}
  }
  if (pending) values.push(pending.value)
  if (lenient && language === 'ja') {
    for (const match of normal.matchAll(/[〇零一二三四五六七八九十百千万億]+/gu)) {
      if (/[〇零一二三四五六七八九]/u.test(match[0]) || /[十百千]/u.test(match[0])) values.push(kanjiNumber(match[0]))
    }
  }
  return values.map((v) => Math.round(v * 1e6) / 1e6)
}

/** English numbers as written, for messages (100,000 rather than 100000). */
function englishForms(text: string): Map<number, string> {
  const forms = new Map<number, string>()
  for (const match of text.normalize('NFKC').matchAll(NUMBER)) {
    const [value] = extractNumbers(match[0])
    if (value !== undefined && !forms.has(value)) forms.set(value, match[0].trim())
  }
  return forms
}

/**
 * Every number of the English must appear in the translation with the same
 * value, in any notation. Numbers only the translation has (a month written
 * as 8월 for "August") are fine.
 */
export function checkNumbers(pair: SegmentPair): VFileMessage[] {
  const source = flatText(parseInline(pair.source))
  const target = flatText(parseInline(pair.target))
  const found = new Set(extractNumbers(target, pair.language, true))
  const missing = [...englishForms(source)].filter(([value]) => !found.has(value)).map(([, form]) => form)
  if (missing.length === 0) return []
  const seen = [...new Set(extractNumbers(target, pair.language))]
  return [
    ruleMessage(
      'number-mismatch',
      `Unexpected translation of ${code(pair.id)} (${pair.language}) without ${missing.map(code).join(', ')}, expected every number of the English with the same value ` +
        `(any notation: \`100 000\`, \`10만\`, \`10万\`, \`2007年\`, \`제4차\`); found ${seen.length ? seen.map(code).join(', ') : 'no numbers'}; correct the figure`,
      pair.place
    )
  ]
}
