import type {PhrasingContent} from 'mdast'
import {isSafeUrl, parseSegmentText, publishable} from '../edition-tree.js'
import {isPlain} from '../parse.js'
import {simpleInline} from './inline-parse.js'

// As parseSegmentText's cache: every text of a long book in four languages, then start afresh.
const parsed = new Map<string, PhrasingContent[]>()
const CACHE_LIMIT = 500_000

/** parseSegmentText with the fast inline parser where it applies: the same nodes, positions aside. */
export function segmentNodes(text: string): PhrasingContent[] {
  let nodes = parsed.get(text)
  if (!nodes) {
    if (parsed.size >= CACHE_LIMIT) parsed.clear()
    // Plain text parses to itself, one text node (see parseInline).
    const simple: PhrasingContent[] | undefined = isPlain(text) ? [{type: 'text', value: text}] : simpleInline(text)
    // What the fast parser gives is already publishable (no raw HTML, no white space at its edges) but for unsafe links.
    nodes = !simple ? parseSegmentText(text) : simple.some((node) => node.type === 'link' && !isSafeUrl(node.url)) ? publishable(simple) : simple
    parsed.set(text, nodes)
  }
  // Callers may add to the list (a stale segment's note reference), as with parseSegmentText.
  return [...nodes]
}
