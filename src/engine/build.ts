import {statSync, type Stats} from 'node:fs'
import {dirname, resolve} from 'node:path'
import {alignEditions} from '../editions/align.js'
import {FORMATS, renderers} from '../editions/registry.js'
import type {Format} from '../core/options.js'
import {createUiStrings} from '../core/ui-strings.js'
import {renderAll, saveRenderRecord} from './build-jobs.js'
import {chooseThreads, inProcessExecutor, mixedExecutor} from './build-pool.js'
import {commitStaged, discardStaged, sweepStaged} from './staged-output.js'
import {loadTranslations, localeKey, type LocaleTexts} from './locales-sync.js'
import {prepareInParallel} from './parse-pool.js'
import {openProject, requireUpToDate} from './project.js'
import {silent, UsageError, type Reporter} from './reporter.js'
import {displayPath as display} from './fs-errors.js'
import {preloadShaping, saveShaping, shapingPath} from './shaping-file.js'
import {pruneSubsets, subsetDir, subsetFileStore} from './subset-file.js'
import {loadUiResources, renderContext} from './render-context.js'
import {startWebFonts} from '../editions/html/web-fonts.js'
import {buildEpoch} from './source-date.js'

/**
 * `concord build` as a library call, which the command and its watch mode
 * run: every edition of every document, written to the output folder;
 * files whose inputs did not change since they were written are neither
 * rendered nor written again (see build-jobs.ts).
 */
export interface BuildOptions {
  /** The project folder. */
  root: string
  /** Target languages (`--lang`); default `languages` in .concordrc.json. The source edition is always built. */
  languages?: string[]
  /** Formats (`--format`); default `editions.formats` in .concordrc.json. */
  formats?: string[]
  /** Output folder, relative to `root` (`--out`); default `outDir` in .concordrc.json. */
  out?: string
  /** Threads (`--jobs`); default: chosen by the size of the PDFs to print (see `chooseThreads`). */
  jobs?: number
  /** The value of SOURCE_DATE_EPOCH, which dates the PDFs (the caller reads the environment); unset or empty: the last commit touching the inputs. */
  sourceDateEpoch?: string
  reporter?: Reporter
}

/** The items of a list option, each one of `allowed`, without repeats. */
function pick(items: string[] | undefined, flag: string, allowed: readonly string[]): string[] | undefined {
  if (items === undefined) return undefined
  const picked = items.map((item) => item.trim()).filter(Boolean)
  if (picked.length === 0) throw new UsageError(`Unexpected empty ${flag}, expected a comma-separated list of ${allowed.join(', ')}`)
  for (const item of picked) {
    if (!allowed.includes(item)) throw new UsageError(`Unexpected \`${item}\` in ${flag}, expected one of ${allowed.map((a) => `\`${a}\``).join(', ')}`)
  }
  return [...new Set(picked)]
}

/** What is at `path`, or nothing (also when a parent is a file: the loop then finds that parent). */
function statOrNothing(path: string): Stats | undefined {
  try {
    return statSync(path, {throwIfNoEntry: false})
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined
    throw error
  }
}

/** The output folder is a folder or can be made one: checked before rendering, which may take minutes, not when writing. */
function requireFolder(root: string, out: string, setting: string): void {
  for (let path = out; ; path = dirname(path)) {
    const stat = statOrNothing(path)
    if (!stat) {
      if (dirname(path) === path) return
      continue
    }
    if (stat.isDirectory()) return
    const where = path === out ? 'that is a file' : `inside \`${display(root, path)}\`, which is a file`
    throw new UsageError(`Unexpected ${setting} \`${display(root, out)}\` ${where}, expected a folder; choose another path, or move the file away`)
  }
}

