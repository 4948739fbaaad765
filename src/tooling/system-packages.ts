import {spawnSync} from 'node:child_process'
import {realpathSync} from 'node:fs'
import {fileURLToPath} from 'node:url'

/**
 * `npm test` runs this before the suite (the `pretest` script): the tests
 * drive real clients, so a fresh Debian machine must get them before the
 * first test, not after a page of failures. When all are installed (the usual
 * case) it does nothing and prints nothing.
 *
 * Missing packages are installed with apt-get when that needs no password
 * (running as root, as CI does, or with passwordless sudo); otherwise the
 * script names the packages and the command, and fails.
 */

/** Debian packages the tests need, and what for. */
export const PACKAGES: Readonly<Record<string, string>> = {
  chromium: 'browser tests of the HTML editions and the coverage report (/usr/bin/chromium)',
  'poppler-utils': 'reading the PDF editions back (pdftotext, pdffonts, pdfinfo, pdftoppm)',
  qpdf: 'checking the PDF structure',
  'libxml2-utils': 'validating XLIFF against its schema and the PDFs’ XMP packets (xmllint)',
  gettext: 'reading PO files as gettext does (msgfmt, msgcat)',
  'translate-toolkit': 'editing PO and XLIFF as a translator would (pofilter, podebug, po2xliff)',
  omegat: 'reading the XLIFF 1.2 export as OmegaT 3.x does (console-translate mode)'
}

/** `true` when dpkg knows the package as installed (not merely as removed with its configuration kept). */
export type Installed = (name: string) => boolean

export const dpkgInstalled: Installed = (name) => {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own field syntax, not a template
  const run = spawnSync('dpkg-query', ['--show', '--showformat=${db:Status-Status}', name], {encoding: 'utf8'})
  return run.status === 0 && run.stdout.trim() === 'installed'
}

/** What to do about the missing packages on this machine. */
export type Plan = {kind: 'nothing'} | {kind: 'install'; commands: string[][]} | {kind: 'ask'; message: string}

export interface Machine {
  /** dpkg is there at all (a Debian-like system). */
  debian: boolean
  root: boolean
  /** `sudo` runs without asking for a password. */
  sudo: boolean
}

export function plan(missing: readonly string[], machine: Machine): Plan {
  if (missing.length === 0) return {kind: 'nothing'}
  const apt = [
    ['apt-get', 'update', '-qq'],
    ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...missing]
  ]
  if (machine.debian && (machine.root || machine.sudo)) {
    const prefix = machine.root ? ['env'] : ['sudo', '-n', 'env']
    return {kind: 'install', commands: apt.map((command) => [...prefix, 'DEBIAN_FRONTEND=noninteractive', ...command])}
  }
  const list = missing.map((name) => `  ${name}: ${PACKAGES[name] ?? ''}`).join('\n')
  const how = machine.debian
    ? `Install them with:\n  sudo apt-get install -y --no-install-recommends ${missing.join(' ')}`
    : "Install the same tools with your system's package manager (these are the Debian package names)."
  return {kind: 'ask', message: `The tests need packages that are not installed:\n${list}\n${how}\n`}
}

function machine(): Machine {
  const debian = spawnSync('dpkg-query', ['--version'], {stdio: 'ignore'}).status === 0
  const root = process.getuid?.() === 0
  const sudo = !root && spawnSync('sudo', ['-n', 'true'], {stdio: 'ignore'}).status === 0
  return {debian, root, sudo}
}

function main(): void {
  const here = machine()
  // Without dpkg nothing can be checked by package name: say what the tests use and go on.
  const missing = here.debian ? Object.keys(PACKAGES).filter((name) => !dpkgInstalled(name)) : Object.keys(PACKAGES)
  const next = plan(missing, here)
  if (next.kind === 'nothing') return
  if (next.kind === 'ask') {
    process.stderr.write(next.message)
    if (here.debian) process.exit(1)
    return
  }
  process.stderr.write(`Installing what the tests need: ${missing.join(' ')}\n`)
  for (const [file, ...args] of next.commands) {
    const run = spawnSync(file!, args, {stdio: 'inherit'})
    if (run.status !== 0) process.exit(run.status ?? 1)
  }
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) main()
