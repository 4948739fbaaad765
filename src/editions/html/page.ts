import {createHash} from 'node:crypto'
import type {ElementContent, Root} from 'hast'
import {unified} from 'unified'
import rehypeStringify from 'rehype-stringify'
import {h, hb} from './h.js'

const stringifier = unified().use(rehypeStringify)

export interface PageParts {
  language: string
  title: string
  description?: string
  /** Language of the description when it is not the page's (its English, not translated yet). */
  descriptionLanguage?: string
  keywords?: string
  css: string
  script?: string
  bodyClass: string
  body: ElementContent[]
}

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`

/**
 * Allow exactly our own inline style and script (by hash) and nothing from
 * anywhere else: even if a translation slipped markup past the sanitiser, it
 * could neither run a script nor make the page load anything.
 */
export function contentSecurityPolicy(css: string, script?: string): string {
  return ["default-src 'none'", `style-src ${sha256(css)}`, `script-src ${script === undefined ? "'none'" : sha256(script)}`, 'img-src data:', "base-uri 'none'", "form-action 'none'"].join(
    '; '
  )
}

// The policy as it stands in the page's `content` attribute (rehype-stringify writes `'` as a reference).
const QUOTE = '&#x27;'

/**
 * `page` with a style sheet of `@font-face` rules before its own: their
 * hash joins `style-src`, and `font-src` allows `data:` fonts (the faces are
 * in the rules, nothing is fetched).
 */
export function addFontFaces(page: string, fontCss: string): string {
  const head = page.indexOf('</head>')
  const policy = page.indexOf(`style-src ${QUOTE}sha256-`)
  const images = page.indexOf('img-src data:;')
  const sheet = page.indexOf('<style>')
  if (!(policy !== -1 && policy < images && images < sheet && sheet < head)) throw new Error('Unexpected page head, expected one made by renderPage')
  const hash = sha256(fontCss).replaceAll("'", QUOTE)
  const allowed = page.slice(policy + 'style-src '.length, sheet).replace('img-src data:;', 'img-src data:; font-src data:;')
  return `${page.slice(0, policy)}style-src ${hash} ${allowed}<style>${fontCss}</style>\n${page.slice(sheet)}`
}

/** A complete, self-contained HTML document. */
export function renderPage(parts: PageParts): string {
  const head = hb('head', {}, [
    h('meta', {charSet: 'utf-8'}),
    h('meta', {httpEquiv: ['Content-Security-Policy'], content: contentSecurityPolicy(parts.css, parts.script)}),
    h('meta', {name: 'viewport', content: 'width=device-width, initial-scale=1'}),
    h('title', {}, [parts.title]),
    parts.description ? h('meta', {name: 'description', content: parts.description, ...(parts.descriptionLanguage ? {lang: parts.descriptionLanguage} : {})}) : null,
    parts.keywords ? h('meta', {name: 'keywords', content: parts.keywords}) : null,
    // Open Graph: what a link preview shows, in the page's language.
    h('meta', {property: 'og:title', content: parts.title}),
    parts.description ? h('meta', {property: 'og:description', content: parts.description}) : null,
    h('meta', {property: 'og:locale', content: parts.language}),
    h('meta', {name: 'generator', content: 'Concord'}),
    // No favicon request either.
    h('link', {rel: ['icon'], href: 'data:,'}),
    h('style', {}, [parts.css])
  ])
  const body = hb('body', {className: [parts.bodyClass]}, [...parts.body, parts.script ? h('script', {}, [parts.script]) : null])
  const tree: Root = {type: 'root', children: [{type: 'doctype'}, h('html', {lang: parts.language}, [head, body])]}
  return stringifier.stringify(tree) + '\n'
}
