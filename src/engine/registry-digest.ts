import {createHash} from 'node:crypto'
import {existsSync, readFileSync} from 'node:fs'
import type {Options} from '../core/options.js'
import {writeIfChanged} from './io.js'
import {extname, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {fingerprint, modulesFingerprint} from './segment-cache.js'

/**
 * What the last run that reconciled a document found: the digest of its
 * Markdown and of the registry files it wrote or found canonical,
 * `<outDir>/.cache/<doc>.registry.digest`.
 *
 * Why: every command opens the project by reconciling each document with
 * its registry, then writes the registry out again to see whether the file
 * is what it should be (`outdated`). For a book that is megabytes of JSON
 * written for nothing on every run (0.3 s of `segment --check` at 10 MB).
 * Reconciling is a function of the Markdown, the registry and the code:
 * when the same code (`codeFingerprint`) finds the same
 * Markdown and the same registry files as a run that wrote or checked
 * them, the registry is up to date, and the files as read are what it would
 * write. Like the segment cache, it is only a cache: missing, unreadable or
 * for other files, it is ignored, and the registry is written out again.
 */
const FORMAT = 1

const self = fileURLToPath(import.meta.url)

let memo: string | undefined

/**
 * The code a digest depends on: inside the CLI bundle, the bundle (the
 * segment cache's fingerprint); run from the modules, every module that
 * opening a project and tracking a locale import (segmentation's alone
 * would miss a change to reconciling or tracking).
 */
export function codeFingerprint(): string {
  memo ??= extname(self) === '.cjs' ? fingerprint() : modulesFingerprint(['engine/project', 'engine/locale-job'])
  return memo
}

export const digestPath = (root: string, options: Options, id: string): string => resolve(root, options.outDir, '.cache', `${id}.registry.digest`)

/** The digest of texts (`null`: a file that is absent), each told apart from the next by its length. */
export function digestOf(parts: Array<string | null>): string {
  const hash = createHash('sha256')
  for (const part of parts)
    hash
      .update(part === null ? '-' : String(part.length))
      .update('\0')
      .update(part ?? '')
  return hash.digest('base64url')
}

/** The digest of a document's Markdown (LF line endings) and its two registry files' texts, for its source language. */
export const registryDigest = (sourceLanguage: string, source: string, strings: string, meta: string): string => digestOf([sourceLanguage, source, strings, meta])

/** What a record file holds, if it is one of this format made by the code running now; else (missing, unreadable, other code) nothing. */
export function readRecord(path: string): Record<string, unknown> | undefined {
  if (!existsSync(path)) return undefined
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown> | null
    return data !== null && typeof data === 'object' && data.format === FORMAT && data.fingerprint === codeFingerprint() ? data : undefined
  } catch {
    return undefined
  }
}

/** Write a record file (when it changed); a cache that cannot be written (a read-only output folder) is simply not written. */
export function writeRecord(path: string, data: Record<string, unknown>): void {
  try {
    writeIfChanged(path, `${JSON.stringify({format: FORMAT, fingerprint: codeFingerprint(), ...data})}\n`)
  } catch {
    // Every later run does the work the record would have spared.
  }
}

/** The digest the last run recorded. */
export function readRegistryDigest(root: string, options: Options, id: string): string | undefined {
  const digest = readRecord(digestPath(root, options, id))?.digest
  return typeof digest === 'string' ? digest : undefined
}

/** Record `digest`: these registry files are up to date for this Markdown. */
export const writeRegistryDigest = (root: string, options: Options, id: string, digest: string): void => writeRecord(digestPath(root, options, id), {digest})
