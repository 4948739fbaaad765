import type {Edition} from '../align.js'
import type {PdfInfo, PdfLanguages} from '../../pdf/pdf-document.js'
import type {DocumentMeta} from '../../core/types.js'
import {frontMatterLanguage, metaFields} from './title-block.js'

/** What a PDF says about itself: the Info dictionary and, for the XMP packet, the languages of its texts. */
export interface PdfMetadata {
  info: PdfInfo
  languages: PdfLanguages
}

/**
 * The one place the metadata of a PDF edition comes from, single or
 * parallel (`editions` in column order): title in the editions' languages,
 * the rest from the front matter, and every language whose text is shown
 * (a translation's English fallbacks and front matter values included), so
 * that Info and XMP say the same.
 */
export function pdfMetadata(meta: DocumentMeta, editions: readonly Edition[]): PdfMetadata {
  const keywords = Array.isArray(meta.keywords) ? meta.keywords.map(String).join(', ') : typeof meta.keywords === 'string' ? meta.keywords : undefined
  const source = frontMatterLanguage(meta)
  const shown = editions.flatMap((e) => [e.language, ...e.blocks.flatMap((b) => b.segments.filter((s) => s.display === 'text').map((s) => s.language))])
  // A date is printed in the edition's language; the other fields as the front matter has them.
  shown.push(...metaFields(meta).flatMap((f) => (f.key === 'date' ? [] : [f.language])))
  if (typeof meta.description === 'string') shown.push(source)
  const only = editions.length === 1 ? editions[0] : undefined
  return {
    info: {
      Title: editions.map((e) => e.title).join(' / '),
      ...(typeof meta.author === 'string' ? {Author: meta.author} : {}),
      ...(typeof meta.description === 'string' ? {Subject: meta.description} : {}),
      ...(keywords ? {Keywords: keywords} : {}),
      Creator: 'Concord'
    },
    languages: {
      ...(only ? {title: only.language} : {}),
      ...(typeof meta.description === 'string' ? {subject: source} : {}),
      // The main language first: the edition's, or a parallel edition's translation (its catalog /Lang).
      text: [...new Set([editions[editions.length - 1]!.language, ...shown])]
    }
  }
}
