import {hash32, seeded, type Random} from './random.js'

/**
 * Plausible-looking translations for the benchmark: every English word maps
 * to a fixed pseudo-word in the target script (Hangul syllables, kana with
 * common kanji, Mongolian Cyrillic), markup and link targets are kept, so
 * renderers and PDF layout see realistic text lengths, scripts and inline
 * structure.
 */
const KANJI =
  '人日本国会年大十二一中出三見上政事自社者地業方新場員立開手力問代明動京目通言理体田主題意不作用度強公持野以思家世多正安院心界教文元重近考画海売知道集別物使品計死特私始朝運終台広住無真有口少町料工建空急止送切転研足究楽起着店病質待試族銀早映親験英医仕去味写字答夜音注帰古歌買悪図週室歩風紙黒花春赤青館屋色走秋夏習駅洋旅服夕借曜飲肉貸堂鳥飯勉冬昼茶弟牛魚兄犬妹姉漢'
const KANA = 'あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをんがぎぐげござじずぜぞだでどばびぶべぼ'
const CYRILLIC_CONSONANTS = 'бвгджзклмнпрстхцчшл'
const CYRILLIC_VOWELS = ['а', 'э', 'и', 'о', 'у', 'ө', 'ү', 'аа', 'ээ', 'оо', 'уу', 'өө', 'үү', 'ий']

/** Frequent syllables read more like real Korean than uniformly random ones. */
const HANGUL =
  '가나다라마바사아자차카타파하고노도로모보소오조초코토포호구누두루무부수우주추쿠투푸후기니디리미비시이지치키티피히한국민의회정부인권대표결의와과는은을를에서으로도하며고있다였습니'

function syllables(random: Random, language: string): string {
  const count = random.int(1, 3)
  let out = ''
  for (let i = 0; i < count; i++) {
    if (language === 'ko') out += random.pick([...HANGUL])
    else if (language === 'ja') out += random.chance(0.4) ? random.pick([...KANJI]) : random.pick([...KANA])
    else out += random.pick([...CYRILLIC_CONSONANTS]) + random.pick(CYRILLIC_VOWELS)
  }
  return out
}

const cache = new Map<string, string>()

/** The fixed pseudo-word for an English word in a language. */
export function pseudoWord(word: string, language: string): string {
  const key = `${language}\n${word.toLowerCase()}`
  let value = cache.get(key)
  if (value === undefined) {
    const random = seeded(hash32(key))
    value = syllables(random, language) + (language === 'ja' ? '' : syllables(random, language).slice(0, 2))
    cache.set(key, value)
  }
  return language === 'mn' && /^[A-Z]/.test(word) ? value.charAt(0).toUpperCase() + value.slice(1) : value
}

/** Code spans and link targets are kept verbatim; words are translated; the rest (markup, digits) is kept. */
const TOKEN = /(`[^`]*`)|(\]\([^)]*\))|([A-Za-z]+)|(\s+)|([.,?])|(.)/g

const FULL_WIDTH: Record<string, string> = {'.': '。', ',': '、', '?': '？'}

/** Translate one segment's inline Markdown into a pseudo-language. */
export function pseudoTranslate(text: string, language: string): string {
  let out = ''
  for (const [, code, target, word, space, stop, other] of text.matchAll(TOKEN)) {
    if (code ?? target) out += code ?? target
    else if (word) out += pseudoWord(word, language)
    else if (space) out += language === 'ja' ? '' : ' '
    else if (stop) out += language === 'ja' ? FULL_WIDTH[stop]! : stop
    else out += other
  }
  return out
}

/**
 * Translations of a list of segments for one language, covering about
 * `coverage` of them (the rest are left missing), decided by the seed.
 */
export function translateSegments(segments: Array<{id: string; text: string}>, language: string, coverage: number, seed: number): Record<string, string> {
  const random = seeded(seed ^ hash32(language))
  const strings: Record<string, string> = Object.create(null)
  for (const segment of segments) if (random.chance(coverage)) strings[segment.id] = pseudoTranslate(segment.text, language)
  return strings
}
