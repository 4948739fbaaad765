import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

/**
 * `npm run build` (part of `prepare`): the CLI and its worker threads,
 * each bundled with esbuild into the single file tsc wrote for it.
 *
 * Why: `concord` loads a few hundred small ES modules (remark, micromark,
 * rehype, i18next...); resolving and compiling them one by one took about
 * half a second of every run, more than an incremental rebuild of the
 * statement itself. One file per entry loads in about a third of that.
 * Everything else in dist/ stays as tsc wrote it (the library API, the
 * bench), and the bundles sit where the originals were, so paths relative
 * to them (package.json, shipped locales, the worker) do not change.
 *
 * pdfkit reads its font metrics from files next to its own code and
 * fontkit and the fonts are loaded through `require`, so they stay outside.
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

await esbuild.build({
  entryPoints: ['main.js', 'build-worker.js', 'parse-worker.js'].map((name) => join(dist, 'cli', name)),
  outdir: join(dist, 'cli'),
  allowOverwrite: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // jsonc-parser's `main` is a UMD build that requires its parts at run time.
  mainFields: ['module', 'main'],
  external: ['pdfkit', 'fontkit', '@expo-google-fonts/*', 'esbuild'],
  // CommonJS dependencies (commander) require Node built-ins.
  banner: {js: "import {createRequire as concordCreateRequire} from 'node:module'; const require = concordCreateRequire(import.meta.url);"},
  legalComments: 'eof',
  logLevel: 'warning'
})
