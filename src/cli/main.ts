#!/usr/bin/env node
import {statSync} from 'node:fs'
import {createRequire} from 'node:module'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {installCodeCache} from '../engine/code-cache.js'
import {tuneJit} from './jit.js'

/**
 * The `concord` command. `npm run build` bundles the CLI (run.ts and what it
 * imports) into one CommonJS file, concord.cjs, which this runs with a V8
 * code cache (code-cache.ts); without the bundle (no esbuild, or a bundle
 * older than tsc's output) it runs the modules tsc wrote.
 *
 * `CONCORD_CODE_CACHE`: a folder to keep the cache in, or `0` for none
 * (default: dist/cli/.code-cache, one file per command, as each loads
 * different code). The cache is compiled code: like the bundle itself, it
 * must be writable only by whoever may change Concord.
 */
tuneJit()
const here = fileURLToPath(new URL('.', import.meta.url))
const bundle = join(here, 'concord.cjs')
const modified = (path: string): number => statSync(path, {throwIfNoEntry: false})?.mtimeMs ?? -1

if (modified(bundle) >= modified(join(here, 'run.js'))) {
  const setting = process.env.CONCORD_CODE_CACHE
  if (setting !== '0') {
    const command = /^[a-z]{1,12}$/.test(process.argv[2] ?? '') ? process.argv[2] : 'other'
    installCodeCache(join(setting || join(here, '.code-cache'), `${command}.bin`))
  }
  createRequire(import.meta.url)(bundle)
} else {
  await import('./run.js')
}
