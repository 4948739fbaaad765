import fc from 'fast-check'

/**
 * Blocks chosen to cross a cut if one were made in the wrong place: loose
 * and tight lists continued after a blank line, fences holding blank lines
 * and unindented lines, fences nested in lists and quotes, indented fences,
 * HTML blocks, definitions, tables, front matter.
 */
export const blocks = [
  'A paragraph with *emphasis* and a [link](https://example.org).',
  'Another paragraph\nover two lines.',
  '# Heading',
  '## Heading *two*',
  '- item one\n- item two',
  '- loose item\n\n- second loose item',
  '1. first\n2. second',
  '3) third',
  '* star item',
  '+ plus item',
  '> quoted text\n> more',
  '> quote\n\n> another quote',
  '```\ncode\n\nstill code\n```',
  '```js\nlet a = 1\n\nnot a paragraph\n```',
  '~~~~\ntilde code\n\n~~~\nstill code\n~~~~',
  '``` not`a fence\nparagraph',
  '```\nunclosed fence\n\nParagraph inside the fence',
  '  ```\nindented fence\n\nParagraph inside\n  ```',
  '    indented code\n\n    more code',
  '- item\n\n  ```\n  nested fence\n\n  ```',
  '- item\n\n  continued paragraph',
  '> ```\n> quoted fence',
  '| a | b |\n| - | - |\n| c | d |',
  '<div>\nhtml block\n\ntext</div>',
  '<!-- comment\n\nstill comment -->',
  '[ref]: https://example.org',
  'A [ref] and [^note].',
  '[^note]: A footnote.',
  '***',
  '---',
  'Setext heading\n===',
  'Text\n---',
  '_underscored_ start',
  '\\* escaped start',
  'Hard break  \nnext line',
  'Tab\tinside'
]

export const separators = ['\n', '\n\n', '\n\n\n', '\n \n', '\r\n\r\n']

/** A Markdown document of blocks that stress cutting it into pieces. */
export const documentArb = fc
  .tuple(fc.boolean(), fc.array(fc.tuple(fc.constantFrom(...blocks), fc.constantFrom(...separators)), {minLength: 1, maxLength: 14}))
  .map(([front, parts]) => (front ? '---\ntitle: x\n\nnote: y\n---\n\n' : '') + parts.map(([b, s]) => b + s).join(''))
