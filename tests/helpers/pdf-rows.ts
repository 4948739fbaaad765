/**
 * What each row of a parallel edition shows, computed from the same model the
 * renderer uses, so a layout test can find each row's first line in the PDF.
 */
import {alignEditions} from '../../src/editions/align.js'
import {loadTranslations} from '../../src/engine/locales-sync.js'
import {loadProject} from '../../src/engine/project.js'
import {boldBlocks} from '../../src/editions/pdf/glyph-check.js'
import {blockSpans} from '../../src/editions/pdf/inline-spans.js'
import {printItems, titleItem} from '../../src/editions/pdf/structure.js'
import {createUiStrings} from '../../src/core/ui-strings.js'
import {readJson} from './cli.js'

export interface RowText {
  id: string
  left: string
  right: string
}

/** Text rows (title first) of `aligned/<first document>.en-<lng>.pdf`, in order. */
export function rowTexts(dir: string, lng: string): RowText[] {
  const project = loadProject(dir, undefined, {readOnly: true})
  const doc = project.documents[0]!
  const t = createUiStrings({en: readJson(dir, 'locales/en/ui.json'), [lng]: readJson(dir, `locales/${lng}/ui.json`)})
  const [source, target] = alignEditions(doc.document, loadTranslations(project), {sourceLanguage: 'en', languages: [lng], missing: project.options.editions.missing})
  const all = printItems(doc.document.tree)
  // The top heading is printed first, as the title block.
  const title = titleItem(all)
  const items = title ? [title, ...all.filter((item) => item !== title)] : all
  const bold = boldBlocks(items)
  const text = (edition: typeof source, index: number, aligned: boolean): string =>
    blockSpans(edition!.blocks.find((b) => b.index === index)?.segments ?? [], {language: edition!.language, t, bold: bold.has(index), aligned})
      .map((s) => s.text)
      .join('')
  return items.flatMap((item) =>
    item.type === 'text' ? [{id: source!.blocks.find((b) => b.index === item.index)!.segments[0]!.id, left: text(source, item.index, false), right: text(target, item.index, true)}] : []
  )
}
