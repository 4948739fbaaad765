import {MAX_TRANSLATION_LENGTH} from '../translations/locale.js'
import {withDraft} from '../translations/track.js'
import {loadTranslations, localeOutputs} from './locales-sync.js'
import type {Project} from './project.js'
import {UsageError} from './reporter.js'
import {commitToProject} from './session.js'

/**
 * Save a translator's draft of one segment (an editor's "save draft"): the
 * draft goes to `locales/<lng>/<doc>.state.json` (state `draft`) through the
 * project's one transactional write; the confirmed translation, if any,
 * stays in `<doc>.json`, which is what i18next shows. `concord accept`
 * confirms it. Returns the paths written.
 */
export function saveDraft(project: Project, language: string, document: string, id: string, text: string): string[] {
  if (!project.options.languages.includes(language)) {
    throw new UsageError(`Unexpected language \`${language}\`, expected one of ${project.options.languages.map((l) => `\`${l}\``).join(', ')}`)
  }
  const doc = project.documents.find((d) => d.id === document)
  if (!doc) throw new UsageError(`Unexpected document \`${document}\`, expected one of ${project.documents.map((d) => `\`${d.id}\``).join(', ')}`)
  if (!doc.registry.segments.some((s) => s.id === id)) throw new UsageError(`Unexpected segment ID \`${id}\`, expected a current segment of \`${document}\``)
  if (text.trim() === '') throw new UsageError(`Unexpected empty draft of \`${id}\`, expected some text`)
  if (text.length > MAX_TRANSLATION_LENGTH) throw new UsageError(`Unexpected draft of \`${id}\` of \`${text.length}\` characters, expected at most \`${MAX_TRANSLATION_LENGTH}\``)
  const tracked = loadTranslations(project).find((t) => t.language === language && t.document === document)!
  return commitToProject(project.root, localeOutputs(project, [withDraft(doc.registry, tracked, id, text)]))
}
