import {cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {listFiles} from '../../src/bench/steps.js'
import {fontPath, type FontKey} from '../../src/pdf/fonts.js'
import {breakLines, type BreakOptions, type TextSpan} from '../../src/pdf/line-break.js'
import {cachedBreakLines} from '../../src/pdf/line-cache.js'
import {createShapingStore, drainAdded, LINES, mergeShapingData, shapingStore, withShapingCache} from '../../src/pdf/shaping-cache.js'
import {addShaping, preloadShaping, readShapingFile, saveShaping} from '../../src/engine/shaping-file.js'
import {concord, tempDir, tempProject} from '../helpers/cli.js'

const require = createRequire(import.meta.url)
const fontkit = require('fontkit') as {openSync(path: string): Layouter}
interface Layouter {
  layout(text: string): {glyphs: Array<{id: number; codePoints: number[]}>; positions: Array<Record<string, number>>; advanceWidth: number}
}

const samples: Array<[FontKey, string]> = [
  ['kr-regular', '북한 난민의 인권을 위한 국제의원연맹(IPCNKR)은 2007년 '],
  ['kr-bold', '결의문 '],
  ['jp-regular', '北朝鮮難民の人権のための国際議員連盟は、2007年にソウルで第4回総会を開催した。'],
  ['latin-regular', 'Parliamentarians’ Coalition, “fi” ffl 100,000 '],
  ['latin-italic', 'Хойд Солонгосын дүрвэгсдийн '],
  ['latin-regular', '']
]

const plain = (run: ReturnType<Layouter['layout']>) => ({
  ids: run.glyphs.map((g) => g.id),
  codePoints: run.glyphs.map((g) => [...g.codePoints]),
  positions: run.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset]),
  advanceWidth: run.advanceWidth
})

