import {cpSync, existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {tempDir} from './cli.js'

/**
 * Every translation of a project, wherever it lives: `<lng>/<doc>.json`
 * (live) and `<lng>/<doc>.obsolete.json` (retired), as `lng<TAB>text`.
 * A translation may move between the two; it must never vanish.
 */
export function allTranslations(dir: string): Set<string> {
  const found = new Set<string>()
  const locales = join(dir, 'locales')
  for (const language of readdirSync(locales)) {
    if (language === 'en') continue
    for (const name of readdirSync(join(locales, language))) {
      if (!name.endsWith('.json') || name === 'ui.json' || name.endsWith('.state.json')) continue
      const data = JSON.parse(readFileSync(join(locales, language, name), 'utf8')) as Record<string, string | {translation: string}>
      for (const value of Object.values(data)) found.add(`${language}\t${typeof value === 'string' ? value : value.translation}`)
    }
  }
  return found
}

/** Translations in `before` that are in neither file of `dir` now. */
export function lostTranslations(before: Set<string>, dir: string): string[] {
  const now = allTranslations(dir)
  return [...before].filter((t) => !now.has(t))
}

/** Every file of content/ and locales/ by path (and nothing under .concord/ or elsewhere). */
export function projectFiles(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (rel: string): void => {
    if (!existsSync(join(dir, rel))) return
    for (const entry of readdirSync(join(dir, rel), {withFileTypes: true})) {
      const path = join(rel, entry.name)
      if (entry.isDirectory()) walk(path)
      else out[path] = readFileSync(join(dir, path), 'utf8')
    }
  }
  walk('content')
  walk('locales')
  return out
}

/** Leftovers of a commit: temp files anywhere in the project, and the journal. */
export function leftovers(dir: string): string[] {
  return Object.keys(projectFiles(dir))
    .filter((p) => p.includes('.tmp-'))
    .concat(existsSync(join(dir, '.concord', 'journal.json')) ? ['.concord/journal.json'] : [])
}

/** A fresh copy of a prepared project, for one trial. */
export function copyProject(from: string): string {
  const dir = tempDir()
  cpSync(from, dir, {recursive: true})
  return dir
}
