import {existsSync} from 'node:fs'
import {join} from 'node:path'
import {parseJson, type Place} from '../core/json.js'
import type {Locate} from '../editions/pdf/glyph-check.js'
import type {RenderContext} from '../editions/registry.js'
import type {SubsetStore} from '../pdf/subset-cache.js'
import {UsageError} from './errors.js'
import {readText} from './io.js'

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
