import type {VFile} from 'vfile'
import {VFileMessage, type Options} from 'vfile-message'

export type Severity = 'error' | 'warning' | 'info'

/** The pipeline stage whose input a rule guards (the folders of src/). */
export type Stage = 'core' | 'markdown' | 'segment' | 'ids' | 'translations' | 'memory' | 'qa' | 'editions' | 'coverage' | 'interchange' | 'engine'

export interface Rule {
  severity: Severity
  stage: Stage
  /** One line, for `concord rules` and the README table. */
  summary: string
}

/**
 * Every rule Concord reports, in pipeline order. IDs are permanent: CI logs,
 * editor integrations and people's notes refer to them, so a rule may be
 * retired but its ID is never reused for something else. The README's
 * `## Rules` table is generated from this list (tests/core/rules.test.ts).
 */
export const RULES = {
  'config-invalid': {severity: 'error', stage: 'core', summary: '`.concordrc.json` has an unknown key or a value of the wrong kind'},
  'json-syntax': {severity: 'error', stage: 'core', summary: 'a JSON file Concord reads is not valid JSON, or is empty'},
  'json-duplicate-key': {severity: 'error', stage: 'core', summary: 'a JSON object has the same key twice'},
  'front-matter': {severity: 'error', stage: 'markdown', summary: 'the front matter is not a YAML mapping of `key: value` lines'},
  'nesting-too-deep': {severity: 'error', stage: 'markdown', summary: 'markup nested more than 100 levels deep'},
  'segment-too-long': {severity: 'error', stage: 'segment', summary: 'a segment longer than 65,536 characters'},
  'editor-note-anchor': {severity: 'error', stage: 'ids', summary: "an editor's note whose `at` words are in no sentence of the English, or in several"},
  'empty-document': {severity: 'error', stage: 'ids', summary: 'a document without any heading or paragraph to segment'},
  'registry-invalid': {severity: 'error', stage: 'ids', summary: 'a segment registry file is not what `concord segment` writes'},
  'registry-duplicate-id': {severity: 'error', stage: 'ids', summary: 'a retired segment ID is also a current one'},
  'registry-outdated': {severity: 'error', stage: 'ids', summary: 'the Markdown changed since the registry was written (run `concord segment`)'},
  'locale-invalid': {severity: 'error', stage: 'translations', summary: 'a locale file is not what Concord writes'},
  'locale-unknown-language': {severity: 'error', stage: 'translations', summary: 'a folder under the locales folder that is not a configured language'},
  'locale-outdated': {severity: 'warning', stage: 'translations', summary: 'locale files differ from what `concord segment` would write'},
  'orphan-translation': {severity: 'warning', stage: 'translations', summary: 'a translation under an ID that is neither current nor retired'},
  'empty-translation': {severity: 'warning', stage: 'translations', summary: 'an empty translation (counted as missing)'},
  'translation-too-long': {severity: 'error', stage: 'translations', summary: 'a translation in a locale file longer than 65,536 characters'},
  'stale-translation': {severity: 'info', stage: 'translations', summary: 'the English changed since the translation was made'},
  'obsolete-translation': {severity: 'info', stage: 'translations', summary: 'a kept translation of a retired segment'},
  'tmx-malformed': {severity: 'error', stage: 'memory', summary: 'a memory TMX file that is not well-formed TMX'},
  'glossary-invalid': {severity: 'error', stage: 'qa', summary: '`content/glossary.json` is not terms with renderings by language'},
  'number-mismatch': {severity: 'error', stage: 'qa', summary: 'a number of the English is missing or changed in the translation'},
  'glossary-term': {severity: 'warning', stage: 'qa', summary: 'a glossary term is not rendered as `content/glossary.json` says'},
  'glossary-incomplete': {severity: 'warning', stage: 'qa', summary: 'a glossary term has no rendering for a target language'},
  'markup-mismatch': {severity: 'error', stage: 'qa', summary: 'emphasis, links, images or code spans differ from the English'},
  'identical-to-source': {severity: 'error', stage: 'qa', summary: 'the translation is the English text (allowed terms excepted)'},
  'whitespace-edge': {severity: 'warning', stage: 'qa', summary: 'leading or trailing whitespace'},
  'whitespace-double': {severity: 'warning', stage: 'qa', summary: 'doubled spaces or a line break inside a translation'},
  'final-punctuation': {severity: 'warning', stage: 'qa', summary: 'the English sentence ends with punctuation, the translation does not'},
  'unbalanced-brackets': {severity: 'warning', stage: 'qa', summary: 'brackets or quotes that do not pair up'},
  'length-ratio': {severity: 'warning', stage: 'qa', summary: 'translation length far outside the usual ratio for the language pair'},
  'bidi-control': {severity: 'error', stage: 'qa', summary: 'a bidirectional control that reorders how the translation displays'},
  'invisible-character': {severity: 'warning', stage: 'qa', summary: 'an invisible character or control code the English does not have'},
  'ui-invalid': {severity: 'error', stage: 'editions', summary: 'a `ui.json` of edition strings is not an object of key → text'},
  'pdf-glyph-missing': {severity: 'error', stage: 'editions', summary: 'a character that no PDF font can draw'},
  'coverage-below-threshold': {severity: 'error', stage: 'coverage', summary: 'a language is translated below its coverage gate'},
  'import-format': {severity: 'error', stage: 'interchange', summary: 'an imported file is neither XLIFF nor gettext PO'},
  'import-malformed-xml': {severity: 'error', stage: 'interchange', summary: 'an XLIFF file that is not well-formed, or a unit without its English'},
  'import-malformed-po': {severity: 'error', stage: 'interchange', summary: 'a PO file that does not parse, is not UTF-8 or has plural entries'},
  'import-xliff-version': {severity: 'error', stage: 'interchange', summary: 'XLIFF 1.0, 1.1 or an unknown version'},
  'import-language': {severity: 'error', stage: 'interchange', summary: 'a missing, unknown or unconfigured source or target language'},
  'import-document': {severity: 'error', stage: 'interchange', summary: 'the file names no document, one twice, or an unknown one'},
  'import-unknown-id': {severity: 'error', stage: 'interchange', summary: 'a unit whose segment ID is not one of the document'},
  'import-duplicate-id': {severity: 'error', stage: 'interchange', summary: 'the same segment ID in two units'},
  'import-source-mismatch': {severity: 'error', stage: 'interchange', summary: 'the English of a unit was edited after the export'},
  'import-inline-code': {severity: 'error', stage: 'interchange', summary: 'XLIFF inline codes where Concord keeps Markdown as text'},
  'import-resegmented': {severity: 'error', stage: 'interchange', summary: 'a unit split into several segments by the CAT tool'},
  'import-conflict': {severity: 'error', stage: 'interchange', summary: 'a segment changed both in the file and in the locale since the export'},
  'import-stale': {severity: 'warning', stage: 'interchange', summary: 'the English changed after the export; the translation is imported as stale'},
  'import-too-long': {severity: 'error', stage: 'interchange', summary: 'an imported translation too long for its English (see Limits)'},
  'import-retired': {severity: 'warning', stage: 'interchange', summary: 'a translation of a segment retired after the export, kept as obsolete'},
  'import-truncated': {severity: 'error', stage: 'interchange', summary: 'an exported file that lost entries or its last line'},
  'import-integrity': {severity: 'error', stage: 'interchange', summary: 'the segment IDs or English of an exported file do not match its checksum'},
  encoding: {severity: 'error', stage: 'engine', summary: 'a file that is not UTF-8 text'},
  'project-locked': {severity: 'error', stage: 'engine', summary: 'another Concord process held the project lock for longer than `--wait`'},
  'changed-since-read': {severity: 'error', stage: 'engine', summary: 'a file changed between the command reading it and writing its result'},
  'file-system': {severity: 'error', stage: 'engine', summary: 'a path Concord cannot read or write (permissions, disk full)'}
} as const satisfies Record<string, Rule>

