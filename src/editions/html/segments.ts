import type {Element, ElementContent, Properties, Root as HastRoot} from 'hast'
import type {PhrasingContent, Root, RootContent} from 'mdast'
import {unified} from 'unified'
import remarkRehype from 'remark-rehype'
import rehypeSanitize, {defaultSchema} from 'rehype-sanitize'
import {alignedDisplay, type EditionSegment} from '../align.js'
import {parseSegmentText} from '../segment-text.js'
import type {Translate} from '../../core/ui-strings.js'
import {bracketed, markerGap} from '../../core/languages.js'
import type {FlowWrapper, PhrasingWrapper} from '../../markdown/custom-nodes.js'

// Raw HTML in the source is dropped here (no allowDangerousHtml); in translations it was already turned into text.
const toHast = unified().use(remarkRehype)
const sanitizer = unified().use(rehypeSanitize, defaultSchema)

const UNTRUSTED = 'dataConcordUntrusted'

/**
 * An mdast node that becomes a given hast element (mdast-util-to-hast honours
 * `data.hName`/`hProperties` on unknown nodes). Renderers use it for the
 * segment spans and the aligned grid, so one remark-rehype run does the page.
 */
export function wrapper(type: PhrasingWrapper['type'], tagName: string, properties: Properties, children: PhrasingContent[]): PhrasingWrapper {
  return {type, data: {hName: tagName, hProperties: properties}, children}
}

/** `wrapper` around blocks: the aligned grid's rows and cells. */
export function flowWrapper(type: FlowWrapper['type'], tagName: string, properties: Properties, children: RootContent[]): FlowWrapper {
  return {type, data: {hName: tagName, hProperties: properties}, children}
}

export interface SegmentOptions {
  /** Language of the surrounding text (the page, or the aligned column). */
  language: string
  t: Translate
  /** Put the segment ID in `id` (deep-link target) and not only in `data-seg`. */
  withId: boolean
  /** Aligned view: a missing segment shows the placeholder (the English is in its own column). */
  aligned?: boolean
  /** Focusable by script and pointer, not by Tab: the aligned page gives each row one tab stop (see aligned-page.ts). */
  focusable?: boolean
  /** False inside a run of missing segments that already has a marker. */
  marked?: boolean
}

const mark = (kind: 'missing' | 'stale' | 'draft', label: string, end = false): PhrasingContent =>
  wrapper('concordMark', 'span', {className: ['mark', `mark-${kind}`, ...(end ? ['mark-end'] : [])]}, [{type: 'text', value: label}])

/** The mdast of one segment: a span with its ID, a marker in words for missing and stale, and its (untrusted) text. */
export function segmentNode(segment: EditionSegment, options: SegmentOptions): PhrasingContent | null {
  const display = options.aligned ? alignedDisplay(segment) : segment.display
  if (display === 'omit' && !options.aligned) return null
  const {language, t} = options
  const properties = {
    ...(options.withId ? {id: segment.id} : {}),
    dataSeg: segment.id,
    className: ['seg', `seg-${segment.mark}`],
    ...(options.focusable ? {tabIndex: -1} : {})
  }
  const body = (): PhrasingContent => wrapper('concordText', 'span', {[UNTRUSTED]: '', ...(segment.language === language ? {} : {lang: segment.language})}, parseSegmentText(segment.text))
  const gap = markerGap(language)
  const space: PhrasingContent[] = gap ? [{type: 'text', value: gap}] : []
  let children: PhrasingContent[]
  if (display === 'omit') children = []
  else if (display === 'placeholder') children = [mark('missing', t(language, 'missingPlaceholder'))]
  else if (segment.mark === 'missing') children = options.marked === false ? [body()] : [mark('missing', bracketed(language, t(language, 'missingMarker'))), ...space, body()]
  // A stale translation is marked where it starts and where it ends.
  else if (segment.mark === 'stale')
    children = [mark('stale', bracketed(language, t(language, 'staleMarker'))), ...space, body(), ...space, mark('stale', bracketed(language, t(language, 'staleEnd')), true)]
  else if (segment.mark === 'draft') children = [mark('draft', bracketed(language, t(language, 'draftMarker'))), ...space, body()]
  else children = [body()]
  return wrapper('concordSegment', 'span', properties, children)
}

/**
 * mdast → hast, then every segment's text through rehype-sanitize on its own:
 * translations are untrusted, while the structure around them (IDs, classes,
 * markers) is ours and must survive. `javascript:` links, event handlers and
 * remote-looking attributes are removed by the sanitiser's default schema.
 */
export function toSafeHast(tree: Root): HastRoot {
  const root = toHast.runSync(tree) as HastRoot
  defuse(root)
  return root
}

function defuse(parent: HastRoot | Element): void {
  if (parent.type === 'root') parent.children = parent.children.flatMap((child): HastRoot['children'] => (child.type === 'doctype' ? [child] : defused(child)))
  else parent.children = parent.children.flatMap(defused)
}

/** What stands for `child` once defused: an untrusted span's sanitised content (in a span only to keep its `lang`), anything else as it is. */
function defused(child: ElementContent): ElementContent[] {
  if (child.type !== 'element') return [child]
  if (child.properties[UNTRUSTED] === undefined) {
    defuse(child)
    return [child]
  }
  const clean = (sanitizer.runSync({type: 'root', children: child.children}) as HastRoot).children as ElementContent[]
  const lang = child.properties.lang
  return lang === undefined ? clean : [{...child, properties: {lang}, children: clean}]
}

/** A segment's text as it ends up in a page, sanitised: what a segment template gets in its span (see editions/html/fast-pieces.ts). */
export function segmentTextHast(text: string): ElementContent[] {
  const tree: Root = {type: 'root', children: [{type: 'paragraph', children: [wrapper('concordText', 'span', {[UNTRUSTED]: ''}, parseSegmentText(text))]}]}
  const paragraph = toSafeHast(tree).children.find((node) => node.type === 'element')
  return paragraph?.type === 'element' ? paragraph.children : []
}
