import type {PhrasingContent} from 'mdast'

/** Text as hast-util-to-html escapes it in an element: `&` and `<` only, as hexadecimal references. */
export const escapeText = (value: string): string => value.replace(/[&<]/g, (c) => (c === '&' ? '&#x26;' : '&#x3C;'))

const TAGS: Record<string, string> = {emphasis: 'em', strong: 'strong', delete: 'del'}

// A URL that normalizeUri leaves alone, the sanitiser keeps and an attribute needs no reference in.
const PLAIN_URL = /^https?:\/\/[A-Za-z0-9.-]+(?:\/[A-Za-z0-9._~/-]*)?$/

/**
 * The HTML of a segment's (published) nodes as remark-rehype, rehype-sanitize
 * and rehype-stringify write it, for text, emphasis, strong, code and links
 * to plain http(s) URLs; `undefined` for anything else, which the caller
 * renders with those.
 */
export function simpleHtml(nodes: PhrasingContent[]): string | undefined {
  let out = ''
  for (const node of nodes) {
    if (node.type === 'text') {
      // remark-rehype trims spaces around line endings.
      if (/[\r\n]/.test(node.value)) return undefined
      out += escapeText(node.value)
    } else if (node.type === 'inlineCode') {
      out += `<code>${escapeText(node.value.replace(/\r?\n|\r/g, ' '))}</code>`
    } else if (node.type === 'link') {
      const inner = node.title === null || node.title === undefined ? simpleHtml(node.children) : undefined
      if (inner === undefined || !PLAIN_URL.test(node.url)) return undefined
      out += `<a href="${node.url}">${inner}</a>`
    } else if (Object.hasOwn(TAGS, node.type) && 'children' in node) {
      const inner = simpleHtml(node.children as PhrasingContent[])
      if (inner === undefined) return undefined
      out += `<${TAGS[node.type]}>${inner}</${TAGS[node.type]}>`
    } else {
      return undefined
    }
  }
  return out
}
