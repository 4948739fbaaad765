import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {parsePo} from '../../src/interchange/po-import.js'
import {parseXliff} from '../../src/interchange/xliff-import.js'
import {concord, read, tempProject, write} from '../helpers/cli.js'
import {ok, snapshot} from '../helpers/interchange.js'

/**
 * Exported files carry their entry count and a checksum (header fields in
 * PO, attributes of `<file>` in XLIFF); a file cut short is refused, with
 * the file and the rule named, and the locales stay as they were.
 */
const fatal = (file: VFile): string[] => file.messages.filter((m) => m.fatal === true).map((m) => `${m.ruleId}: ${m.reason}`)

function parse(text: string, path: string): VFile {
  const file = new VFile({path, value: text})
  try {
    ;(path.endsWith('.po') ? parsePo : parseXliff)(file)
  } catch {
    // A fatal syntax error is thrown; it is in file.messages too.
  }
  return file
}

describe('a truncated export', () => {
  const dir = tempProject()
  ok(['export', '--lang', 'ko', '--format', 'po', '--out', 'ko.po'], dir)
  ok(['export', '--lang', 'ko', '--format', 'xliff', '--out', 'ko.xlf'], dir)
  const po = read(dir, 'ko.po')
  const xlf = read(dir, 'ko.xlf')
  const lastEntry = po.lastIndexOf('\n\n')

  it('PO: every cut at a line break before the last entry (many inside multi-line msgstr) is refused', () => {
    const cuts: number[] = []
    for (let at = po.indexOf('\n\n'); at !== -1 && at < lastEntry; at = po.indexOf('\n', at + 1)) cuts.push(at + 1)
    // Cuts after a continuation line of a msgstr, with more of it to come: what is left parses as a complete entry.
    const insideMsgstr = cuts.filter((at) => /^"/.test(po.slice(at)) && /\nmsgstr ""\n("[^\n]*"\n)+$/.test(po.slice(0, at)))
    expect(insideMsgstr.length).toBeGreaterThan(10)
    for (const at of cuts) {
      const messages = fatal(parse(po.slice(0, at), 'ko.po'))
      expect(messages.length, `cut at ${at}: ${JSON.stringify(po.slice(at - 30, at))}`).toBeGreaterThan(0)
    }
    const one = fatal(parse(po.slice(0, insideMsgstr[0]), 'ko.po'))
    expect(one.join('\n')).toMatch(/^import-truncated: Unexpected end of `ko\.po` after entry \d+ of 43, expected 43 entries as `X-Concord-Entries` says; the file looks cut short/m)
  })

  it('PO: a cut in the middle of a line is refused, also without the Concord header fields', () => {
    const bare = po.replace(/^"X-Concord-(Entries|Checksum): .*\n/gm, '')
    for (const text of [po, bare]) {
      const inString = text.indexOf('\n"', text.indexOf('msgstr ""\n"', 2000)) + 5
      expect(fatal(parse(text.slice(0, inString), 'ko.po')).join('\n')).toMatch(/import-(truncated|malformed-po): Unexpected end of/)
      const afterQuote = text.indexOf('"\n', inString) + 1
      expect(fatal(parse(text.slice(0, afterQuote), 'ko.po'))).toContainEqual(expect.stringMatching(/^import-truncated: Unexpected end of file in the middle of a line/))
    }
    // The same file complete, without the fields (as another tool might write it), is fine.
    expect(fatal(parse(bare, 'ko.po'))).toEqual([])
  })

  it('XLIFF: units removed from a complete file are allowed, changed English with every unit present is not', () => {
    expect(fatal(parse(xlf, 'ko.xlf'))).toEqual([])
    const unit = xlf.slice(xlf.indexOf('      <unit id='), xlf.indexOf('</unit>') + '</unit>\n'.length)
    expect(fatal(parse(xlf.replace(unit, ''), 'ko.xlf'))).toEqual([])
    const changed = xlf.replace('<source>Refugees are', '<source>Refugees were')
    expect(fatal(parse(changed, 'ko.xlf')).join('\n')).toMatch(/^import-integrity: Unexpected segment IDs or English in `ko\.xlf`/)
    expect(fatal(parse(xlf.slice(0, xlf.length - 30), 'ko.xlf')).join('\n')).toMatch(/^import-malformed-xml: /)
  })

  it('the CLI refuses a truncated PO with the file, line and rule, and writes nothing', () => {
    const before = snapshot(dir)
    const cut = po.indexOf('\n"', po.indexOf('msgstr ""\n"', 2000) + 10) + 1
    write(dir, 'cut.po', po.slice(0, cut))
    const run = concord(['import', 'cut.po'], dir)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^cut\.po:\d+:1: Unexpected end of `cut\.po` after entry \d+ of 43.*\[import-truncated\]$/m)
    expect(run.stderr).toMatch(/^cut\.po: 1 error\(s\); nothing imported, locales unchanged$/m)
    expect(snapshot(dir)).toEqual(before)
  })
})
