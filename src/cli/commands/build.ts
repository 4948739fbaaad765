import {existsSync} from 'node:fs'
import {isAbsolute, join, relative, resolve} from 'node:path'
import {Command, InvalidArgumentError} from 'commander'
import {alignEditions, type RenderedFile, type Renderer} from '../../editions/align.js'
import {isObject, parseJson, type JsonValue} from '../../core/json.js'
import {defaults, type Format} from '../../core/options.js'
import {renderHtmlFiles} from '../../editions/html/render.js'
import {renderMarkdownFiles} from '../../editions/markdown/render.js'
import {useSubsetStore} from '../../pdf/subset-cache.js'
import {createUiStrings, type UiResources} from '../../core/ui-strings.js'
import {packageFile, readText, writeIfChanged} from '../../engine/io.js'
import {loadTranslations, localeKey, type LocaleTexts} from '../../engine/locales-sync.js'
import {CONFIG_FILE, loadProjectOptions, openProject, requireUpToDate, UsageError, type Project} from '../../engine/project.js'
import {info} from '../report.js'
import {renderAll, saveRenderRecord} from '../../engine/build-jobs.js'
import {chooseThreads, inProcessExecutor, mixedExecutor} from '../../engine/build-pool.js'
import {prepareInParallel} from '../../engine/parse-pool.js'
import {createProgress} from '../progress.js'
import {preloadShaping, saveShaping, shapingPath} from '../../engine/shaping-file.js'
import {pruneSubsets, subsetDir, subsetFileStore} from '../../engine/subset-file.js'
import {reportFailure, watchAndRun} from '../../engine/watch.js'

const FORMATS: readonly Format[] = ['md', 'html', 'pdf']

/**
 * Renderer factories by format (a factory may need the project, e.g. to point
 * an error at a file). A format without one is skipped with a message, so
 * a format added to FORMATS before its renderer never fails the build.
 */
export const renderers: Partial<Record<Format, (project: Project) => Renderer>> = {
  md: () => renderMarkdownFiles,
  html: () => renderHtmlFiles,
  // pdfkit, fontkit and the fonts load only for a build that prints.
  pdf: (project) => {
    let render: Promise<Renderer> | undefined
    return async (input) => (await (render ??= import('../../engine/build-pdf.js').then((m) => m.pdfRenderer(project))))(input)
  }
}

function parseJobs(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`Unexpected \`${value}\`, expected a whole number of threads, 1 or more`)
  return n
}

function parseList(value: string | undefined, flag: string, allowed: readonly string[]): string[] | undefined {
  if (value === undefined) return undefined
  const items = value.split(',').map((item) => item.trim()).filter(Boolean)
  if (items.length === 0) throw new UsageError(`Unexpected empty ${flag}, expected a comma-separated list of ${allowed.join(', ')}`)
  for (const item of items) {
    if (!allowed.includes(item)) throw new UsageError(`Unexpected \`${item}\` in ${flag}, expected one of ${allowed.map((a) => `\`${a}\``).join(', ')}`)
  }
  return [...new Set(items)]
}

/** `locales/<lng>/ui.json` of the project, else the one shipped with Concord, so a new project needs no copies. */
function readUi(project: Project, language: string): Record<string, string> {
  const own = join(project.root, project.options.localesDir, language, 'ui.json')
  const path = existsSync(own) ? own : packageFile(`locales/${language}/ui.json`)
  if (!existsSync(path)) return {}
  const file = readText(path, project.root)
  const parsed = parseJson(String(file), file)
  const strings: Record<string, string> = Object.create(null)
  if (!isObject(parsed.value)) file.fail('Unexpected JSON value, expected an object of UI string key → text', {place: {line: 1, column: 1}, ruleId: 'ui-invalid', source: 'concord'})
  for (const [key, value] of Object.entries(parsed.value as Record<string, JsonValue>)) {
    if (typeof value !== 'string') {
      file.fail(`Unexpected ${typeof value} for \`${key}\`, expected a string`, {place: parsed.places.get(`/${key}`) ?? {line: 1, column: 1}, ruleId: 'ui-invalid', source: 'concord'})
    }
    strings[key] = value as string
  }
  return strings
}

/** Paths under the project read relative; others (e.g. `--out /tmp/site`) absolute. */
const display = (root: string, path: string): string => {
  const rel = relative(root, path)
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path
}

export function buildCommand(): Command {
  return new Command('build')
    .description('write every edition of every document: <out>/<lng>/<doc>.{md,html,pdf} for English and each target language, and <out>/aligned/<doc>.{md,html} and <out>/aligned/<doc>.en-<lng>.pdf; unchanged files are not rewritten')
    .option('--lang <list>', 'target languages, comma-separated (default: `languages` in .concordrc.json); English is always built')
    .option('--format <list>', 'formats, comma-separated: md, html, pdf (default: `editions.formats` in .concordrc.json)')
    .option('--out <dir>', 'output folder (default: `outDir` in .concordrc.json, `output`)')
    .option('--jobs <n>', 'threads: PDFs on worker threads, and from 2, long documents parsed on two; 1 does everything in the main thread (default: one per CPU core for the PDFs of long documents, else 1)', parseJobs)
    .option('--watch', 'build, then build again whenever content/, locales/ or .concordrc.json change; stop with Ctrl+C')
    .addHelpText('after', '\nExamples:\n  npx concord build\n  npx concord build --lang ko,ja --format md,html\n  npx concord build --format html --out /tmp/site\n  npx concord build --watch --format html')
    .action(async (opts: BuildOptions) => (opts.watch ? watchBuild(opts) : build(opts)))
}

