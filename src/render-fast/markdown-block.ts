import type {PhrasingContent} from 'mdast'
import {needsMarker, type EditionBlock, type EditionSegment} from '../align.js'
import {languageInfo} from '../languages.js'
import {isPlain} from '../parse.js'
import {joinSegments, segmentMarkdown} from '../render-markdown.js'
import type {Translate} from '../ui-strings.js'
import {firstCharacter, isLocal, lastCharacter} from './markdown-local.js'
import {phrasingAt, textAt, type PhrasingContext} from './markdown-state.js'
import {segmentNodes} from './segment-nodes.js'

/** A shown segment of a block, as the reference renderer joins them. */
interface Part {
  segment: EditionSegment
  marked: boolean
  /** Language of what is shown, which decides the joiner. */
  language: string
  /** Current plain text: one text node, serialised by `safe` alone. */
  plain: boolean
  nodes?: PhrasingContent[]
}

/** What is next to a part: the block's edge, a joiner space, or a neighbour glued on without one (Japanese), whose character next to it is `char`. */
type Side = {kind: 'edge'} | {kind: 'space'} | {kind: 'glue'; char: string}

export interface BlockJob {
  block: EditionBlock
  context: PhrasingContext
  /** The edition's language. */
  language: string
  t: Translate
  /** Serialised parts by what they depend on, shared by the editions of a document; `null`: not separable from its neighbours. */
  memo: Map<string, string | null>
}

const SPACE: PhrasingContent = {type: 'text', value: ' '}

function partsOf(job: BlockJob): Part[] {
  const {block, language} = job
  return block.segments
    .map((segment, i) => ({segment, marked: needsMarker(block.segments, i)}))
    .filter(({segment}) => segment.display !== 'omit')
    .map(({segment, marked}) => ({
      segment,
      marked,
      language: segment.display === 'text' ? segment.language : language,
      plain: segment.display === 'text' && segment.mark === 'current' && isPlain(segment.text)
    }))
}

const nodesOf = (part: Part, job: BlockJob): PhrasingContent[] =>
  (part.nodes ??= segmentMarkdown(part.segment, job.language, job.t, {marked: part.marked, cell: job.block.kind === 'tableCell', parse: segmentNodes}))

/** The text at the start (or end) of a part, when a text node is there. */
function edgeText(part: Part, job: BlockJob, end: boolean): string | undefined {
  if (part.plain) return part.segment.text
  const nodes = nodesOf(part, job)
  const node = nodes[end ? nodes.length - 1 : 0]
  return node?.type === 'text' ? node.value : undefined
}

const spaced = (a: Part, b: Part): boolean => languageInfo(a.language).joiner !== '' || languageInfo(b.language).joiner !== ''

/**
 * The inline Markdown of a block of an edition, as the reference serialises
 * it at `context`: each part (segment) alone, at most once per document, and
 * joined. A part's Markdown depends on its neighbours only through the
 * character next to it, unless attention at its edge encodes the joiner;
 * where a part cannot be shown to stand alone, the block is serialised whole.
 */
export function blockMarkdown(job: BlockJob): string {
  const parts = partsOf(job)
  const whole = (): string =>
    phrasingAt(job.context, joinSegments(parts.map((part) => ({nodes: nodesOf(part, job), language: part.language})), () => ({...SPACE})))
  if (parts.length === 1) return partMarkdown(parts[0]!, job, {kind: 'edge'}, {kind: 'edge'}) ?? whole()
  const out: string[] = []
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!
    const before = parts[i - 1]
    const after = parts[i + 1]
    let left: Side = {kind: 'edge'}
    let right: Side = {kind: 'edge'}
    if (before) {
      if (spaced(before, part)) left = {kind: 'space'}
      else {
        // The character the serialiser saw before this part: the last of the text ending the part before.
        const text = edgeText(before, job, true)
        if (text === undefined || edgeText(part, job, false) === undefined || /[\s\u0000-\u001f\u007f]$/.test(text)) return whole()
        left = {kind: 'glue', char: lastCharacter(text)}
      }
    }
    if (after) {
      if (spaced(part, after)) right = {kind: 'space'}
      else {
        // The character the serialiser peeks at after this part: the first of the next part's text, serialised alone.
        const text = edgeText(after, job, false)
        if (text === undefined || edgeText(part, job, true) === undefined) return whole()
        right = {kind: 'glue', char: firstCharacter(textAt(job.context, text, '', ''))}
      }
    }
    const value = partMarkdown(part, job, left, right)
    if (value === undefined) return whole()
    out.push(i > 0 && left.kind === 'space' ? ` ${value}` : value)
  }
  return out.join('')
}

const sideKey = (side: Side, edge: string): string => (side.kind === 'edge' ? `e${edge}` : side.kind === 'space' ? 's' : `g${side.char}`)

/** One part's Markdown between `left` and `right`, or `undefined` when it depends on more than the characters next to it. */
function partMarkdown(part: Part, job: BlockJob, left: Side, right: Side): string | undefined {
  const {context, memo} = job
  const before = left.kind === 'edge' ? context.before : left.kind === 'space' ? ' ' : left.char
  const after = right.kind === 'edge' ? context.after : right.kind === 'space' ? ' ' : right.char
  // Text is serialised by `safe`, which sees only the characters around it.
  if (part.plain) return textAt(context, part.segment.text, before, after)
  const {segment} = part
  const key = [
    context.stack.join(','), sideKey(left, context.before), sideKey(right, context.after), job.language, segment.mark, segment.display,
    part.marked, segment.language, job.block.kind, segment.mark === 'stale' ? segment.id : '', segment.text
  ].join('\u0000')
  const known = memo.get(key)
  if (known !== undefined) return known ?? undefined
  const value = separate(part, job, left, right)
  memo.set(key, value ?? null)
  return value
}

/**
 * Serialise a part with a joiner space on each side that has one: attention
 * next to a joiner may encode it (`&#x20;`), and then the part does not
 * stand alone. So may attention that touches or nests other attention (the
 * serialiser then picks markers over the whole block).
 */
function separate(part: Part, job: BlockJob, left: Side, right: Side): string | undefined {
  const nodes = nodesOf(part, job)
  if ((left.kind !== 'edge' || right.kind !== 'edge') && !isLocal(nodes)) return undefined
  const children = [...(left.kind === 'space' ? [{...SPACE}] : []), ...nodes, ...(right.kind === 'space' ? [{...SPACE}] : [])]
  const before = left.kind === 'edge' ? job.context.before : left.kind === 'glue' ? left.char : 'x'
  const after = right.kind === 'edge' ? job.context.after : right.kind === 'glue' ? right.char : 'x'
  let value = phrasingAt(job.context, children, before, after)
  if (left.kind === 'space') {
    if (!value.startsWith(' ')) return undefined
    value = value.slice(1)
  }
  if (right.kind === 'space') {
    if (!value.endsWith(' ')) return undefined
    value = value.slice(0, -1)
  }
  return value
}
