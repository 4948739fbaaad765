import type {Nodes, Root} from 'mdast'
import {collectBlocks, type TextBlock} from '../segment/blocks.js'

/** The fields a skeleton gives a text block in place of its own (its children, perhaps `data`), or `null` to leave the block out. */
export type BlockStandIn = (index: number, block: TextBlock) => Partial<TextBlock['node']> | null | undefined

/**
 * A copy of the tree in which each text block for which `standIn` returns
 * something takes those fields (a placeholder for its children), as
 * `rebuildTree` would rebuild it. Only the nodes on the way to a block are
 * copied; everything else is shared with `tree`, which the serialisers only
 * read, so a skeleton of a long document costs little.
 */
export function skeletonTree(tree: Root, standIn: BlockStandIn): Root {
  const replaced = new Map<Nodes, Nodes | null>()
  collectBlocks(tree).forEach((block, index) => {
    const fields = standIn(index, block)
    if (fields !== undefined) replaced.set(block.node, fields && ({...block.node, ...fields} as Nodes))
  })
  const copy = <T extends Nodes>(node: T): T => {
    const done = replaced.get(node)
    if (done) return done as T
    if (!('children' in node)) return node
    const children: Nodes[] = node.children.filter((child) => replaced.get(child) !== null).map(copy)
    return {...node, children}
  }
  return copy(tree)
}
