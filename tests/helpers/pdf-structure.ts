/**
 * Reading a tagged PDF back: the structure tree of each page as pdf.js sees
 * it (`page.getStructTree`), with the text of every element's marked
 * content, and the text drawn outside any element (artifacts).
 */
import {execFileSync} from 'node:child_process'

export interface StructNode {
  role: string
  lang?: string
  /** Text of the element's own marked content and its descendants', in tree order, white space collapsed. */
  text: string
  children: StructNode[]
  /** Link annotations (OBJR) among its children. */
  annotations: number
}

export interface PageStructure {
  /** The page's part of the tree, from the root's child (`Document`) down. */
  roots: StructNode[]
  /** Text drawn in `Artifact` marked content. */
  artifacts: string[]
  /** Text drawn outside any marked content: must be empty in a tagged PDF. */
  untagged: string[]
}

interface RawNode {
  role?: string
  lang?: string
  type?: string
  id?: string
  children?: RawNode[]
}

/** The structure and marked text of every page. */
export async function pdfStructure(bytes: Uint8Array): Promise<PageStructure[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const doc = await pdfjs.getDocument({data: new Uint8Array(bytes), verbosity: 0}).promise
  const pages: PageStructure[] = []
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n)
    const content = await page.getTextContent({includeMarkedContent: true})
    const byId = new Map<string, string>()
    const artifacts: string[] = []
    const untagged: string[] = []
    const open: Array<{id?: string; tag?: string}> = []
    for (const item of content.items) {
      if ('type' in item && item.type === 'beginMarkedContentProps') open.push({id: item.id, tag: item.tag})
      else if ('type' in item && item.type === 'beginMarkedContent') open.push({tag: item.tag})
      else if ('type' in item && item.type === 'endMarkedContent') open.pop()
      else if ('str' in item) {
        const inner = open[open.length - 1]
        const blank = item.str.trim() === ''
        if (!inner) {
          if (!blank) untagged.push(item.str)
        } else if (inner.tag === 'Artifact') {
          if (!blank) artifacts.push(item.str)
        } else if (inner.id) byId.set(inner.id, (byId.get(inner.id) ?? '') + item.str)
      }
    }
    const tree = (await page.getStructTree()) as RawNode | null
    const convert = (node: RawNode): StructNode => {
      const children: StructNode[] = []
      let text = ''
      let annotations = 0
      for (const child of node.children ?? []) {
        // A piece per line (or per element change): lines of Latin text end at a space the PDF does not draw.
        if (child.type === 'content') text += ` ${byId.get(child.id!) ?? ''}`
        else if (child.type === 'annotation' || child.type === 'object') annotations++
        else if (child.role) {
          const converted = convert(child)
          children.push(converted)
          text += ` ${converted.text} `
        }
      }
      // pdf.js puts spaces between items where the glyphs leave a gap; compare words, not gaps.
      return {role: node.role!, ...(node.lang ? {lang: node.lang} : {}), text: text.replace(/\s+/g, ' ').trim(), children, annotations}
    }
    pages.push({roots: (tree?.children ?? []).filter((c) => c.role).map(convert), artifacts, untagged})
  }
  await doc.destroy()
  return pages
}

/** Every element of a tree, depth first, in reading order. */
export function flatten(nodes: readonly StructNode[]): StructNode[] {
  return nodes.flatMap((node) => [node, ...flatten(node.children)])
}

/** A tree as `Role[lang](children)` lines, for readable failures and shape assertions. */
export function outlineOf(nodes: readonly StructNode[], depth = 0): string[] {
  return nodes.flatMap((n) => [`${'  '.repeat(depth)}${n.role}${n.lang ? `[${n.lang}]` : ''}`, ...outlineOf(n.children, depth + 1)])
}

/** The document catalog with references resolved a few levels deep (streams as their dictionaries), via qpdf's JSON. */
export function catalogOf(path: string): Record<string, unknown> {
  const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=qpdf', path], {encoding: 'utf8', maxBuffer: 64 * 1024 * 1024})) as {
    qpdf: [unknown, Record<string, {value?: unknown; stream?: {dict: unknown}}>]
  }
  const objects = json.qpdf[1]
  const object = (ref: string): unknown => {
    const entry = objects[`obj:${ref}`]
    return entry?.value ?? entry?.stream?.dict
  }
  const resolve = (value: unknown, depth: number): unknown => {
    if (typeof value === 'string' && / \d+ R$/.test(value) && depth < 4) return resolve(object(value), depth + 1)
    if (Array.isArray(value)) return value.map((v) => resolve(v, depth))
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === '/Parent' || k === '/P' ? v : resolve(v, depth)]))
    return value
  }
  const trailer = objects.trailer!.value as Record<string, string>
  return resolve(object(trailer['/Root']!), 0) as Record<string, unknown>
}

/** The XMP packet: the bytes between `<?xpacket begin` and `<?xpacket end…?>`. */
export function xmpOf(bytes: Uint8Array): string {
  const text = Buffer.from(bytes).toString('utf8')
  const start = text.indexOf('<?xpacket begin')
  const end = text.indexOf('<?xpacket end="w"?>')
  if (start < 0 || end < 0) throw new Error('Unexpected PDF without an XMP packet, expected one in the catalog’s Metadata stream')
  return text.slice(start, end + '<?xpacket end="w"?>'.length)
}

/**
 * Lines stroked (`S`) outside an `Artifact` marked-content sequence, in the
 * uncompressed content streams (qpdf --qdf): rules are decoration and must
 * be artifacts in a tagged PDF.
 */
export function strokesOutsideArtifacts(path: string): number {
  const text = execFileSync('qpdf', ['--qdf', '--object-streams=disable', path, '-'], {encoding: 'latin1', maxBuffer: 64 * 1024 * 1024})
  // Marked-content property lists are flat dictionaries; drop them so that a tag is followed by its operator.
  const tokens = text.replace(/<<[^<>]*>>/g, ' ').split(/\s+/)
  const open: string[] = []
  let outside = 0
  tokens.forEach((token, i) => {
    if ((token === 'BDC' || token === 'BMC') && tokens[i - 1]?.startsWith('/')) open.push(tokens[i - 1]!)
    else if (token === 'EMC') open.pop()
    else if (token === 'S' && open[open.length - 1] !== '/Artifact') outside++
  })
  return outside
}
