import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {reviveError, serializeError, UsageError} from '../../src/engine/reporter.js'

/** Through structured cloning, as a message between threads is: no classes, no prototypes. */
const acrossThreads = (error: unknown): Error => reviveError(structuredClone(serializeError(error)))

describe('errors from worker threads', () => {
  it('come back as the content message they were, with file, place and rule', () => {
    const file = new VFile({path: 'locales/ko/statement.json'})
    let thrown: unknown
    try {
      file.fail('Unexpected character `𐤀`, expected one the fonts have', {place: {line: 3, column: 12}, ruleId: 'pdf-glyph-missing', source: 'concord'})
    } catch (error) {
      thrown = error
    }
    const revived = acrossThreads(thrown)
    expect(revived).toBeInstanceOf(VFileMessage)
    const message = revived as VFileMessage
    expect(String(message)).toBe(String(thrown))
    expect([message.file, message.line, message.column, message.ruleId, message.fatal]).toEqual(['locales/ko/statement.json', 3, 12, 'pdf-glyph-missing', true])
  })

  it('come back as usage errors and internal errors, by their tag', () => {
    const usage = acrossThreads(new UsageError('Unexpected SOURCE_DATE_EPOCH `x`'))
    expect(usage).toBeInstanceOf(UsageError)
    expect(usage.message).toBe('Unexpected SOURCE_DATE_EPOCH `x`')
    const bug = new TypeError('boom')
    const internal = acrossThreads(bug)
    expect(internal).not.toBeInstanceOf(UsageError)
    expect(internal).not.toBeInstanceOf(VFileMessage)
    expect(internal.stack).toBe(bug.stack)
    expect(acrossThreads('a string').message).toBe('a string')
  })

  it('go by the tag, not the class name, and an untagged shape is an internal error', () => {
    // A class renamed by a bundler (esbuild writes `UsageError2`) is still a usage error.
    class UsageError2 extends UsageError {}
    expect(acrossThreads(new UsageError2('renamed'))).toBeInstanceOf(UsageError)
    // Another class of that name is not.
    class VFileMessageLike extends Error {}
    Object.defineProperty(VFileMessageLike, 'name', {value: 'VFileMessage'})
    expect(acrossThreads(new VFileMessageLike('x'))).not.toBeInstanceOf(VFileMessage)
    const untagged = reviveError({kind: 'usage', message: 'x'})
    expect(untagged).not.toBeInstanceOf(UsageError)
    expect(untagged.message).toContain('Unexpected error from a worker thread')
  })
})
