import type {Edition, RenderInput} from '../align.js'
import {fastAlignedMarkdown} from './fast-aligned.js'
import {fastMarkdownEdition} from './fast-edition.js'
import {markdownSkeleton, type MarkdownSkeleton} from './fast-skeleton.js'
import {treeHasReserved} from '../placeholders.js'
import {prepareEditions} from '../segment-nodes.js'

/** The fast Markdown renderer of one document: each file as the reference renders it, or `undefined` for the reference to render. */
export interface FastMarkdown {
  edition: (edition: Edition) => string | undefined
  aligned: () => string | undefined
}

/**
 * Markdown editions without a tree per edition: the document's page is
 * serialised once with a slot for each text block (markdown-skeleton.ts),
 * and each edition fills the slots with its blocks' inline Markdown
 * (markdown-block.ts).
 */
export function fastMarkdown(input: RenderInput): FastMarkdown {
  const {document, editions, t} = input
  const shared = sharedFor(input)
  return {
    edition: (edition) => {
      // The tree is read (parsed) only when a file is rendered: `only` may leave nothing to render.
      if (shared.skeleton === undefined) shared.skeleton = (!treeHasReserved(document.tree) && markdownSkeleton(document.tree, new Set(edition.blocks.map((block) => block.index)))) || null
      const skeleton = shared.skeleton
      if (!skeleton || skeleton.contexts.size !== edition.blocks.length) return undefined
      prepareEditions([edition])
      return fastMarkdownEdition(document, edition, t, skeleton)
    },
    aligned: () => {
      if (treeHasReserved(document.tree)) return undefined
      prepareEditions(editions)
      return fastAlignedMarkdown(document, editions, t)
    }
  }
}

interface Shared {
  document: RenderInput['document']
  /** `null`: computed, and not usable. */
  skeleton?: MarkdownSkeleton | null
}

// `concord build` renders one file per call with the same document and editions: the skeleton is worked out once.
const shared = new WeakMap<RenderInput['editions'], Shared>()

function sharedFor(input: RenderInput): Shared {
  let found = shared.get(input.editions)
  if (!found || found.document !== input.document) shared.set(input.editions, (found = {document: input.document}))
  return found
}
