import {existsSync, readFileSync, realpathSync, statSync} from 'node:fs'
import type {ServerResponse} from 'node:http'
import {isAbsolute, join, relative, resolve} from 'node:path'
import {packageFile} from '../engine/io.js'
import {refuse, SECURITY_HEADERS} from './guard.js'

/**
 * What the server sends that is not data: the page, its script and style
 * (bundled from src/serve/client/ by `npm run build`), and the HTML
 * editions of the output folder, for the link from each segment.
 */

const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** The page: no inline script or style (the CSP allows only files of ours); the script builds the editor. */
export function editorPage(language: string, title: string, loading: string): string {
  return `<!doctype html>
<html lang="${escapeHtml(language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/editor.css">
<script src="/assets/editor.js" defer></script>
</head>
<body>
<main id="editor" aria-busy="true"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(loading)}</p></main>
</body>
</html>
`
}

const TYPES: Record<string, string> = {'editor.js': 'text/javascript; charset=utf-8', 'editor.css': 'text/css; charset=utf-8'}

/** `/assets/<name>`: the bundled client, read on each request (a rebuild needs no restart). */
export function sendAsset(response: ServerResponse, name: string): void {
  const path = packageFile(`dist/serve/client/${name}`)
  if (!Object.hasOwn(TYPES, name) || !existsSync(path)) {
    refuse(response, 404, `Not found: ${name}; run \`npm run build\` (it bundles the editor)`)
    return
  }
  response.writeHead(200, {...SECURITY_HEADERS, 'Content-Type': TYPES[name]!})
  response.end(readFileSync(path))
}

/**
 * The HTML editions carry their own strict policy (hashes of their one
 * style sheet and script, in a meta tag). Browsers apply every policy
 * given, so this header adds to it what the page's cannot say: nothing
 * from elsewhere, no framing.
 */
const EDITION_POLICY = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

/** `/output/<path>`: an HTML file of the output folder, never one outside it. */
export function sendEdition(response: ServerResponse, outDir: string, path: string): void {
  const absolute = resolve(outDir, path)
  const inside = (folder: string, p: string): boolean => {
    const rel = relative(folder, p)
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)
  }
  // Links too: a symbolic link in the output folder must not lead out of it.
  const found = inside(outDir, absolute) && absolute.endsWith('.html') && existsSync(absolute) && statSync(absolute).isFile() && inside(realpathSync(outDir), realpathSync(absolute))
  if (!found) {
    refuse(response, 404, `Not found: ${join('output', path)}; run \`npx concord build --format html\` to make the HTML editions`)
    return
  }
  response.writeHead(200, {...SECURITY_HEADERS, 'Content-Security-Policy': EDITION_POLICY, 'Content-Type': 'text/html; charset=utf-8'})
  response.end(readFileSync(absolute))
}
