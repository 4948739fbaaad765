import {existsSync} from 'node:fs'
import {join} from 'node:path'
import {isObject, parseJson, type JsonValue} from '../core/json.js'
import type {Options} from '../core/options.js'
import type {UiResources} from '../core/ui-strings.js'
import {packageFile, readText} from './io.js'

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
  if (!isObject(parsed.value)) file.fail('Unexpected JSON value, expected an object of UI string key → text', {place: {line: 1, column: 1}, ruleId: 'ui-invalid', source: 'concord'})
  for (const [key, value] of Object.entries(parsed.value as Record<string, JsonValue>)) {
    if (typeof value !== 'string') {
      file.fail(`Unexpected ${typeof value} for \`${key}\`, expected a string`, {place: parsed.places.get(`/${key}`) ?? {line: 1, column: 1}, ruleId: 'ui-invalid', source: 'concord'})
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
