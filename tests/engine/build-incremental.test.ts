import {readFileSync, rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {listFiles} from '../../src/bench/steps.js'
import {createProgress} from '../../src/cli/progress.js'
import {bodyIds, concord, read, readJson, tempProject} from '../helpers/cli.js'

const wrote = (stderr: string): string[] => (stderr.match(/^wrote .*$/gm) ?? []).map((l) => l.slice('wrote '.length)).sort()

/** Every file of two output folders (caches aside), byte for byte. */
function sameOutputs(dir: string, a: string, b: string): void {
  const editions = (folder: string): string[] => listFiles(join(dir, folder)).filter((f) => !f.startsWith('.cache/'))
  const files = editions(a)
  expect(files).toEqual(editions(b))
  for (const file of files) expect(readFileSync(join(dir, a, file)).equals(readFileSync(join(dir, b, file))), file).toBe(true)
}

function editKorean(dir: string, suffix: string): string {
  const strings = readJson(dir, 'locales/ko/statement.json')
  const id = bodyIds(dir)[3]!
  writeFileSync(join(dir, 'locales/ko/statement.json'), JSON.stringify({...strings, [id]: `${strings[id]} ${suffix}`}, null, 2) + '\n')
  return id
}

describe('incremental builds', () => {
  it('re-renders only the files a change reaches, and they equal a clean build', {timeout: 300_000}, () => {
    const dir = tempProject()
    const first = concord(['build', '--format', 'md,html'], dir)
    expect(first.code, first.stderr).toBe(0)
    expect(wrote(first.stderr)).toHaveLength(10)

    const again = concord(['build', '--format', 'md,html'], dir)
    expect(again.stderr).not.toContain('wrote')
    expect(again.stderr).not.toContain('build: rendering')
    expect(again.stderr).toContain('build: 0 file(s) written, 10 unchanged')

    editKorean(dir, '(고침)')
    const edited = concord(['build', '--format', 'md,html'], dir)
    expect(edited.code, edited.stderr).toBe(0)
    expect(wrote(edited.stderr)).toEqual(['output/aligned/statement.html', 'output/aligned/statement.md', 'output/ko/statement.html', 'output/ko/statement.md'])
    expect(edited.stderr).toContain('build: rendering 4 file(s): ko 2, aligned 2')
    expect(concord(['build', '--format', 'md,html', '--out', 'clean'], dir).code).toBe(0)
    sameOutputs(dir, 'output', 'clean')

    // A new translation changes the counts (percentages, draft notes) of its language only.
    const mn = readJson(dir, 'locales/mn/statement.json')
    const missing = Object.keys(readJson(dir, 'locales/en/statement.json')).find((id) => !(id in mn))!
    writeFileSync(join(dir, 'locales/mn/statement.json'), JSON.stringify({...mn, [missing]: 'Шинэ орчуулга.'}, null, 2) + '\n')
    expect(wrote(concord(['build', '--format', 'md,html'], dir).stderr)).toEqual([
      'output/aligned/statement.html',
      'output/aligned/statement.md',
      'output/mn/statement.html',
      'output/mn/statement.md'
    ])
    expect(concord(['build', '--format', 'md,html', '--out', 'clean'], dir).code).toBe(0)
    sameOutputs(dir, 'output', 'clean')

    // Inputs are hashed as read: a change to a state file alone (here a Korean translation made stale) reaches its language.
    const statePath = join(dir, 'locales/ko/statement.state.json')
    const state = readJson<{segments: Record<string, {source: string}>}>(dir, 'locales/ko/statement.state.json')
    const staleId = bodyIds(dir)[5]!
    state.segments[staleId]!.source = '000000000000'
    writeFileSync(statePath, JSON.stringify(state, null, 2) + '\n')
    expect(wrote(concord(['build', '--format', 'md,html'], dir).stderr)).toEqual([
      'output/aligned/statement.html',
      'output/aligned/statement.md',
      'output/ko/statement.html',
      'output/ko/statement.md'
    ])
    expect(read(dir, 'output/ko/statement.md')).toContain('stale-' + staleId)
    expect(concord(['build', '--format', 'md,html', '--out', 'clean'], dir).code).toBe(0)
    sameOutputs(dir, 'output', 'clean')

    // Edited English, once segmented, reaches every file.
    const content = join(dir, 'content/statement.md')
    writeFileSync(content, read(dir, 'content/statement.md').replace('held in Japan.', 'held in Japan, again.'))
    expect(concord(['segment'], dir).code).toBe(0)
    expect(concord(['build', '--format', 'md,html'], dir).stderr).toContain('build: rendering 10 file(s)')
    expect(concord(['build', '--format', 'md,html', '--out', 'clean'], dir).code).toBe(0)
    sameOutputs(dir, 'output', 'clean')

    // A deleted or hand-edited output is rendered again; an option change re-renders everything.
    rmSync(join(dir, 'output/ja/statement.md'))
    writeFileSync(join(dir, 'output/mn/statement.html'), 'edited by hand')
    expect(wrote(concord(['build', '--format', 'md,html'], dir).stderr)).toEqual(['output/ja/statement.md', 'output/mn/statement.html'])
    writeFileSync(join(dir, '.concordrc.json'), JSON.stringify({...readJson<Record<string, unknown>>(dir, '.concordrc.json'), editions: {missing: 'placeholder'}}))
    expect(concord(['build', '--format', 'md,html'], dir).stderr).toContain('build: rendering 10 file(s)')
    rmSync(join(dir, 'clean'), {recursive: true})
    expect(concord(['build', '--format', 'md,html', '--out', 'clean'], dir).code).toBe(0)
    sameOutputs(dir, 'output', 'clean')
  })

  it('keeps the record of formats a build leaves out: the next full build prints only the PDFs a change reaches', {timeout: 300_000}, () => {
    const dir = tempProject()
    expect(concord(['build'], dir).code).toBe(0)
    editKorean(dir, '(고침)')
    expect(wrote(concord(['build', '--format', 'md,html'], dir).stderr)).toEqual([
      'output/aligned/statement.html',
      'output/aligned/statement.md',
      'output/ko/statement.html',
      'output/ko/statement.md'
    ])
    const full = concord(['build'], dir)
    expect(full.stderr).toContain('build: rendering 2 file(s): ko 1, aligned 1')
    expect(wrote(full.stderr)).toEqual(['output/aligned/statement.en-ko.pdf', 'output/ko/statement.pdf'])
  })

  it('keeps its record out of the output folder given with --out', {timeout: 120_000}, () => {
    const dir = tempProject()
    expect(concord(['build', '--format', 'md', '--out', 'site'], dir).code).toBe(0)
    expect(listFiles(join(dir, 'site')).every((f) => !f.startsWith('.'))).toBe(true)
    expect(listFiles(join(dir, 'output', '.cache')).some((f) => f.startsWith('build-'))).toBe(true)
    expect(concord(['build', '--format', 'md', '--out', 'site'], dir).stderr).toContain('0 file(s) written, 5 unchanged')
  })
})

describe('rendering in worker threads', () => {
  it('gives the same files as the main thread, PDFs included', {timeout: 300_000}, () => {
    const dir = tempProject()
    expect(concord(['build', '--lang', 'ko', '--jobs', '1', '--out', 'one'], dir).code).toBe(0)
    const two = concord(['build', '--lang', 'ko', '--jobs', '2', '--out', 'two'], dir)
    expect(two.code, two.stderr).toBe(0)
    sameOutputs(dir, 'one', 'two')
  })

  it('reports a content error found in a worker as the main thread would, and writes nothing', {timeout: 300_000}, () => {
    const dir = tempProject()
    const strings = readJson(dir, 'locales/ko/statement.json')
    const id = bodyIds(dir)[3]!
    writeFileSync(join(dir, 'locales/ko/statement.json'), read(dir, 'locales/ko/statement.json').replace(strings[id]!, `${strings[id]!}\u{10900}`))
    const one = concord(['build', '--lang', 'ko', '--format', 'pdf', '--jobs', '1', '--out', 'one'], dir)
    const two = concord(['build', '--lang', 'ko', '--format', 'pdf', '--jobs', '2', '--out', 'two'], dir)
    expect(one.code).toBe(1)
    expect(two.code).toBe(1)
    const message = (stderr: string): string => stderr.split('\n').find((l) => l.includes('[pdf-glyph-missing]')) ?? ''
    expect(message(two.stderr)).toContain(`Unexpected character \`U+10900\``)
    expect(message(two.stderr)).toBe(message(one.stderr))
    expect(listFiles(join(dir, 'two'))).toEqual([])
  })

  it('rejects a thread count that is not a whole number', () => {
    const run = concord(['build', '--jobs', 'many'], tempProject())
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('Unexpected `many`')
  })
})

describe('progress', () => {
  it('prints one plain line per rendered file when stderr is not a terminal', {timeout: 120_000}, () => {
    const dir = tempProject()
    const run = concord(['build', '--format', 'md', '--lang', 'ko,ja'], dir)
    const lines = run.stderr.split('\n').filter((l) => l.startsWith('build: '))
    expect(lines[0]).toBe('build: rendering 4 file(s): en 1, ko 1, ja 1, aligned 1')
    expect(lines.slice(1, 5).map((l) => l.replace(/: [^:]*$/, ''))).toEqual(['build: [1/4] en', 'build: [2/4] ko', 'build: [3/4] ja', 'build: [4/4] aligned'])
    expect(run.stderr).not.toContain('\x1b[')
  })
})

describe('progress bars', () => {
  const capture = (isTTY: boolean, env: NodeJS.ProcessEnv) => {
    const chunks: string[] = []
    const progress = createProgress({isTTY, columns: 60, write: (text: string) => chunks.push(text)}, env)
    progress.start([
      {label: 'en', total: 2},
      {label: 'aligned', total: 1}
    ])
    progress.tick('en', 'doc.md')
    progress.tick('aligned', 'doc.md')
    progress.tick('en', 'doc.html')
    progress.done()
    return chunks
  }

  it('draws one bar per edition on a terminal, redrawn in place', () => {
    const chunks = capture(true, {})
    expect(chunks).toHaveLength(5)
    const last = chunks[chunks.length - 1]!
    expect(last.startsWith('\x1b[2A')).toBe(true)
    expect(last).toContain(`en      ${'█'.repeat(24)} 2/2 done`)
    expect(last).toContain(`aligned ${'█'.repeat(24)} 1/1 done`)
    expect(chunks[1]).toContain(`en      ${'█'.repeat(12)}${'░'.repeat(12)} 1/2 doc.md`)
  })

  it('prints plain lines in CI even on a terminal', () => {
    expect(capture(true, {CI: 'true'})).toEqual([
      'build: rendering 3 file(s): en 2, aligned 1\n',
      'build: [1/3] en: doc.md\n',
      'build: [2/3] aligned: doc.md\n',
      'build: [3/3] en: doc.html\n'
    ])
  })
})
