import type {FootnoteDefinition, Heading, PhrasingContent, Root, RootContent, Table, TableCell} from 'mdast'
import type {Handle} from 'mdast-util-to-markdown'
import {unified} from 'unified'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import {stringify as stringifyYaml} from 'yaml'
import {alignedBlocks, alignedDisplay, needsMarker, type AlignedBlock, type Edition, type EditionSegment, type RenderedFile, type RenderInput} from '../align.js'
import {parseSegmentText, rebuildTree, trimEdges} from '../segment-text.js'
import {joinedBySpace, languageInfo} from '../../core/languages.js'
import {fastMarkdown, type FastMarkdown} from './fast.js'
import {fastRoot} from '../../markdown/fast-safe.js'
import type {SegmentedDocument} from '../../core/types.js'
import type {Translate} from '../../core/ui-strings.js'

/**
 * The Markdown serialiser of editions. `handlers` adds handlers for node
 * types of its own (the fast path's placeholders, see editions/markdown/fast.ts and editions/html/fast.ts), so both
 * paths serialise with the same settings; a `root` handler given must end in
 * `fastRoot`.
 */
export function markdownStringifier(handlers: Record<string, Handle> = {}) {
  return (
    unified()
      // fastRoot: the same output as the stock serialiser, several times faster on long documents (see segment/fast-safe.ts).
      .use(remarkStringify, {bullet: '-', emphasis: '*', strong: '*', fence: '`', handlers: {root: fastRoot, ...handlers}})
      .use(remarkFrontmatter, ['yaml'])
      // Unpadded tables: padding long sentences to a common width makes unreadable lines.
      .use(remarkGfm, {tablePipeAlign: false})
  )
}

const stringifier = markdownStringifier()

const text = (value: string): PhrasingContent => ({type: 'text', value})
const emphasis = (value: string): PhrasingContent => ({type: 'emphasis', children: [text(value)]})

const flat = (value: string): string => value.replace(/[\r\n]+/g, ' ')

const LINE_ENDING = /[\r\n]/
/**
 * Code with an odd run of backslashes before a pipe has no spelling in a GFM
 * cell: written as it is, micromark reads `\|` in it as `|`; with one more
 * backslash, `\\` is an escaped backslash and the pipe ends the cell.
 */
const LOST_IN_CELL = /(?<!\\)(?:\\\\)*\\\|/

/** Whether `oneLine` would give nodes equal to `nodes`: no break or line ending anywhere, no white space at the edges of any level. */
function onOneLine(nodes: PhrasingContent[]): boolean {
  const first = nodes[0]
  const last = nodes[nodes.length - 1]
  if ((first?.type === 'text' && /^\s/.test(first.value)) || (last?.type === 'text' && /\s$/.test(last.value))) return false
  for (const node of nodes) {
    if (node.type === 'break' || node.type === 'image') return false
    if (node.type === 'text' && (node.value === '' || LINE_ENDING.test(node.value))) return false
    if (node.type === 'inlineCode' && (LINE_ENDING.test(node.value) || LOST_IN_CELL.test(node.value))) return false
    if (node.type === 'link' && LINE_ENDING.test(node.title ?? '')) return false
    if ('children' in node && !onOneLine(node.children as PhrasingContent[])) return false
  }
  return true
}

/**
 * A GFM table cell holds one line: line endings and hard breaks become spaces
 * (as CommonMark already reads a line ending in a code span), else a code span
 * or link title with a newline would break the table. Code that a cell cannot
 * keep (`LOST_IN_CELL`) becomes text.
 */
export function oneLine(nodes: PhrasingContent[]): PhrasingContent[] {
  // Most segments are on one line already: an aligned page has tens of thousands of cells, not copied for nothing.
  return onOneLine(nodes) ? nodes : oneLineCopy(nodes)
}

/** `oneLine` by copying every node (exported for tests: the shortcut must give the same nodes). */
export function oneLineCopy(nodes: PhrasingContent[]): PhrasingContent[] {
  return trimEdges(
    nodes.map((node): PhrasingContent => {
      if (node.type === 'break') return text(' ')
      if (node.type === 'text') return {...node, value: flat(node.value)}
      // Such code loses its monospace rather than a character of the translation.
      if (node.type === 'inlineCode') return LOST_IN_CELL.test(node.value) ? text(flat(node.value)) : {...node, value: flat(node.value)}
      if (node.type === 'image') return {...node, alt: flat(node.alt ?? ''), title: node.title ? flat(node.title) : node.title}
      if (node.type === 'link') return {...node, title: node.title ? flat(node.title) : node.title, children: oneLineCopy(node.children)}
      if ('children' in node) return {...node, children: oneLineCopy(node.children as PhrasingContent[])} as PhrasingContent
      return node
    })
  )
}