interface BuildOptions {
  lang?: string
  format?: string
  out?: string
  jobs?: number
  watch?: boolean
}

async function build(opts: BuildOptions): Promise<void> {
  // Cache files used from now on are this build's (see pruneSubsets); a little earlier, for file systems with coarse times.
  const started = Date.now() - 2000
  const root = process.cwd()
  const project = await openProject(root, undefined, {tree: 'if-parsing', ...(opts.jobs ? {threads: opts.jobs} : {})})
  const {options} = project
  const languages = parseList(opts.lang, '--lang', [options.sourceLanguage, ...options.languages]) ?? options.languages
  const formats = (parseList(opts.format, '--format', FORMATS) ?? options.editions.formats) as Format[]
  const out = resolve(root, opts.out ?? options.outDir)
  requireUpToDate(project)

  const localeTexts: LocaleTexts = new Map()
  const tracks = loadTranslations(project, localeTexts)
  const targets = options.languages.filter((l) => languages.includes(l) && l !== options.sourceLanguage)
  const resources: UiResources = {}
  for (const language of [options.sourceLanguage, ...targets]) resources[language] = readUi(project, language)
  const t = createUiStrings(resources, options.sourceLanguage)

  const active: Array<{format: Format; render: Renderer}> = []
  for (const format of formats) {
    const make = renderers[format]
    if (make) active.push({format, render: make(project)})
    else info(`build: no ${format} renderer in this version yet; skipped --format ${format}`)
  }
  // Render everything before writing anything: a content error found by a
  // later renderer (a character no PDF font has) leaves the output as it was.
  // Files whose inputs did not change since they were written are not rendered again (see build-jobs.ts).
  const documents = project.documents.map((doc) => ({
    document: doc.document,
    inputs: {source: String(doc.file), registry: doc.outputs.map((o) => o.content), locales: (language: string) => localeTexts.get(localeKey(doc.id, language))},
    editions: alignEditions(doc.document, tracks, {sourceLanguage: options.sourceLanguage, languages: targets, missing: options.editions.missing})
  }))
  const shared = {options, resources, epoch: process.env.SOURCE_DATE_EPOCH ?? null}
  const formatsBuilt = active.map((a) => a.format)
  const cacheDir = join(root, options.outDir, '.cache')
  const shaping = formatsBuilt.includes('pdf') ? shapingPath(cacheDir) : undefined
  if (shaping) preloadShaping(shaping)
  const subsets = shaping ? subsetDir(cacheDir) : undefined
  useSubsetStore(subsets ? subsetFileStore(subsets) : undefined)
  const work = {root, documents, renderers: active, options, resources, t, ...(shaping ? {shaping} : {}), ...(subsets ? {subsets} : {})}
  const threads = opts.jobs ?? chooseThreads(documents, formatsBuilt)
  const executor = threads > 1 ? mixedExecutor(work, threads) : inProcessExecutor(work)
  // With --jobs 2 or more, a long document's tree is parsed on two threads, and only when a file of it is rendered at all.
  const prepare = async (index: number): Promise<void> => {
    const loaded = project.documents[index]!
    if (loaded.parsedAhead) return
    const ready = await prepareInParallel(String(loaded.file), options.sourceLanguage, new Map(), true, opts.jobs).catch(() => undefined)
    if (ready?.tree) loaded.document.tree = ready.tree
  }
  const {files, skipped, record} = await renderAll({documents, formats: formatsBuilt, out, cacheDir, shared, executor, progress: createProgress(), prepare}).finally(() => executor.close())
  let written = 0
  let unchanged = skipped.length
  for (const file of files) {
    const path = join(out, ...file.path.split('/'))
    if (writeIfChanged(path, file.content)) {
      written++
      info(`wrote ${display(root, path)}`)
    } else {
      unchanged++
    }
  }
  saveRenderRecord(record)
  if (shaping) saveShaping(shaping)
  if (subsets) pruneSubsets(subsets, started)
  info(`build: ${written} file(s) written, ${unchanged} unchanged`)
}

/**
 * `--watch`: build, then build again whenever an input changes, until
 * Ctrl+C. A failing build (a content error, a half-saved file) prints its
 * messages and the watch goes on. After editing content/, run
 * `concord segment`: its registry update is picked up like any change.
 */
async function watchBuild(opts: BuildOptions): Promise<void> {
  const root = process.cwd()
  await build(opts).catch((error: unknown) => {
    // A mistake in the command line will not fix itself: stop (exit code 2).
    if (error instanceof UsageError) throw error
    reportFailure(error)
  })
  let options = defaults()
  try {
    options = loadProjectOptions(root)
  } catch (error) {
    reportFailure(error)
  }
  const watching = watchAndRun({root, folders: [join(root, options.contentDir), join(root, options.localesDir)], files: [join(root, CONFIG_FILE)]}, () => build(opts))
  await watching.closed
}
