import type {Edition, RenderInput} from '../align.js'
import {fastAlignedMarkdown} from './markdown-aligned.js'
import {fastMarkdownEdition} from './markdown-edition.js'
import {markdownSkeleton, type MarkdownSkeleton} from './markdown-skeleton.js'
import {treeHasReserved} from './placeholders.js'

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
  // The tree is read (parsed) only when a file is rendered: `only` may leave nothing to render.
  // `null`: computed, and not usable.
  let skeleton: MarkdownSkeleton | null | undefined
  return {
    edition: (edition) => {
      if (skeleton === undefined) skeleton = (!treeHasReserved(document.tree) && markdownSkeleton(document.tree, new Set(edition.blocks.map((block) => block.index)))) || null
      if (!skeleton || skeleton.contexts.size !== edition.blocks.length) return undefined
      return fastMarkdownEdition(document, edition, t, skeleton)
    },
    aligned: () => (treeHasReserved(document.tree) ? undefined : fastAlignedMarkdown(document, editions, t))
  }
}