/**
 * Markers are emphasised text in parentheses: readable in the raw file and on
 * GitHub, and unlike brackets they need no backslash escapes. (`parse`: the
 * fast path passes its own parser, which gives the same nodes.)
 */
export function markerNodes(segment: EditionSegment, language: string, t: Translate, how: {aligned?: boolean; marked?: boolean; cell?: boolean; parse?: typeof parseSegmentText} = {}): PhrasingContent[] {
  const {aligned = false, marked = true, cell = aligned, parse = parseSegmentText} = how
  const display = aligned ? alignedDisplay(segment) : segment.display
  if (display === 'omit') return []
  if (display === 'placeholder') return [emphasis(t(language, 'missingPlaceholder'))]
  const body = cell ? oneLine(parse(segment.text)) : parse(segment.text)
  if (segment.mark === 'missing') return marked ? [emphasis(`(${t(language, 'missingMarker')})`), text(' '), ...body] : body
  if (segment.mark === 'stale') return [emphasis(`(${t(language, 'staleMarker')})`), text(' '), ...body]
  return body
}

/** Join segments with the language's sentence joiner; a space wherever either side is in a spaced language (English shown in Japanese). */
export function joinSegments<T>(parts: Array<{nodes: T[]; language: string}>, space: () => T): T[] {
  const out: T[] = []
  parts.forEach((part, i) => {
    const before = parts[i - 1]
    if (before && joinedBySpace(before.language, part.language)) out.push(space())
    out.push(...part.nodes)
  })
  return out
}

/** Front matter of a translated edition: its own title and language, the rest as in the source. */
export function frontMatter(doc: SegmentedDocument, edition: Edition): string {
  const rest = Object.entries(doc.meta).filter(([key]) => !['title', 'shortTitle', 'language'].includes(key))
  return stringifyYaml({title: edition.title, language: edition.language, ...Object.fromEntries(rest)}, {lineWidth: 0}).trimEnd()
}

const staleLabel = (segment: EditionSegment): string => `stale-${segment.id}`

/** A segment of a language edition: its text and markers, and for a stale one a reference to its note. */
export function segmentMarkdown(segment: EditionSegment, language: string, t: Translate, how: {marked: boolean; cell: boolean; parse?: typeof parseSegmentText}): PhrasingContent[] {
  const nodes = markerNodes(segment, language, t, how)
  if (segment.mark === 'stale') nodes.push({type: 'footnoteReference', identifier: staleLabel(segment), label: staleLabel(segment)})
  return nodes
}

/** The current English of a stale segment goes in a footnote, so the reader can see what changed without losing the flow. */
export function staleNote(segment: EditionSegment, language: string, t: Translate): FootnoteDefinition {
  const label = staleLabel(segment)
  return {
    type: 'footnoteDefinition',
    identifier: label,
    label,
    children: [{type: 'paragraph', children: [text(`${t(language, 'staleNote')}${languageInfo(language).joiner}${t(language, 'originalEnglish')}: `), ...parseSegmentText(segment.source)]}]
  }
}

/** One language's edition as Markdown, with the source's structure and each segment replaced by its translation. */
export function renderMarkdownEdition(doc: SegmentedDocument, edition: Edition, t: Translate): string {
  const language = edition.language
  const byIndex = new Map(edition.blocks.map((block) => [block.index, block]))
  const notes: FootnoteDefinition[] = []
  const tree = rebuildTree(doc.tree, (index) => {
    const block = byIndex.get(index)
    if (!block) return undefined
    const parts = block.segments
      .map((segment, i) => ({segment, marked: needsMarker(block.segments, i)}))
      .filter(({segment}) => segment.display !== 'omit')
      .map(({segment, marked}) => {
        if (segment.mark === 'stale') notes.push(staleNote(segment, language, t))
        return {nodes: segmentMarkdown(segment, language, t, {marked, cell: block.kind === 'tableCell'}), language: segment.display === 'text' ? segment.language : language}
      })
    return parts.length ? joinSegments(parts, () => text(' ')) : null
  })
  const first = tree.children[0]
  if (!edition.source && first?.type === 'yaml') first.value = frontMatter(doc, edition)
  tree.children.push(...notes)
  return stringifier.stringify(tree)
}

const cell = (children: PhrasingContent[]): TableCell => ({type: 'tableCell', children})

