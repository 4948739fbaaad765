import type {VFile} from 'vfile'
import {isObject, parseJson, type JsonValue} from './json.js'
import {LANGUAGES} from './languages.js'

export type Format = 'md' | 'html' | 'pdf'
export type MissingMode = 'marker' | 'placeholder' | 'omit'
export type PageSize = 'A4' | 'A5' | 'LETTER'

/**
 * Project options, read once from `.concordrc.json` at the project root and
 * validated there. Every field is optional in the file; `defaults()` gives the
 * value used when it is absent.
 */
export interface Options {
  /** Language of `content/*.md`. Default `'en'`. */
  sourceLanguage: string
  /** Target languages, in display order. Default `['ko', 'ja', 'mn']`. */
  languages: string[]
  /** Folder of source documents. Default `'content'`. */
  contentDir: string
  /** Folder of locale files. Default `'locales'`. */
  localesDir: string
  /** Folder of generated editions and reports. Default `'output'`. */
  outDir: string
  editions: {
    /** Formats `concord build` writes without `--format`. Default all: `['md', 'html', 'pdf']`. */
    formats: Format[]
    /** How a missing translation shows: English with a marker (default), a placeholder, or nothing. */
    missing: MissingMode
  }
  pdf: {
    /** Paper size. Default `'A4'`. */
    pageSize: PageSize
    /** Editions below this percent translated are titled "Draft — N% translated". Default `100`. */
    draftBelow: number
  }
  coverage: {
    /** `concord coverage` exits 1 when any language is below this percent. Default `null` (no gate). */
    failUnder: number | null
    /** Per-language gates, e.g. `{"ko": 100}`. Default `{}`. */
    thresholds: Record<string, number>
  }
  check: {
    /** Strings a translation may keep identical to the English. Default `['IPCNKR']`. */
    allowIdentical: string[]
  }
}

export function defaults(): Options {
  return {
    sourceLanguage: 'en',
    languages: ['ko', 'ja', 'mn'],
    contentDir: 'content',
    localesDir: 'locales',
    outDir: 'output',
    editions: {formats: ['md', 'html', 'pdf'], missing: 'marker'},
    pdf: {pageSize: 'A4', draftBelow: 100},
    coverage: {failUnder: null, thresholds: {}},
    check: {allowIdentical: ['IPCNKR']}
  }
}

type Check = (value: JsonValue) => boolean
const isString: Check = (v) => typeof v === 'string' && v !== ''
const isPercent: Check = (v) => typeof v === 'number' && v >= 0 && v <= 100
const oneOf = (...values: string[]): Check => (v) => typeof v === 'string' && values.includes(v)
const listOf = (check: Check): Check => (v) => Array.isArray(v) && v.every(check)
const isLanguage: Check = (v) => typeof v === 'string' && Object.hasOwn(LANGUAGES, v)

const schema: Record<string, [Check, string]> = {
  sourceLanguage: [isLanguage, 'a known language code'],
  languages: [listOf(isLanguage), `a list of language codes (${Object.keys(LANGUAGES).join(', ')})`],
  contentDir: [isString, 'a folder name'],
  localesDir: [isString, 'a folder name'],
  outDir: [isString, 'a folder name'],
  'editions.formats': [listOf(oneOf('md', 'html', 'pdf')), 'a list of `md`, `html`, `pdf`'],
  'editions.missing': [oneOf('marker', 'placeholder', 'omit'), '`marker`, `placeholder` or `omit`'],
  'pdf.pageSize': [oneOf('A4', 'A5', 'LETTER'), '`A4`, `A5` or `LETTER`'],
  'pdf.draftBelow': [isPercent, 'a percentage from 0 to 100'],
  'coverage.failUnder': [(v) => v === null || isPercent(v), 'a percentage from 0 to 100, or null'],
  'coverage.thresholds': [(v) => isObject(v) && Object.entries(v).every(([k, p]) => isLanguage(k) && isPercent(p)), 'an object of language code → percentage'],
  'check.allowIdentical': [listOf(isString), 'a list of strings']
}

/** Validate `.concordrc.json` (if any) and merge it over `defaults()`. Problems are fatal messages on `file`. */
export function loadOptions(file?: VFile): Options {
  const options = defaults() as unknown as Record<string, Record<string, unknown>>
  if (!file) return options as unknown as Options
  const parsed = parseJson(String(file), file)
  const fail = (path: string, reason: string): never =>
    file.fail(reason, {place: parsed.places.get(path) ?? {line: 1, column: 1}, ruleId: 'config-invalid', source: 'concord'})
  if (!isObject(parsed.value)) fail('', 'Unexpected JSON value, expected an object of options')
  for (const [key, value] of Object.entries(parsed.value as Record<string, JsonValue>)) {
    if (key === '$schema') continue
    const nested = isObject(options[key] as JsonValue) && !Array.isArray(options[key])
    const entries: Array<[string, JsonValue]> = nested && isObject(value) ? Object.entries(value).map(([k, v]) => [`${key}.${k}`, v]) : [[key, value]]
    for (const [path, v] of entries) {
      const rule = Object.hasOwn(schema, path) ? schema[path] : undefined
      const where = `/${path.replace('.', '/')}`
      if (!rule) fail(where, `Unexpected option \`${path}\`, expected one of ${Object.keys(schema).map((k) => `\`${k}\``).join(', ')}`)
      else if (!rule[0](v)) fail(where, `Unexpected value \`${JSON.stringify(v)}\` for \`${path}\`, expected ${rule[1]}`)
      const [head, tail] = path.split('.') as [string, string?]
      if (tail) options[head]![tail] = v
      else (options as Record<string, unknown>)[head] = v
    }
  }
  const merged = options as unknown as Options
  if (merged.languages.includes(merged.sourceLanguage)) {
    // Its translations would be its own segments: locales/<source>/ holds the registry, and a locale file there would overwrite it.
    fail(
      parsed.places.has('/languages') ? '/languages' : '/sourceLanguage',
      `Unexpected source language \`${merged.sourceLanguage}\` among the target languages, expected only languages to translate into; remove \`${merged.sourceLanguage}\` from \`languages\``
    )
  }
  return merged
}
