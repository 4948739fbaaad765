import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {Registry, RegistryEntry} from '../core/types.js'
import {textHash} from '../ids/similarity.js'
import {checkSegment, type QaContext} from '../qa/index.js'
import {MAX_TRANSLATION_LENGTH, translationLimit} from '../translations/locale.js'
import {reject, type ImportDocument, type ImportUnit} from './model.js'

/*
 * What an import checks before it applies a unit: the file's language, the
 * unit itself (known ID, length, untouched English), the English revision it
 * was made for, a conflict with the locale, and `concord check`'s rules on its
 * translation. Problems are messages on the file (see apply-import.ts).
 */

/** `ko`, or `ko-KR` / `ko_KR` as some tools write it, when `ko` is configured. */
export function configuredLanguage(declared: string, languages: string[]): string | null {
  if (languages.includes(declared)) return declared
  const primary = declared.split(/[-_]/)[0]!.toLowerCase()
  return languages.includes(primary) ? primary : null
}

/** The revision of a segment's English that `source` is, if any: the current text or one kept in the history. */
export function revisionOf(registry: Registry, id: string, source: string, current?: RegistryEntry): number | null {
  if (current && current.text === source) return current.rev
  const retired = Object.hasOwn(registry.retired, id) ? registry.retired[id]! : undefined
  if (retired && retired.text === source) return retired.rev
  const history = Object.hasOwn(registry.history, id) ? registry.history[id]! : {}
  // A loop, not Math.max(...revs): no spread over a list of unknown length.
  let latest: number | null = null
  for (const rev of Object.keys(history)) if (history[rev] === source && (latest === null || Number(rev) > latest)) latest = Number(rev)
  return latest
}

/** A value for a message: whole when short, else its start and its length (a file may hold megabytes in one unit). */
const shown = (value: string): string => (value.length <= 500 ? value : `${value.slice(0, 200)}… (${value.length} characters)`)

export function conflict(file: VFile, language: string, unit: ImportUnit, current: string | undefined): void {
  const exported = unit.exportedText === undefined ? '' : `exported \`${shown(unit.exportedText)}\`, `
  reject(
    file,
    `Unexpected change to \`${unit.id}\` in the ${language} locale since the export, expected the translation the file was exported with; ${exported}the file says \`${shown(unit.target!)}\`, the locale \`${current === undefined ? current : shown(current)}\`: make them agree in the file, then import again, or settle every conflict with \`--prefer file\` or \`--prefer locale\``,
    unit.place,
    'import-conflict'
  )
}

/**
 * `concord check`'s per-segment rules on a unit's translation, against the English it was made
 * for (the file's), placed at the target in the imported file.
 */
export function qaFindings(unit: ImportUnit, segment: RegistryEntry | undefined, language: string, qa: QaContext | undefined): VFileMessage[] {
  if (!qa || !segment || unit.target === undefined || unit.target.trim() === '') return []
  return checkSegment({id: unit.id, kind: segment.kind, source: unit.source, target: unit.target, language, place: unit.targetPlace ?? unit.place}, qa)
}

/** A finding as `path:line:col: reason`, like the messages on the file. */
export function placed(file: VFile, message: VFileMessage): VFileMessage {
  message.file = file.path
  message.name = `${file.path}:${message.name}`
  return message
}

export function checkUnit(file: VFile, doc: ImportDocument, registry: Registry, unit: ImportUnit, seen: Set<string>, segments: Map<string, RegistryEntry>): boolean {
  const {id, place} = unit
  if (seen.has(id)) {
    reject(file, `Unexpected second unit \`${id}\`, expected each segment ID once`, place, 'import-duplicate-id')
    return false
  }
  seen.add(id)
  const segment = segments.get(id)
  if (!segment && !Object.hasOwn(registry.retired, id)) {
    reject(file, `Unexpected segment ID \`${id}\`, expected an ID of document \`${doc.id}\`; keep the IDs of the exported file, or export it again`, place, 'import-unknown-id')
    return false
  }
  const english = segment ? segment.text : registry.retired[id]!.text
  if (unit.target !== undefined && unit.target.length > translationLimit(english)) {
    // The length, not the text: a pasted blob of megabytes is not echoed to the terminal.
    reject(
      file,
      `Unexpected translation of \`${id}\` of \`${unit.target.length}\` characters, expected at most \`${translationLimit(english)}\` (20 times its English of ${english.length}, at least 1000, at most ${MAX_TRANSLATION_LENGTH}); shorten it in the file, then import again`,
      place,
      'import-too-long'
    )
    return false
  }
  if (unit.sourceHash !== undefined && unit.sourceHash !== textHash(unit.source)) {
    reject(
      file,
      `Unexpected edited English in unit \`${id}\`, expected the \`<source>\` as exported (hash \`${unit.sourceHash}\`); translate in \`<target>\` and leave \`<source>\` alone`,
      place,
      'import-source-mismatch'
    )
    return false
  }
  if (revisionOf(registry, id, unit.source, segment) === null) {
    const expected = segment ? `the current English \`${segment.text}\`` : `the English of the retired segment \`${registry.retired[id]!.text}\``
    reject(
      file,
      `Unexpected English \`${shown(unit.source)}\` for \`${id}\`, expected ${expected} or a previous revision of it; do not edit the source text`,
      place,
      'import-source-mismatch'
    )
    return false
  }
  return true
}
