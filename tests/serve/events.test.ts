import {mkdirSync, renameSync, writeFileSync} from 'node:fs'
import type {ServerResponse} from 'node:http'
import {join} from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {watchProject, type Events} from '../../src/serve/events.js'
import {tempProject} from '../helpers/cli.js'
import {until} from '../helpers/racing.js'

const open: Events[] = []
afterEach(() => {
  for (const events of open.splice(0)) events.close()
})

/** A page's event stream: the paths of every `changed` event it got. */
function page(events: Events): string[] {
  const changed: string[] = []
  const response = {
    writeHead: () => response,
    write(chunk: string) {
      const data = /^event: changed\ndata: (.*)$/m.exec(chunk)
      if (data) changed.push(...(JSON.parse(data[1]!) as {changed: string[]}).changed)
      return true
    },
    on: () => response,
    end: () => undefined
  }
  events.attach(response as unknown as ServerResponse)
  return changed
}

function replace(path: string, text: string): void {
  writeFileSync(`${path}.tmp-1`, text)
  renameSync(`${path}.tmp-1`, path)
}

describe('changes pushed to the editor', () => {
  it('sees a locale file replaced by a rename each time, a new language folder, the config, and nothing else at the top', {timeout: 60_000}, async () => {
    const dir = tempProject()
    const events = watchProject(dir, 20)
    open.push(events)
    const changed = page(events)
    for (const text of ['{"a": "1"}', '{"a": "2"}']) {
      changed.length = 0
      replace(join(dir, 'locales/ko/statement.json'), text)
      await until(() => changed.includes('locales/ko/statement.json'), `the change to ${text}`)
      expect(changed.filter((path) => path.includes('.tmp-'))).toEqual([])
    }
    mkdirSync(join(dir, 'locales/xx'))
    await until(() => changed.includes('locales/xx'), 'the new language folder')
    writeFileSync(join(dir, 'locales/xx/statement.json'), '{}')
    await until(() => changed.includes('locales/xx/statement.json'), 'a file in it')
    writeFileSync(join(dir, 'notes.txt'), 'not an input')
    writeFileSync(join(dir, '.concordrc.json'), '{}')
    await until(() => changed.includes('.concordrc.json'), 'the config')
    expect(changed).not.toContain('notes.txt')
  })
})
