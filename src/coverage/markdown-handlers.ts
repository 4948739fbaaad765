import type {Paragraph} from 'mdast'
import type {Handle} from 'mdast-util-to-markdown'
import {simplePhrasing} from '../markdown/phrasing-to-markdown.js'
import {text} from '../markdown/quick-safe.js'

/**
 * remark-stringify handlers for the coverage report, through its public
 * `handlers` option: a book's report lists tens of thousands of gaps, each a
 * paragraph of a link, code and text, and the stock phrasing serialiser
 * weighs the markers of every paragraph and runs every unsafe pattern over
 * every text. These take the shortcuts the editions take (simple phrasing
 * written directly, text with nothing to escape passed as it is) and leave
 * anything else to the stock code, so the Markdown is the same.
 */
const paragraph: Handle = (node: Paragraph, _, state, info) => {
  // As the stock handler, which GFM's task-list handler defers to for items without a check box (the report has none).
  const exit = state.enter('paragraph')
  const subexit = state.enter('phrasing')
  const value = simplePhrasing(state, node.children, info.before, info.after) ?? state.containerPhrasing(node, info)
  subexit()
  exit()
  return value
}

export const reportHandlers = {paragraph, text}