/** A row of the aligned edition: the segment ID as code, then each language's cell. */
export const segmentRow = (id: string, cells: PhrasingContent[][]): Table['children'][number] => ({type: 'tableRow', children: [cell([{type: 'inlineCode', value: id}]), ...cells.map(cell)]})

/** The Markdown of each heading and cell of the aligned edition (the fast path puts placeholders here). */
export interface AlignedContent {
  heading: (block: AlignedBlock) => PhrasingContent[]
  /** Segment `s` of `block` in edition `l`. */
  cell: (block: AlignedBlock, l: number, s: number) => PhrasingContent[]
}

const alignedSegments = (editions: Edition[], t: Translate): AlignedContent => ({
  heading: (block) => block.cells[0]!.flatMap((s) => parseSegmentText(s.text)),
  cell: (block, l, s) => markerNodes(block.cells[l]![s]!, editions[l]!.language, t, {aligned: true})
})

/**
 * All editions aligned segment by segment: one GFM table per section (rows =
 * segments; columns = segment ID, then each language), which remark parses
 * back into the same rows.
 */
export function alignedMarkdownTree(doc: SegmentedDocument, editions: Edition[], t: Translate, content: AlignedContent = alignedSegments(editions, t)): Root {
  const ui = editions[0]?.language ?? 'en'
  const children: RootContent[] = []
  const yaml = doc.tree.children[0]
  if (yaml?.type === 'yaml') children.push(structuredClone(yaml))
  children.push({type: 'heading', depth: 1, children: [text(editions[0]?.title ?? doc.id)]})
  children.push({type: 'paragraph', children: [emphasis(t(ui, 'alignedEdition')), text(`: ${editions.map((e) => languageInfo(e.language).name).join(' · ')}`)]})

  const header = (): Table['children'][number] => ({type: 'tableRow', children: [cell([text(t(ui, 'segment'))]), ...editions.map((e) => cell([text(languageInfo(e.language).name)]))]})
  let table: Table | undefined
  for (const block of alignedBlocks(editions)) {
    if (block.kind === 'heading' || !table) {
      if (block.kind === 'heading') children.push({type: 'heading', depth: Math.min(6, block.depth + 1) as Heading['depth'], children: content.heading(block)})
      table = {type: 'table', align: [], children: [header()]}
      children.push(table)
    }
    block.cells[0]!.forEach((segment, s) => {
      table!.children.push(segmentRow(segment.id, editions.map((_, l) => content.cell(block, l, s))))
    })
  }

  children.push({type: 'heading', depth: 2, children: [text(t(ui, 'legend'))]})
  children.push({
    type: 'table',
    align: [],
    children: [
      {type: 'tableRow', children: [cell([text(t(ui, 'language'))]), cell([text(t(ui, 'missing'))]), cell([text(t(ui, 'stale'))])]},
      ...editions.filter((e) => !e.source).map((e): Table['children'][number] => ({
        type: 'tableRow',
        children: [cell([text(languageInfo(e.language).name)]), cell([emphasis(t(e.language, 'missingPlaceholder'))]), cell([emphasis(`(${t(e.language, 'staleMarker')})`), text(` ${t(e.language, 'staleNote')}`)])]
      }))
    ]
  })
  return {type: 'root', children}
}

export function renderAlignedMarkdown(doc: SegmentedDocument, editions: Edition[], t: Translate): string {
  return stringifier.stringify(alignedMarkdownTree(doc, editions, t))
}

function markdownFiles(input: RenderInput, fast: FastMarkdown | undefined): RenderedFile[] {
  const {document, editions, t, only = () => true} = input
  return [
    ...editions.flatMap((edition) => {
      const path = `${edition.language}/${document.id}.md`
      return only(path) ? [{path, content: fast?.edition(edition) ?? renderMarkdownEdition(document, edition, t)}] : []
    }),
    ...(only(`aligned/${document.id}.md`) ? [{path: `aligned/${document.id}.md`, content: fast?.aligned() ?? renderAlignedMarkdown(document, editions, t)}] : [])
  ]
}

/** The Markdown renderer: `<lng>/<doc>.md` for every edition and `aligned/<doc>.md`. */
export function renderMarkdownFiles(input: RenderInput): RenderedFile[] {
  // The fast path gives the reference's bytes; CONCORD_RENDER=reference renders with the reference alone (to compare).
  return markdownFiles(input, process.env.CONCORD_RENDER === 'reference' ? undefined : fastMarkdown(input))
}

/** The reference renderer alone: what the fast path must match byte for byte. */
export function renderMarkdownFilesReference(input: RenderInput): RenderedFile[] {
  return markdownFiles(input, undefined)
}
