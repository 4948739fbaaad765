import {randomBytes, timingSafeEqual} from 'node:crypto'
import type {IncomingMessage, ServerResponse} from 'node:http'

/**
 * Who may talk to the editor: the person who started it, in a browser on
 * this machine. The server listens on 127.0.0.1 only, and
 * - every request carries the token printed at start (in the URL once, then
 *   in an HttpOnly, SameSite=Strict cookie that no script and no other site
 *   can use), as Jupyter does: another user or a web page cannot guess it;
 * - the `Host` must be 127.0.0.1 or localhost at our port, so a site whose
 *   name is made to resolve to 127.0.0.1 (DNS rebinding) is refused;
 * - a write must come from a page of ours (`Origin`), as JSON.
 */
export interface Guard {
  token: string
  /** The cookie's name: one per port, as cookies do not tell ports apart. */
  cookie: string
  /** Whether the request may go on; if not, the response has been sent. */
  check(request: IncomingMessage, response: ServerResponse, url: URL): boolean
  setPort(port: number): void
}

/** Headers every response carries: nothing is loaded from elsewhere, nothing runs inline, no framing. */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store'
}

const same = (a: string, b: string): boolean => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=')
    if (key === name) return value.join('=')
  }
  return undefined
}

export function refuse(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, {...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8'})
  response.end(message + '\n')
}

export function createGuard(): Guard {
  const token = randomBytes(24).toString('base64url')
  let hosts = new Set<string>()
  let origins = new Set<string>()
  const guard: Guard = {
    token,
    cookie: 'concord-token',
    setPort(port) {
      hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`])
      origins = new Set([...hosts].map((h) => `http://${h}`))
      guard.cookie = `concord-token-${port}`
    },
    check(request, response, url) {
      if (!hosts.has(request.headers.host ?? '')) {
        refuse(response, 403, 'Forbidden: unexpected Host, expected 127.0.0.1 or localhost at this port')
        return false
      }
      const given = url.searchParams.get('token')
      if (given !== null && same(given, token)) {
        // The token leaves the address bar (and the history) for the cookie.
        url.searchParams.delete('token')
        response.writeHead(303, {...SECURITY_HEADERS, 'Set-Cookie': `${guard.cookie}=${token}; HttpOnly; SameSite=Strict; Path=/`, Location: url.pathname + url.search})
        response.end()
        return false
      }
      const cookie = cookieValue(request.headers.cookie, guard.cookie)
      if (cookie === undefined || !same(cookie, token)) {
        refuse(response, 401, 'Unauthorized: open the address `concord serve` printed (it holds the token)')
        return false
      }
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        if (!origins.has(request.headers.origin ?? '')) {
          refuse(response, 403, "Forbidden: a change must come from the editor's own page")
          return false
        }
        if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
          refuse(response, 415, 'Unsupported Media Type: expected application/json')
          return false
        }
      }
      return true
    }
  }
  return guard
}
