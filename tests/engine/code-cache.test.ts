import {spawnSync} from 'node:child_process'
import {existsSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'
import {readCodeCache} from '../../src/engine/code-cache.js'
import {concord, repo, tempDir, tempProject} from '../helpers/cli.js'

const bundle = join(repo, 'dist', 'cli', 'concord.cjs')
const cacheDir = (): string => tempDir('concord-test-code-cache-')

describe('V8 code cache of the CLI', () => {
  it('is written by the first run of a command and used as it is by the next', () => {
    expect(existsSync(bundle), 'npm run build bundles the CLI into dist/cli/concord.cjs').toBe(true)
    const dir = tempProject()
    const cache = cacheDir()
    const env = {CONCORD_CODE_CACHE: cache}
    const first = concord(['status'], dir, env)
    expect(first.code).toBe(0)
    const file = join(cache, 'status.bin')
    const entries = readCodeCache(file)
    // The bundle and the CommonJS packages it requires.
    expect([...entries.keys()]).toContain(bundle)
    const written = statSync(file).mtimeMs
    const second = concord(['status'], dir, env)
    expect(second).toEqual(first)
    // Rewritten only when V8 rejected an entry or a file was new: every entry was accepted.
    expect(statSync(file).mtimeMs).toBe(written)
  })

  it('ignores a damaged cache file, gives the same output and replaces the file', () => {
    const dir = tempProject()
    const cache = cacheDir()
    const reference = concord(['status'], dir, {CONCORD_CODE_CACHE: '0'})
    for (const damage of [Buffer.from('not a cache'), Buffer.alloc(0), Buffer.from([255, 255, 255, 255, 0])]) {
      writeFileSync(join(cache, 'status.bin'), damage)
      expect(concord(['status'], dir, {CONCORD_CODE_CACHE: cache})).toEqual(reference)
      expect(readCodeCache(join(cache, 'status.bin')).has(bundle)).toBe(true)
    }
  })

  it('uses an entry only for the same content, even of the same length (V8 checks only the length)', () => {
    const dir = cacheDir()
    const module = join(dir, 'answer.cjs')
    const script = join(dir, 'run.mjs')
    writeFileSync(
      script,
      `import {createRequire} from 'node:module'\n` +
        `import {installCodeCache} from ${JSON.stringify(pathToFileURL(join(repo, 'dist', 'engine', 'code-cache.js')).href)}\n` +
        `installCodeCache(${JSON.stringify(join(dir, 'cache.bin'))})\n` +
        `process.stdout.write(createRequire(import.meta.url)('./answer.cjs')())\n`
    )
    const run = (): string => spawnSync(process.execPath, [script], {encoding: 'utf8'}).stdout
    writeFileSync(module, "module.exports = () => 'first'\n")
    expect(run()).toBe('first')
    expect(readCodeCache(join(dir, 'cache.bin')).has(module)).toBe(true)
    expect(run()).toBe('first')
    writeFileSync(module, "module.exports = () => 'other'\n")
    expect(readFileSync(module).length).toBe("module.exports = () => 'first'\n".length)
    expect(run()).toBe('other')
  })

  it('is written again by a run that loads code the run that last wrote it did not', () => {
    const dir = cacheDir()
    const cache = join(dir, 'cache.bin')
    const [main, extra] = [join(dir, 'main.cjs'), join(dir, 'extra.cjs')]
    const script = join(dir, 'run.mjs')
    writeFileSync(
      script,
      `import {createRequire} from 'node:module'\n` +
        `import {installCodeCache} from ${JSON.stringify(pathToFileURL(join(repo, 'dist', 'engine', 'code-cache.js')).href)}\n` +
        `installCodeCache(${JSON.stringify(cache)})\n` +
        `const require = createRequire(import.meta.url)\n` +
        `process.stdout.write(require('./main.cjs')() + (process.argv[2] ? require('./extra.cjs')() : ''))\n`
    )
    const run = (...args: string[]): string => spawnSync(process.execPath, [script, ...args], {encoding: 'utf8'}).stdout
    writeFileSync(extra, "module.exports = () => '+'\n")
    writeFileSync(main, "module.exports = () => 'a'\n")
    expect(run('extra')).toBe('a+')
    expect([...readCodeCache(cache).keys()].sort()).toEqual([extra, main].sort())
    // A narrower run that writes the cache (here because main.cjs changed) keeps only what it compiled…
    writeFileSync(main, "module.exports = () => 'b'\n")
    expect(run()).toBe('b')
    expect([...readCodeCache(cache).keys()]).toEqual([main])
    // …so that the next wider run writes it again, main.cjs's entry with all that run compiled.
    const written = statSync(cache).mtimeMs
    expect(run('extra')).toBe('b+')
    expect([...readCodeCache(cache).keys()].sort()).toEqual([extra, main].sort())
    expect(statSync(cache).mtimeMs).not.toBe(written)
    expect(run('extra')).toBe('b+')
  })
})
