import type {PhrasingContent} from 'mdast'
import {alignedDisplay, joinSegments, needsMarker, type Edition, type EditionSegment} from '../align.js'
import {parseSegmentText} from '../segment-text.js'
import {legend, type PageContext, type TocEntry} from './chrome.js'
import {segmentNode, type SegmentOptions} from './segments.js'
import type {MissingMode} from '../../core/options.js'
import {flatText} from '../../segment/inline.js'

/* Parts shared by the language pages (edition-page.ts) and the aligned page (aligned-page.ts). */

const space = (): PhrasingContent => ({type: 'text', value: ' '})

/** Segment spans of a block joined by the sentence joiner; `null` when every segment is omitted. */
export function blockChildren(segments: EditionSegment[], options: SegmentOptions): PhrasingContent[] | null {
  const parts = segments.flatMap((segment, i) => {
    const node = segmentNode(segment, {...options, marked: needsMarker(segments, i)})
    const shown = options.aligned ? alignedDisplay(segment) : segment.display
    return node ? [{nodes: [node], language: shown === 'text' ? segment.language : options.language}] : []
  })
  return parts.length ? joinSegments(parts, space) : null
}

export function tocEntries(edition: Edition, ui: string, context: PageContext): TocEntry[] {
  return edition.blocks.flatMap((block) => {
    const segment = block.segments[0]
    if (block.kind !== 'heading' || !segment || segment.display === 'omit') return []
    const text = segment.display === 'placeholder' ? context.t(ui, 'missingPlaceholder') : flatText(parseSegmentText(segment.text))
    return [{id: segment.id, depth: block.depth, text, language: segment.display === 'text' ? segment.language : ui}]
  })
}

/** A legend for the markers these editions show, or nothing when every segment is current. */
export function legendFor(context: PageContext, editions: Edition[], missing: MissingMode | 'aligned'): ReturnType<typeof legend> | null {
  const show = {missing: missing !== 'omit' && editions.some((e) => e.counts.missing > 0), stale: editions.some((e) => e.counts.stale > 0)}
  return show.missing || show.stale ? legend(context, editions.map((e) => e.language), missing, show) : null
}

