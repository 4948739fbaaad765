import {seeded, type Random} from './random.js'

/**
 * A synthetic English document for the benchmark: report-like prose with
 * headings, paragraphs, lists, quotes, a few tables and code blocks, and
 * inline emphasis, strong text, links and code. Generated from a seed, so
 * every run and every machine measures the same bytes.
 */
export type Block =
  | {type: 'heading'; depth: number; text: string}
  | {type: 'paragraph'; sentences: string[]}
  | {type: 'list'; ordered: boolean; items: string[][]}
  | {type: 'quote'; sentences: string[]}
  | {type: 'table'; rows: string[][]}
  | {type: 'code'; lines: string[]}

export interface Corpus {
  title: string
  blocks: Block[]
}

const WORDS = (
  'account action address advance agency agreement aid annual approach area assembly assistance attention authority ' +
  'balance basis behalf board border budget burden capacity case century challenge change charter child citizen ' +
  'claim coalition commission commitment committee community concern condition conference conflict consent council ' +
  'country court culture data debate decade decision declaration delegate delegation detail development dialogue ' +
  'dignity duty economy education effort election element emergency evidence example experience expert family ' +
  'field figure food force framework freedom fund future government group growth guidance health history home ' +
  'household impact income increase individual information initiative institution interest issue justice labour ' +
  'land language law leader level life limit livelihood market matter measure meeting member method minister ' +
  'movement nation network number obligation office option order organisation outcome parliament partner people ' +
  'period person plan policy position power practice pressure principle priority procedure process programme ' +
  'progress project protection provision purpose question range rate record reform refugee region report ' +
  'representative request research resolution resource response responsibility result right risk role safety ' +
  'school security service session shelter situation society source standard statement strategy structure ' +
  'study support system target task term territory text treaty trust understanding union value view voice ' +
  'welfare witness work world year youth accept achieve adopt affirm agree allow apply assess assist call ' +
  'carry confirm consider continue contribute cooperate create deliver demand describe develop discuss ensure ' +
  'establish examine expand express extend facilitate follow gather guarantee hold identify implement improve ' +
  'include increase inform invite monitor note observe offer prepare present prevent promote protect provide ' +
  'recall receive recognise recommend reduce reflect remain report request require respect restore review ' +
  'secure share strengthen submit support sustain urge welcome basic broad careful clear common current direct ' +
  'early effective equal essential fair full general human independent international joint lasting legal local ' +
  'major national necessary open particular peaceful practical present public regional relevant serious social ' +
  'special strong substantial sufficient timely urgent various vital wide'
).split(' ')

const GLUE = ['the', 'of', 'and', 'to', 'in', 'for', 'with', 'on', 'by', 'as', 'that', 'from', 'its', 'their', 'all', 'this', 'each', 'our']

const capital = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1)

function words(random: Random, count: number): string[] {
  const out: string[] = []
  for (let i = 0; i < count; i++) out.push(random.chance(0.35) ? random.pick(GLUE) : random.pick(WORDS))
  return out
}

/** Share of sentences with inline markup (emphasis, links, code): report-like prose, most sentences plain. */
const MARKED = 0.3

/** One sentence of inline Markdown; markup spans never contain a sentence end. */
function sentence(random: Random): string {
  const parts = words(random, random.int(12, 30))
  const out: string[] = [capital(parts[0]!)]
  const marked = random.chance(MARKED)
  for (let i = 1; i < parts.length; i++) {
    // Rolls below 0.135 make markup; a plain sentence never rolls that low.
    const roll = marked ? random.next() : 0.135 + random.next() * 0.865
    const span = Math.min(random.int(1, 3), parts.length - i)
    const text = parts.slice(i, i + span).join(' ')
    if (roll < 0.05) out.push(`*${text}*`)
    else if (roll < 0.08) out.push(`**${text}**`)
    else if (roll < 0.12) out.push(`[${text}](https://example.org/${random.pick(WORDS)}/${random.int(1, 999)})`)
    else if (roll < 0.135) out.push(`\`${parts[i]!}_${random.int(1, 99)}\``)
    else if (roll < 0.15) out.push(`${random.int(2, 2030)}`)
    else {
      out.push(parts[i]!)
      if (random.chance(0.05) && i < parts.length - 2) out[out.length - 1] += ','
      continue
    }
    i += span - 1
  }
  return out.join(' ') + (random.chance(0.05) ? '?' : '.')
}

const sentences = (random: Random, min: number, max: number): string[] => Array.from({length: random.int(min, max)}, () => sentence(random))

function heading(random: Random, depth: number): Block {
  return {
    type: 'heading',
    depth,
    text: words(random, random.int(2, 7))
      .map((w, i) => (i === 0 ? capital(w) : w))
      .join(' ')
  }
}

