import {existsSync} from 'node:fs'
import {join} from 'node:path'
import type {Renderer} from '../editions/align.js'
import {parseJson, type Place} from '../core/json.js'
import {renderPdfFiles, type Locate} from '../editions/pdf/render.js'
import {readText} from './io.js'
import {UsageError, type Project} from './project.js'

/**
 * The PDF renderer as `concord build` runs it: glyph errors point at the key
 * in the locale or UI file (read only when there is an error to report), and
 * a malformed SOURCE_DATE_EPOCH is a usage error rather than a crash.
 */
export function pdfRenderer(project: Project, env: NodeJS.ProcessEnv = process.env): Renderer {
  const epoch = env.SOURCE_DATE_EPOCH
  if (epoch !== undefined && epoch !== '' && !/^\d+$/.test(epoch.trim())) {
    throw new UsageError(`Unexpected SOURCE_DATE_EPOCH \`${epoch}\`, expected a whole number of seconds since 1970-01-01 UTC (e.g. \`git log -1 --format=%ct\`)`)
  }
  const places = new Map<string, Map<string, Place>>()
  const locate: Locate = (path, pointer) => {
    let known = places.get(path)
    if (!known) {
      const absolute = join(project.root, path)
      if (!existsSync(absolute)) return undefined
      const file = readText(absolute, project.root)
      known = parseJson(String(file), file).places
      places.set(path, known)
    }
    return known.get(pointer)
  }
  return (input) => renderPdfFiles({...input, locate, env})
}
