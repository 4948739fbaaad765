import {join, relative} from 'node:path'
import {Command} from 'commander'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {parseJson, type Place} from '../../core/json.js'
import {checkGlossaryComplete, checkSegment, localeOutdated, parseGlossary, registryOutdated, segmentPairs, trackMessages, type Glossary} from '../../qa/index.js'
import {readTextIfExists, wouldChange} from '../../engine/io.js'
import {loadTranslations, localeKey, localeOutputs, localePaths, type LocaleTexts} from '../../engine/locales-sync.js'
import {UsageError} from '../../engine/reporter.js'
import {openProject} from '../../engine/project.js'
import {info, printMessages} from '../report.js'

/** Key positions of a JSON object file, from its text as read by loadTranslations (none when the file does not exist). */
function keyPlaces(text: string | null | undefined, path: string): Map<string, Place> {
  if (text === null || text === undefined) return new Map()
  return new Map([...parseJson(text, new VFile({path, value: text})).places].map(([key, place]) => [key.slice(1), place]))
}

/** Give messages their file, so they print as `path:line:col: reason [rule-id]`, and add them to `into` (one by one: a spread overflows the stack on 200,000 orphans). */
function attach(path: string, messages: VFileMessage[], into: VFileMessage[]): void {
  for (const message of messages) {
    message.file = path
    message.name = `${path}:${message.name}`
    into.push(message)
  }
}

export function checkCommand(): Command {
  return new Command('check')
    .description('validate locales and run translation QA (numbers, glossary, markup, punctuation, length, sync); exit 1 on errors, 0 with only warnings')
    .option('--lang <lng>', 'only this target language')
    .option('--document <id>', 'only this document')
    .addHelpText(
      'after',
      '\nEach finding prints as path:line:col: reason [rule-id]; the place is the key in the locale file.\n\nExamples:\n  npx concord check\n  npx concord check --lang mn'
    )
    .action(async (opts: {lang?: string; document?: string}) => {
      const root = process.cwd()
      const project = await openProject(root, opts.document ? [opts.document] : undefined)
      const {options} = project
      if (opts.lang && !options.languages.includes(opts.lang)) {
        throw new UsageError(`Unexpected language \`${opts.lang}\`, expected one of ${options.languages.map((l) => `\`${l}\``).join(', ')}`)
      }
      const messages: VFileMessage[] = []
      for (const doc of project.documents) if (doc.outdated) attach(doc.file.path, [registryOutdated(doc.file.path)], messages)

      const glossaryFile = readTextIfExists(join(root, options.contentDir, 'glossary.json'), root)
      let glossary: Glossary | null = null
      if (glossaryFile) {
        glossary = parseGlossary(glossaryFile)
        attach(glossaryFile.path, checkGlossaryComplete(glossary, options.languages), messages)
      }

      // The locale files as read, for the places of their keys: each file is read once.
      const texts: LocaleTexts = new Map()
      const tracked = loadTranslations(project, texts).filter((r) => !opts.lang || r.language === opts.lang)
      for (const output of localeOutputs(project, tracked)) {
        if (wouldChange(output.path, output.content)) attach(relative(root, output.path), [localeOutdated(relative(root, output.path))], messages)
      }
      let checked = 0
      for (const result of tracked) {
        const doc = project.documents.find((d) => d.id === result.document)!
        const paths = localePaths(project, result.language, result.document)
        const [strings, , obsolete] = texts.get(localeKey(result.document, result.language)) ?? []
        const stringsPath = relative(root, paths.strings)
        const places = {strings: keyPlaces(strings, stringsPath), obsolete: keyPlaces(obsolete, relative(root, paths.obsolete))}
        for (const pair of segmentPairs(doc.segments, result, places.strings)) {
          checked++
          attach(stringsPath, checkSegment(pair, {glossary, allowIdentical: options.check.allowIdentical}), messages)
        }
        const found = trackMessages(result, places)
        attach(stringsPath, found.strings, messages)
        attach(relative(root, paths.obsolete), found.obsolete, messages)
      }

      messages.sort((a, b) => (String(a.file) < String(b.file) ? -1 : String(a.file) > String(b.file) ? 1 : (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)))
      printMessages(messages)
      const errors = messages.filter((m) => m.fatal === true).length
      const warnings = messages.filter((m) => m.fatal === false).length
      const infos = messages.length - errors - warnings
      info(`check: ${checked} translation(s) checked; ${errors} error(s), ${warnings} warning(s), ${infos} info`)
      if (errors > 0) process.exitCode = 1
    })
}
