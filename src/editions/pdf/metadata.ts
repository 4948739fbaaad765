import type {Edition} from '../align.js'
import {metaField, metaKeywords} from '../meta.js'
import {languageInfo} from '../../core/languages.js'
import type {PdfInfo, PdfLanguages} from '../../pdf/pdf-document.js'
import type {DocumentMeta} from '../../core/types.js'
import {metaFields} from './title-block.js'

/** What a PDF says about itself: the Info dictionary and, for the XMP packet, the languages of its texts. */
export interface PdfMetadata {
  info: PdfInfo
  languages: PdfLanguages
}

/**
 * The one place the metadata of a PDF edition comes from, single or
 * parallel (`editions` in column order): the title in the editions'
 * languages, author, description and keywords in the main edition's (the
 * translation of a parallel edition; the English of a field not translated
 * yet), and every language whose text is shown (a translation's English
 * fallbacks included), so that Info and XMP say the same.
 */
export function pdfMetadata(meta: DocumentMeta, editions: readonly Edition[]): PdfMetadata {
  const main = editions[editions.length - 1]!
  const author = metaField(main, 'author')
  const description = metaField(main, 'description')
  const keywords = metaKeywords(main).map((k) => k.text)
  const shown = editions.flatMap((e) => [e.language, ...e.blocks.flatMap((b) => b.segments.filter((s) => s.display === 'text').map((s) => s.language))])
  shown.push(...editions.flatMap((e) => metaFields(e, meta).map((f) => f.language)))
  if (description) shown.push(description.language)
  const only = editions.length === 1 ? editions[0] : undefined
  return {
    info: {
      Title: editions.map((e) => e.title).join(' / '),
      ...(author ? {Author: author.text} : {}),
      ...(description ? {Subject: description.text} : {}),
      ...(keywords.length ? {Keywords: keywords.join(languageInfo(main.language).joiner === '' ? '、' : ', ')} : {}),
      Creator: 'Concord'
    },
    languages: {
      ...(only ? {title: only.language} : {}),
      ...(description ? {subject: description.language} : {}),
      // The main language first: the edition's, or a parallel edition's translation (its catalog /Lang).
      text: [...new Set([main.language, ...shown])]
    }
  }
}
