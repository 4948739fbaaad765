import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

/**
 * `npm run build` (part of `prepare`): the CLI and its worker threads,
 * each bundled with esbuild.
 *
 * Why: `concord` loads a few hundred small ES modules (remark, micromark,
 * rehype, i18next...); resolving and compiling them one by one took about
 * half a second of every run, more than an incremental rebuild of the
 * statement itself. One file per entry loads in about a third of that.
 *
 * The CLI (run.js and what it imports) becomes one CommonJS file,
 * dist/cli/concord.cjs, because Node 20 can keep a V8 code cache for
 * CommonJS only; dist/cli/main.js runs it (see main.ts and code-cache.ts).
 * The worker threads are bundled in place, as ES modules. Everything else
 * in dist/ stays as tsc wrote it (the library API, the bench), and the
 * bundles sit next to the originals, so paths relative to them
 * (package.json, shipped locales, the workers) do not change.
 *
 * pdfkit reads its font metrics from files next to its own code and
 * fontkit, the fonts and subset-font (which reads its WebAssembly next to
 * itself) are loaded through `require`, so they stay outside.
 * Without esbuild (a production install) the unbundled files are used.
 */
const dist = join(fileURLToPath(new URL('.', import.meta.url)), '..')

let esbuild: typeof import('esbuild')
try {
  esbuild = await import('esbuild')
} catch {
  process.stderr.write('bundle: esbuild is not installed; the CLI runs unbundled (slower to start)\n')
  process.exit(0)
}

const shared: import('esbuild').BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  // jsonc-parser's `main` is a UMD build that requires its parts at run time.
  mainFields: ['module', 'main'],
  external: ['pdfkit', 'fontkit', '@expo-google-fonts/*', 'subset-font', 'esbuild'],
  legalComments: 'eof',
  logLevel: 'warning'
}

await esbuild.build({
  ...shared,
  entryPoints: [join(dist, 'cli', 'run.js')],
  outfile: join(dist, 'cli', 'concord.cjs'),
  format: 'cjs',
  // The modules locate files and workers next to themselves, which in the bundle is next to concord.cjs.
  define: {'import.meta.url': 'concordImportMetaUrl', 'import.meta.resolve': 'concordImportMetaResolve'},
  banner: {
    js: "const concordImportMetaUrl = require('node:url').pathToFileURL(__filename).href; const concordImportMetaResolve = (specifier) => require('node:url').pathToFileURL(require.resolve(specifier)).href;"
  }
})

await esbuild.build({
  ...shared,
  entryPoints: ['build-worker.js', 'parse-worker.js', 'locale-worker.js'].map((name) => join(dist, 'engine', name)),
  outdir: join(dist, 'engine'),
  allowOverwrite: true,
  format: 'esm',
  // CommonJS dependencies (commander) require Node built-ins.
  banner: {js: "import {createRequire as concordCreateRequire} from 'node:module'; const require = concordCreateRequire(import.meta.url);"}
})

// The editor's page (`concord serve`): browser code, one script and one style sheet, served from dist/serve/client/.
const client = join(dist, '..', 'src', 'serve', 'client')
await esbuild.build({
  entryPoints: [join(client, 'main.ts')],
  outfile: join(dist, 'serve', 'client', 'editor.js'),
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  legalComments: 'none',
  logLevel: 'warning'
})
await esbuild.build({entryPoints: [join(client, 'editor.css')], outfile: join(dist, 'serve', 'client', 'editor.css'), bundle: true, logLevel: 'warning'})
