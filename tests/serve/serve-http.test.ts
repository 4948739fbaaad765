import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {concord, read, readJson, snapshot, tempProject, write} from '../helpers/cli.js'
import {api, http, serve, type Served} from '../helpers/serve.js'

interface Segment {
  id: string
  state: string
  version: string
  translation: string | null
}

const running: Served[] = []
afterEach(() => {
  for (const served of running.splice(0)) served.child.kill('SIGKILL')
})

async function start(dir: string, args: string[] = []): Promise<Served> {
  const served = await serve(dir, args)
  running.push(served)
  return served
}

const segments = async (served: Served, language = 'mn'): Promise<Segment[]> => {
  const reply = await api(served, `/api/document?document=statement&language=${language}`)
  expect(reply.status, reply.body).toBe(200)
  return (JSON.parse(reply.body) as {segments: Segment[]}).segments
}

/** Files a commit in progress leaves (temp files, the journal, the lock). */
function leftovers(dir: string): string[] {
  const found = readdirSync(join(dir, 'locales'), {recursive: true, encoding: 'utf8'}).filter((f) => f.includes('.tmp-'))
  const state = readdirSync(dir).includes('.concord') ? readdirSync(join(dir, '.concord')).filter((f) => f === 'lock' || f.startsWith('journal')) : []
  return [...found, ...state]
}

