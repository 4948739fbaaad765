/**
 * The arithmetic of parallel pages: the English column's share from the
 * texts' measured heights (or the configured ratio), the boxes of both
 * modes, and where a row is cut when it runs on.
 */
import {describe, expect, it} from 'vitest'
import {defaults} from '../../src/core/options.js'
import {columnShare, GUTTER, parallelBoxes} from '../../src/editions/pdf/parallel-layout.js'
import {cutRow} from '../../src/editions/pdf/split-row.js'
import {layoutBlock, type LaidBlock} from '../../src/pdf/layout.js'
import {bodyFrame, defaultGeometry} from '../../src/pdf/page-flow.js'

const frame = bodyFrame(defaultGeometry('A4'))
const SENTENCE = 'Human rights are the most basic and fundamental rights given to man. '
/** A real paragraph of exactly `lines` lines at 9.5 pt in a 230 pt column. */
function paragraph(lines: number): LaidBlock {
  const words = SENTENCE.repeat(lines * 2)
    .trim()
    .split(' ')
  for (let n = 1; n <= words.length; n++) {
    const block = layoutBlock(words.slice(0, n).join(' '), 230, {lang: 'en', size: 9.5})
    if (block.lines.length === lines) return block
  }
  throw new Error(`Unexpected length, expected ${lines} lines`)
}

describe('column widths', () => {
  it('gives each text width in proportion to its height, within 40–60%, unless a ratio is configured', () => {
    const options = defaults()
    expect(columnShare(options, [100, 100])).toBe(0.5)
    expect(columnShare(options, [120, 100])).toBeCloseTo(0.545, 3)
    expect(columnShare(options, [300, 100])).toBe(0.6)
    expect(columnShare(options, [100, 300])).toBe(0.4)
    options.pdf.columnRatio = 0.35
    expect(columnShare(options, [300, 100])).toBe(0.35)
  })

  it('splits the frame by the share in the columns mode, and gives each facing page its language’s measure', () => {
    const [left, right] = parallelBoxes(frame, false, 0.6, 'A4', ['en', 'ko'])
    expect(left!.width / (left!.width + right!.width)).toBeCloseTo(0.6, 6)
    expect(right!.x + right!.width).toBeCloseTo(frame.x + frame.width, 6)
    expect(right!.x - left!.x - left!.width).toBeCloseTo(GUTTER, 6)
    const [en, ko] = parallelBoxes(frame, true, 0.5, 'A4', ['en', 'ko'])
    expect([en!.side, ko!.side]).toEqual([0, 1])
    expect(ko).toMatchObject({x: frame.x, width: frame.width})
    // English at about 68 characters: a narrower measure, centred.
    expect(en!.width).toBeLessThan(frame.width)
    expect(en!.x - frame.x).toBeCloseTo(frame.x + frame.width - en!.x - en!.width, 6)
  })
})

describe('cutting a row that runs on', () => {
  it('cuts every column at the same share of its lines, so both continue', () => {
    const [a, b] = [paragraph(12), paragraph(8)]
    const room = 6 * a.lineHeight
    const cuts = cutRow([a, b], room, 2)!
    expect(cuts[0]).toBe(6)
    expect(cuts[1]).toBe(4)
    for (const [i, k] of cuts.entries()) expect([a, b][i]!.lines.length - k).toBeGreaterThanOrEqual(2)
  })

  it('moves the row when a column would keep fewer than two lines on either side, or a short column does not fit', () => {
    const [a, b] = [paragraph(12), paragraph(3)]
    expect(cutRow([a, a], 1.5 * a.lineHeight, 2)).toBeUndefined()
    expect(cutRow([a, b], 2 * a.lineHeight, 2)).toBeUndefined()
    // A short column that fits ends here; the long one is cut.
    expect(cutRow([a, b], 5 * a.lineHeight, 2)).toEqual([5, b.lines.length])
  })
})
