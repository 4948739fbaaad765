import type {VFile} from 'vfile'
import type {Place} from '../core/json.js'
import {readPoString} from './po-syntax.js'
import {failRule} from '../core/rules.js'

export interface PoEntry {
  msgctxt?: string
  msgid?: string
  msgidPlural?: string
  /** `msgstr`, or `msgstr[n]` by n. */
  msgstr: string[]
  flags: string[]
  references: string[]
  /** `#.` comments, written by the exporting program. */
  extracted: string[]
  /** `#~` entries: kept by gettext tools for reuse, never imported. */
  obsolete: boolean
  /** The `msgctxt` line, or the `msgid` line when there is no context. */
  place: Place
  /** The `msgstr` line. */
  msgstrPlace?: Place
}

type Field = 'msgctxt' | 'msgid' | 'msgidPlural' | 'msgstr'

const KEYWORD = /^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)(?=[\s"]|$)/

/**
 * A strict PO reader with positions (gettext's grammar: comments, keywords,
 * quoted strings continued on following lines). Syntax errors are fatal
 * messages at the line and column where the problem is.
 */
export function parsePoEntries(file: VFile): PoEntry[] {
  const entries: PoEntry[] = []
  const fail = (reason: string, line: number, column: number): never => failRule(file, 'import-malformed-po', reason, {line, column})
  let entry: PoEntry | null = null
  let field: {name: Field; index: number} | null = null
  const fresh = (obsolete: boolean, place: Place): PoEntry => ({msgstr: [], flags: [], references: [], extracted: [], obsolete, place})
  const finish = (): void => {
    if (entry && entry.msgid !== undefined) {
      if (entry.msgstr.length === 0) fail('Unexpected entry without `msgstr`, expected `msgstr ""` after `msgid`', entry.place.line, entry.place.column)
      entries.push(entry)
    }
    entry = null
    field = null
  }
  // Comments after a complete entry start the next one.
  const startComments = (obsolete: boolean, place: Place): PoEntry => {
    if (entry && entry.msgstr.length > 0) finish()
    entry ??= fresh(obsolete, place)
    return entry
  }

  const lines = String(file).split('\n')
  for (let n = 0; n < lines.length; n++) {
    const raw = lines[n]!.replace(/\r$/, '')
    let text = raw.trimStart()
    let offset = raw.length - text.length
    if (text === '') continue
    let obsolete = false
    if (text.startsWith('#~')) {
      // An obsolete entry's syntax is the same behind `#~`; its previous strings (`#~|`) are comments.
      if (text.startsWith('#~|')) continue
      obsolete = true
      const rest = text.slice(2).trimStart()
      offset += text.length - rest.length
      text = rest
      if (text === '') continue
    }
    if (text.startsWith('#')) {
      const current = startComments(obsolete, {line: n + 1, column: offset + 1})
      if (text.startsWith('#,'))
        current.flags.push(
          ...text
            .slice(2)
            .split(',')
            .map((f) => f.trim())
            .filter(Boolean)
        )
      else if (text.startsWith('#:')) current.references.push(...text.slice(2).trim().split(/\s+/).filter(Boolean))
      else if (text.startsWith('#.')) current.extracted.push(text.slice(2).trim())
      field = null
      continue
    }
    let start: number
    const keyword = KEYWORD.exec(text)
    if (keyword) {
      const name: Field = keyword[1] === 'msgctxt' ? 'msgctxt' : keyword[1] === 'msgid' ? 'msgid' : keyword[1] === 'msgid_plural' ? 'msgidPlural' : 'msgstr'
      const place = {line: n + 1, column: offset + 1}
      if ((name === 'msgctxt' || name === 'msgid') && entry !== null && (entry as PoEntry).msgstr.length > 0) finish()
      const current: PoEntry = entry ?? fresh(obsolete, place)
      entry = current
      if (name === 'msgctxt' || name === 'msgid') {
        if (current.msgid !== undefined || (name === 'msgctxt' && current.msgctxt !== undefined)) {
          fail(`Unexpected \`${keyword[1]}\`, expected \`msgstr\` to complete the entry that starts on line ${current.place.line}`, n + 1, offset + 1)
        }
        if (name === 'msgctxt' || current.msgctxt === undefined) current.place = place
      } else if (current.msgid === undefined) {
        fail(`Unexpected \`${keyword[1]}\` before \`msgid\`, expected \`msgid\` first`, n + 1, offset + 1)
      }
      field = {name, index: keyword[2] === undefined ? 0 : Number(keyword[2])}
      if (name !== 'msgstr') current[name] = ''
      else {
        current.msgstr[field.index] = ''
        if (field.index === 0) current.msgstrPlace = place
      }
      start = keyword[0].length
    } else if (text.startsWith('"')) {
      if (!field || !entry) fail('Unexpected string outside an entry, expected it after `msgid`, `msgstr` or `msgctxt`', n + 1, offset + 1)
      start = 0
    } else {
      const word = text.split(/\s/)[0]!.slice(0, 20)
      fail(`Unexpected \`${word}\`, expected a comment (\`#\`), \`msgctxt\`, \`msgid\`, \`msgstr\` or a quoted string; a quote inside a string is written \`\\"\``, n + 1, offset + 1)
      continue
    }
    // Like gettext's lexer: any number of strings, on this line or the next ones.
    let value = ''
    for (let i = start; i < text.length; ) {
      if (/\s/.test(text[i]!)) {
        i++
        continue
      }
      if (text[i] !== '"') {
        fail(`Unexpected \`${text.slice(i, i + 20)}\`, expected a quoted string or the end of the line; a quote inside a string is written \`\\"\``, n + 1, offset + i + 1)
      }
      const read = readPoString(text, i + 1)
      if ('error' in read) fail(read.error, n + 1, offset + read.at + 1)
      value += (read as {value: string}).value
      i = (read as {end: number}).end + 1
    }
    const target = entry! as PoEntry
    const {name, index} = field!
    if (name === 'msgstr') target.msgstr[index] += value
    else target[name] += value
  }
  finish()
  return entries
}
