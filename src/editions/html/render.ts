import type {RenderedFile, RenderInput} from '../align.js'
import {renderAlignedHtml} from './aligned-page.js'
import type {PageContext} from './chrome.js'
import {renderHtmlEdition} from './edition-page.js'
import {fastHtml} from './fast.js'
import {startWebFonts, withWebFonts} from './web-fonts.js'
import type {SubsetStore} from '../../pdf/subset-cache.js'

/**
 * The HTML renderer: `<lng>/<doc>.html` for every edition and
 * `aligned/<doc>.html`. Each page comes from the document's templates and
 * each text's HTML rendered once (fast.ts), which give the bytes of the
 * page builders (edition-page.ts, aligned-page.ts); a page the templates
 * cannot vouch for is rendered by the builders themselves. Pages without
 * their web fonts (see renderHtmlFiles).
 */
export function renderHtmlPages(input: RenderInput): RenderedFile[] {
  const {document, editions, options, t} = input
  const context: PageContext = {ui: options.sourceLanguage, sourceLanguage: options.sourceLanguage, t, documentId: document.id, editions}
  const only = input.only ?? (() => true)
  const pages = fastHtml(input, context)
  return [
    ...editions.flatMap((edition) => {
      const path = `${edition.language}/${document.id}.html`
      return only(path) ? [{path, content: pages.edition(edition) ?? renderHtmlEdition(document, edition, context, options.editions.missing)}] : []
    }),
    ...(only(`aligned/${document.id}.html`) ? [{path: `aligned/${document.id}.html`, content: pages.aligned() ?? renderAlignedHtml(document, context)}] : [])
  ]
}

/** The HTML files, each page with the web fonts of its text (web-fonts.ts); subsets come from and go to `subsets`. */
export async function renderHtmlFiles(input: RenderInput & {subsets?: SubsetStore}): Promise<RenderedFile[]> {
  startWebFonts(input, input.subsets)
  return withWebFonts(renderHtmlPages(input), input, input.subsets)
}