function block(random: Random): Block {
  const roll = random.next()
  if (roll < 0.6) return {type: 'paragraph', sentences: sentences(random, 1, 6)}
  if (roll < 0.85) {
    return {type: 'list', ordered: random.chance(0.3), items: Array.from({length: random.int(2, 6)}, () => sentences(random, 1, 2))}
  }
  if (roll < 0.95) return {type: 'quote', sentences: sentences(random, 1, 3)}
  if (roll < 0.98) {
    const columns = random.int(2, 4)
    const cell = (): string => words(random, random.int(1, 4)).join(' ')
    return {type: 'table', rows: Array.from({length: random.int(2, 5)}, () => Array.from({length: columns}, cell))}
  }
  return {type: 'code', lines: Array.from({length: random.int(2, 8)}, () => `${random.pick(WORDS)}_${random.int(1, 99)} = ${random.int(0, 9999)}`)}
}

/** Hard-wrap prose at about 78 columns, as editors do; breaks only before a letter so no line can start a new block. */
function wrap(text: string, prefix: string, indent: string): string[] {
  const lines: string[] = []
  let line = prefix
  for (const word of text.split(' ')) {
    const head = line === prefix || line === indent
    if (!head && line.length + word.length > 78 && /^[A-Za-z]/.test(word)) {
      lines.push(line)
      line = indent + word
    } else line += (head ? '' : ' ') + word
  }
  lines.push(line)
  return lines
}

export function renderBlock(block: Block): string {
  switch (block.type) {
    case 'heading':
      return `${'#'.repeat(block.depth)} ${block.text}`
    case 'paragraph':
      return wrap(block.sentences.join(' '), '', '').join('\n')
    case 'quote':
      return wrap(block.sentences.join(' '), '> ', '> ').join('\n')
    case 'list':
      return block.items
        .map((item, i) => {
          const marker = block.ordered ? `${i + 1}. ` : '- '
          return wrap(item.join(' '), marker, ' '.repeat(marker.length)).join('\n')
        })
        .join('\n')
    case 'table': {
      const row = (cells: string[]): string => `| ${cells.join(' | ')} |`
      const [head, ...rest] = block.rows
      return [row(head!), row(head!.map(() => '---')), ...rest.map(row)].join('\n')
    }
    case 'code':
      return ['```text', ...block.lines, '```'].join('\n')
  }
}

/** The Markdown of a corpus, with front matter. */
export function renderCorpus(corpus: Corpus): string {
  const front = `---\ntitle: "${corpus.title}"\nauthor: "Concord benchmark"\ndate: "2024-01-01"\nlanguage: en\n---\n\n`
  return front + `# ${corpus.title}\n\n` + corpus.blocks.map(renderBlock).join('\n\n') + '\n'
}

/** Generate blocks until the Markdown reaches `bytes` (ASCII, so characters are bytes). */
export function generateCorpus(seed: number, bytes: number): Corpus {
  const random = seeded(seed)
  const corpus: Corpus = {title: `Synthetic report ${seed}`, blocks: []}
  let size = 200
  let sinceHeading = 0
  while (size < bytes) {
    const next = sinceHeading > random.int(6, 14) ? heading(random, random.chance(0.3) ? 2 : 3) : block(random)
    sinceHeading = next.type === 'heading' ? 0 : sinceHeading + 1
    corpus.blocks.push(next)
    size += renderBlock(next).length + 2
  }
  return corpus
}

/** Sentences of the corpus that `reword` may touch, as [block, item, sentence] paths. */
function sentencePaths(corpus: Corpus): Array<[number, number, number]> {
  const paths: Array<[number, number, number]> = []
  corpus.blocks.forEach((block, b) => {
    if (block.type === 'paragraph' || block.type === 'quote') block.sentences.forEach((_, s) => paths.push([b, 0, s]))
    if (block.type === 'list') block.items.forEach((item, i) => item.forEach((_, s) => paths.push([b, i, s])))
  })
  return paths
}

/**
 * A copy of the corpus with `fraction` of its sentences reworded (one plain
 * word replaced), as an editor's pass would: each keeps its ID on reconcile.
 */
export function reword(corpus: Corpus, fraction: number, seed: number): {corpus: Corpus; changed: number} {
  const random = seeded(seed)
  const copy: Corpus = structuredClone(corpus)
  let changed = 0
  for (const [b, i, s] of sentencePaths(copy)) {
    if (!random.chance(fraction)) continue
    const block = copy.blocks[b]!
    const list = block.type === 'list' ? block.items[i]! : (block as {sentences: string[]}).sentences
    const plain = [...list[s]!.matchAll(/(?<= )[a-z]{4,}(?= )/g)]
    if (plain.length === 0) continue
    const target = random.pick(plain)
    const replacement = random.pick(WORDS.filter((w) => w !== target[0]))
    list[s] = list[s]!.slice(0, target.index) + replacement + list[s]!.slice(target.index + target[0].length)
    changed++
  }
  return {corpus: copy, changed}
}