describe('shaping cache', () => {
  it('answers with what fontkit itself shapes, from the same process or a stored copy', () => {
    const first = createShapingStore()
    const stored = createShapingStore()
    for (const [key, text] of samples) {
      const reference = fontkit.openSync(fontPath(key))
      const expected = plain(reference.layout(text))
      const cold = withShapingCache(fontkit.openSync(fontPath(key)), key, first)
      expect(plain(cold.layout(text)), `${key} miss`).toEqual(expected)
      expect(plain(cold.layout(text)), `${key} hit`).toEqual(expected)
      // As a later build sees it: serialised, parsed, and given to a freshly opened font.
      mergeShapingData(stored.known, JSON.parse(JSON.stringify(drainAdded(first))) as never)
      const warm = withShapingCache(fontkit.openSync(fontPath(key)), key, stored)
      expect(plain(warm.layout(text)), `${key} stored`).toEqual(expected)
      expect(stored.added.size, 'a stored piece is not shaped again').toBe(0)
    }
  })

  it('keeps each stored piece as one string, and ignores a damaged one', () => {
    const shapes = createShapingStore()
    const font = withShapingCache(fontkit.openSync(fontPath('latin-regular')), 'latin-regular', shapes)
    font.layout('Ab ')
    const piece = drainAdded(shapes)['latin-regular']!['Ab ']!
    // Glyph ID, advances and offsets, then the code points, per glyph.
    expect(piece).toMatch(/^\d+,\d+,0,0,0,65;\d+,\d+,0,0,0,98;\d+,\d+,0,0,0,32$/)
    const path = join(tempDir('shaping-'), 'shaping.json')
    addShaping({'latin-regular': {'Ab ': piece}})
    saveShaping(path)
    const data = JSON.parse(readFileSync(path, 'utf8')) as {pieces: Record<string, Record<string, unknown>>}
    data.pieces['latin-regular']!['x '] = '<b>'
    data.pieces['latin-regular']!['y '] = [[1], [[120]], [600, 0, 0, 0]]
    writeFileSync(path, JSON.stringify(data))
    expect({...readShapingFile(path)['latin-regular']}).toEqual({'Ab ': piece})
  })

  it('keeps the few pieces a rebuild adds beside the file, until they are a sizeable part of it', () => {
    const path = join(tempDir('shaping-added-'), 'shaping.json')
    const added = join(path, '..', 'shaping.added.json')
    const pieces = (from: number, count: number): Record<string, string> => Object.fromEntries(Array.from({length: count}, (_, i) => [`w${from + i} `, `${from + i},500,0,0,0,119`]))
    addShaping({'latin-regular': pieces(0, 40)})
    saveShaping(path)
    const large = readFileSync(path)
    expect(existsSync(added)).toBe(false)

    // As the next build: read, one new piece, saved beside the file.
    preloadShaping(path)
    addShaping({'latin-regular': pieces(1000, 1)})
    saveShaping(path)
    expect(readFileSync(path).equals(large)).toBe(true)
    expect(Object.keys((JSON.parse(readFileSync(added, 'utf8')) as {pieces: Record<string, object>}).pieces['latin-regular']!)).toEqual(['w1000 '])
    expect(readShapingFile(path)['latin-regular']).toMatchObject({'w0 ': '0,500,0,0,0,119', 'w1000 ': '1000,500,0,0,0,119'})
    // Another: the file beside holds both.
    addShaping({'latin-regular': pieces(1001, 1)})
    saveShaping(path)
    expect(readFileSync(path).equals(large)).toBe(true)
    expect(Object.keys((JSON.parse(readFileSync(added, 'utf8')) as {pieces: Record<string, object>}).pieces['latin-regular']!)).toEqual(['w1000 ', 'w1001 '])

    // Many new pieces: all in the file again, nothing beside it.
    addShaping({'latin-regular': pieces(2000, 500)})
    saveShaping(path)
    expect(existsSync(added)).toBe(false)
    expect(readShapingFile(path)['latin-regular']).toMatchObject({'w1001 ': '1001,500,0,0,0,119', 'w2499 ': '2499,500,0,0,0,119'})
  })

  it('pdfkit may scale a returned run in place without changing the next answer', () => {
    const shapes = createShapingStore()
    const font = withShapingCache(fontkit.openSync(fontPath('kr-regular')), 'kr-regular', shapes)
    const before = plain(font.layout('한국어 '))
    for (const p of font.layout('한국어 ').positions) p.xAdvance! *= 12
    expect(plain(font.layout('한국어 '))).toEqual(before)
  })

  it('gives byte-identical PDFs whether the cache is cold, warm or unreadable', {timeout: 300_000}, () => {
    const dir = tempProject()
    const args = ['build', '--format', 'pdf', '--lang', 'ko,ja']
    expect(concord(args, dir).code).toBe(0)
    const cache = join(dir, 'output/.cache/shaping.json')
    const stored = JSON.parse(readFileSync(cache, 'utf8')) as {pieces: Record<string, Record<string, unknown>>}
    expect(Object.keys(stored.pieces)).toEqual(expect.arrayContaining(['kr-regular', 'jp-regular', 'latin-regular']))
    expect(Object.keys(stored.pieces['kr-regular']!).some((piece) => piece.includes('난민'))).toBe(true)
    // The lines of every paragraph printed, by language, size, width and text.
    const lines = Object.keys(stored.pieces.lines ?? {})
    expect(lines.length).toBeGreaterThan(50)
    expect(lines.some((key) => key.startsWith('["ko",') && key.includes('난민'))).toBe(true)
    cpSync(join(dir, 'output'), join(dir, 'cold'), {recursive: true})

    // Warm: every piece comes from the file.
    for (const file of listFiles(join(dir, 'output'))) if (!file.startsWith('.cache/')) rmSync(join(dir, 'output', file))
    rmSync(join(dir, 'output/.cache'), {recursive: true, force: true})
    mkdirSync(join(dir, 'output/.cache'))
    cpSync(join(dir, 'cold/.cache/shaping.json'), cache)
    expect(concord(args, dir).code).toBe(0)
    // Unreadable: ignored, shaped afresh and written again.
    writeFileSync(cache, '{"format": 1, "pieces": {')
    expect(concord([...args, '--out', 'broken'], dir).code).toBe(0)
    expect(() => JSON.parse(readFileSync(cache, 'utf8'))).not.toThrow()

    const pdfs = listFiles(join(dir, 'cold')).filter((f) => f.endsWith('.pdf'))
    expect(pdfs.length).toBe(5)
    for (const file of pdfs) {
      const cold = readFileSync(join(dir, 'cold', file))
      expect(readFileSync(join(dir, 'output', file)).equals(cold), `${file} warm`).toBe(true)
      expect(readFileSync(join(dir, 'broken', file)).equals(cold), `${file} unreadable cache`).toBe(true)
    }
    expect(existsSync(cache)).toBe(true)
  })
})

