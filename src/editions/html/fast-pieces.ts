import type {ElementContent} from 'hast'
import type {PhrasingContent} from 'mdast'
import rehypeStringify from 'rehype-stringify'
import {unified} from 'unified'
import {alignedDisplay, needsMarker, type EditionSegment} from '../align.js'
import {segmentNode, segmentTextHast, toSafeHast, type SegmentOptions} from './segments.js'
import {staleRef} from './notes.js'
import {joinedBySpace} from '../../core/languages.js'
import {simpleHtml} from './fast-simple.js'
import {isPlainId} from '../placeholders.js'
import {fill, template, type Template} from '../template.js'
import {plainSegment, segmentNodes} from '../segment-nodes.js'

const stringifier = unified().use(rehypeStringify)

/** Serialise hast nodes as rehype-stringify does inside a page (nothing there depends on the parent, bar `script` and `style`). */
export const htmlOf = (nodes: ElementContent[]): string => stringifier.stringify({type: 'root', children: nodes})

const BODY = '\uE010'
const ID = '\uE011'

/** The HTML of the segments of blocks rendered with the same options (a span holding markers and the sanitised text), or `null` when one shows nothing. */
export type SegmentHtml = (options: SegmentOptions) => (segment: EditionSegment, marked: boolean) => string | null

/** Phrasing mdast as HTML, as it ends up in a paragraph of the page. */
function phrasingHtml(nodes: PhrasingContent[]): string {
  const root = toSafeHast({type: 'root', children: [{type: 'paragraph', children: nodes}]})
  const paragraph = root.children.find((child) => child.type === 'element')
  return paragraph?.type === 'element' ? htmlOf(paragraph.children) : ''
}

function referenceSegment(segment: EditionSegment, options: SegmentOptions): string {
  const node = segmentNode(segment, options)
  return phrasingHtml(node ? [node] : [])
}

/**
 * Segment spans from templates: the reference renders one segment of each
 * kind (mark, display, language, options) with placeholders for its ID and
 * text; a segment's span is its template with its ID and the HTML of its
 * text put in. The HTML of a text depends on nothing else, so each text is
 * rendered once; plain text (no markup, no `&` or `<`) is its own HTML, and
 * text with simple markup is written directly (html-simple.ts).
 */
export function segmentHtml(): SegmentHtml {
  const bodies = new Map<string, string>()
  const body = (segment: EditionSegment): string => {
    const text = segment.text
    if (plainSegment(segment)) return text
    let html = bodies.get(text)
    if (html === undefined) bodies.set(text, (html = simpleHtml(segmentNodes(text)) ?? htmlOf(segmentTextHast(text))))
    return html
  }
  const byOptions = new Map<string, (segment: EditionSegment, marked: boolean) => string | null>()
  // Callers pass the same options object for a page's blocks: found by identity before building a key.
  const byObject = new WeakMap<SegmentOptions, (segment: EditionSegment, marked: boolean) => string | null>()
  return (options) => {
    const known = byObject.get(options)
    if (known) return known
    const optionsKey = [options.language, options.withId, options.aligned, options.focusable].join('\u0000')
    let render = byOptions.get(optionsKey)
    if (render) {
      byObject.set(options, render)
      return render
    }
    const templates = new Map<string, Template | null>()
    render = (segment, marked) => {
      const display = options.aligned ? alignedDisplay(segment) : segment.display
      if (display === 'omit' && !options.aligned) return null
      // IDs are `[a-z0-9]`; anything else is rendered the long way.
      if (!isPlainId(segment.id)) return referenceSegment(segment, {...options, marked})
      const key = `${marked}\u0000${display}\u0000${segment.mark}\u0000${segment.language}`
      let shape = templates.get(key)
      if (shape === undefined) {
        const found = template(referenceSegment({...segment, id: ID, text: BODY, source: ''}, {...options, marked}), /(\uE010|\uE011)/)
        // The ID goes in `id` and `data-seg`, the text once; more places mean a marker's words looked like placeholders.
        const usable = found.holes.filter((hole) => hole === ID).length <= 2 && found.holes.filter((hole) => hole === BODY).length <= 1
        templates.set(key, (shape = usable ? found : null))
      }
      if (shape === null) return referenceSegment(segment, {...options, marked})
      const text = display === 'text' ? body(segment) : ''
      return fill(shape, (hole) => (hole === ID ? segment.id : text))
    }
    byOptions.set(optionsKey, render)
    byObject.set(options, render)
    return render
  }
}

/** A block's segment spans joined as the reference joins them: `blockChildren` of edition-page.ts as HTML (`joinSegments` without a list per segment). */
export function blockHtml(segments: EditionSegment[], options: SegmentOptions, html: SegmentHtml, stale?: ReadonlyMap<string, number>): string {
  const render = html(options)
  let out = ''
  let previous: string | undefined
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!
    const value = render(segment, needsMarker(segments, i))
    if (value === null) continue
    const shown = options.aligned ? alignedDisplay(segment) : segment.display
    const language = shown === 'text' ? segment.language : options.language
    if (previous !== undefined && joinedBySpace(previous, language)) out += ' '
    out += value
    // A stale segment's note reference, as blockChildren puts it after the segment (rare: made from the mdast).
    const number = stale?.get(segment.id)
    if (number !== undefined) out += phrasingHtml(staleRef(number))
    previous = language
  }
  return out
}
