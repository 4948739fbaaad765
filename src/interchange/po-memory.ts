import type {ExportUnit} from './model.js'

/** A comment line: one line, whatever the texts hold. */
const comment = (text: string): string => `#. ${text.replace(/\s*[\r\n]+\s*/g, ' ')}`

/**
 * What the memory and the glossary add to a PO entry: `#.` lines (terms
 * with this language's rendering; the best match with its similarity and
 * origin), and for a missing segment the match itself as a fuzzy `msgstr`:
 * imported still fuzzy it is a draft, confirmed (fuzzy cleared) a translation.
 * A stale entry keeps its own translation in `msgstr` (it is already fuzzy
 * and only needs updating); the match is offered in the comment.
 */
export function poMemory(unit: ExportUnit): {comments: string[]; prefill?: string} {
  const comments: string[] = []
  if (unit.terms && unit.terms.length > 0) comments.push(comment(`Glossary: ${unit.terms.map((t) => `${t.term} → ${t.rendering}`).join('; ')}`))
  const best = unit.matches?.[0]
  if (best === undefined) return {comments}
  comments.push(comment(`Memory: ${best.similarity}% match from ${best.origin} (English: ${best.source})`))
  if (unit.state !== 'missing') {
    comments.push(comment(`Memory translation: ${best.target}`))
    return {comments}
  }
  return {comments, prefill: best.target}
}