describe('line cache', () => {
  const paragraphs: Array<[TextSpan[], BreakOptions]> = [
    [[{text: '북한 난민의 인권을 위한 국제의원연맹(IPCNKR)은 2007년 서울에서 '}, {text: '제4차 총회', style: 'bold'}, {text: '를 열었다.'}], {lang: 'ko', size: 10, width: 120}],
    [[{text: '北朝鮮難民の人権のための国際議員連盟は、2007年にソウルで第4回総会を開催した。'}], {lang: 'ja', size: 9.5, width: 90}],
    [[{text: 'Хойд Солонгосын дүрвэгсдийн хүний эрхийн төлөө '}, {text: 'олон улсын', style: 'italic'}], {lang: 'mn', size: 11, width: 100}],
    [[{text: 'Parliamentarians’ Coalition for North Korean Refugees’ Human Rights'}], {lang: 'en', size: 10, width: 80}]
  ]

  it('answers with the lines breakLines gives, from this process or a stored copy, and replaces a damaged entry', () => {
    const store = shapingStore()
    for (const [spans, options] of paragraphs) {
      const expected = breakLines(spans, options)
      expect(expected.length, options.lang).toBeGreaterThan(1)
      expect(cachedBreakLines(spans, options), `${options.lang} miss`).toEqual(expected)
      const added = store.added.get(LINES)?.size
      expect(cachedBreakLines(spans, options), `${options.lang} hit`).toEqual(expected)
      expect(store.added.get(LINES)?.size, 'a hit adds nothing').toBe(added)
      // Another width is another paragraph.
      expect(cachedBreakLines(spans, {...options, width: options.width * 2})).toEqual(breakLines(spans, {...options, width: options.width * 2}))
    }
    // As a later build sees them: stored, then read back.
    const data = drainAdded(store)
    const keys = Object.keys(data[LINES]!)
    expect(keys.length).toBe(paragraphs.length * 2)
    // Each caller gets lines of its own.
    const [spans, options] = paragraphs[0]!
    const first = cachedBreakLines(spans, options)
    first[0]!.runs[0]!.text = 'changed'
    expect(cachedBreakLines(spans, options)).toEqual(breakLines(spans, options))
    // A damaged entry (not lines, or a face that does not exist) is broken again and replaced.
    const key = keys.find((k) => k.startsWith('["ko",10,120,'))!
    for (const damaged of ['{', '[{"runs": 5}]', JSON.stringify(breakLines(spans, options)).replace(/kr-regular/g, 'kr-thin')]) {
      store.known.get(LINES)!.set(key, damaged)
      expect(cachedBreakLines(spans, options)).toEqual(breakLines(spans, options))
      expect(store.known.get(LINES)!.has(key)).toBe(false)
      expect(store.added.get(LINES)!.get(key)).toBe(JSON.stringify(breakLines(spans, options)))
      drainAdded(store)
    }
  })

  it('keeps stored lines only for the code that broke them', () => {
    const path = join(tempDir('lines-'), 'shaping.json')
    addShaping({[LINES]: {'["en",10,100,[["","x"]]]': '[]'}, 'latin-regular': {x: '91,529,0,0,0,120'}})
    saveShaping(path)
    expect(Object.keys(readShapingFile(path))).toEqual(expect.arrayContaining([LINES, 'latin-regular']))
    const data = JSON.parse(readFileSync(path, 'utf8')) as {code: string}
    writeFileSync(path, JSON.stringify({...data, code: 'other code'}))
    const read = readShapingFile(path)
    expect(read[LINES]).toBeUndefined()
    expect(read['latin-regular']).toBeDefined()
  })
})
