import {moduleCompiler} from '../pdf/pdfkit-private.js'
import {createHash} from 'node:crypto'
import {mkdirSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import Module, {createRequire} from 'node:module'
import {dirname} from 'node:path'
import {constants as vmConstants, Script} from 'node:vm'

/**
 * V8 code cache for the CommonJS code a run loads: the CLI bundle, pdfkit,
 * fontkit and their dependencies.
 *
 * Why: a one-off `concord build` after one changed segment spends about a
 * third of its time before doing any work, largely compiling some 4 MB of
 * JavaScript. Node 22 caches that itself (`module.enableCompileCache`);
 * Node 20 does not, and v8-compile-cache keeps only what V8 compiles
 * eagerly, which in a bundle of lazily initialised modules is little. This
 * keeps what the run compiled, taken at exit (`script.createCachedData()`
 * after running includes the functions compiled on the way).
 *
 * Correctness does not depend on the cache: an entry is used only for the
 * same file with the same content (V8 itself only checks the length), V8
 * rejects data from another version or other flags, and any unreadable or
 * unwritable cache file is ignored. Outputs are the same with or without it.
 */

interface Entry {
  hash: string
  data: Buffer
}

const MAGIC = 'concord-code-cache-1'

const hashOf = (content: string): string => createHash('sha1').update(content).digest('base64url')

/** The entries of a cache file, none if it is missing or not one (a cache is never an error). */
export function readCodeCache(path: string): Map<string, Entry> {
  const store = new Map<string, Entry>()
  try {
    const buffer = readFileSync(path)
    const headerLength = buffer.readUInt32LE(0)
    const header = JSON.parse(buffer.toString('utf8', 4, 4 + headerLength)) as {magic: string; v8: string; entries: Array<[string, string, number]>}
    if (header.magic !== MAGIC || header.v8 !== process.versions.v8) return store
    let offset = 4 + headerLength
    for (const [file, hash, length] of header.entries) {
      if (offset + length > buffer.length) return new Map()
      store.set(file, {hash, data: buffer.subarray(offset, offset + length)})
      offset += length
    }
  } catch {
    return new Map()
  }
  return store
}

export function encodeCodeCache(store: Map<string, Entry>): Buffer {
  const entries = [...store].map(([file, entry]): [string, string, number] => [file, entry.hash, entry.data.length])
  const header = Buffer.from(JSON.stringify({magic: MAGIC, v8: process.versions.v8, entries}))
  const length = Buffer.alloc(4)
  length.writeUInt32LE(header.length)
  return Buffer.concat([length, header, ...[...store.values()].map((entry) => entry.data)])
}

function save(path: string, store: Map<string, Entry>): void {
  const temp = `${path}.${process.pid}.tmp`
  try {
    mkdirSync(dirname(path), {recursive: true})
    writeFileSync(temp, encodeCodeCache(store))
    renameSync(temp, path)
  } catch {
    // A read-only install runs without the cache.
    rmSync(temp, {force: true})
  }
}

/**
 * From now on, compile CommonJS modules with the code cache at `path`. At
 * exit, when a module was not in the cache (or V8 turned its entry down),
 * the cache is written again with what this run compiled.
 */
export function installCodeCache(path: string): void {
  const store = readCodeCache(path)
  const compiled = new Map<string, {hash: string; script: Script}>()
  let missed = false
  const proto = moduleCompiler
  const original = proto._compile
  proto._compile = function (content, filename) {
    const hash = hashOf(content)
    const known = store.get(filename)
    const cachedData = known?.hash === hash ? known.data : undefined
    let script: Script
    try {
      // The wrapper Node puts around a module, with a hashbang line kept as an empty line (V8 only accepts one at the very start).
      const source = Module.wrap(content.startsWith('#!') ? content.replace(/^#!.*/, '') : content)
      // `import()` in the module resolves as in a module Node compiled itself.
      script = new Script(source, {filename, importModuleDynamically: vmConstants.USE_MAIN_CONTEXT_DEFAULT_LOADER, ...(cachedData ? {cachedData} : {})})
    } catch {
      // A syntax error is reported by Node's own loader, as usual.
      return original.call(this, content, filename)
    }
    if (!cachedData || script.cachedDataRejected) missed = true
    compiled.set(filename, {hash, script})
    const wrapper = script.runInThisContext({displayErrors: true}) as (...args: unknown[]) => unknown
    return wrapper.call(this.exports, this.exports, createRequire(filename), this, filename, dirname(filename))
  }
  process.once('beforeExit', () => {
    if (!missed) return
    // What this run compiled, and only that. An entry holds the functions compiled by the run that wrote it,
    // and a file's entry that V8 accepts is not written again: kept beside entries of other files from a
    // wider run (pdfkit), a `build` without PDFs would leave the bundle's PDF code out of the cache for good.
    // Left out, those files make the next run that loads them write the cache again, with all it compiled.
    save(path, new Map([...compiled].map(([file, {hash, script}]) => [file, {hash, data: script.createCachedData()}])))
  })
}
