import {escapeHidden} from '../../core/hidden-characters.js'
import {countWords} from '../../coverage/volume.js'
import type {LoadedDocument, Project} from '../../engine/project.js'
import {UsageError} from '../../engine/reporter.js'
import {describeProvenance} from '../../translations/provenance.js'
import {countStates, STATES} from '../../translations/status.js'
import type {TrackResult} from '../../translations/track.js'

/**
 * `status --summary`: one line per document and language with the counts by
 * state, the English words left to translate (missing, stale, draft) and to
 * review (translated, not yet reviewed), and the one command to run next.
 */
export function summaryLine(doc: LoadedDocument, result: TrackResult, several: boolean): string {
  const words = new Map(doc.segments.map((s) => [s.id, s.text]))
  const counts = countStates(result)
  let toTranslate = 0
  let toReview = 0
  let minor = 0
  for (const status of result.statuses) {
    // A draft is not a translation until someone confirms it: still to translate, as coverage counts it.
    if (status.state === 'missing' || status.state === 'stale' || status.state === 'draft') toTranslate += countWords(words.get(status.id) ?? '')
    else if (status.state === 'translated') toReview += countWords(words.get(status.id) ?? '')
    if (status.change === 'minor') minor++
  }
  const lng = result.language
  const document = several ? ` --document ${doc.id}` : ''
  const gaps = counts.missing + counts.stale + counts.draft
  const next =
    minor > 0
      ? `npx concord accept --minor ${lng}${document}`
      : gaps > 0
        ? `npx concord export --lang ${lng} --format po --document ${doc.id} --only missing,stale,draft --out ${doc.id}.${lng}.po`
        : counts.translated > 0
          ? `npx concord export --lang ${lng} --format po --document ${doc.id} --only translated --out ${doc.id}.${lng}.review.po`
          : 'nothing to do'
  const states = STATES.map((s) => `${counts[s]} ${s}`).join(', ')
  return `${doc.id} · ${lng}: ${states} (of ${result.statuses.length}) · ${toTranslate} words to translate, ${toReview} to review · next: ${next}`
}

/** `status <id>…`: each segment in each language shown, with its English, translation, change and who did what. */
export function segmentDetails(project: Project, tracked: TrackResult[], ids: string[]): string[] {
  const out: string[] = []
  for (const id of ids) {
    const doc = project.documents.find((d) => d.segments.some((s) => s.id === id))
    if (!doc) throw new UsageError(`Unexpected segment ID \`${id}\`, expected a current segment ID (run \`npx concord status\`)`)
    const segment = doc.segments.find((s) => s.id === id)!
    out.push(`${id}  ${doc.file.path}:${segment.line}`, `          en: ${escapeHidden(segment.text)}`)
    for (const result of tracked.filter((r) => r.document === doc.id)) {
      const status = result.statuses.find((s) => s.id === id)!
      const meta = Object.hasOwn(result.meta, id) ? result.meta[id] : undefined
      const change = status.change === undefined ? '' : ` (${status.change} English change)`
      out.push(`  ${result.language}: ${status.state}${change}`)
      if (status.translation !== undefined) out.push(`          ${escapeHidden(status.translation)}`)
      if (status.translation !== undefined) out.push(`          ${escapeHidden(describeProvenance(meta) ?? 'translator not recorded')}`)
    }
  }
  return out
}
