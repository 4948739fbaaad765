import {LANGUAGES} from '../core/languages.js'
import {parseInline} from '../markdown/parse.js'
import {simpleInline} from '../markdown/inline-parse.js'
import {flatText} from '../segment/inline.js'

/**
 * How much text a segment holds: words as translate-toolkit's pocount counts
 * them, characters for Korean and Japanese, and the plain-text excerpt a gap
 * list shows. Markup is not counted.
 */

/** Korean and Japanese volume is counted in characters (the industry measure for these scripts), so reports show target characters for them. */
export const showsCharacters = (code: string): boolean => Object.hasOwn(LANGUAGES, code) && ['Hang', 'Jpan'].includes(LANGUAGES[code]!.script)

/** Plain text of inline Markdown; text without any Markdown syntax character skips the parser (most sentences: coverage of a large book stays fast). */
export function plainText(markdown: string): string {
  return MARKUP.test(markdown) ? markupText(markdown) : markdown.replace(/\s+/g, ' ').trim()
}

const MARKUP = /[\\`*_[\]<>&!~]/

// Common markup skips micromark (the same nodes, see markdown/inline-parse.ts): a parse costs half a millisecond.
const markupText = (markdown: string): string => flatText(simpleInline(markdown) ?? parseInline(markdown))

/** Plain text to count in: white space is not counted, so text without markup is counted as it is, not folded first. */
const countable = (markdown: string): string => (MARKUP.test(markdown) ? markupText(markdown) : markdown)

/** Words as pocount counts them: whitespace-separated runs that hold a letter or digit. */
export function countWords(markdown: string): number {
  return wordsIn(countable(markdown))
}

export function countCharacters(markdown: string): number {
  return charactersIn(countable(markdown))
}

// Regular expressions, not a loop per character or word: a book has millions.
/** A whitespace-separated run with a letter or digit matches once, from its first character. */
const wordsIn = (plain: string): number => plain.match(/\S*[\p{L}\p{N}]\S*/gu)?.length ?? 0

/** Code points other than white space. */
function charactersIn(plain: string): number {
  const visible = plain.replace(/\s+/gu, '')
  return visible.length - (visible.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0)
}

/** Characters and words of a translation, from one plain-text pass. */
export function volume(markdown: string): {characters: number; words: number} {
  const plain = countable(markdown)
  return {characters: charactersIn(plain), words: wordsIn(plain)}
}

/** The first ~80 characters of a segment's English, as plain text, for a gap list. */
export function excerpt(markdown: string, max = 80): string {
  const chars = Array.from(plainText(markdown))
  return chars.length <= max
    ? chars.join('')
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`
}
