import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {segmentDocument} from '../../src/ids/document.js'
import {emptyRegistry} from '../../src/ids/reconcile.js'

/** The fatal message of segmenting `markdown`, or undefined when it segments. */
function failure(markdown: string): VFileMessage | undefined {
  const file = new VFile({path: 'content/doc.md', value: markdown})
  try {
    segmentDocument(file, emptyRegistry('doc'), {sourceLanguage: 'en'}, new Map())
    return undefined
  } catch (error) {
    if (error instanceof VFileMessage) return error
    throw error
  }
}

describe('hostile content', () => {
  it('reports NUL as an encoding error at its place, instead of turning it into U+FFFD', () => {
    const message = failure('# Title\n\nSome te\u0000xt.\n')
    expect(String(message)).toBe('content/doc.md:3:8: Unexpected character `U+0000` (NUL), expected text; remove it, or re-save the file as UTF-8 text')
    expect(message?.ruleId).toBe('encoding')
  })

  it('reports a YAML alias bomb in the front matter', () => {
    const rows = ['a: &a [x, x, x, x, x, x, x, x, x]']
    for (const name of 'bcdefg')
      rows.push(
        `${name}: &${name} [${Array(9)
          .fill(`*${String.fromCharCode(name.charCodeAt(0) - 1)}`)
          .join(', ')}]`
      )
    const message = failure(`---\n${rows.join('\n')}\n---\n\n# Title\n\nText.\n`)
    expect(message?.ruleId).toBe('front-matter')
    expect(message?.reason).toMatch(/^Unexpected front matter YAML: Excessive alias count/)
  })

  it.each([
    ['title: [1, 2]', 'list'],
    ['title: 5', 'number'],
    ['author: {a: 1}', 'mapping']
  ])('reports `%s` in the front matter as not text', (row, kind) => {
    const message = failure(`---\nsource: x\n${row}\n---\n\n# Title\n\nText.\n`)
    expect(message?.reason).toMatch(new RegExp(`^Unexpected ${kind} for \`\\w+\` in the front matter, expected text`))
    expect(message?.place).toEqual({line: 3, column: 1})
  })

  it('gives a message or segments, never throws anything else, on random Markdown (fuzz)', () => {
    const piece = fc.constantFrom(
      '# ',
      '> ',
      '- ',
      '1. ',
      '  ',
      '*',
      '**',
      '_',
      '`',
      '```\n',
      '[',
      '](u)',
      '<b>',
      '|',
      ' | ',
      '\n',
      '\n\n',
      '---\n',
      'Text',
      'Mr. ',
      '. ',
      '\u0000',
      '\u202e',
      '\r\n',
      '\\',
      '&amp;',
      '![',
      '[^1]',
      '~~'
    )
    fc.assert(
      fc.property(fc.array(piece, {maxLength: 60}), (parts) => {
        const markdown = `# Title\n\n${parts.join('')}\n`
        try {
          segmentDocument(new VFile({path: 'content/doc.md', value: markdown}), emptyRegistry('doc'), {sourceLanguage: 'en'}, new Map())
        } catch (error) {
          expect(error).toBeInstanceOf(VFileMessage)
        }
      }),
      {numRuns: 300}
    )
  })
})
