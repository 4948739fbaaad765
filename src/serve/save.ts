import {VFileMessage} from 'vfile-message'
import type {Registry} from '../core/types.js'
import {translationLimit} from '../translations/locale.js'
import {acceptTranslations, trackTranslations, withDraft, type TrackResult} from '../translations/track.js'
import {stampDate, type Actor} from '../translations/provenance.js'
import {fileSystemMessage} from '../engine/fs-errors.js'
import {localeOutputs} from '../engine/locales-sync.js'
import {UsageError} from '../engine/reporter.js'
import {beginSession, commitToProject, endSession} from '../engine/session.js'
import {editorSegment, openEditor, type EditorContext} from './editor-data.js'
import type {Conflict, EditorSegment, Problem, SaveRequest} from './protocol.js'

/**
 * Saving a segment from the editor: the one write path `import`, `accept`
 * and `review` take. Under the project lock, the files are read as they are
 * now, the segment's version is compared with the one the page loaded (a
 * change since, from another tab, an import or `git pull`, refuses the save
 * with both texts), and the locale is re-tracked and committed as one
 * transaction (session.ts). Synchronous from the lock to the commit, so a
 * signal or another request cannot come in between.
 */

/** What a save records: the text with this state. Each is a pure change to the tracked locale. */
type Apply = (registry: Registry, tracked: TrackResult, id: string, text: string, actor?: Actor) => TrackResult

/** Track a changed locale again, so its states (what the page is sent back) say what its files will. */
const retrack = (registry: Registry, tracked: TrackResult, strings = tracked.strings, actor?: Actor): TrackResult =>
  trackTranslations(registry, {language: tracked.language, document: tracked.document, strings, meta: tracked.meta, obsolete: tracked.obsolete, places: new Map()}, () => actor)

/** The text as the segment's translation: new wording translates the current English (as an import records it). */
const withText: Apply = (registry, tracked, id, text, actor) => retrack(registry, tracked, {...tracked.strings, [id]: text}, actor)

/** A draft confirmed with the page's text: the text becomes the draft, then the translation (as `accept` confirms a draft). */
const isDraft = (tracked: TrackResult, id: string): boolean => tracked.meta[id]?.state === 'draft'

/**
 * The save actions, by the state they record. `translated`: the text, and a
 * stale translation saved unchanged is confirmed against the new English
 * (as `accept` does); `reviewed`: the reviewer's sign-off (as `review`).
 * A new state adds one entry (and the page offers it: see ServerInfo.actions).
 */
export const ACTIONS: Record<string, Apply> = {
  translated: (registry, tracked, id, text, actor) => {
    if (isDraft(tracked, id)) return retrack(registry, acceptTranslations(registry, withDraft(registry, tracked, id, text), [id], undefined, actor))
    const stale = tracked.statuses.find((s) => s.id === id)?.state === 'stale' && tracked.strings[id] === text
    const updated = withText(registry, tracked, id, text, actor)
    return stale ? retrack(registry, acceptTranslations(registry, updated, [id], undefined, actor)) : updated
  },
  reviewed: (registry, tracked, id, text, actor) => {
    const updated = isDraft(tracked, id) ? withDraft(registry, tracked, id, text) : withText(registry, tracked, id, text, actor)
    return retrack(registry, acceptTranslations(registry, updated, [id], 'reviewed', actor))
  },
  // Kept, but nobody's translation yet: in the state file, not what i18next shows (see translations/track.ts).
  draft: (registry, tracked, id, text) => withDraft(registry, tracked, id, text)
}

/** Who the editor records as making a save (`--translator`, else `git config user.name`), dated at the save. */
export interface Translator {
  name: string
  sourceDateEpoch?: string
}

export interface SaveOutcome {
  status: 200 | 400 | 404 | 409 | 422 | 423
  body: EditorSegment | Conflict | Problem
}

/** A message for the page: a content problem as `file:line:col: reason [rule]`. */
export function describeProblem(error: unknown): string | undefined {
  const message = error instanceof VFileMessage ? error : fileSystemMessage(error)
  if (message) return `${String(message)}${message.ruleId ? ` [${message.ruleId}]` : ''}`
  return error instanceof UsageError ? error.message : undefined
}

function segmentOf(context: EditorContext, id: string): EditorSegment | undefined {
  const segment = context.segments.get(id)
  const status = context.tracked.statuses.find((s) => s.id === id)
  return segment && status ? editorSegment(context, segment, status) : undefined
}

function saveLocked(root: string, request: SaveRequest, translator?: Translator): SaveOutcome {
  const apply = Object.hasOwn(ACTIONS, request.action) ? ACTIONS[request.action]! : undefined
  if (!apply) return {status: 400, body: {error: `Unexpected action \`${request.action}\`, expected one of ${Object.keys(ACTIONS).join(', ')}`}}
  const context = openEditor(root, request.document, request.language)
  const now = segmentOf(context, request.id)
  if (!now) return {status: 404, body: {error: `Unexpected segment \`${request.id}\`, expected a current segment of \`${request.document}\`; reload the page`}}
  if (now.version !== request.version) return {status: 409, body: {conflict: true, current: now}}
  if (request.text.trim() === '') return {status: 422, body: {error: `Unexpected empty translation of \`${request.id}\`, expected its text`}}
  const limit = translationLimit(now.english)
  if (request.text.length > limit) {
    return {status: 422, body: {error: `Unexpected translation of \`${request.text.length}\` characters, expected at most \`${limit}\` (20 times its English, at least 1000)`}}
  }
  const actor = translator === undefined ? undefined : {name: translator.name, at: stampDate(translator.sourceDateEpoch)}
  const updated = apply(context.doc.registry, context.tracked, request.id, request.text, actor)
  commitToProject(root, localeOutputs(context.project, [updated]))
  return {status: 200, body: segmentOf({...context, tracked: updated}, request.id)!}
}

/**
 * Save one segment. Content problems (a broken locale file, an outdated
 * registry) refuse the save with their message, and nothing is written; a
 * lock held by another command longer than `waitMs` is 423.
 */
export function saveSegment(root: string, request: SaveRequest, waitMs: number, translator?: Translator): SaveOutcome {
  // A file that changes between reading and committing (an editor saving at that instant) means reading again, once.
  for (let attempt = 1; ; attempt++) {
    try {
      beginSession({root, command: 'serve', writes: true, waitMs, notify: () => undefined})
      return saveLocked(root, request, translator)
    } catch (error) {
      const message = describeProblem(error)
      if (error instanceof VFileMessage && error.ruleId === 'changed-since-read' && attempt < 2) continue
      if (message === undefined) throw error
      const status = error instanceof UsageError ? 400 : error instanceof VFileMessage && error.ruleId === 'project-locked' ? 423 : 422
      return {status, body: {error: message}}
    } finally {
      endSession()
    }
  }
}
