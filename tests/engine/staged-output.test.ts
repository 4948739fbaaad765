import {spawnSync} from 'node:child_process'
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {fileOfParts} from '../../src/editions/align.js'
import {toBytes} from '../../src/engine/durable-fs.js'
import {commitStaged, discardStaged, encodeTransient, stageFile, sweepStaged} from '../../src/engine/staged-output.js'
import {tempDir} from '../helpers/cli.js'

describe('a file given in parts', () => {
  it('encodes as its parts joined, whatever the text (a lone surrogate inside a part as U+FFFD)', () => {
    const part = fc.oneof(fc.string({unit: 'binary'}), fc.string({unit: 'grapheme'}), fc.constantFrom('', '\uD800', 'a\uDC00b', '한국어', '日本語'))
    fc.assert(
      fc.property(fc.array(part, {maxLength: 6}), (parts) => {
        // The writer's one rule: no part ends in the first half of a surrogate pair whose second half starts the next.
        fc.pre(!parts.some((text, i) => /[\uD800-\uDBFF]$/.test(text) && /^[\uDC00-\uDFFF]/.test(parts[i + 1] ?? '')))
        expect(encodeTransient(parts).equals(toBytes(parts.join('')))).toBe(true)
        expect(encodeTransient(parts.join('')).equals(toBytes(parts.join('')))).toBe(true)
      })
    )
  })

  it('joins its parts only when its content is read, and once', () => {
    const parts = ['<head>', 'x'.repeat(1000), '</html>\n']
    const file = fileOfParts('en/doc.html', parts)
    expect(file.parts).toBe(parts)
    const content = file.content
    expect(content).toBe(parts.join(''))
    expect(file.content).toBe(content)
    expect({...file}.path).toBe('en/doc.html')
  })
})

describe('staged outputs', () => {
  it('write nothing for a file that holds the bytes already, and go in their place only when committed', () => {
    const dir = tempDir()
    const path = join(dir, 'ko', 'doc.md')
    const first = stageFile(path, Buffer.from('한국어\n'))
    expect(existsSync(path)).toBe(false)
    expect(readdirSync(join(dir, 'ko'))).toEqual([`doc.md.tmp-${process.pid}`])
    expect(commitStaged(first)).toBe(true)
    expect(readFileSync(path, 'utf8')).toBe('한국어\n')
    const same = stageFile(path, Buffer.from('한국어\n'))
    expect(same.temp).toBeUndefined()
    expect(commitStaged(same)).toBe(false)
    const changed = stageFile(path, Buffer.from('바뀐\n'))
    discardStaged([changed])
    expect(readdirSync(join(dir, 'ko'))).toEqual(['doc.md'])
    expect(readFileSync(path, 'utf8')).toBe('한국어\n')
  })

  it('are swept when a killed build left them, not while their build runs', () => {
    const dir = tempDir()
    const path = join(dir, 'doc.html')
    // A process that has exited: its pid is not running (pids are not reused this fast).
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {encoding: 'utf8'}).stdout
    writeFileSync(`${path}.tmp-${gone}`, 'left by a killed build')
    writeFileSync(`${path}.tmp-${process.ppid}`, 'staged by a running build')
    writeFileSync(join(dir, `other.html.tmp-${gone}`), 'not a file this build writes')
    sweepStaged([path])
    expect(readdirSync(dir).sort()).toEqual([`doc.html.tmp-${process.ppid}`, `other.html.tmp-${gone}`])
  })
})
