/**
 * Stretches of text a line must not break inside, whatever the atoms say:
 * a number with its unit, counter, month or suffix, a whole date, and a
 * short bracketed marker. Breaking "2005年8|月", "10만|명", "3|дугаар" or
 * "29|August" splits what a reader takes in as one value (JLREQ 3.1.7,
 * KLREQ 3.3, and English house style alike).
 *
 * The patterns are applied to every paragraph, whatever its language: a
 * Japanese counter cannot follow a digit in Korean text, and an English
 * date quoted in a Korean paragraph keeps together there too.
 */

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sep\\.|Sept\\.|Oct\\.|Nov\\.|Dec\\.'
const NUMBER = '[0-9０-９](?:[0-9０-９,.，．]*[0-9０-９])?(?:[~〜～–-][0-9０-９](?:[0-9０-９,.]*[0-9０-９])?)?'

// Japanese: digits with their counter, and dates such as 2007年8月29日 or 8月28〜30日.
const JA_COUNTER = '(?:か国|ヶ国|カ国|ケ国|か月|ヶ月|カ月|ケ月|か所|ヶ所|カ所|箇所|周年|世紀|年間|日間|時間|[年月日名人回件個円歳度位号次期分秒時万億千%％])'
const JAPANESE = `${NUMBER}(?:[万億千]?${JA_COUNTER})(?:${NUMBER}${JA_COUNTER})*`

// Korean: the number word and the counter word after it (10만 명), and dates (2007년 8월 29일).
const KO_COUNTER = '[만억천조]?(?:명|개국|개|차|회|번|세|원|달러|곳|건|주년|퍼센트|%)'
const KOREAN = `${NUMBER}(?:[만억천조년월일]|${KO_COUNTER})?(?: ?(?:${NUMBER}[년월일]|${NUMBER}${KO_COUNTER}|${KO_COUNTER})[^\\s]*)+`

// Mongolian: a date (2007 оны 8 дугаар сарын 29-нд), and a number with the word that makes it an ordinal, a year or a month.
const MN_DATE = `${NUMBER} оны ${NUMBER} (?:дугаар|дүгээр) сарын(?: ${NUMBER}(?:-\\p{L}+)?)?`
const MN_WORD = '(?:оны|онд|он|дугаар|дүгээр|дахь|дэх|сарын|сард|сар)'
const MONGOLIAN = `${MN_DATE}|${NUMBER}(?:-\\p{L}+)? ${MN_WORD}(?=[\\s,.;:)]|$)`

// English dates: 29 August (2007), August 29(, 2007), 2007 August.
const ENGLISH = `${NUMBER} (?:${MONTHS})(?: [0-9]{4}\\b)?|\\b(?:${MONTHS}) [0-9]{1,2}\\b(?:, [0-9]{4}\\b)?|\\b[0-9]{4} (?:${MONTHS})`

// A marker in brackets ([오래된 번역], 〔古い翻訳〕) is one label.
const MARKER = '\\[[^\\]\\n]{1,60}\\]|〔[^〕\\n]{1,60}〕|【[^】\\n]{1,60}】|［[^］\\n]{1,60}］'

const GLUE = new RegExp([MARKER, ENGLISH, MONGOLIAN, JAPANESE, KOREAN].join('|'), 'gu')

// In Mongolian a bare number also keeps the word it counts (36 улсаас, 111 төлөөлөгч).
const COUNTED = new RegExp(`(?<![\\p{L}\\p{N}-])${NUMBER} \\p{Script=Cyrillic}+`, 'gu')

/** [start, end) ranges of `text` inside which no line may break, ascending and possibly overlapping. */
export function glueRanges(text: string, lang: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  const primary = lang.toLowerCase().split('-')[0]
  const patterns = primary === 'mn' ? [GLUE, COUNTED] : [GLUE]
  for (const pattern of patterns) {
    pattern.lastIndex = 0
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      if (m[0].length === 0) {
        pattern.lastIndex++
        continue
      }
      ranges.push([m.index, m.index + m[0].length])
    }
  }
  return ranges.sort((a, b) => a[0] - b[0])
}

/** Whether a break at `offset` falls strictly inside one of `ranges`. */
export function isGlued(ranges: ReadonlyArray<readonly [number, number]>, offset: number): boolean {
  for (const [start, end] of ranges) {
    if (start >= offset) return false
    if (offset < end) return true
  }
  return false
}
