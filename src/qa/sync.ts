import type {VFileMessage} from 'vfile-message'
import type {Place} from '../core/json.js'
import type {TrackResult} from '../translations/track.js'
import {code, ruleMessage} from './rules.js'

const START: Place = {line: 1, column: 1}

/** The Markdown changed since `concord segment` last wrote the registry: IDs in locales may be misread. */
export function registryOutdated(markdownPath: string): VFileMessage {
  return ruleMessage(
    'registry-outdated',
    `Unexpected change in ${code(markdownPath)} since the registry was written, expected an up-to-date registry; run \`npx concord segment\` and commit locales/`,
    START
  )
}

/** A locale file differs from what tracking would write (a new translation not yet recorded in the state file, a retired one not yet moved). */
export function localeOutdated(path: string): VFileMessage {
  return ruleMessage('locale-outdated', `Unexpected content in ${code(path)}, expected what \`npx concord segment\` writes; run it to record the translation states`, START)
}

export interface LocalePlaces {
  /** Key positions in `<doc>.json`. */
  strings: Map<string, Place>
  /** Key positions in `<doc>.obsolete.json`. */
  obsolete: Map<string, Place>
}

/**
 * Per-key findings of tracking: orphans, empty and stale translations in the
 * locale file, and kept obsolete entries in the obsolete file.
 */
export function trackMessages(result: TrackResult, places: LocalePlaces): {strings: VFileMessage[]; obsolete: VFileMessage[]} {
  const at = (id: string): Place => places.strings.get(id) ?? START
  const strings: VFileMessage[] = []
  for (const id of result.orphans) {
    strings.push(
      ruleMessage(
        'orphan-translation',
        `Unexpected translation under unknown ID ${code(id)}, expected a current segment ID of \`${result.document}\`; move the text to the right ID or delete it (it is kept, never used)`,
        at(id)
      )
    )
  }
  for (const id of result.empty) {
    strings.push(ruleMessage('empty-translation', `Unexpected empty translation of ${code(id)}, expected text; translate it or delete the key (it counts as missing)`, at(id)))
  }
  for (const status of result.statuses) {
    if (status.state !== 'stale') continue
    strings.push(
      ruleMessage(
        'stale-translation',
        `Unexpected outdated translation of ${code(status.id)}: the English changed since, expected a translation of the current English; update it, or run \`npx concord accept ${result.language} ${status.id}\` if no new wording is needed`,
        at(status.id)
      )
    )
  }
  const obsolete = Object.keys(result.obsolete).map((id) =>
    ruleMessage(
      'obsolete-translation',
      `Unexpected translation of retired segment ${code(id)} kept in the obsolete file, expected nothing once it is no longer needed; it comes back by itself if the same English returns`,
      places.obsolete.get(id) ?? START
    )
  )
  return {strings, obsolete}
}
