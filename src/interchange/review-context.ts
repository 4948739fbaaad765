import type {ExportUnit, Neighbour} from './model.js'

/**
 * What an export carries for the translator's review and for the import,
 * beside the unit itself: the translation as exported (so that a conflict
 * can show it beside both current texts) and, with `--only`, the
 * neighbouring sentences that were left out of the file (read-only context).
 */

/** PO `#.` comment / XLIFF note category holding the translation as exported. */
export const EXPORTED_TARGET_NOTE = 'concord-exported-target'

const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, ' ')

function neighbourText(which: 'Previous' | 'Next', neighbour: Neighbour, language: string): string {
  const target = neighbour.target === undefined ? '' : ` — ${language}: ${oneLine(neighbour.target)}`
  return `${which} sentence (${neighbour.id}, not in this file): ${oneLine(neighbour.source)}${target}`
}

/** The context notes of a unit, as `[category, text]`: the translation as exported, then the neighbours. */
export function reviewNotes(unit: ExportUnit, language: string): Array<[string, string]> {
  const notes: Array<[string, string]> = []
  if (unit.target !== undefined) notes.push([EXPORTED_TARGET_NOTE, unit.target])
  if (unit.previous) notes.push(['context-previous', neighbourText('Previous', unit.previous, language)])
  if (unit.next) notes.push(['context-next', neighbourText('Next', unit.next, language)])
  return notes
}

/**
 * PO `#.` comment lines. A comment is one line, so the exported translation
 * is written as a JSON string (exact, whatever it holds); the import reads it back.
 */
export function reviewComments(unit: ExportUnit, language: string): string[] {
  return reviewNotes(unit, language).map(([category, text]) => (category === EXPORTED_TARGET_NOTE ? `#. ${EXPORTED_TARGET_NOTE}: ${JSON.stringify(text)}` : `#. ${text}`))
}

/** The exported translation from a PO file's `#.` comments (undefined when absent or damaged). */
export function exportedFromComments(extracted: readonly string[]): string | undefined {
  const comment = extracted.find((c) => c.startsWith(`${EXPORTED_TARGET_NOTE}:`))
  if (comment === undefined) return undefined
  try {
    const value: unknown = JSON.parse(comment.slice(EXPORTED_TARGET_NOTE.length + 1).trim())
    return typeof value === 'string' ? value : undefined
  } catch {
    return undefined
  }
}
