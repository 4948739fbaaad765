import {cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {readText} from '../engine/io.js'
import {serializeLocale} from '../translations/locale.js'
import {parseRegistry} from '../ids/registry.js'
import {trackTranslations} from '../translations/track.js'
import {translateSegments} from './translate.js'

export const DOCUMENT = 'bench'
export const LANGUAGES = ['ko', 'ja', 'mn']

/** The repository this benchmark runs from (for `ui.json` files and the real statement). */
export const repo = new URL('../..', import.meta.url).pathname

/** A fresh temp project holding one generated document, configured like the real one. */
export function createProject(name: string, markdown: string): string {
  const dir = mkdtempSync(join(tmpdir(), `concord-bench-${name}-`))
  mkdirSync(join(dir, 'content'), {recursive: true})
  writeFileSync(join(dir, 'content', `${DOCUMENT}.md`), markdown)
  writeFileSync(join(dir, '.concordrc.json'), JSON.stringify({sourceLanguage: 'en', languages: LANGUAGES}, null, 2) + '\n')
  copyUiStrings(dir)
  return dir
}

/** Editions need the interface strings of every language. */
export function copyUiStrings(dir: string): void {
  for (const language of ['en', ...LANGUAGES]) {
    const from = join(repo, 'locales', language, 'ui.json')
    if (!existsSync(from)) continue
    mkdirSync(join(dir, 'locales', language), {recursive: true})
    cpSync(from, join(dir, 'locales', language, 'ui.json'))
  }
  const glossary = join(repo, 'content', 'glossary.json')
  if (existsSync(glossary)) cpSync(glossary, join(dir, 'content', 'glossary.json'))
}

/** Remove the registry and target locales (not `ui.json`), for a cold `segment`. */
export function removeLocales(dir: string): void {
  const locales = join(dir, 'locales')
  for (const language of existsSync(locales) ? readdirSync(locales) : []) {
    for (const name of readdirSync(join(locales, language))) {
      if (name.startsWith(`${DOCUMENT}.`)) rmSync(join(locales, language, name))
    }
  }
}

/**
 * Write the target locales for the registry `concord segment` wrote: pseudo
 * translations for about `coverage` of the segments, with state files made
 * by the real tracking code, as a translator's first `segment` run would.
 */
export function writeLocales(dir: string, coverage: number, seed: number): Record<string, number> {
  const folder = join(dir, 'locales', 'en')
  const registry = parseRegistry(DOCUMENT, readText(join(folder, `${DOCUMENT}.json`), dir), readText(join(folder, `${DOCUMENT}.registry.json`), dir))
  const counts: Record<string, number> = {}
  for (const language of LANGUAGES) {
    const strings = translateSegments(registry.segments, language, coverage, seed)
    const tracked = trackTranslations(registry, {language, document: DOCUMENT, strings, meta: Object.create(null), obsolete: Object.create(null), places: new Map()})
    const files = serializeLocale(tracked)
    mkdirSync(join(dir, 'locales', language), {recursive: true})
    writeFileSync(join(dir, 'locales', language, `${DOCUMENT}.json`), files.strings)
    writeFileSync(join(dir, 'locales', language, `${DOCUMENT}.state.json`), files.state)
    counts[language] = Object.keys(strings).length
  }
  return counts
}

/** Copy a folder aside and back, so that every measured run starts from the same files. */
export function snapshot(dir: string, part: string): () => void {
  // Kept inside the project folder, so that removing the project removes it too.
  const saved = mkdtempSync(join(dir, '.bench-snapshot-'))
  const existed = existsSync(join(dir, part))
  if (existed) cpSync(join(dir, part), join(saved, part), {recursive: true})
  return () => {
    rmSync(join(dir, part), {recursive: true, force: true})
    if (existed) cpSync(join(saved, part), join(dir, part), {recursive: true})
  }
}

/** A temp copy of the repository's own project (the real statement). */
export function copyStatement(): string {
  const dir = mkdtempSync(join(tmpdir(), 'concord-bench-statement-'))
  for (const part of ['content', 'locales', '.concordrc.json']) {
    if (existsSync(join(repo, part))) cpSync(join(repo, part), join(dir, part), {recursive: true})
  }
  return dir
}
