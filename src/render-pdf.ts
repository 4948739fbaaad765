import type {RenderedFile, RenderInput} from './align.js'
import {buildDate} from './pdf/pdf-document.js'
import {renderEditionPdf} from './pdf-edition/edition.js'
import {failOnGlyphProblems, glyphProblems, type Locate} from './pdf-edition/glyph-check.js'
import {renderParallelPdf} from './pdf-edition/parallel.js'
import {printItems} from './pdf-edition/structure.js'

export type {Locate} from './pdf-edition/glyph-check.js'

export interface PdfRenderInput extends RenderInput {
  /** Where a key is in a project file, so that a glyph error points at the translation (the CLI supplies it). */
  locate?: Locate
  /** Environment for SOURCE_DATE_EPOCH; default `process.env`. */
  env?: NodeJS.ProcessEnv
}

/**
 * The PDF renderer: `<lng>/<doc>.pdf` for every edition and
 * `aligned/<doc>.en-<lng>.pdf` for every translation.
 *
 * Every character is checked against the fonts before anything is laid out,
 * so a translation with a character no font has fails the build with a
 * message naming its file and segment, and no PDF is returned at all.
 * The date is SOURCE_DATE_EPOCH, else the document's own date; the file ID
 * is seeded with the output path, so equal inputs give equal bytes.
 */
const printed = new WeakMap<object, ReturnType<typeof printItems>>()
/** Editions → UI strings they passed the glyph check with. */
const checked = new WeakMap<object, WeakSet<object>>()

export async function renderPdfFiles(input: PdfRenderInput): Promise<RenderedFile[]> {
  const {document, editions, options, t} = input
  // `concord build` asks for one file at a time (see cli/build-jobs.ts): the print items and the
  // glyph check of the whole document are worked out once per tree and set of editions.
  let items = printed.get(document.tree)
  if (!items) printed.set(document.tree, (items = printItems(document.tree)))
  const passed = checked.get(editions) ?? new WeakSet<object>()
  if (!passed.has(t)) {
    failOnGlyphProblems(glyphProblems(input, items, input.locate))
    passed.add(t)
    checked.set(editions, passed)
  }
  const own = document.meta.date
  // A free-form date ("August 2007") is fine in the title block but cannot date the file.
  const date = buildDate(input.env ?? process.env, typeof own === 'string' && !Number.isNaN(Date.parse(own)) ? own : undefined)
  const source = editions.find((e) => e.source)
  const files: RenderedFile[] = []
  const only = input.only ?? (() => true)
  for (const edition of editions) {
    const path = `${edition.language}/${document.id}.pdf`
    if (!only(path)) continue
    files.push({path, content: await renderEditionPdf({document, edition, items, options, t, date, idSeed: path})})
  }
  for (const target of editions) {
    if (!source || target.source) continue
    const path = `aligned/${document.id}.${source.language}-${target.language}.pdf`
    if (!only(path)) continue
    files.push({path, content: await renderParallelPdf({document, source, target, items, options, t, date, idSeed: path})})
  }
  return files
}
