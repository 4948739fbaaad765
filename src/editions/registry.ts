import type {Format} from '../core/options.js'
import type {SubsetStore} from '../pdf/subset-cache.js'
import type {Renderer} from './align.js'
import {renderHtmlFiles} from './html/render.js'
import {renderMarkdownFiles} from './markdown/render.js'
import type {Locate} from './pdf/glyph-check.js'

/**
 * The renderer of each edition format, in one place for every caller: the
 * build in the main thread and the PDF worker threads make their renderers
 * here, so a worker needs nothing of the command line.
 *
 * A renderer gets what the project gives it through `RenderContext`, plain
 * data and functions the caller makes, rather than the project itself: a
 * worker thread has no project, only what was sent to it.
 */
export interface RenderContext {
  /** Where a key is in a project file, so that a glyph error points at the translation (the caller reads files; renderers do not). */
  locate?: Locate
  /** The value of SOURCE_DATE_EPOCH (seconds since 1970, UTC) or the last commit's, which dates the PDFs; absent: a fixed epoch, never the document's own date. */
  sourceDateEpoch?: string
  /** Where font subsets (the PDFs' and the HTML pages' web fonts) are kept from one build to the next (see src/pdf/subset-cache.ts); absent: built every time. */
  subsets?: SubsetStore
}

export type RendererFactory = (context: RenderContext) => Renderer

/** The formats in the order `build` lists them. */
export const FORMATS: readonly Format[] = ['md', 'html', 'pdf']

export const renderers: Record<Format, RendererFactory> = {
  md: () => renderMarkdownFiles,
  html: (context) => (input) => renderHtmlFiles({...input, ...(context.subsets ? {subsets: context.subsets} : {})}),
  // pdfkit, fontkit and the fonts load only for a build that prints.
  pdf: (context) => {
    let render: Promise<typeof import('./pdf/render.js').renderPdfFiles> | undefined
    return async (input) => (await (render ??= import('./pdf/render.js').then((m) => m.renderPdfFiles)))({...input, ...context})
  }
}
