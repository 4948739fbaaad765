import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {concord, read, readJson, repo, snapshot, tempProject, write} from '../helpers/cli.js'

// The worker is the compiled one: dist/ is built before the tests.
const {startLocaleSync} = (await import(join(repo, 'dist/engine/locale-pool.js'))) as typeof import('../../src/engine/locale-pool.js')
const {loadProjectOptions, openProject, selectDocumentIds} = (await import(join(repo, 'dist/engine/project.js'))) as typeof import('../../src/engine/project.js')

const actor = () => ({name: 'Test Translator', at: '2026-01-02T03:04:05Z'})

/** `segment`'s locale work on `dir` in this thread, or (`worker`) all of it in the worker whatever the size, or the error it stops with. */
async function localeWork(dir: string, worker: boolean, check: boolean) {
  const options = loadProjectOptions(dir)
  const run = startLocaleSync(dir, options, selectDocumentIds(dir, options), {check, threads: worker ? 2 : 1, parallelFrom: 0, actor, shareWork: !worker})
  try {
    const project = await openProject(dir, undefined, {readOnly: true, options})
    return await run.finish(project)
  } catch (error) {
    return {error: String(error)}
  } finally {
    await run.close()
  }
}

async function expectSameOnTwoThreads(dir: string): Promise<void> {
  for (const check of [true, false]) {
    const one = await localeWork(dir, false, check)
    const two = await localeWork(dir, true, check)
    expect(two, `check: ${check}`).toEqual(one)
  }
}

describe('the locales of `segment` on a second thread', () => {
  it('give the files, report and first error of one thread', async () => {
    const dir = tempProject()
    // As committed, and recorded by `segment` (locale-digest.ts): nothing to write, and the full files when writing.
    expect(concord(['segment'], dir).code).toBe(0)
    const current = await localeWork(dir, true, true)
    expect(current).toMatchObject({outputs: [], report: []})
    await expectSameOnTwoThreads(dir)

    // An outdated registry (a sentence reworded, a paragraph gone) and a translation edited by hand.
    const markdown = read(dir, 'content/statement.md')
    const paragraphs = markdown.split('\n\n')
    const last = paragraphs.length - 1
    write(dir, 'content/statement.md', [...paragraphs.slice(0, last - 1), paragraphs[last]!.replace(/\.\s*$/, '!\n')].join('\n\n'))
    const ko = readJson(dir, 'locales/ko/statement.json')
    const first = Object.keys(ko)[3]!
    write(dir, 'locales/ko/statement.json', JSON.stringify({...ko, [first]: `${ko[first]} (수정)`}, null, 2) + '\n')
    const changed = await localeWork(dir, true, false)
    // Every language moves the retired paragraph's translation, the ones recorded unchanged too: their registry changed.
    for (const language of ['ko', 'ja']) expect('outputs' in changed && changed.outputs.some((o) => o.path.endsWith(join(language, 'statement.obsolete.json'))), language).toBe(true)
    expect('report' in changed && changed.report.some((line) => line.includes('moved'))).toBe(true)
    expect('outputs' in changed && changed.outputs.find((o) => o.path.endsWith(join('ko', 'statement.state.json')))?.content).toContain('Test Translator')
    await expectSameOnTwoThreads(dir)

    // A broken locale: the same message, whichever thread met it.
    write(dir, 'locales/ja/statement.json', '{"broken": ')
    const broken = await localeWork(dir, true, true)
    expect(broken).toHaveProperty('error')
    expect((broken as {error: string}).error).toContain(join('locales', 'ja', 'statement.json'))
    await expectSameOnTwoThreads(dir)
  })

  it('`segment --jobs` on the CLI: the same files with one thread or two, and a clear error for no thread', () => {
    const dirs = [tempProject(), tempProject()]
    for (const dir of dirs) write(dir, 'content/statement.md', read(dir, 'content/statement.md').replace('refugees', 'the refugees'))
    expect(concord(['segment', '--jobs', '1'], dirs[0]!).code).toBe(0)
    expect(concord(['segment', '--jobs', '2'], dirs[1]!).code).toBe(0)
    expect(snapshot(dirs[1]!)).toEqual(snapshot(dirs[0]!))
    expect(concord(['segment', '--check', '--jobs', '2'], dirs[1]!).code).toBe(0)
    const zero = concord(['segment', '--jobs', '0'], dirs[0]!)
    expect(zero.code).toBe(2)
    expect(zero.stderr).toContain('Unexpected `0`, expected a whole number of threads')
    expect(readFileSync(join(dirs[0]!, 'content/statement.md'), 'utf8')).toContain('the refugees')
  })
})
