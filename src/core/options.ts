import type {VFile} from 'vfile'
import {isObject, parseJson, type JsonValue} from './json.js'
import {posix} from 'node:path'
import {LANGUAGES} from './languages.js'
import {failRule} from './rules.js'

export type Format = 'md' | 'html' | 'pdf'
export type MissingMode = 'marker' | 'placeholder' | 'omit'
/** How a draft (an unconfirmed translation) shows in editions: as if it were not there (default), or with a draft marker. */
export type DraftMode = 'hide' | 'mark'
export type PageSize = 'A4' | 'A5' | 'LETTER'
/** How a parallel (two-language) PDF is set: side by side on each page, or on facing pages. */
export type ParallelMode = 'columns' | 'facing'

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
    /** Drafts: `hide` (default: the segment shows as it would without the draft) or `mark` (the draft, with a draft marker). */
    drafts: DraftMode
  }
  pdf: {
    /** Paper size. Default `'A4'`. */
    pageSize: PageSize
    /** Editions below this percent translated are titled "Draft — N% translated". Default `100`. */
    draftBelow: number
    /** Parallel PDFs: two columns per page (default `'columns'`), or English on the left page and the translation on the right (`'facing'`). */
    parallel: ParallelMode
    /** The English column's share of the columns mode's width (0.3–0.7); default `null`: from the two texts' lengths, 40–60%. */
    columnRatio: number | null
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
  memory: {
    /** TMX files, or folders of them, added to the translation memory (inside the project). Default `['tm']`. */
    paths: string[]
    /** Least similarity (percent) of a fuzzy match that `suggest` and the exports offer. Default `75`. */
    threshold: number
  }
}

export function defaults(): Options {
  return {
    sourceLanguage: 'en',
    languages: ['ko', 'ja', 'mn'],
    contentDir: 'content',
    localesDir: 'locales',
    outDir: 'output',
    editions: {formats: ['md', 'html', 'pdf'], missing: 'marker', drafts: 'hide'},
    pdf: {pageSize: 'A4', draftBelow: 100, parallel: 'columns', columnRatio: null},
    coverage: {failUnder: null, thresholds: {}},
    check: {allowIdentical: ['IPCNKR']},
    memory: {paths: ['tm'], threshold: 75}
  }
}

/** A check that also tells the compiler what a valid value is, so that it is stored without a cast. */
type Check<T> = (value: JsonValue) => value is JsonValue & T
const isString: Check<string> = (v): v is string => typeof v === 'string' && v !== ''
/**
 * A folder of the project's own files (content, locales): a relative path
 * that stays inside the project, since the project lock and the commit
 * journal cover the project folder and nothing outside it.
 */
const isProjectFolder: Check<string> = (v): v is string => {
  if (!isString(v)) return false
  const path = posix.normalize(v.replaceAll('\\', '/'))
  return !posix.isAbsolute(path) && !/^[A-Za-z]:/.test(path) && path !== '..' && !path.startsWith('../')
}
const isPercent: Check<number> = (v): v is number => typeof v === 'number' && v >= 0 && v <= 100
const oneOf =
  <T extends string>(...values: T[]): Check<T> =>
  (v): v is T =>
    typeof v === 'string' && values.some((value) => value === v)
const listOf =
  <T>(check: Check<T>): Check<T[]> =>
  (v): v is JsonValue[] & T[] =>
    Array.isArray(v) && v.every(check)
const isLanguage: Check<string> = (v): v is string => typeof v === 'string' && Object.hasOwn(LANGUAGES, v)
const isRatioOrNull: Check<number | null> = (v): v is number | null => v === null || (typeof v === 'number' && v >= 0.3 && v <= 0.7)
const isPercentOrNull: Check<number | null> = (v): v is number | null => v === null || isPercent(v)
const isThresholds: Check<Record<string, number>> = (v): v is {[language: string]: number} => isObject(v) && Object.entries(v).every(([k, p]) => isLanguage(k) && isPercent(p))

/** Store `value` if `check` accepts it; false (nothing stored) if not. */
type Field = (options: Options, value: JsonValue) => boolean
const field =
  <T>(check: Check<T>, set: (options: Options, value: T) => void): Field =>
  (options, value) =>
    check(value) && (set(options, value), true)

