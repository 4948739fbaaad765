import fc from 'fast-check'
import type {PhrasingContent} from 'mdast'
import {describe, expect, it} from 'vitest'
import type {State} from 'mdast-util-to-markdown'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {parseSegmentText} from '../../src/editions/segment-text.js'
import {parseInline} from '../../src/markdown/parse.js'
import {simpleInline} from '../../src/markdown/inline-parse.js'
import {segmentTextHast} from '../../src/editions/html/segments.js'
import {htmlOf} from '../../src/editions/html/fast-pieces.js'
import {simpleHtml} from '../../src/editions/html/fast-simple.js'
import {simplePhrasing} from '../../src/markdown/phrasing-to-markdown.js'
import {quickSafe} from '../../src/markdown/quick-safe.js'
import {segmentNodes} from '../../src/editions/segment-nodes.js'
import {STRINGIFY_OPTIONS} from '../../src/markdown/quick-safe.js'

/**
 * Run `check` with the state of a run of the editions' serialiser (its
 * options and extensions), from its root handler: the stack is empty there,
 * and `inside` enters the constructs a check is about.
 */
function withState(check: (inside: <T>(stack: string[], run: () => T) => T, state: State) => void): void {
  const root = (_: unknown, __: unknown, state: State): string => {
    const inside = <T>(stack: string[], run: () => T): T => {
      const exits = stack.map((name) => state.enter(name as State['stack'][number]))
      state.indexStack = []
      try {
        return run()
      } finally {
        for (const exit of exits.reverse()) exit()
      }
    }
    check(inside, state)
    return ''
  }
  unified()
    .use(remarkStringify, {...STRINGIFY_OPTIONS, handlers: {root}})
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkGfm, {tablePipeAlign: false})
    .stringify({type: 'root', children: []})
}

/** Nodes without positions, as the fast parser gives them. */
const bare = (nodes: PhrasingContent[]): unknown =>
  nodes.map((node) => {
    const {position: _, ...rest} = node as PhrasingContent & {position?: unknown}
    return 'children' in rest ? {...rest, children: bare(rest.children as PhrasingContent[])} : rest
  })

/**
 * Check `compare` on every text of `arb` for which the shortcut `fast` gives
 * an answer (it may decline with `undefined`); returns how many it answered,
 * so a test can show the shortcut is actually taken.
 */
function agreesWhereDefined<T>(arb: fc.Arbitrary<string>, fast: (text: string) => T | undefined, compare: (fast: T, text: string) => void): number {
  let answered = 0
  fc.assert(
    fc.property(arb, (text) => {
      const result = fast(text)
      if (result === undefined) return
      answered++
      compare(result, text)
    }),
    {numRuns: Number(process.env.RUNS ?? 20_000)}
  )
  return answered
}

const tokens = [
  'word',
  'Wort',
  '회원들은',
  'メンバー',
  '保護',
  'хүний',
  '1168',
  'a',
  'B',
  ' ',
  ' ',
  '  ',
  '\u3000',
  '\u00a0',
  '。',
  '、',
  '.',
  ',',
  '?',
  '!',
  ':',
  ';',
  '(',
  ')',
  '"',
  "'",
  '|',
  '#',
  '>',
  '-',
  '+',
  '=',
  '^',
  '%',
  '/',
  '*',
  '**',
  '***',
  '`',
  '``',
  '[',
  ']',
  '](',
  '](https://example.org/a)',
  'https://example.org',
  'www.x',
  'http://',
  'a@b',
  '_',
  '~',
  '&',
  '&amp;',
  '<',
  '\\',
  '\n',
  '1.',
  '2)',
  '😀'
]
const textArb = fc.array(fc.constantFrom(...tokens), {minLength: 1, maxLength: 10}).map((t) => t.join(''))
const shapedArb = fc
  .array(
    fc.oneof(
      fc.constantFrom('word', '회원들은', 'メンバー', 'a1', '。', '.', ',', ':', '(x)', '|', '#'),
      fc.tuple(fc.constantFrom('*', '**'), fc.constantFrom('em', '강조', '強調。', '.x', 'x.', ' x', 'a b'), fc.constantFrom('*', '**')).map((p) => p.join('')),
      fc.constantFrom('`code_1`', '`a|b`', '` x`', '`<b>&`', '[site](https://example.org/a)', '[a b](x)', '[^1](x)', '[x](a b)', '[x](<a>)', '[x](a&amp;b)', '[x]', '![x](y)')
    ),
    {minLength: 1, maxLength: 6}
  )
  .chain((parts) => fc.constantFrom(parts.join(''), parts.join(' ')))

