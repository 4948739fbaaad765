import {spawn, type ChildProcess} from 'node:child_process'
import {request} from 'node:http'
import {join} from 'node:path'
import {repo} from './cli.js'

/** A `concord serve` started on a project for a test, on a free port, and how to talk to it. */
export interface Served {
  child: ChildProcess
  url: string
  port: number
  token: string
  /** The cookie a browser gets after opening `url`. */
  cookie: string
  origin: string
  stderr: () => string
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<number | string>
}

export async function serve(dir: string, args: string[] = []): Promise<Served> {
  const child = spawn(process.execPath, [join(repo, 'dist', 'cli', 'main.js'), 'serve', '--port', '0', '--no-open', ...args], {cwd: dir, env: {...process.env, NO_COLOR: '1'}})
  let err = ''
  child.stderr!.on('data', (d: Buffer) => void (err += d.toString()))
  const exited = new Promise<number | string>((done) => child.on('exit', (code, signal) => done(code ?? signal ?? -1)))
  const url = await new Promise<string>((done, fail) => {
    let out = ''
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      if (out.includes('\n')) done(out.split('\n')[0]!)
    })
    void exited.then((code) => fail(new Error(`concord serve exited (${code}): ${err}`)))
  })
  const parsed = new URL(url)
  const port = Number(parsed.port)
  const token = parsed.searchParams.get('token')!
  return {child, url, port, token, cookie: `concord-token-${port}=${token}`, origin: `http://127.0.0.1:${port}`, stderr: () => err, exited}
}

export interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** A raw HTTP request (fetch may not set `Host`). */
export function http(port: number, path: string, {method = 'GET', headers = {}, body}: {method?: string; headers?: Record<string, string>; body?: string} = {}): Promise<Reply> {
  return new Promise((done, fail) => {
    const req = request({host: '127.0.0.1', port, path, method, headers: {Host: `127.0.0.1:${port}`, ...headers}}, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (d: string) => void (text += d))
      res.on('end', () => done({status: res.statusCode ?? 0, headers: res.headers, body: text}))
    })
    req.on('error', fail)
    if (body !== undefined) req.write(body)
    req.end()
  })
}

/** A request as the editor's page makes it: with the cookie, and for a write, its Origin and JSON. */
export function api(served: Served, path: string, body?: unknown): Promise<Reply> {
  const headers: Record<string, string> = {Cookie: served.cookie}
  if (body === undefined) return http(served.port, path, {headers})
  return http(served.port, path, {method: 'POST', headers: {...headers, Origin: served.origin, 'Content-Type': 'application/json'}, body: JSON.stringify(body)})
}
