import {failRule} from '../core/rules.js'
import {existsSync} from 'node:fs'
import {join} from 'node:path'
import {isObject, parseJson, type JsonValue, type Place} from '../core/json.js'
import type {Options} from '../core/options.js'
import type {UiResources} from '../core/ui-strings.js'
import type {Locate} from '../editions/pdf/glyph-check.js'
import type {RenderContext} from '../editions/registry.js'
import type {SubsetStore} from '../pdf/subset-cache.js'
import {packageFile, readText} from './io.js'
import {UsageError} from './reporter.js'

/*
 * What renderers are given from the project, in the main thread and in the
 * PDF workers alike: the UI strings, and the render context.
 */

/**
 * The UI strings of a project (markers, labels, the coverage report's
 * words), for every command that shows them: those shipped with Concord,
 * overridden key by key by the project's `locales/<lng>/ui.json`. So a new
 * project needs no copies, and a project's older copy still gets the keys a
 * newer Concord added. A file that is not an object of strings is an error
 * at the key that is wrong (a translator's typo must not vanish silently).
 */
function readStrings(path: string, root: string): Record<string, string> {
  if (!existsSync(path)) return {}
  const file = readText(path, root)
  const parsed = parseJson(String(file), file)
  const strings: Record<string, string> = Object.create(null)
  if (!isObject(parsed.value)) failRule(file, 'ui-invalid', 'Unexpected JSON value, expected an object of UI string key → text', {line: 1, column: 1})
  for (const [key, value] of Object.entries(parsed.value as Record<string, JsonValue>)) {
    if (typeof value !== 'string') {
      failRule(file, 'ui-invalid', `Unexpected ${typeof value} for \`${key}\`, expected a string`, parsed.places.get(`/${key}`) ?? {line: 1, column: 1})
    }
    strings[key] = value as string
  }
  return strings
}

/** The UI strings of `languages` (each read once), shipped ones overridden by the project's. */
export function loadUiResources(root: string, options: Options, languages: Iterable<string>): UiResources {
  const resources: UiResources = {}
  for (const language of new Set(languages)) {
    const shipped = readStrings(packageFile(`locales/${language}/ui.json`), root)
    const own = join(root, options.localesDir, language, 'ui.json')
    // The project's own files are Concord's when the project is Concord's repository: read once.
    resources[language] = own === packageFile(`locales/${language}/ui.json`) ? shipped : {...shipped, ...readStrings(own, root)}
  }
  return resources
}

/**
 * What the PDF renderer gets from the project as `concord build` runs it, in
 * the main thread and in each worker: glyph errors point at the key in the
 * locale or UI file (read only when there is an error to report), and a
 * malformed SOURCE_DATE_EPOCH is a usage error rather than a crash.
 * Nothing here loads pdfkit: the registry does, on the first PDF.
 */
export function renderContext(root: string, sourceDateEpoch: string | undefined, subsets: SubsetStore | undefined): RenderContext {
  if (sourceDateEpoch !== undefined && sourceDateEpoch !== '' && !/^\d+$/.test(sourceDateEpoch.trim())) {
    throw new UsageError(`Unexpected SOURCE_DATE_EPOCH \`${sourceDateEpoch}\`, expected a whole number of seconds since 1970-01-01 UTC (e.g. \`git log -1 --format=%ct\`)`)
  }
  const places = new Map<string, Map<string, Place>>()
  const locate: Locate = (path, pointer) => {
    let known = places.get(path)
    if (!known) {
      const absolute = join(root, path)
      if (!existsSync(absolute)) return undefined
      const file = readText(absolute, root)
      known = parseJson(String(file), file).places
      places.set(path, known)
    }
    return known.get(pointer)
  }
  return {locate, ...(sourceDateEpoch !== undefined ? {sourceDateEpoch} : {}), ...(subsets ? {subsets} : {})}
}
