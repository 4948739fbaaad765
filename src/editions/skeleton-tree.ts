import type {Nodes, Root} from 'mdast'
import {collectBlocks, type TextBlock} from '../segment/blocks.js'

/** The fields a skeleton gives a text block in place of its own (its children, perhaps `data`). */
export type BlockStandIn = (index: number, block: TextBlock) => Partial<TextBlock['node']> | undefined

/**
 * A copy of the tree in which each text block for which `standIn` returns
 * something takes those fields (a placeholder for its children), as
 * `rebuildTree` would rebuild it. Only the nodes on the way to a block are
 * copied; everything else is shared with `tree`, which the serialisers only
 * read, so a skeleton of a long document costs little.
 */
export function skeletonTree(tree: Root, standIn: BlockStandIn): Root {
  const replaced = new Map<Nodes, Nodes>()
  collectBlocks(tree).forEach((block, index) => {
    const fields = standIn(index, block)
    if (fields) replaced.set(block.node, {...block.node, ...fields} as Nodes)
  })
  const copy = (node: Nodes): Nodes => {
    const done = replaced.get(node)
    if (done) return done
    if (!('children' in node)) return node
    return {...node, children: node.children.map((child) => copy(child as Nodes))} as Nodes
  }
  return copy(tree) as Root
}
