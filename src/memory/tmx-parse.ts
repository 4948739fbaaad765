import {SaxesParser, type SaxesTagNS} from 'saxes'
import type {VFile} from 'vfile'
import type {Place} from '../core/json.js'
import {failRule} from '../core/rules.js'
import {MAX_TRANSLATION_LENGTH} from '../translations/locale.js'
import type {MemoryEntry} from './memory.js'

/** Inline elements whose content is native markup (tags of the original format), not text. */
const CODES = new Set(['bpt', 'ept', 'it', 'ph', 'ut'])

const primary = (tag: string): string => tag.split(/[-_]/)[0]!.toLowerCase()

interface OpenUnit {
  tuid: string | undefined
  ordinal: number
  /** Language → text of its first `<tuv>`; a Map, so that any language tag is only data. */
  variants: Map<string, string>
}

/**
 * The pairs of `sourceLanguage` → `language` in a TMX file (1.1 to 1.4) the
 * project adds to its memory. TMX is untrusted: anything but well-formed XML
 * with a `<tmx>` root is fatal at its line and column (`tmx-malformed`);
 * units without both languages, or longer than a translation may be, are
 * left out. Origins are `<file>#<tuid>` (or `#<n>`, the unit's number).
 */
export function parseTmx(file: VFile, sourceLanguage: string, language: string): MemoryEntry[] {
  const parser = new SaxesParser({xmlns: true, position: true})
  const fail = (reason: string, place: Place): never => failRule(file, 'tmx-malformed', reason, place)
  const entries: MemoryEntry[] = []
  const origin = (file.path ?? 'tmx').split(/[\\/]/).join('/')
  let depth = 0
  let units = 0
  let unit: OpenUnit | null = null
  let variant: string | null = null
  let seg: {value: string; codes: number} | null = null
  parser.on('error', (error) => {
    const reason = error.message.replace(/^\d+:\d+: /, '').replace(/\.$/, '')
    fail(`Unexpected XML: ${reason}; expected well-formed TMX (write \`&\` as \`&amp;\` and \`<\` as \`&lt;\`, and close every element)`, {
      line: parser.line,
      column: Math.max(parser.column, 1)
    })
  })
  parser.on('opentag', (raw) => {
    const tag = raw as SaxesTagNS
    depth++
    if (depth === 1 && tag.local !== 'tmx') {
      fail(`Unexpected root element \`<${tag.name}>\`, expected \`<tmx>\` (a TMX translation memory); move other files out of the memory folder`, {line: parser.line, column: 1})
    }
    if (seg !== null) {
      if (CODES.has(tag.local)) seg.codes++
      return
    }
    if (tag.local === 'tu') {
      unit = {tuid: tag.attributes.tuid?.value, ordinal: ++units, variants: new Map()}
    } else if (tag.local === 'tuv' && unit) {
      const lang = Object.values(tag.attributes).find((a) => a.local === 'lang')?.value
      variant = lang === undefined ? null : primary(lang)
    } else if (tag.local === 'seg' && variant !== null) {
      seg = {value: '', codes: 0}
    }
  })
  const append = (text: string): void => {
    if (seg !== null && seg.codes === 0) seg.value += text
  }
  parser.on('text', append)
  parser.on('cdata', append)
  parser.on('closetag', (raw) => {
    const tag = raw as SaxesTagNS
    depth--
    if (seg !== null) {
      if (tag.local === 'seg') {
        const text = seg.value.replace(/\s+/g, ' ').trim()
        if (unit && variant !== null && !unit.variants.has(variant)) unit.variants.set(variant, text)
        seg = null
      } else if (CODES.has(tag.local)) seg.codes--
      return
    }
    if (tag.local === 'tuv') variant = null
    else if (tag.local === 'tu' && unit) {
      const source = unit.variants.get(primary(sourceLanguage))
      const target = unit.variants.get(primary(language))
      if (source && target && source.length <= MAX_TRANSLATION_LENGTH && target.length <= MAX_TRANSLATION_LENGTH) {
        entries.push({source, target, origin: `${origin}#${unit.tuid ?? unit.ordinal}`})
      }
      unit = null
    }
  })
  parser.write(String(file)).close()
  return entries
}
