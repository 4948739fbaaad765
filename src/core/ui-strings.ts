import i18next from 'i18next'

/** UI strings by language, as read from `locales/<lng>/ui.json` (flat key → string). */
export type UiResources = Record<string, Record<string, string>>

/** A UI string in one language, with i18next interpolation and plurals (`count`). */
export type Translate = (language: string, key: string, values?: Record<string, unknown>) => string

/**
 * One i18next instance for the `ui` namespace, initialised synchronously from
 * resources the caller has already read, so that renderers stay pure and a
 * process creates the instance once. Missing keys fall back to English.
 */
export function createUiStrings(resources: UiResources, fallbackLanguage = 'en'): Translate {
  const instance = i18next.createInstance()
  const bundles: Record<string, {ui: Record<string, string>}> = {}
  for (const [language, strings] of Object.entries(resources)) bundles[language] = {ui: strings}
  void instance.init({
    resources: bundles,
    ns: ['ui'],
    defaultNS: 'ui',
    fallbackLng: fallbackLanguage,
    keySeparator: false,
    nsSeparator: false,
    initAsync: false,
    // Output is escaped by hast-util-to-html and remark-stringify; i18next escaping would double it.
    interpolation: {escapeValue: false},
    returnNull: false
  })
  const fixed = new Map<string, ReturnType<typeof instance.getFixedT>>()
  // Markers are looked up once per segment; i18next's lookup is slow enough to show in a profile of a large book.
  const plain = new Map<string, string>()
  return (language, key, values) => {
    const memo = values === undefined ? `${language}\u0000${key}` : undefined
    const known = memo === undefined ? undefined : plain.get(memo)
    if (known !== undefined) return known
    let t = fixed.get(language)
    if (!t) {
      t = instance.getFixedT(language, 'ui')
      fixed.set(language, t)
    }
    const text = String(t(key, values ?? {}))
    if (memo !== undefined) plain.set(memo, text)
    return text
  }
}
