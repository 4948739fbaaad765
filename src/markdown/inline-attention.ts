import type {PhrasingContent} from 'mdast'

/**
 * Emphasis and strong from runs of `*`, as micromark resolves them
 * (micromark-core-commonmark's `attention.js`, CommonMark's "process
 * emphasis"): closers are taken left to right, each pairs with the nearest
 * opener before it that the rule of three allows, two markers are used when
 * both runs have two or more, and a closer with markers left goes on
 * pairing. What lies between a pair is resolved again on its own (as
 * micromark does, which is not quite CommonMark's reference algorithm: runs
 * skipped by the rule of three may pair there), then is settled. What is
 * left of the runs is text, joined with the text around it into one node.
 *
 * The pieces come from inline-parse.ts: text, runs and finished nodes (code,
 * links) side by side, covering the text without gaps.
 */

export type Piece =
  | {kind: 'text'; start: number; end: number}
  | {kind: 'node'; node: PhrasingContent; start: number; end: number}
  | {kind: 'run'; start: number; end: number; open: boolean; close: boolean}

/** Builds a node of the given type over `start`…`end` (giving it its position when wanted). */
export type Make = (node: PhrasingContent, start: number, end: number) => PhrasingContent

// Pairing is quadratic in runs: a text with more is left to micromark.
const MAX_RUNS = 64

/** The nodes of `pieces` (changed in place), or `undefined` for a text left to micromark. */
export function resolveAttention(text: string, pieces: Piece[], make: Make): PhrasingContent[] | undefined {
  if (pieces.filter((piece) => piece.kind === 'run').length > MAX_RUNS) return undefined
  for (let c = 0; c < pieces.length; c++) {
    const closer = pieces[c]!
    if (closer.kind !== 'run' || !closer.close) continue
    for (let o = c - 1; o >= 0; o--) {
      const opener = pieces[o]!
      if (opener.kind !== 'run' || !opener.open) continue
      const openSize = opener.end - opener.start
      const closeSize = closer.end - closer.start
      if ((opener.close || closer.open) && closeSize % 3 !== 0 && (openSize + closeSize) % 3 === 0) continue
      const use = openSize > 1 && closeSize > 1 ? 2 : 1
      // micromark resolves what lies between the pair afresh, on its own: runs the outer pass skipped may pair there.
      const children = resolveAttention(text, pieces.slice(o + 1, c), make)
      if (!children || children.length === 0) return undefined
      const start = opener.end - use
      const end = closer.start + use
      const group: Piece = {kind: 'node', node: make({type: use === 2 ? 'strong' : 'emphasis', children} as PhrasingContent, start, end), start, end}
      opener.end = start
      closer.start = end
      const replacement = [...(opener.end > opener.start ? [opener] : []), group, ...(closer.end > closer.start ? [closer] : [])]
      pieces.splice(o, c - o + 1, ...replacement)
      // Back onto the closer when it has markers left, else past the group.
      c = o + replacement.length - (closer.end > closer.start ? 2 : 1)
      break
    }
  }
  return nodesOf(text, pieces, make)
}

/** Nodes of pieces whose runs are settled: runs and text joined into text nodes. */
function nodesOf(text: string, pieces: Piece[], make: Make): PhrasingContent[] {
  const out: PhrasingContent[] = []
  let from = -1
  let to = -1
  const flush = (): void => {
    if (from !== -1) out.push(make({type: 'text', value: text.slice(from, to)}, from, to))
    from = -1
  }
  for (const piece of pieces) {
    if (piece.kind === 'node') {
      flush()
      out.push(piece.node)
      continue
    }
    if (from === -1) from = piece.start
    to = piece.end
  }
  flush()
  return out
}