// Runs of `*` of every length between words, punctuation, code and links, with and without spaces: emphasis and strong
// nested and side by side, runs that pair only by the rule of three, runs left as text (CJK text has no spaces to separate them).
const runsArb = fc
  .array(fc.constantFrom('a', '日', '.', '、', ' ', '*', '**', '***', '****', '******', '`c`', '[l](https://example.org/a)'), {minLength: 1, maxLength: 14})
  .map((parts) => parts.join(''))

describe('the fast inline parser', {timeout: 600_000}, () => {
  for (const [name, arb] of [
    ['any text', textArb],
    ['text shaped like segments', shapedArb],
    ['runs of `*`', runsArb]
  ] as const) {
    it(`gives the parser’s nodes (positions aside) for ${name}, or nothing`, () => {
      const parsed = agreesWhereDefined(
        arb,
        (text) => simpleInline(text),
        (fast, text) => expect(fast).toEqual(bare(parseInline(text)))
      )
      expect(parsed).toBeGreaterThan(1000)
    })
  }
})

describe('runs of `*`, paired as micromark pairs them', () => {
  it('resolves what lies between a pair afresh, where runs skipped by the rule of three may pair', () => {
    for (const text of ['**a****a******a***.', '**`c`****`c`******、******', '***a***', 'a****b******c', '*a **b** c*', '日**本*語**', '**[l](https://example.org/a)**。']) {
      expect(simpleInline(text), text).toEqual(bare(parseInline(text)))
    }
  })
})

describe('a segment’s nodes', {timeout: 600_000}, () => {
  it('are parseSegmentText’s (positions aside), unsafe links and all', () => {
    const unsafe = fc.constantFrom('[x](javascript:alert(1))', '[x](JAVASCRIPT:a)', '[x](data:text/html,a)', '[x](/relative)', '[x](#top)', '[x](mailto:a@b.c)')
    fc.assert(
      fc.property(
        fc.oneof(
          shapedArb,
          textArb,
          fc.tuple(shapedArb, unsafe).map(([a, b]) => `${a} ${b}`)
        ),
        (text) => {
          expect(bare(segmentNodes(text))).toEqual(bare(parseSegmentText(text)))
        }
      ),
      {numRuns: Number(process.env.RUNS ?? 20_000)}
    )
  })
})

