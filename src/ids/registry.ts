import type {VFile} from 'vfile'
import {isObject, parseJson, type JsonValue, type ParsedJson} from '../core/json.js'
import type {ChangeClass, Registry, RegistryEntry, SegmentKind} from '../core/types.js'
import {failRule, type ErrorRuleId} from '../core/rules.js'

/**
 * The registry of a document lives in two committed files:
 * - `locales/en/<doc>.json`: i18next JSON, segment ID → English, in document order;
 * - `locales/en/<doc>.registry.json`: per segment its revision, hash, kind,
 *   section and block, the previous English of changed segments (by
 *   revision) and the retired IDs, which are never reused.
 */
export const REGISTRY_FORMAT = 1

export const ID_PATTERN = /^[A-Za-z0-9_-]+$/

const kinds = new Set<SegmentKind>(['heading', 'paragraph', 'tableCell', 'meta'])

export function serializeRegistry(registry: Registry): {strings: Record<string, string>; meta: Record<string, unknown>} {
  // Null prototypes: an ID such as `__proto__` must stay a plain key.
  const strings: Record<string, string> = Object.create(null)
  const segments: Record<string, unknown> = Object.create(null)
  for (const entry of registry.segments) {
    strings[entry.id] = entry.text
    segments[entry.id] =
      entry.field === undefined
        ? {rev: entry.rev, hash: entry.hash, kind: entry.kind, section: entry.section, block: entry.blockId}
        : {rev: entry.rev, hash: entry.hash, kind: entry.kind, field: entry.field, section: entry.section, block: entry.blockId}
  }
  const sorted = <T>(record: Record<string, T>): Record<string, T> =>
    Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((key) => [key, record[key]!])
    )
  const history = Object.fromEntries(
    Object.keys(registry.history)
      .sort()
      .map((id) => [id, registry.history[id]!])
  )
  // Written only when there is one, so that registries without classed changes stay as they were.
  const changes = registry.changes && Object.keys(registry.changes).length > 0 ? {changes: sorted(registry.changes)} : {}
  return {
    strings,
    meta: {format: REGISTRY_FORMAT, document: registry.document, segments, history, ...changes, retired: sorted(registry.retired)}
  }
}

function fail(file: VFile, parsed: ParsedJson, path: string, reason: string, ruleId: ErrorRuleId = 'registry-invalid'): never {
  failRule(file, ruleId, reason, parsed.places.get(path) ?? {line: 1, column: 1})
}

/** Read the two registry files back; every inconsistency is a fatal message naming the file and place. */
export function parseRegistry(document: string, stringsFile: VFile, metaFile: VFile | undefined): Registry {
  const stringsJson = parseJson(String(stringsFile), stringsFile)
  if (!isObject(stringsJson.value)) fail(stringsFile, stringsJson, '', 'Unexpected JSON value, expected an object of segment ID → English text')
  const metaJson = metaFile ? parseJson(String(metaFile), metaFile) : undefined
  const meta = metaJson?.value ?? {}
  if (metaFile && metaJson && !isObject(meta)) fail(metaFile, metaJson, '', 'Unexpected JSON value, expected the registry object')
  const metaObject = meta as Record<string, JsonValue>
  const segmentsMeta = (isObject(metaObject.segments) ? metaObject.segments : {}) as Record<string, JsonValue>

  const segments: RegistryEntry[] = []
  for (const [id, text] of Object.entries(stringsJson.value as Record<string, JsonValue>)) {
    if (!ID_PATTERN.test(id))
      fail(stringsFile, stringsJson, `/${id}`, `Unexpected segment ID \`${id}\`, expected letters, digits, \`-\` or \`_\`; run \`concord segment\` to regenerate the registry`)
    if (typeof text !== 'string') fail(stringsFile, stringsJson, `/${id}`, `Unexpected ${typeof text} for \`${id}\`, expected a string`)
    const info = segmentsMeta[id]
    const record = (isObject(info) ? info : {}) as Record<string, JsonValue>
    const kind = typeof record.kind === 'string' && kinds.has(record.kind as SegmentKind) ? (record.kind as SegmentKind) : 'paragraph'
    segments.push({
      ...(kind === 'meta' && typeof record.field === 'string' ? {field: record.field} : {}),
      id,
      text,
      rev: typeof record.rev === 'number' ? record.rev : 1,
      hash: typeof record.hash === 'string' ? record.hash : '',
      kind,
      section: typeof record.section === 'string' ? record.section : null,
      blockId: typeof record.block === 'string' ? record.block : id
    })
  }

  const retired: Registry['retired'] = Object.create(null)
  if (isObject(metaObject.retired)) {
    for (const [id, value] of Object.entries(metaObject.retired)) {
      if (Object.hasOwn(stringsJson.value as object, id)) {
        fail(
          metaFile!,
          metaJson!,
          `/retired/${id}`,
          `Unexpected retired ID \`${id}\` that is also a current segment, expected IDs never to be reused; restore both files from git`,
          'registry-duplicate-id'
        )
      }
      const record = (isObject(value) ? value : {}) as Record<string, JsonValue>
      retired[id] = {text: String(record.text ?? ''), rev: Number(record.rev ?? 1), hash: String(record.hash ?? '')}
    }
  }
  const history: Registry['history'] = Object.create(null)
  if (isObject(metaObject.history)) {
    for (const [id, value] of Object.entries(metaObject.history)) {
      if (!isObject(value)) continue
      history[id] = Object.fromEntries(Object.entries(value).map(([rev, text]) => [rev, String(text)]))
    }
  }
  const changes: NonNullable<Registry['changes']> = Object.create(null)
  if (isObject(metaObject.changes)) {
    for (const [id, value] of Object.entries(metaObject.changes)) {
      if (!isObject(value)) continue
      const classes = Object.entries(value).filter((entry): entry is [string, ChangeClass] => entry[1] === 'minor' || entry[1] === 'meaning')
      if (classes.length > 0) changes[id] = Object.fromEntries(classes)
    }
  }
  return {document, segments, history, changes, retired}
}
