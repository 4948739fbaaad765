import type {PhrasingContent} from 'mdast'
import {isAttention} from './markdown-state.js'

/** The first character of a value, astral characters whole (as mdast-util-to-markdown reads its neighbours). */
export function firstCharacter(value: string): string {
  const code = value.codePointAt(0)
  return code === undefined ? '' : String.fromCodePoint(code)
}

/** The last character of a value, astral characters whole. */
export function lastCharacter(value: string): string {
  const code = value.codePointAt(value.length - 2)
  return code !== undefined && code > 0xffff ? value.slice(-2) : value.slice(-1)
}

const mayBeEmpty = (node: PhrasingContent | undefined): boolean => node?.type === 'text' && node.value === ''

/**
 * Whether the markers of the attention in `nodes` are settled within them:
 * the serialiser chooses the markers of attention (`*`, `_`, `~`) over a
 * whole block, and pairs them as a parser would. Attention that touches
 * other attention or holds some may get other markers than the preferred
 * ones, depending on what is around; attention that has text (or code,
 * links...) on both sides and none inside always gets the preferred markers,
 * whose pairing nothing outside can disturb.
 */
export function isLocal(nodes: PhrasingContent[]): boolean {
  return nodes.every((node, i) => {
    if (!isAttention(node)) return true
    const children = (node as {children: PhrasingContent[]}).children
    if (children.length === 0 || children.some(isAttention)) return false
    const before = nodes[i - 1]
    const after = nodes[i + 1]
    return !(before && (isAttention(before) || mayBeEmpty(before))) && !(after && (isAttention(after) || mayBeEmpty(after)))
  })
}
