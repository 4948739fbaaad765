import type {Root} from 'mdast'
import {unified} from 'unified'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import {blockHandler, slotHandler} from './block.js'
import {segmentTableHandler} from './segment-table.js'
import {STRINGIFY_OPTIONS, text} from '../../markdown/quick-safe.js'

/**
 * The Markdown serialiser of editions: remark-stringify with handlers of
 * ours for `text` (the stock one after a prefilter), `concordBlock` (a
 * block's segments, see block.ts), `concordSlot` (a block of several
 * editions at once, see shared-pages.ts) and `concordSegmentTable` (the
 * aligned page's tables, see segment-table.ts).
 */
const stringifier = unified()
  .use(remarkStringify, {...STRINGIFY_OPTIONS, handlers: {text, concordBlock: blockHandler, concordSlot: slotHandler, concordSegmentTable: segmentTableHandler}})
  .use(remarkFrontmatter, ['yaml'])
  // Unpadded tables: padding long sentences to a common width makes unreadable lines.
  .use(remarkGfm, {tablePipeAlign: false})

/** An edition's tree (block nodes and all) as Markdown. */
export const markdownOf = (tree: Root): string => stringifier.stringify(tree)
