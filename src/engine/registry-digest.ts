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

/** The digest of a document's Markdown (LF line endings) and its two registry files' texts, for its source language. */
export function registryDigest(sourceLanguage: string, source: string, strings: string, meta: string): string {
  const hash = createHash('sha256')
  for (const part of [sourceLanguage, source, strings, meta]) hash.update(String(part.length)).update('\0').update(part)
  return hash.digest('base64url')
}

/** The digest the last run recorded, if it was made by the code running now. */
export function readRegistryDigest(root: string, options: Options, id: string): string | undefined {
  const path = digestPath(root, options, id)
  if (!existsSync(path)) return undefined
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as {format?: unknown; fingerprint?: unknown; digest?: unknown}
    return data.format === FORMAT && data.fingerprint === codeFingerprint() && typeof data.digest === 'string' ? data.digest : undefined
  } catch {
    return undefined
  }
}

/** Record `digest` (when it changed); a cache that cannot be written is simply not written. */
export function writeRegistryDigest(root: string, options: Options, id: string, digest: string): void {
  try {
    writeIfChanged(digestPath(root, options, id), `${JSON.stringify({format: FORMAT, fingerprint: codeFingerprint(), digest})}\n`)
  } catch {
    // Read-only output folder: every run writes the registry out to compare.
  }
}