/** A rule ID: a string outside the catalog fails to compile. */
export type RuleId = keyof typeof RULES

/** The rules that stop a command: only these may be thrown with `failRule`. */
export type ErrorRuleId = {[Id in RuleId]: (typeof RULES)[Id]['severity'] extends 'error' ? Id : never}[RuleId]

type Place = NonNullable<Options['place']>

/** The README anchor of a rule (`README.md#rule-<id>`), for the table and message URLs. */
export const ruleAnchor = (ruleId: RuleId): string => `rule-${ruleId}`

/**
 * vfile-message wants an absolute URL in `url`. Concord has no site, but
 * its README ships with it, two folders up from every module and bundle
 * (dist/<stage>/, src/<stage>/), so the URL is that file's rule anchor.
 */
export const ruleUrl = (ruleId: RuleId): string => new URL(`../../README.md#${ruleAnchor(ruleId)}`, import.meta.url).href

/** Give a message the rule's severity (`fatal` true for errors, false for warnings, undefined for info, as vfile does) and URL. */
function classify(message: VFileMessage, ruleId: RuleId): VFileMessage {
  const severity: Severity = RULES[ruleId].severity
  message.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined
  message.url = ruleUrl(ruleId)
  return message
}

/** A message of `ruleId` on no file yet (the caller attaches it). */
export function ruleMessage(ruleId: RuleId, reason: string, place: Place | undefined): VFileMessage {
  return classify(new VFileMessage(reason, {place, ruleId, source: 'concord'}), ruleId)
}

/** Report `ruleId` on `file` and go on, so that one run lists every problem. */
export function reportRule(file: VFile, ruleId: RuleId, reason: string, place: Place | undefined): VFileMessage {
  return classify(file.message(reason, {place, ruleId, source: 'concord'}), ruleId)
}

/** Report an error rule on `file` and stop: the thrown message is what the CLI prints (exit 1). */
export function failRule(file: VFile, ruleId: ErrorRuleId, reason: string, place: Place | undefined): never {
  throw reportRule(file, ruleId, reason, place)
}
