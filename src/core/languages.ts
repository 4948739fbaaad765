/** What Concord knows about each language it can publish. */
export interface LanguageInfo {
  /** BCP 47 code, as used in `locales/<code>/`. */
  code: string
  /** Endonym, for language switchers. */
  name: string
  englishName: string
  /** ISO 15924 script of the running text. */
  script: 'Latn' | 'Hang' | 'Jpan' | 'Cyrl'
  /** What goes between two sentences of one paragraph (Japanese needs none). */
  joiner: string
  /** What follows a label before its text ("Note: "): Japanese writes a full-width colon and no space. */
  labelColon: string
}

export const LANGUAGES: Readonly<Record<string, LanguageInfo>> = Object.freeze({
  en: {code: 'en', name: 'English', englishName: 'English', script: 'Latn', joiner: ' ', labelColon: ': '},
  ko: {code: 'ko', name: '한국어', englishName: 'Korean', script: 'Hang', joiner: ' ', labelColon: ': '},
  ja: {code: 'ja', name: '日本語', englishName: 'Japanese', script: 'Jpan', joiner: '', labelColon: '：'},
  mn: {code: 'mn', name: 'Монгол', englishName: 'Mongolian', script: 'Cyrl', joiner: ' ', labelColon: ': '}
})

/** Whether two sentences side by side, in these languages, are joined by a space: wherever either side is in a spaced language (English shown in Japanese). */
export const joinedBySpace = (a: string, b: string): boolean => languageInfo(a).joiner !== '' || languageInfo(b).joiner !== ''

export function languageInfo(code: string): LanguageInfo {
  const info = Object.hasOwn(LANGUAGES, code) ? LANGUAGES[code] : undefined
  if (!info)
    throw new Error(
      `Unexpected language \`${code}\`, expected one of ${Object.keys(LANGUAGES)
        .map((c) => `\`${c}\``)
        .join(', ')}`
    )
  return info
}

/**
 * A marker's label in brackets as the language writes them: 〔…〕 in Japanese
 * (full width, JIS X 4051's kikkō brackets for an editor's insertion), else
 * square brackets, or round ones where square ones would read as Markdown.
 */
export function bracketed(language: string, label: string, shape: 'square' | 'round' = 'square'): string {
  if (languageInfo(language).script === 'Jpan') return `〔${label}〕`
  return shape === 'square' ? `[${label}]` : `(${label})`
}

/** What goes between a marker and the text it marks: nothing after Japanese full-width brackets, else a space. */
export const markerGap = (language: string): string => (languageInfo(language).script === 'Jpan' ? '' : ' ')
