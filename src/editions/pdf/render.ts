import type {RenderedFile, RenderInput} from '../align.js'
import {buildDate} from '../../pdf/pdf-document.js'
import type {SubsetStore} from '../../pdf/subset-cache.js'
import {renderEditionPdf} from './edition.js'
import {failOnGlyphProblems, glyphProblems, type Locate} from './glyph-check.js'
import {renderParallelPdf} from './parallel.js'
import {printItems} from './structure.js'

export type {Locate} from './glyph-check.js'

export interface PdfRenderInput extends RenderInput {
  /** Where a key is in a project file, so that a glyph error points at the translation (the build supplies it). */
  locate?: Locate
  /** The value of SOURCE_DATE_EPOCH (or the last commit's time), given by the caller: a library reads no environment; absent: a fixed epoch. */
  sourceDateEpoch?: string
  /** Where font subsets are kept between builds; absent: built every time. */
  subsets?: SubsetStore
}

/**
 * The PDF renderer: `<lng>/<doc>.pdf` for every edition and
 * `aligned/<doc>.en-<lng>.pdf` for every translation.
 *
 * Every character is checked against the fonts before anything is laid out,
 * so a translation with a character no font has fails the build with a
 * message naming its file and segment, and no PDF is returned at all.
 * The date is SOURCE_DATE_EPOCH as the caller resolved it, else a fixed
 * epoch, never the document's own date (the title block has that); the file ID
 * is seeded with the output path, so equal inputs give equal bytes.
 */
const printed = new WeakMap<object, ReturnType<typeof printItems>>()
/** Editions → UI strings they passed the glyph check with. */
const checked = new WeakMap<object, WeakSet<object>>()

export async function renderPdfFiles(input: PdfRenderInput): Promise<RenderedFile[]> {
  const {document, editions, options, t} = input
  // `concord build` asks for one file at a time (see engine/build-jobs.ts): the print items of the
  // whole document are worked out once per tree, and each edition is checked once.
  let items = printed.get(document.tree)
  if (!items) printed.set(document.tree, (items = printItems(document.tree)))
  const source = editions.find((e) => e.source)
  const only = input.only ?? (() => true)
  const own = editions.map((edition) => ({edition, path: `${edition.language}/${document.id}.pdf`})).filter(({path}) => only(path))
  const aligned = editions
    .filter((target) => source && !target.source)
    .map((target) => ({target, path: `aligned/${document.id}.${source!.language}-${target.language}.pdf`}))
    .filter(({path}) => only(path))
  // Every edition printed here is checked before anything is laid out; editions not printed
  // this time (their files are up to date) were checked when they were printed.
  const printedNow = new Set([...own.map((o) => o.edition), ...aligned.flatMap((a) => [source!, a.target])])
  const unchecked = editions.filter((edition) => printedNow.has(edition) && !checked.get(edition)?.has(t))
  if (unchecked.length > 0) {
    failOnGlyphProblems(glyphProblems(input, items, input.locate, unchecked))
    for (const edition of unchecked) {
      if (!checked.has(edition)) checked.set(edition, new WeakSet())
      checked.get(edition)!.add(t)
    }
  }
  const date = buildDate(input.sourceDateEpoch)
  const files: RenderedFile[] = []
  const {subsets} = input
  for (const {edition, path} of own) files.push({path, content: await renderEditionPdf({document, edition, items, options, t, date, idSeed: path, subsets})})
  for (const {target, path} of aligned) files.push({path, content: await renderParallelPdf({document, source: source!, target, items, options, t, date, idSeed: path, subsets})})
  return files
}
