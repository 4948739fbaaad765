import type {Element, ElementContent, Properties} from 'hast'

export type Child = ElementContent | string | null | undefined | false

/** A hast element; strings become text, falsy children are skipped (hastscript in a dozen lines). */
export function h(tagName: string, properties: Properties = {}, children: Child[] = []): Element {
  const content: ElementContent[] = []
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue
    content.push(typeof child === 'string' ? {type: 'text', value: child} : child)
  }
  return {type: 'element', tagName, properties, children: content}
}

/** `lang` only where it differs from the page's, as the HTML spec intends. */
export function langIf(language: string, page: string): Properties {
  return language === page ? {} : {lang: language}
}

/** A block element whose children each start a line, so generated pages stay readable in a diff. */
export function hb(tagName: string, properties: Properties = {}, children: Child[] = []): Element {
  const element = h(tagName, properties, children)
  element.children = element.children.flatMap((child) => [{type: 'text', value: '\n'} as const, child])
  if (element.children.length > 0) element.children.push({type: 'text', value: '\n'})
  return element
}
