import {createServer, type IncomingMessage, type ServerResponse} from 'node:http'
import {resolve} from 'node:path'
import {LANGUAGES} from '../core/languages.js'
import {createUiStrings} from '../core/ui-strings.js'
import {documentId} from '../ids/document.js'
import {STATES} from '../translations/status.js'
import {listDocuments, loadProjectOptions} from '../engine/project.js'
import {loadUiResources} from '../engine/render-context.js'
import {editorPage, sendAsset, sendEdition} from './assets.js'
import {documentPayload, findings, openEditor} from './editor-data.js'
import {watchProject} from './events.js'
import {createGuard, refuse, SECURITY_HEADERS} from './guard.js'
import type {CheckRequest, SaveRequest, ServerInfo} from './protocol.js'
import {ACTIONS, describeProblem, saveSegment, type Translator} from './save.js'

/**
 * `concord serve`: the translator's editor, a web server on this machine
 * (node:http: a handful of routes need no framework, and nothing to
 * install or audit). See guard.ts for who may use it, save.ts for how a
 * save is written, events.ts for how pages learn of changes on disk.
 */
export interface ServeOptions {
  root: string
  /** 0 for any free port. */
  port: number
  /** The translator's language: the page's words and the language it opens with. */
  language?: string
  /** How long a save waits for another command's lock. */
  waitMs?: number
  /** Who the saves are recorded as made by (provenance in the state files); nobody when absent. */
  translator?: Translator
}

export interface Serving {
  /** The address to open, with the token. */
  url: string
  port: number
  /** Stop: no new request, open pages disconnected; a save under way has finished (saves are synchronous). */
  close(): Promise<void>
}

/** The largest request body: a translation of 64 Ki characters as JSON, with room. */
const MAX_BODY = 1 << 20