describe('concord serve over HTTP', {timeout: 180_000}, () => {
  it('wants the token, our Host, and our Origin for writes', async () => {
    const dir = tempProject()
    const served = await start(dir)
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/)
    expect((await http(served.port, '/api/info')).status).toBe(401)
    expect((await http(served.port, '/')).status).toBe(401)
    expect((await http(served.port, '/?token=not-the-token')).status).toBe(401)
    expect((await http(served.port, '/api/info', {headers: {Cookie: `${served.cookie.split('=')[0]}=not-the-token`}})).status).toBe(401)
    // The token in the address once: it becomes an HttpOnly, SameSite=Strict cookie, and leaves the address.
    const first = await http(served.port, `/?token=${served.token}`)
    expect(first.status).toBe(303)
    expect(first.headers.location).toBe('/')
    expect(String(first.headers['set-cookie'])).toMatch(new RegExp(`^${served.cookie}; HttpOnly; SameSite=Strict; Path=/$`))
    const page = await api(served, '/')
    expect(page.status).toBe(200)
    expect(page.headers['content-security-policy']).toMatch(/default-src 'none'; script-src 'self'; style-src 'self'/)
    expect(page.body).not.toMatch(/<script>|<style>| on\w+=/)
    // DNS rebinding: a foreign name for 127.0.0.1 is refused, token or not.
    for (const host of ['evil.example', `evil.example:${served.port}`, `127.0.0.1:${served.port + 1}`]) {
      expect((await http(served.port, '/api/info', {headers: {Host: host, Cookie: served.cookie}})).status, host).toBe(403)
    }
    expect((await http(served.port, '/api/info', {headers: {Host: `localhost:${served.port}`, Cookie: served.cookie}})).status).toBe(200)
    // A write from another origin, or none, or not as JSON.
    const before = snapshot(dir)
    const save = JSON.stringify({document: 'statement', language: 'mn', id: 'x', version: '', text: 'x', action: 'translated'})
    for (const headers of [{Origin: 'http://evil.example'}, {}, {Origin: `http://127.0.0.1:${served.port + 1}`}]) {
      const reply = await http(served.port, '/api/save', {method: 'POST', headers: {Cookie: served.cookie, 'Content-Type': 'application/json', ...headers}, body: save})
      expect(reply.status).toBe(403)
    }
    expect((await http(served.port, '/api/save', {method: 'POST', headers: {Cookie: served.cookie, Origin: served.origin, 'Content-Type': 'text/plain'}, body: save})).status).toBe(415)
    expect(snapshot(dir)).toEqual(before)
    // A port in use is a usage error, and the process ends (nothing is left watching).
    await expect(serve(dir, ['--port', String(served.port)])).rejects.toThrow(/exited \(2\).*port \d+ in use/s)
    // Only .html files of the output folder, nothing outside it.
    for (const path of ['/output/../.concordrc.json', '/output/%2e%2e/.concordrc.json', '/output/aligned/statement.html', '/assets/../package.json']) {
      expect((await api(served, path)).status, path).toBe(404)
    }
  })

  it('saves through the transaction, refuses a save against a changed translation (409), and stops on SIGTERM', async () => {
    const dir = tempProject()
    const served = await start(dir, ['--lang', 'mn'])
    const all = await segments(served)
    const missing = all.find((s) => s.state === 'missing')!
    const text = 'Нэмж дурдахад, энэ аравдугаар сард Хойд, Өмнөдийн удирдагчдын хоёр дахь дээд хэмжээний уулзалтыг хүлээж байна.'
    const saved = await api(served, '/api/save', {document: 'statement', language: 'mn', id: missing.id, version: missing.version, text, action: 'translated'})
    expect(saved.status, saved.body).toBe(200)
    expect(JSON.parse(saved.body)).toMatchObject({id: missing.id, state: 'translated', translation: text})
    expect(readJson(dir, 'locales/mn/statement.json')[missing.id]).toBe(text)
    const status = JSON.parse(concord(['status', '--json'], dir).stdout) as Record<string, Record<string, Record<string, string>>>
    expect(status.statement!.mn![missing.id]).toBe('translated')
    // The same version again: the translation changed since it was loaded.
    const again = await api(served, '/api/save', {document: 'statement', language: 'mn', id: missing.id, version: missing.version, text: 'Өөр.', action: 'translated'})
    expect(again.status).toBe(409)
    expect(JSON.parse(again.body)).toMatchObject({conflict: true, current: {translation: text}})
    expect(readJson(dir, 'locales/mn/statement.json')[missing.id]).toBe(text)
    // Reviewed, through the same path.
    const current = (await segments(served)).find((s) => s.id === missing.id)!
    const reviewed = await api(served, '/api/save', {document: 'statement', language: 'mn', id: missing.id, version: current.version, text, action: 'reviewed'})
    expect(reviewed.status).toBe(200)
    expect(JSON.parse(reviewed.body)).toMatchObject({state: 'reviewed', translation: text})
    expect(readJson<{segments: Record<string, {state: string}>}>(dir, 'locales/mn/statement.state.json').segments[missing.id]!.state).toBe('reviewed')

    served.child.kill('SIGTERM')
    expect(await served.exited).toBe(0)
    expect(leftovers(dir)).toEqual([])
    expect(served.stderr()).toContain('serve: stopping')
  })

  it('shows a stale segment with its previous English, and confirms it when saved unchanged (as accept does)', async () => {
    const dir = tempProject()
    const markdown = read(dir, 'content/statement.md')
    write(dir, 'content/statement.md', markdown.replace('Two years later', 'Today, two years later'))
    expect(concord(['segment'], dir).code).toBe(0)
    const served = await start(dir)
    const stale = (await segments(served)).filter((s) => s.state === 'stale') as Array<Segment & {previousEnglish: string; diff: Array<{value: string; added?: boolean}>}>
    expect(stale).toHaveLength(1)
    const [segment] = stale as [(typeof stale)[number]]
    expect(segment.previousEnglish).toMatch(/^Two years later/)
    // Words were added: a change of meaning, not a typo fix (the class `status` and the exports show).
    expect(segment).toMatchObject({class: 'meaning'})
    expect(segment.diff.filter((p) => p.added).map((p) => p.value.trim())).toContain('Today, two')
    const saved = await api(served, '/api/save', {document: 'statement', language: 'mn', id: segment.id, version: segment.version, text: segment.translation, action: 'translated'})
    expect(saved.status).toBe(200)
    expect(JSON.parse(saved.body)).toMatchObject({state: 'translated', translation: segment.translation})
    const status = JSON.parse(concord(['status', '--json'], dir).stdout) as Record<string, Record<string, Record<string, string>>>
    expect(status.statement!.mn![segment.id]).toBe('translated')
  })

  it('saves a draft apart from what i18next loads, confirms it as the named translator, and offers memory matches', async () => {
    const dir = tempProject()
    // A paragraph repeating a sentence the Mongolian locale has translated: the memory offers that translation.
    const english = readJson(dir, 'locales/en/statement.json')
    const mongolian = readJson(dir, 'locales/mn/statement.json')
    const repeated = Object.keys(mongolian).find((id) => /^[A-Z][^*_`[\]]{40,}\.$/.test(english[id] ?? ''))!
    write(dir, 'content/statement.md', `${read(dir, 'content/statement.md').trimEnd()}\n\n${english[repeated]}\n`)
    expect(concord(['segment'], dir).code).toBe(0)
    const served = await start(dir, ['--lang', 'mn', '--translator', 'Saran Bold'])
    const all = (await segments(served)) as Array<Segment & {suggestions?: Array<{text: string; similarity: number; origin: string}>}>
    const copy = all.find((s) => s.id !== repeated && s.state === 'missing' && s.suggestions?.[0]?.origin === `statement#${repeated}`)!
    expect(copy.suggestions![0]).toMatchObject({text: mongolian[repeated], similarity: 100})

    const text = mongolian[repeated]!
    const draft = await api(served, '/api/save', {document: 'statement', language: 'mn', id: copy.id, version: copy.version, text, action: 'draft'})
    expect(draft.status, draft.body).toBe(200)
    expect(JSON.parse(draft.body)).toMatchObject({id: copy.id, state: 'draft', translation: text})
    // Kept in the state file, not in what i18next loads.
    expect(Object.hasOwn(readJson(dir, 'locales/mn/statement.json'), copy.id)).toBe(false)
    const state = (): Record<string, {state: string; draft?: string; by?: string}> =>
      readJson<{segments: Record<string, {state: string; draft?: string; by?: string}>}>(dir, 'locales/mn/statement.state.json').segments
    expect(state()[copy.id]).toMatchObject({state: 'draft', draft: text})
    const status = (): Record<string, string> => (JSON.parse(concord(['status', '--json'], dir).stdout) as Record<string, Record<string, Record<string, string>>>).statement!.mn!
    expect(status()[copy.id]).toBe('draft')

    const confirmed = await api(served, '/api/save', {document: 'statement', language: 'mn', id: copy.id, version: JSON.parse(draft.body).version, text, action: 'translated'})
    expect(confirmed.status, confirmed.body).toBe(200)
    expect(readJson(dir, 'locales/mn/statement.json')[copy.id]).toBe(text)
    expect(state()[copy.id]).toMatchObject({state: 'translated', by: 'Saran Bold'})
    expect(state()[copy.id]!.draft).toBeUndefined()
    expect(status()[copy.id]).toBe('translated')
  })

  it('shows a broken locale file as file:line:col and writes nothing until it is fixed', async () => {
    const dir = tempProject()
    const served = await start(dir)
    const all = await segments(served)
    const good = read(dir, 'locales/mn/statement.json')
    write(dir, 'locales/mn/statement.json', good.replace(/",\n/, '"\n'))
    const before = snapshot(dir)
    const loaded = await api(served, '/api/document?document=statement&language=mn')
    expect(loaded.status).toBe(422)
    expect(JSON.parse(loaded.body).error).toMatch(/^locales\/mn\/statement\.json:\d+:\d+: Unexpected .+ \[[a-z-]+\]$/)
    const segment = all.find((s) => s.state === 'translated')!
    const save = await api(served, '/api/save', {document: 'statement', language: 'mn', id: segment.id, version: segment.version, text: 'Шинэ.', action: 'translated'})
    expect(save.status).toBe(422)
    expect(JSON.parse(save.body).error).toMatch(/^locales\/mn\/statement\.json:\d+:\d+: /)
    expect(snapshot(dir)).toEqual(before)
    write(dir, 'locales/mn/statement.json', good)
    expect((await api(served, '/api/save', {document: 'statement', language: 'mn', id: segment.id, version: segment.version, text: 'Шинэ.', action: 'translated'})).status).toBe(200)
  })

  it("links each segment to its row in the aligned HTML edition, served with the edition's own policy", async () => {
    const dir = tempProject()
    expect(concord(['build', '--format', 'html'], dir).code).toBe(0)
    const served = await start(dir)
    const all = (await segments(served)) as Array<Segment & {kind: string; link: string}>
    expect(all.find((s) => s.kind === 'meta')!.link).toBe('/output/aligned/statement.html')
    const segment = all.find((s) => s.state === 'translated' && s.kind !== 'meta')!
    const link = (JSON.parse((await api(served, '/api/document?document=statement&language=mn')).body) as {segments: Array<{id: string; link: string}>}).segments.find(
      (s) => s.id === segment.id
    )!.link
    expect(link).toBe(`/output/aligned/statement.html#${segment.id}`)
    const page = await api(served, link.split('#')[0]!)
    expect(page.status).toBe(200)
    expect(page.body).toContain(`id="${segment.id}"`)
    expect(page.body).toContain('http-equiv="Content-Security-Policy"')
    expect(page.headers['content-security-policy']).toMatch(/^default-src 'none'.*frame-ancestors 'none'$/)
    expect((await http(served.port, link.split('#')[0]!)).status).toBe(401)
  })

  it('loses nothing under load: 4 clients × 50 saves', async () => {
    const dir = tempProject()
    const served = await start(dir)
    const all = await segments(served)
    const groups = [0, 1, 2, 3].map((k) => all.filter((_, i) => i % 4 === k))
    const last = new Map<string, string>()
    const client = async (k: number): Promise<number[]> => {
      const versions = new Map(groups[k]!.map((s) => [s.id, s.version]))
      const codes: number[] = []
      for (let n = 0; n < 50; n++) {
        const segment = groups[k]![n % groups[k]!.length]!
        const text = `Орчуулга ${k}-${n}: «${segment.id}».`
        const reply = await api(served, '/api/save', {document: 'statement', language: 'mn', id: segment.id, version: versions.get(segment.id)!, text, action: 'translated'})
        codes.push(reply.status)
        if (reply.status === 200) {
          versions.set(segment.id, (JSON.parse(reply.body) as Segment).version)
          last.set(segment.id, text)
        }
      }
      return codes
    }
    const codes = (await Promise.all([0, 1, 2, 3].map(client))).flat()
    expect(codes).toEqual(Array(200).fill(200))
    const strings = JSON.parse(read(dir, 'locales/mn/statement.json')) as Record<string, string>
    const states = JSON.parse(read(dir, 'locales/mn/statement.state.json')) as {segments: Record<string, {state: string}>}
    for (const [id, text] of last) {
      expect(strings[id]).toBe(text)
      expect(states.segments[id]!.state).toBe('translated')
    }
    expect(last.size).toBe(all.length)
    expect(leftovers(dir)).toEqual([])
    // What the locale says is what the CLI reads.
    expect(concord(['check', '--lang', 'mn'], dir).stderr).not.toContain('locale-outdated')
    // SIGTERM with saves under way: they finish or never start; the files stay whole.
    const flying = all
      .slice(0, 8)
      .map((s, i) => api(served, '/api/save', {document: 'statement', language: 'mn', id: s.id, version: 'old', text: `x${i}.`, action: 'translated'}).catch(() => null))
    served.child.kill('SIGTERM')
    await Promise.all(flying)
    expect(await served.exited).toBe(0)
    JSON.parse(readFileSync(join(dir, 'locales/mn/statement.json'), 'utf8'))
    JSON.parse(readFileSync(join(dir, 'locales/mn/statement.state.json'), 'utf8'))
    expect(leftovers(dir)).toEqual([])
  })
})
