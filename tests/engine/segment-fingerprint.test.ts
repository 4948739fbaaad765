import {appendFileSync, cpSync, readFileSync, writeFileSync} from 'node:fs'
import {join, relative} from 'node:path'
import {describe, expect, it} from 'vitest'
import {defaults} from '../../src/core/options.js'
import {cachePath, readSegmentCache, segmentationFingerprint, segmentationModules, writeSegmentCache} from '../../src/engine/segment-cache.js'
import {repo, tempDir} from '../helpers/cli.js'

// The compiled modules, as the CLI runs them unbundled: dist/ is built before the tests.
const dist = join(repo, 'dist')
const names = (root: string, files: string[]): string[] => files.map((file) => relative(root, file))

describe('segment cache fingerprint', () => {
  it('covers every module segmentation imports, found from its entry points', () => {
    const {modules, packages} = segmentationModules(dist, '.js')
    const found = names(dist, modules)
    // The inline parser and serialiser helpers segmentation runs, which a list of folders once missed.
    for (const module of [
      'segment/units.js',
      'segment/unit-range.js',
      'markdown/parse.js',
      'markdown/inline-parse.js',
      'markdown/inline-attention.js',
      'markdown/quick-safe.js',
      'markdown/characters.js',
      'markdown/encode-info.js'
    ]) {
      expect(found).toContain(module)
    }
    expect(found.every((name) => !name.startsWith('..'))).toBe(true)
    expect(packages).toContain('remark-parse')
    // The sources import the same modules (and, for types only, a few more): the walk reads both alike.
    const sources = names(join(repo, 'src'), segmentationModules(join(repo, 'src'), '.ts').modules).map((name) => name.replace(/\.ts$/, '.js'))
    for (const name of found) expect(sources).toContain(name)
  })

  it('changes when any module segmentation imports changes, and only then', () => {
    const copy = join(tempDir('concord-fingerprint-'), 'dist')
    cpSync(dist, copy, {recursive: true, filter: (path) => !path.includes('.code-cache')})
    const before = segmentationFingerprint(copy, '.js')
    expect(before).toBe(segmentationFingerprint(dist, '.js'))
    const {modules} = segmentationModules(copy, '.js')
    expect(modules.length).toBeGreaterThan(10)
    for (const module of modules) {
      const text = readFileSync(module)
      appendFileSync(module, '\n// changed\n')
      expect(segmentationFingerprint(copy, '.js'), relative(copy, module)).not.toBe(before)
      writeFileSync(module, text)
    }
    expect(segmentationFingerprint(copy, '.js')).toBe(before)
    // A renderer is not segmentation: changing it keeps the cached segments.
    appendFileSync(join(copy, 'editions', 'html', 'render.js'), '\n// changed\n')
    expect(segmentationFingerprint(copy, '.js')).toBe(before)
  })

  it('ignores a cache written under another fingerprint', () => {
    const root = tempDir('concord-segment-cache-')
    const options = defaults()
    const units = new Map([['k1', {blocks: 1, segments: [{text: 'Hello.', kind: 'paragraph' as const, block: 0, depth: 0, line: 1, column: 1}]}]])
    writeSegmentCache(root, options, 'doc', units)
    expect(readSegmentCache(root, options, 'doc')).toEqual(units)
    const path = cachePath(root, options, 'doc')
    const data = JSON.parse(readFileSync(path, 'utf8')) as {fingerprint: string}
    writeFileSync(path, JSON.stringify({...data, fingerprint: `${data.fingerprint}x`}))
    expect(readSegmentCache(root, options, 'doc').size).toBe(0)
  })
})
