import {resolve} from 'node:path'
import type {Options} from '../core/options.js'
import {digestOf, readRecord, writeRecord} from './registry-digest.js'

/**
 * What the last `segment` left in each locale of a document: the digest of
 * the locale files it wrote or found as they should be, with the registry
 * they were tracked against, and the lines it reported for them,
 * `<outDir>/.cache/<doc>.locales.digest`.
 *
 * Why: `segment --check` of a book parses 60 MB of locale files, tracks
 * them and writes them out again to compare, to find every one unchanged.
 * Tracking is a function of the registry, the locale files and the code:
 * a locale whose files and registry are those a run of the same code left
 * is as it should be, and its report is the one recorded. A locale that
 * differs in any byte of its text (or in its registry) is tracked as
 * before. Only a cache: missing, unreadable or from other code, it is
 * ignored (registry-digest.ts reads and writes both kinds of record).
 */

export interface LocaleRecord {
  digest: string
  report: string[]
}

/** Recorded locales by language. */
export type LocaleRecords = Record<string, LocaleRecord>

const digestPath = (root: string, options: Options, document: string): string => resolve(root, options.outDir, '.cache', `${document}.locales.digest`)

/** The digest of a registry's two files (their texts). */
export const registryTextDigest = (strings: string, meta: string | null): string => digestOf([strings, meta])

/**
 * The digest of a locale's files (`null`: absent) tracked against the
 * registry of digest `registry`, found at `where` (its strings file from the
 * project root, as its report lines name it).
 */
export const localeDigest = (registry: string, language: string, document: string, where: string, texts: Array<string | null>): string =>
  digestOf([registry, language, document, where, ...texts])

/** The records of `document`'s locales, if made by the code running now. */
export function readLocaleRecords(root: string, options: Options, document: string): LocaleRecords {
  const locales = readRecord(digestPath(root, options, document))?.locales
  const records: LocaleRecords = Object.create(null)
  if (typeof locales !== 'object' || locales === null) return records
  for (const [language, record] of Object.entries(locales as Record<string, unknown>)) {
    const {digest, report} = (record ?? {}) as Partial<LocaleRecord>
    if (typeof digest === 'string' && Array.isArray(report) && report.every((line) => typeof line === 'string')) records[language] = {digest, report}
  }
  return records
}

/** Record, by document, what a `segment` that wrote its files left in the locales of `documents`. */
export function recordLocales(root: string, options: Options, documents: string[], records: Array<{document: string; language: string} & LocaleRecord>): void {
  for (const document of documents) {
    const locales: LocaleRecords = Object.create(null)
    for (const record of records) if (record.document === document) locales[record.language] = {digest: record.digest, report: record.report}
    writeRecord(digestPath(root, options, document), {
      locales: Object.fromEntries(
        Object.keys(locales)
          .sort()
          .map((language) => [language, locales[language]!])
      )
    })
  }
}
