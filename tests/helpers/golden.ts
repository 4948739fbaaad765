import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {dirname} from 'node:path'
import {expect} from 'vitest'

/**
 * Compare `actual` with the committed golden file; `UPDATE=1 npm test`
 * rewrites golden files instead, so a deliberate change is one review of a diff.
 */
export function golden(path: string, actual: string): void {
  if (process.env.UPDATE === '1' || !existsSync(path)) {
    if (process.env.UPDATE !== '1' && process.env.CI) throw new Error(`Missing golden file ${path}; run UPDATE=1 npm test and commit it`)
    mkdirSync(dirname(path), {recursive: true})
    writeFileSync(path, actual)
    return
  }
  expect(actual).toBe(readFileSync(path, 'utf8'))
}
