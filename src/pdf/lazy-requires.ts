import {inflateRawSync} from 'node:zlib'
import {moduleLoader as loader} from './pdfkit-private.js'

/**
 * pdfkit and fontkit load, as they load, modules for features Concord does
 * not use: pdfkit's own line wrapping (`linebreak`, which inflates a Unicode
 * table), PNG images (`png-js`), encryption (`@noble/ciphers/aes`) and WOFF2
 * fonts (`brotli/decompress.js`, which decodes a 120 KB dictionary). That is
 * about 40 ms of every process that prints, a one-segment rebuild included.
 *
 * While `load` runs, each of those requires, made by pdfkit or fontkit,
 * gets a stand-in instead, which loads the real module the first time it is
 * called, constructed or read, so a document that does use one (through
 * pdfkit's API, say `doc.image`) still gets it.
 *
 * And `tiny-inflate`, a DEFLATE decoder in JavaScript with which
 * `unicode-trie` unpacks the Unicode tables of fontkit and its dependencies
 * as they load (twice deflated), and fontkit WOFF fonts, is given as Node's
 * own zlib, which gives the same bytes many times faster: 25 ms less per
 * process.
 */
const DEFERRED = new Set(['linebreak', 'png-js', '@noble/ciphers/aes', 'brotli/decompress.js'])
const FROM = /[\\/]node_modules[\\/](?:pdfkit|fontkit)[\\/]/
const INFLATING = /[\\/]node_modules[\\/](?:unicode-trie|fontkit)[\\/]/

/**
 * `tiny-inflate`'s function on zlib: raw DEFLATE `source` into `dest`,
 * returning `dest`, or the part of it written when the data is shorter.
 */
export function nativeInflate(source: Uint8Array, dest: Uint8Array): Uint8Array {
  const out = inflateRawSync(source)
  const length = Math.min(out.length, dest.length)
  dest.set(out.subarray(0, length))
  return length < dest.length ? dest.slice(0, length) : dest
}

function standIn(real: () => object): object {
  // A function target, so that the stand-in can be called and constructed as the module itself.
  return new Proxy(function deferred() {}, {
    get: (_, key) => Reflect.get(real(), key),
    has: (_, key) => Reflect.has(real(), key),
    apply: (_, self, args: unknown[]) => Reflect.apply(real() as (...args: unknown[]) => unknown, self, args),
    construct: (_, args: unknown[]) => Reflect.construct(real() as new (...args: unknown[]) => object, args)
  })
}

/** Run `load` (a require of pdfkit or fontkit) with their unused dependencies deferred. */
export function withDeferredDependencies<T>(load: () => T): T {
  const original = loader._load
  loader._load = function (this: unknown, request, parent, isMain) {
    const from = parent?.filename ?? ''
    if (request === 'tiny-inflate' && INFLATING.test(from)) return nativeInflate
    if (!DEFERRED.has(request) || !FROM.test(from)) return original.call(this, request, parent, isMain)
    let module: object | undefined
    return standIn(() => (module ??= original.call(loader, request, parent, isMain) as object))
  }
  try {
    return load()
  } finally {
    loader._load = original
  }
}
