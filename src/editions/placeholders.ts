import type {Nodes} from 'mdast'

/**
 * Placeholders in a skeleton: characters from the private use area, which
 * neither mdast-util-to-markdown nor hast-util-to-html escapes, so a
 * placeholder comes out of either serialiser as it went in.
 */
export const SLOT_OPEN = '\uE000'
export const SLOT_CLOSE = '\uE001'
/** Front matter, the notes after the body, a whole article or grid: one each per page. */
export const FRONT_MATTER = '\uE002'
export const NOTES = '\uE003'
export const PAGE_PART = '\uE004'
/** The title taken out of an article or grid to go first on its page. */
export const TITLE_PART = '\uE005'

/** Everything the placeholders use: a skeleton built from text holding one of these is not used (content put in is never read again). */
const RESERVED = /[\uE000-\uE01F]/

export const slot = (n: number): string => `${SLOT_OPEN}${n}${SLOT_CLOSE}`

export const hasReserved = (value: string): boolean => RESERVED.test(value)

/** Whether a segment ID can be put into a page as it is: nothing in it to escape in an attribute, code span or placeholder. */
export const isPlainId = (id: string): boolean => /^[\w-]+$/.test(id)

const checked = new WeakMap<Nodes, boolean>()

/** Whether any string in the tree (text, code, URLs, titles) holds a reserved character. */
export function treeHasReserved(tree: Nodes): boolean {
  let known = checked.get(tree)
  if (known === undefined) checked.set(tree, (known = holdsReserved(tree)))
  return known
}

function holdsReserved(node: Nodes): boolean {
  for (const key in node) {
    if (key === 'position' || key === 'type') continue
    const value: unknown = node[key as keyof Nodes]
    if (typeof value === 'string' && RESERVED.test(value)) return true
    if (key === 'data' && value && RESERVED.test(JSON.stringify(value))) return true
  }
  return 'children' in node && node.children.some((child) => holdsReserved(child as Nodes))
}

/**
 * Put `content(n)` in place of each slot `n` of the skeleton, in one pass
 * (content is never taken for a placeholder); `undefined` when a slot has
 * no content.
 */
export function fillSlots(skeleton: string, content: (n: number) => string | undefined): string | undefined {
  let complete = true
  const text = skeleton.replace(/\uE000(\d+)\uE001/g, (_, n: string) => content(Number(n)) ?? ((complete = false), ''))
  return complete ? text : undefined
}

/**
 * A page as a shell holding PAGE_PART once and the part that goes there (a
 * whole article or grid), put together once the page's head is final
 * (web-fonts.ts adds the fonts to it): joined earlier, a page of megabytes
 * would be copied once more for an edit of its head.
 */
export interface ShellPage {
  shell: string
  part: string
}

/** A page, or its shell and part. */
export type PageText = string | ShellPage

/** `shell` and `part` as a page, or `undefined` when `shell` does not hold PAGE_PART exactly once. */
export function shellPage(shell: string, part: string): ShellPage | undefined {
  const at = shell.indexOf(PAGE_PART)
  return at === -1 || shell.indexOf(PAGE_PART, at + 1) !== -1 ? undefined : {shell, part}
}

/** The page's text in parts: before its part, the part, after it. */
export function pageParts(page: PageText): string[] {
  if (typeof page === 'string') return [page]
  const at = page.shell.indexOf(PAGE_PART)
  return [page.shell.slice(0, at), page.part, page.shell.slice(at + PAGE_PART.length)]
}

/** The page itself. */
export const pageString = (page: PageText): string => pageParts(page).join('')

/** Put `content` in place of the one `placeholder` in `page`, or `undefined` when there is not exactly one. */
export function fillOnce(page: string, placeholder: string, content: string): string | undefined {
  const at = page.indexOf(placeholder)
  if (at === -1 || page.indexOf(placeholder, at + 1) !== -1) return undefined
  return page.slice(0, at) + content + page.slice(at + placeholder.length)
}
