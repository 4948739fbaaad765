import type {PhrasingContent} from 'mdast'
import type {Edition, EditionSegment} from './align.js'
import {isSafeUrl, parseSegmentText, publishable} from './segment-text.js'
import {isPlain, parseInlineBatch} from '../markdown/parse.js'
import {simpleInline} from '../markdown/inline-parse.js'

// As parseSegmentText's cache: every text of a long book in four languages, then start afresh.
const parsed = new Map<string, PhrasingContent[]>()
const CACHE_LIMIT = 500_000
// Editions whose texts are all in `parsed`: a build renders each edition's Markdown and HTML, and the aligned pages, from the same objects.
let prepared = new WeakSet<Edition>()

function clearParsed(): void {
  parsed.clear()
  prepared = new WeakSet()
}

/** The nodes of text that is not plain, from the fast inline parser; `undefined` when it takes the Markdown parser. */
function markup(text: string): PhrasingContent[] | undefined {
  const simple = simpleInline(text)
  // What the fast parser gives is already publishable (no raw HTML, no white space at its edges) but for unsafe links.
  return simple?.some((node) => node.type === 'link' && !isSafeUrl(node.url)) ? publishable(simple) : simple
}

/** The nodes of `text` without the Markdown parser, `undefined` when it takes the parser. */
function quick(text: string): PhrasingContent[] | undefined {
  // Plain text parses to itself, one text node (see parseInline).
  return isPlain(text) ? [{type: 'text', value: text}] : markup(text)
}

// The text each segment was last found plain with: each page asks again of the same objects, and a lookup costs less than a scan.
// Kept with the text, so that a segment whose text is changed afterwards is checked again (plain text goes into HTML as it is).
const plainTexts = new WeakMap<EditionSegment, string>()

/** isPlain of the segment's text, worked out once for all the pages of a build. */
export function plainSegment(segment: EditionSegment): boolean {
  const text = segment.text
  if (plainTexts.get(segment) === text) return true
  if (!isPlain(text)) return false
  plainTexts.set(segment, text)
  return true
}

/** parseSegmentText with the fast inline parser where it applies: the same nodes, positions aside. */
export function segmentNodes(text: string): PhrasingContent[] {
  let nodes = parsed.get(text)
  if (!nodes) {
    if (parsed.size >= CACHE_LIMIT) clearParsed()
    nodes = quick(text) ?? parseSegmentText(text)
    parsed.set(text, nodes)
  }
  // Callers may add to the list (a stale segment's note reference), as with parseSegmentText.
  return [...nodes]
}

/**
 * Parse ahead the segment texts of `editions` that segmentNodes has not
 * seen, those that only the Markdown parser reads in one parse (see
 * parseInlineBatch). Plain text is one text node, made when asked for: the
 * pages write most of it without nodes (`safe` alone, the HTML as it is).
 */
export function prepareEditions(editions: Edition[]): void {
  const fresh = editions.filter((edition) => !prepared.has(edition))
  if (fresh.length === 0) return
  const pending = new Set<string>()
  for (const edition of fresh) {
    for (const block of edition.blocks) {
      for (const segment of block.segments) {
        const text = segment.text
        if (plainSegment(segment) || parsed.has(text)) continue
        if (parsed.size >= CACHE_LIMIT) clearParsed()
        const nodes = markup(text)
        if (nodes) parsed.set(text, nodes)
        else pending.add(text)
      }
    }
  }
  const list = [...pending]
  if (parsed.size + list.length >= CACHE_LIMIT) clearParsed()
  parseInlineBatch(list).forEach((nodes, i) => parsed.set(list[i]!, publishable(nodes)))
  for (const edition of fresh) prepared.add(edition)
}
