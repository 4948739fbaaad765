import type {Nodes, Paragraph, PhrasingContent, Root} from 'mdast'
import {unified} from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import remarkFrontmatter from 'remark-frontmatter'
import {VFile} from 'vfile'
import {parse as parseYaml, YAMLParseError} from 'yaml'
import type {DocumentMeta} from '../core/types.js'
import {parseInPieces} from './pieces.js'
import {fastBlock} from './fast-blocks.js'
import {toLf} from './characters.js'
import {failRule} from '../core/rules.js'

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml'])
// For text after the start of a file, where `---` is a thematic break or a setext underline, never front matter.
const bodyProcessor = unified().use(remarkParse).use(remarkGfm)

/** Characters per piece when a long file is parsed piece by piece (see markdown/pieces.ts). */
const PIECE = 16_384

export interface ParsedDocument {
  tree: Root
  meta: DocumentMeta
}

/** Parse Markdown text (GFM, YAML front matter) into mdast, block by block where markdown/fast-blocks.ts can, piece by piece when long; no metadata, no messages. */
export function parseTree(text: string): Root {
  return parseInPieces(text, (piece, atStart) => (atStart ? processor : bodyProcessor).parse(piece) as Root, PIECE, fastBlock)
}

/**
 * Parse Markdown (GFM, YAML front matter) into mdast and metadata.
 * Problems are reported on `file`; a fatal one throws the `VFileMessage`.
 * Line endings are read as LF (positions keep their lines and columns).
 */
export function parseMarkdown(file: VFile): ParsedDocument {
  const tree = parseTree(toLf(String(file)))
  return {tree, meta: readMeta(tree, file)}
}

/** The front matter of a parsed file (its first node, when YAML); problems are fatal messages on `file`. */
export function readMeta(tree: Root, file: VFile): DocumentMeta {
  let meta: DocumentMeta = {}
  const first = tree.children[0]
  if (first?.type === 'yaml') {
    try {
      const value: unknown = parseYaml(first.value)
      if (value !== null && value !== undefined) {
        if (typeof value !== 'object' || Array.isArray(value)) {
          failRule(file, 'front-matter', 'Unexpected front matter that is not a mapping, expected `key: value` lines', first.position)
        }
        meta = Object.assign(Object.create(null), value) as DocumentMeta
      }
    } catch (error) {
      // Besides syntax errors: an alias bomb (`ReferenceError: Excessive alias count`), too deep a structure.
      if (!(error instanceof YAMLParseError) && !(error instanceof ReferenceError) && !(error instanceof RangeError)) throw error
      if (!(error instanceof YAMLParseError)) {
        file.fail(`Unexpected front matter YAML: ${error.message.split('\n')[0]}; write plain \`key: value\` lines without anchors and aliases`, {
          place: first.position?.start ?? {line: 1, column: 1},
          ruleId: 'front-matter',
          source: 'concord'
        })
      }
      const [line, col] = error.linePos?.[0] ? [error.linePos[0].line, error.linePos[0].col] : [1, 1]
      failRule(file, 'front-matter', `Unexpected front matter YAML: ${error.message.split('\n')[0]}; fix the YAML between the \`---\` lines`, {
        line: line + (first.position?.start.line ?? 1),
        column: col
      })
    }
  }
  if (first?.type === 'yaml') checkTextFields(meta, first.value, first.position?.start.line ?? 1, file)
  return meta
}

/** Front matter fields the editions print as text. */
const TEXT_FIELDS = ['title', 'shortTitle', 'author', 'description', 'source', 'sourceNote', 'notes', 'language'] as const

/** A text field holding a list, a mapping or a number would reach the renderers as something else than text (`title.replace is not a function`). */
function checkTextFields(meta: DocumentMeta, yaml: string, startLine: number, file: VFile): void {
  for (const key of TEXT_FIELDS) {
    const value = meta[key]
    if (value === undefined || value === null || typeof value === 'string') continue
    const line = yaml.split('\n').findIndex((l) => l.startsWith(`${key}:`))
    const kind = Array.isArray(value) ? 'list' : typeof value === 'object' ? 'mapping' : typeof value
    file.fail(`Unexpected ${kind} for \`${key}\` in the front matter, expected text; write \`${key}: "…"\``, {
      place: {line: startLine + 1 + Math.max(0, line), column: 1},
      ruleId: 'front-matter',
      source: 'concord'
    })
  }
}

/**
 * Text in which no Markdown construct can start: it begins with a letter
 * (no block marker), ends without white space (nothing to trim), is one line
 * and holds none of the characters that open inline constructs, entities or
 * GFM autolinks (`:` `@` `www.`). It parses to exactly one text node, which
 * is built directly: a parse costs about half a millisecond even for a few
 * words, and a book has hundreds of thousands of segments.
 */
const PLAIN_START = /^\p{L}/u
// Searched for rather than matched as `^\p{L}[^…]*$`: that form backtracks one step per character, and V8 ran out of
// stack on a translation of 20 million characters (RangeError). No letter is in the class, so the two agree.
const NOT_PLAIN = /[\\`*_~[\]<>&:@\u0000-\u001f\u007f\p{Cs}]/u

export const isPlain = (text: string): boolean => PLAIN_START.test(text) && !NOT_PLAIN.test(text) && !/\s$/u.test(text) && !/www\./i.test(text)

/** Parse inline Markdown (a segment's text) into phrasing nodes. */
export function parseInline(text: string): PhrasingContent[] {
  if (isPlain(text)) {
    const end = {line: 1, column: text.length + 1, offset: text.length}
    return [{type: 'text', value: text, position: {start: {line: 1, column: 1, offset: 0}, end}}]
  }
  const tree = processor.parse(text) as Root
  const first = tree.children[0]
  if (tree.children.length === 1 && first?.type === 'paragraph') return first.children
  // A translation that parses as several blocks (e.g. starts with `# `) is kept as text.
  return [{type: 'text', value: text}]
}

// One line starting with a letter: a paragraph wherever it stands, and a paragraph ends at a blank line, so nothing in it
// reaches the next (link reference definitions, the one thing that does, start with `[`).
const CONTROL = /[\u0000-\u001f\u007f]/
// Two searches, not one `^\p{L}[^…]*$` match, which backtracks per character (see NOT_PLAIN).
const isParagraphLine = (text: string): boolean => PLAIN_START.test(text) && !CONTROL.test(text)

/**
 * parseInline of many texts in one parse, each as its own paragraph
 * (micromark costs about half a millisecond to set up per parse, a long
 * Japanese book has thousands of segments whose markup only it can read).
 * The nodes are parseInline's but for `position`, which is left out.
 */
export function parseInlineBatch(texts: string[]): PhrasingContent[][] {
  const batched = texts.filter((text) => isParagraphLine(text) && !/\s$/u.test(text))
  const children = batched.length > 1 ? (processor.parse(batched.join('\n\n')) as Root).children : []
  const byText = new Map<string, PhrasingContent[]>()
  if (children.length === batched.length && children.every((node) => node.type === 'paragraph')) {
    batched.forEach((text, i) => byText.set(text, withoutPositions((children[i] as Paragraph).children)))
  }
  return texts.map((text) => byText.get(text) ?? parseInline(text))
}

function withoutPositions<T extends Nodes>(nodes: T[]): T[] {
  for (const node of nodes) {
    delete node.position
    if ('children' in node) withoutPositions(node.children as Nodes[])
  }
  return nodes
}

export {VFile}
