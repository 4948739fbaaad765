import {describeProvenance} from '../translations/provenance.js'
import type {ExportUnit} from './model.js'

/** Note categories (XLIFF `<note category>`); PO writes the texts as `#.` comments. */
export const CHANGE_NOTE = 'concord-change'
export const PROVENANCE_NOTE = 'concord-provenance'

const CHANGE_TEXT = {
  minor: 'English change: minor (punctuation, case, spacing, quotes or one word’s spelling); the translation may stand as it is',
  meaning: 'English change: meaning (words, numbers, names or negation changed); update the translation'
} as const

/**
 * What a coordinator's notes tell the translator about a unit: how its
 * English changed (stale units) and who translated and reviewed it. One
 * list for both formats, so PO and XLIFF never disagree.
 */
export function unitNotes(unit: ExportUnit): Array<[category: string, text: string]> {
  const notes: Array<[string, string]> = []
  if (unit.state === 'stale' && unit.change !== undefined) notes.push([CHANGE_NOTE, CHANGE_TEXT[unit.change]])
  const provenance = describeProvenance(unit.provenance)
  if (provenance !== null) notes.push([PROVENANCE_NOTE, provenance.charAt(0).toUpperCase() + provenance.slice(1)])
  return notes
}
