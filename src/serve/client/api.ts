import type {CheckRequest, Conflict, DocumentPayload, EditorSegment, Finding, Problem, SaveRequest, ServerInfo} from '../protocol.js'

/**
 * The page's calls to its server: same origin, with the cookie the first
 * load set; writes as JSON (the server refuses anything else).
 */

export type Loaded<T> = {ok: true; value: T} | {ok: false; error: string}

async function call<T>(path: string, body?: unknown): Promise<{status: number; value: T | Problem}> {
  const response = await fetch(
    path,
    body === undefined ? {credentials: 'same-origin'} : {method: 'POST', credentials: 'same-origin', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)}
  )
  const type = response.headers.get('Content-Type') ?? ''
  const value = type.startsWith('application/json') ? ((await response.json()) as T | Problem) : {error: `${response.status} ${await response.text()}`}
  return {status: response.status, value}
}

const loaded = <T>({status, value}: {status: number; value: T | Problem}): Loaded<T> =>
  status === 200 ? {ok: true, value: value as T} : {ok: false, error: (value as Problem).error ?? String(status)}

export const loadInfo = async (): Promise<Loaded<ServerInfo>> => loaded(await call<ServerInfo>('/api/info'))

export const loadDocument = async (document: string, language: string): Promise<Loaded<DocumentPayload>> =>
  loaded(await call<DocumentPayload>(`/api/document?document=${encodeURIComponent(document)}&language=${encodeURIComponent(language)}`))

export type Saved = {kind: 'saved'; segment: EditorSegment} | {kind: 'conflict'; current: EditorSegment} | {kind: 'error'; error: string}

export async function save(request: SaveRequest): Promise<Saved> {
  const {status, value} = await call<EditorSegment | Conflict>('/api/save', request)
  if (status === 200) return {kind: 'saved', segment: value as EditorSegment}
  if (status === 409) return {kind: 'conflict', current: (value as Conflict).current}
  return {kind: 'error', error: (value as Problem).error ?? String(status)}
}

export async function check(request: CheckRequest): Promise<Finding[] | undefined> {
  const {status, value} = await call<{findings: Finding[]}>('/api/check', request)
  return status === 200 ? (value as {findings: Finding[]}).findings : undefined
}