/** Every option by its path (`group.key` inside the four groups), with what a valid value is. */
const schema: Record<string, [Field, string]> = {
  sourceLanguage: [field(isLanguage, (o, v) => (o.sourceLanguage = v)), 'a known language code'],
  languages: [field(listOf(isLanguage), (o, v) => (o.languages = v)), `a list of language codes (${Object.keys(LANGUAGES).join(', ')})`],
  contentDir: [field(isProjectFolder, (o, v) => (o.contentDir = v)), 'a folder inside the project, relative to it (no absolute path, no `..` out of it)'],
  localesDir: [field(isProjectFolder, (o, v) => (o.localesDir = v)), 'a folder inside the project, relative to it (no absolute path, no `..` out of it)'],
  // Output only, outside the lock's care: a path outside the project is honoured as given.
  outDir: [field(isString, (o, v) => (o.outDir = v)), 'a folder, relative to the project or absolute'],
  'editions.formats': [field(listOf(oneOf<Format>('md', 'html', 'pdf')), (o, v) => (o.editions.formats = v)), 'a list of `md`, `html`, `pdf`'],
  'editions.missing': [field(oneOf<MissingMode>('marker', 'placeholder', 'omit'), (o, v) => (o.editions.missing = v)), '`marker`, `placeholder` or `omit`'],
  'editions.drafts': [field(oneOf<DraftMode>('hide', 'mark'), (o, v) => (o.editions.drafts = v)), '`hide` or `mark`'],
  'pdf.pageSize': [field(oneOf<PageSize>('A4', 'A5', 'LETTER'), (o, v) => (o.pdf.pageSize = v)), '`A4`, `A5` or `LETTER`'],
  'pdf.draftBelow': [field(isPercent, (o, v) => (o.pdf.draftBelow = v)), 'a percentage from 0 to 100'],
  'pdf.parallel': [field(oneOf<ParallelMode>('columns', 'facing'), (o, v) => (o.pdf.parallel = v)), '`columns` or `facing`'],
  'pdf.columnRatio': [field(isRatioOrNull, (o, v) => (o.pdf.columnRatio = v)), 'a number from 0.3 to 0.7, or null'],
  'coverage.failUnder': [field(isPercentOrNull, (o, v) => (o.coverage.failUnder = v)), 'a percentage from 0 to 100, or null'],
  'coverage.thresholds': [field(isThresholds, (o, v) => (o.coverage.thresholds = v)), 'an object of language code → percentage'],
  'check.allowIdentical': [field(listOf(isString), (o, v) => (o.check.allowIdentical = v)), 'a list of strings'],
  'memory.paths': [field(listOf(isProjectFolder), (o, v) => (o.memory.paths = v)), 'a list of TMX files or folders inside the project, relative to it'],
  'memory.threshold': [field(isPercent, (o, v) => (o.memory.threshold = v)), 'a percentage from 0 to 100']
}
/** The options whose value is an object of options. */
const GROUPS = new Set(['editions', 'pdf', 'coverage', 'check', 'memory'])

/** Validate `.concordrc.json` (if any) and merge it over `defaults()`. Problems are fatal messages on `file`. */
export function loadOptions(file?: VFile): Options {
  const options = defaults()
  if (!file) return options
  const parsed = parseJson(String(file), file)
  const fail = (path: string, reason: string): never => failRule(file, 'config-invalid', reason, parsed.places.get(path) ?? {line: 1, column: 1})
  if (!isObject(parsed.value)) return fail('', 'Unexpected JSON value, expected an object of options')
  for (const [key, value] of Object.entries(parsed.value)) {
    if (key === '$schema') continue
    const entries: Array<[string, JsonValue]> = GROUPS.has(key) && isObject(value) ? Object.entries(value).map(([k, v]) => [`${key}.${k}`, v]) : [[key, value]]
    for (const [path, v] of entries) {
      const rule = Object.hasOwn(schema, path) ? schema[path] : undefined
      const where = `/${path.replace('.', '/')}`
      if (!rule)
        fail(
          where,
          `Unexpected option \`${path}\`, expected one of ${Object.keys(schema)
            .map((k) => `\`${k}\``)
            .join(', ')}`
        )
      else if (!rule[0](options, v)) fail(where, `Unexpected value \`${JSON.stringify(v)}\` for \`${path}\`, expected ${rule[1]}`)
    }
  }
  if (options.languages.includes(options.sourceLanguage)) {
    // Its translations would be its own segments: locales/<source>/ holds the registry, and a locale file there would overwrite it.
    fail(
      parsed.places.has('/languages') ? '/languages' : '/sourceLanguage',
      `Unexpected source language \`${options.sourceLanguage}\` among the target languages, expected only languages to translate into; remove \`${options.sourceLanguage}\` from \`languages\``
    )
  }
  return options
}
