import type {RenderedFile, RenderInput} from '../align.js'
import {renderAlignedHtml} from './aligned-page.js'
import type {PageContext} from './chrome.js'
import {renderHtmlEdition} from './edition-page.js'
import {fastHtml} from './fast.js'
import {startWebFonts, withWebFonts, type HtmlPage} from './web-fonts.js'
import type {Plan} from './web-font-plan.js'
import type {FamilyText} from './text-collector.js'
import {pageString, type PageText} from '../placeholders.js'
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
  return htmlPages(input).map(({path, content, part}) => ({path, content: part !== undefined && typeof content === 'string' ? pageString({shell: content, part}) : content}))
}

/** The pages, each the templates made with its share of the web-font plan. */
function htmlPages(input: RenderInput): HtmlPage[] {
  const {document, editions, options, t} = input
  const context: PageContext = {ui: options.sourceLanguage, sourceLanguage: options.sourceLanguage, t, documentId: document.id, editions}
  const only = input.only ?? (() => true)
  const pages = fastHtml(input, context)
  const page = (path: string, fast: PageText | undefined, share: HtmlPage['share'], builders: () => string): HtmlPage =>
    fast === undefined ? {path, content: builders()} : typeof fast === 'string' ? {path, content: fast, share} : {path, content: fast.shell, part: fast.part, share}
  return [
    ...editions.flatMap((edition) => {
      const path = `${edition.language}/${document.id}.html`
      const share = (plan: Plan): FamilyText => plan.pages.editions.get(edition.language)!
      return only(path) ? [page(path, pages.edition(edition), share, () => renderHtmlEdition(document, edition, context, options.editions.missing))] : []
    }),
    ...(only(`aligned/${document.id}.html`)
      ? [
          page(
            `aligned/${document.id}.html`,
            pages.aligned(),
            (plan) => plan.pages.aligned,
            () => renderAlignedHtml(document, context)
          )
        ]
      : [])
  ]
}

/** The HTML files, each page with the web fonts of its text (web-fonts.ts); subsets come from and go to `subsets`. */
export async function renderHtmlFiles(input: RenderInput & {subsets?: SubsetStore}): Promise<RenderedFile[]> {
  startWebFonts(input, input.subsets)
  return withWebFonts(htmlPages(input), input, input.subsets)
}