export async function build(input: BuildOptions): Promise<void> {
  const {root, jobs, reporter = silent} = input
  // Cache files used from now on are this build's (see pruneSubsets); a little earlier, for file systems with coarse times.
  const started = Date.now() - 2000
  const project = await openProject(root, undefined, {tree: 'if-parsing', ...(jobs ? {threads: jobs} : {})})
  const {options} = project
  const languages = pick(input.languages, '--lang', [options.sourceLanguage, ...options.languages]) ?? options.languages
  const formats = (pick(input.formats, '--format', FORMATS) ?? options.editions.formats) as Format[]
  const out = resolve(root, input.out ?? options.outDir)
  requireFolder(root, out, input.out !== undefined ? '`--out`' : '`outDir`')
  requireUpToDate(project)

  const localeTexts: LocaleTexts = new Map()
  const tracks = loadTranslations(project, localeTexts)
  const targets = options.languages.filter((l) => languages.includes(l) && l !== options.sourceLanguage)
  const resources = loadUiResources(root, options, [options.sourceLanguage, ...targets])
  const t = createUiStrings(resources, options.sourceLanguage)

  const cacheDir = resolve(root, options.outDir, '.cache')
  const shaping = formats.includes('pdf') ? shapingPath(cacheDir) : undefined
  if (shaping) preloadShaping(shaping)
  // Font subsets: the PDFs' and the HTML pages' web fonts.
  const subsets = shaping || formats.includes('html') ? subsetDir(cacheDir) : undefined
  const store = subsets ? subsetFileStore(subsets) : undefined
  // The PDFs' date, read once for the build (and for every worker): SOURCE_DATE_EPOCH, else the last commit of the inputs.
  const sourceDateEpoch = formats.includes('pdf') ? buildEpoch(root, input.sourceDateEpoch) : input.sourceDateEpoch
  const context = formats.includes('pdf') ? renderContext(root, sourceDateEpoch, store) : store ? {subsets: store} : {}
  const active = formats.map((format) => ({format, render: renderers[format](context)}))
  // Render everything before writing anything: a content error found by a
  // later renderer (a character no PDF font has) leaves the output as it was.
  const documents = project.documents.map((doc) => ({
    document: doc.document,
    inputs: {source: String(doc.file), registry: doc.outputs.map((o) => o.content), locales: (language: string) => localeTexts.get(localeKey(doc.id, language))},
    editions: alignEditions(doc.document, tracks, {sourceLanguage: options.sourceLanguage, languages: targets, missing: options.editions.missing, drafts: options.editions.drafts})
  }))
  const shared = {options, resources, epoch: sourceDateEpoch ?? null}
  const epoch = sourceDateEpoch !== undefined ? {sourceDateEpoch} : {}
  const work = {root, documents, renderers: active, options, resources, t, ...epoch, ...(shaping ? {shaping} : {}), ...(subsets ? {subsets} : {})}
  const threads = jobs ?? chooseThreads(documents, formats)
  const executor = threads > 1 ? mixedExecutor(work, threads) : inProcessExecutor(work)
  // With --jobs 2 or more, a long document's tree is parsed on two threads, and only when a file of it is rendered at all.
  const prepare = async (index: number): Promise<void> => {
    const loaded = project.documents[index]!
    if (!loaded.parsedAhead) {
      const ready = await prepareInParallel(String(loaded.file), options.sourceLanguage, new Map(), true, jobs).catch(() => undefined)
      if (ready?.tree) loaded.document.tree = ready.tree
    }
    // The HTML pages' font subsets are made on a thread of their own: started before the document's first file
    // renders, they are made while its files render; a document with nothing to render makes none.
    const {document, editions} = documents[index]!
    if (formats.includes('html')) startWebFonts({document, editions, options, t}, store)
  }
  const {files, skipped, record} = await renderAll({documents, formats, out, cacheDir, shared, executor, progress: reporter.progress, prepare}).finally(() => executor.close())
  let unchanged = skipped.length
  const wrote: string[] = []
  // Each file was written beside its place as it rendered: now, all rendered, each goes in its place.
  sweepStaged(files.map((file) => file.path))
  for (const [i, file] of files.entries()) {
    try {
      if (commitStaged(file)) {
        wrote.push(display(root, file.path))
        reporter.info(`wrote ${display(root, file.path)}`)
      } else {
        unchanged++
      }
    } catch (error) {
      discardStaged(files.slice(i))
      // Each file is written whole or not at all, but a build that stops midway mixes old and new files: say which are new.
      const named = wrote.length > 10 ? `${wrote.slice(0, 10).join(', ')} and ${wrote.length - 10} more` : wrote.join(', ')
      reporter.info(`build: stopped after writing ${wrote.length} of ${files.length} file(s)${wrote.length ? `: ${named}` : ''}; the others are unchanged`)
      throw error
    }
  }
  const written = wrote.length
  saveRenderRecord(record)
  if (shaping) saveShaping(shaping)
  if (subsets) pruneSubsets(subsets, started)
  reporter.info(`build: ${written} file(s) written, ${unchanged} unchanged`)
}