describe('inline Markdown of simple shapes, serialised directly', {timeout: 600_000}, () => {
  const contexts = [
    {stack: ['paragraph', 'phrasing'], before: '\n', after: '\n'},
    {stack: ['headingAtx', 'phrasing'], before: '# ', after: '\n'},
    {stack: ['table', 'tableRow', 'tableCell', 'phrasing'], before: '|', after: '|'},
    {stack: ['list', 'listItem', 'paragraph', 'phrasing'], before: '\n', after: '\n'},
    {stack: ['paragraph', 'phrasing'], before: ' ', after: '*'},
    {stack: ['paragraph', 'phrasing'], before: 'x', after: '.'},
    {stack: ['paragraph', 'phrasing', 'link', 'label'], before: '[', after: ']('}
  ]
  const valueArb = fc
    .array(fc.constantFrom('a', 'word', '회원', '。', '.', ' ', '\u3000', '*', '_', '#', '|', '`', '[', ']', '(', ')', '!', '&', '<', 'w.x', '1.', '-', '\\', '~', '\n', '😀'), {
      minLength: 0,
      maxLength: 5
    })
    .map((p) => p.join(''))
  const leafArb: fc.Arbitrary<PhrasingContent> = fc.oneof(
    {weight: 4, arbitrary: valueArb.map((value) => ({type: 'text', value}) as PhrasingContent)},
    {weight: 1, arbitrary: valueArb.map((value) => ({type: 'inlineCode', value}) as PhrasingContent)},
    {
      weight: 1,
      arbitrary: fc
        .tuple(valueArb, fc.constantFrom('https://example.org/a', 'x y', ''))
        .map(([value, url]) => ({type: 'link', url, title: null, children: [{type: 'text', value}]}) as PhrasingContent)
    },
    {weight: 1, arbitrary: fc.constantFrom<PhrasingContent>({type: 'break'}, {type: 'footnoteReference', identifier: 'stale-s1', label: 'stale-s1'})}
  )
  const wordArb = fc.constantFrom('a', 'word', '회원', '強調。', '.x', 'x.', ' x', 'a b', '(a)', 'w.x', '#', '|', '*')
  const nodeArb: fc.Arbitrary<PhrasingContent> = fc.oneof(
    {weight: 3, arbitrary: leafArb},
    {weight: 3, arbitrary: fc.tuple(fc.constantFrom('emphasis', 'strong', 'delete'), wordArb).map(([type, value]) => ({type, children: [{type: 'text', value}]}) as PhrasingContent)},
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom('emphasis', 'strong', 'delete'),
          fc.array(
            fc.oneof(
              leafArb,
              leafArb.map((n) => ({type: 'emphasis', children: [n]}) as PhrasingContent)
            ),
            {minLength: 0, maxLength: 3}
          )
        )
        .map(([type, children]) => ({type, children}) as PhrasingContent)
    }
  )

  it('is what the serialiser writes, or nothing', () => {
    let direct = 0
    let withAttention = 0
    withState((inside, state) =>
      fc.assert(
        // Attention between words (the usual case) as well as anywhere.
        fc.property(
          fc.oneof(
            fc.array(nodeArb, {minLength: 1, maxLength: 5}),
            fc
              .array(fc.tuple(nodeArb, fc.constantFrom('a ', ' ', '。', 'x', ' (')), {minLength: 1, maxLength: 3})
              .map((pairs) => pairs.flatMap(([node, value]): PhrasingContent[] => [node, {type: 'text', value}]))
          ),
          fc.constantFrom(...contexts),
          (children, context) => {
            const fast = inside(context.stack, () => simplePhrasing(state, children, context.before, context.after))
            const slow = inside(context.stack, () =>
              state.containerPhrasing({type: 'paragraph', children}, {before: context.before, after: context.after, now: {line: 1, column: 1}, lineShift: 0})
            )
            if (fast === undefined) return
            direct++
            if (children.some((c) => ['emphasis', 'strong', 'delete'].includes(c.type))) withAttention++
            expect(fast).toBe(slow)
          }
        ),
        {numRuns: Number(process.env.RUNS ?? 20_000)}
      )
    )
    expect(direct).toBeGreaterThan(5000)
    expect(withAttention).toBeGreaterThan(2000)
  })
})

describe('a segment’s HTML from its nodes', {timeout: 600_000}, () => {
  it('is what remark-rehype, the sanitiser and rehype-stringify write, or nothing', () => {
    const direct = agreesWhereDefined(
      fc.oneof(shapedArb, textArb),
      (text) => simpleHtml(segmentNodes(text)),
      (fast, text) => expect(fast).toBe(htmlOf(segmentTextHast(text)))
    )
    expect(direct).toBeGreaterThan(5000)
  })
})

describe('text that needs no escape', {timeout: 600_000}, () => {
  it('is found without walking the patterns, and only then', () => {
    const stacks = [
      ['paragraph', 'phrasing'],
      ['headingAtx', 'phrasing'],
      ['table', 'tableRow', 'tableCell', 'phrasing'],
      ['link', 'label', 'phrasing'],
      ['link', 'destinationRaw'],
      ['autolink'],
      []
    ]
    const valueArb = fc
      .array(
        fc.constantFrom(
          'a',
          'W',
          'w',
          '회원',
          '。',
          '.',
          ',',
          '?',
          ' ',
          '\n',
          '\t',
          '*',
          '_',
          '#',
          '|',
          ':',
          '@',
          '(',
          ')',
          '[',
          ']',
          '!',
          '&',
          '<',
          '>',
          '\\',
          '~',
          '`',
          '-',
          '+',
          '=',
          '1',
          '\u0001',
          '\u007f',
          '😀'
        ),
        {maxLength: 6}
      )
      .map((p) => p.join(''))
    let quick = 0
    withState((inside, state) =>
      fc.assert(
        fc.property(valueArb, fc.constantFrom(...stacks), valueArb, valueArb, (value, stack, before, after) => {
          const fast = inside(stack, () => quickSafe(state, value, {before, after}))
          if (fast === undefined) return
          quick++
          expect(fast).toBe(inside(stack, () => state.safe(value, {before, after})))
        }),
        {numRuns: Number(process.env.RUNS ?? 20_000)}
      )
    )
    expect(quick).toBeGreaterThan(2000)
  })
})