/** A path as decoded, or one that names no file when it cannot be. */
function decoded(path: string): string {
  try {
    return decodeURIComponent(path)
  } catch {
    return ''
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8'})
  response.end(JSON.stringify(body))
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BODY) return undefined
    chunks.push(chunk)
  }
  try {
    const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'))
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

/** The fields of `body` named in `keys`, when each is a string. */
function strings<K extends string>(body: Record<string, unknown> | undefined, keys: K[]): Record<K, string> | undefined {
  if (!body || !keys.every((k) => typeof body[k] === 'string')) return undefined
  return body as Record<K, string>
}

function serverInfo(root: string, uiLanguage: string | undefined): ServerInfo {
  const options = loadProjectOptions(root)
  const ui = uiLanguage ?? 'en'
  const resources = loadUiResources(root, options, [ui, 'en'])
  const t = createUiStrings(resources)
  const keys = [...Object.keys(resources.en ?? {}).filter((k) => k.startsWith('serve')), ...STATES, ...STATES.map((s) => `serveState_${s}`)]
  const words: Record<string, string> = {}
  // A state's own label (`serveState_<state>`) where there is one, else the coverage report's word for it.
  for (const key of keys) if (Object.hasOwn(resources[ui] ?? {}, key) || Object.hasOwn(resources.en ?? {}, key)) words[key] = t(ui, key)
  return {
    documents: listDocuments(root, options).map(documentId),
    languages: options.languages,
    uiLanguage: ui,
    language: uiLanguage !== undefined && options.languages.includes(uiLanguage) ? uiLanguage : (options.languages[0] ?? ''),
    states: [...STATES],
    actions: Object.keys(ACTIONS),
    strings: words,
    languageNames: Object.fromEntries(options.languages.map((l) => [l, Object.hasOwn(LANGUAGES, l) ? LANGUAGES[l]!.name : l]))
  }
}

/** A content problem (a broken file) is the page's to show; anything else is a bug. */
function problem(response: ServerResponse, error: unknown): void {
  const message = describeProblem(error)
  if (message === undefined) throw error
  sendJson(response, 422, {error: message})
}

export async function startServer(options: ServeOptions): Promise<Serving> {
  const {root} = options
  const guard = createGuard()
  const events = watchProject(root)
  const waitMs = options.waitMs ?? 10_000
  let outDir = resolve(root, 'output')
  try {
    outDir = resolve(root, loadProjectOptions(root).outDir)
  } catch {
    // The page shows the config's message.
  }

  const routes: Record<string, (request: IncomingMessage, response: ServerResponse, url: URL) => void | Promise<void>> = {
    'GET /': (_request, response) => {
      const info = (() => {
        try {
          return serverInfo(root, options.language)
        } catch {
          return undefined
        }
      })()
      response.writeHead(200, {...SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8'})
      response.end(editorPage(info?.uiLanguage ?? 'en', info?.strings.serveTitle ?? 'Concord', info?.strings.serveLoading ?? '…'))
    },
    'GET /api/info': (_request, response) => {
      try {
        sendJson(response, 200, serverInfo(root, options.language))
      } catch (error) {
        problem(response, error)
      }
    },
    'GET /api/document': (_request, response, url) => {
      try {
        sendJson(response, 200, documentPayload(openEditor(root, url.searchParams.get('document') ?? '', url.searchParams.get('language') ?? '')))
      } catch (error) {
        problem(response, error)
      }
    },
    'POST /api/save': async (request, response) => {
      const body = strings(await readJson(request), ['document', 'language', 'id', 'version', 'text', 'action'])
      if (!body) return sendJson(response, 400, {error: 'Unexpected request, expected JSON {document, language, id, version, text, action}'})
      const outcome = saveSegment(root, body satisfies SaveRequest, waitMs, options.translator)
      sendJson(response, outcome.status, outcome.body)
    },
    'POST /api/check': async (request, response) => {
      const body = strings(await readJson(request), ['document', 'language', 'id', 'text'])
      if (!body) return sendJson(response, 400, {error: 'Unexpected request, expected JSON {document, language, id, text}'})
      const {document, language, id, text} = body satisfies CheckRequest
      try {
        const context = openEditor(root, document, language)
        const segment = context.segments.get(id)
        if (!segment) return sendJson(response, 404, {error: `Unexpected segment \`${id}\``})
        sendJson(response, 200, {findings: findings(context, segment, text)})
      } catch (error) {
        problem(response, error)
      }
    },
    'GET /api/events': (_request, response) => events.attach(response)
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    if (!guard.check(request, response, url)) return
    const route = routes[`${request.method} ${url.pathname}`]
    const handle = async (): Promise<void> => {
      if (route) return route(request, response, url)
      if (request.method === 'GET' && url.pathname.startsWith('/assets/')) return sendAsset(response, url.pathname.slice('/assets/'.length))
      if (request.method === 'GET' && url.pathname.startsWith('/output/')) return sendEdition(response, outDir, decoded(url.pathname.slice('/output/'.length)))
      refuse(response, 404, 'Not found')
    }
    handle().catch((error: unknown) => {
      process.stderr.write(`concord serve: internal error (please report it): ${error instanceof Error ? error.stack : String(error)}\n`)
      if (!response.headersSent) refuse(response, 500, 'Internal error; see the terminal running concord serve')
      else response.end()
    })
  })
  // Loopback only: nothing on the network can reach the editor.
  await new Promise<void>((done, fail) => {
    server.once('error', (error) => {
      // Nothing to serve: the watches must not keep the process alive.
      events.close()
      fail(error)
    })
    server.listen(options.port, '127.0.0.1', () => done())
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : options.port
  guard.setPort(port)
  let closing: Promise<void> | undefined
  return {
    url: `http://127.0.0.1:${port}/?token=${guard.token}`,
    port,
    close: () =>
      (closing ??= new Promise<void>((done) => {
        events.close()
        server.close(() => done())
        // Open pages keep connections alive; they reconnect to nothing and show that the editor stopped.
        server.closeAllConnections()
      }))
  }
}
