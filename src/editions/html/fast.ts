import type {Edition, RenderInput} from '../align.js'
import type {PageContext} from './chrome.js'
import {fastAlignedHtml} from './fast-aligned.js'
import {fastHtmlEdition, htmlArticleSkeleton} from './fast-edition.js'
import {segmentHtml, type SegmentHtml} from './fast-pieces.js'
import {treeHasReserved, type PageText} from '../placeholders.js'
import {prepareEditions} from '../segment-nodes.js'

/**
 * The fast HTML renderer of one document: each page as the reference
 * renders it (`pageString` of what it gives), or `undefined` for the
 * reference to render.
 */
export interface FastHtml {
  edition: (edition: Edition) => PageText | undefined
  aligned: () => PageText | undefined
}

/**
 * HTML pages without a tree per edition: the article is converted and
 * serialised once per document with a slot for each text block, and each
 * edition puts in its blocks' segment spans, each text's HTML rendered once
 * (fast-pieces.ts); the page around it is the page builders'.
 */
export function fastHtml(input: RenderInput, context: PageContext): FastHtml {
  const {document, options} = input
  const shared = sharedFor(input)
  return {
    edition: (edition) => {
      // The tree is read (parsed) only when a page is rendered: `only` may leave nothing to render.
      shared.skeleton ??= treeHasReserved(document.tree) ? '' : htmlArticleSkeleton(document.tree, edition.blocks)
      prepareEditions([edition])
      return fastHtmlEdition(document, edition, context, options.editions.missing, shared.skeleton, shared.html)
    },
    aligned: () => {
      if (treeHasReserved(document.tree)) return undefined
      prepareEditions(input.editions)
      return fastAlignedHtml(document, context, shared.html)
    }
  }
}

interface Shared {
  document: RenderInput['document']
  t: RenderInput['t']
  skeleton?: string
  html: SegmentHtml
}

// `concord build` renders one file per call with the same document, editions and UI strings:
// the skeleton and each text's HTML are worked out once for all of its pages.
const shared = new WeakMap<RenderInput['editions'], Shared>()

function sharedFor(input: RenderInput): Shared {
  let found = shared.get(input.editions)
  if (!found || found.document !== input.document || found.t !== input.t) shared.set(input.editions, (found = {document: input.document, t: input.t, html: segmentHtml()}))
  return found
}
