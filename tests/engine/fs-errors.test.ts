import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {VFileMessage} from 'vfile-message'
import {fileSystemMessage} from '../../src/engine/fs-errors.js'
import {reviveError, serializeError} from '../../src/engine/reporter.js'

/** An error as `fs` raises it: root can write through chmod, so permission errors are made here, not on disk. */
const errno = (code: string, path: string): NodeJS.ErrnoException => Object.assign(new Error(`${code}: failed, open '${path}'`), {code, path, syscall: 'open'})

describe('file-system errors', () => {
  it('become a file-system message naming the path relative to the project', () => {
    const message = fileSystemMessage(errno('EACCES', join('/project', 'locales', 'ko', 'statement.json')), '/project')
    expect(message).toBeInstanceOf(VFileMessage)
    expect(message!.ruleId).toBe('file-system')
    expect(message!.fatal).toBe(true)
    expect(String(message)).toBe(
      'locales/ko/statement.json: Unexpected permission denied (EACCES), expected a file or folder Concord may read and write; check its permissions and owner (`ls -l`), or choose another path'
    )
  })

  it('keep a path outside the project absolute, and look through a wrapping error', () => {
    const wrapped = new Error('commit failed', {cause: errno('ENOSPC', '/elsewhere/site/en/statement.html')})
    expect(String(fileSystemMessage(wrapped, '/project'))).toMatch(/^\/elsewhere\/site\/en\/statement\.html: Unexpected full disk \(ENOSPC\)/)
  })

  it('leave other errors alone: a missing file or a bug stays what it was', () => {
    expect(fileSystemMessage(errno('ENOENT', '/project/x'))).toBeUndefined()
    expect(fileSystemMessage(new TypeError('x.replace is not a function'))).toBeUndefined()
  })

  it('cross from a worker thread as the message, not as an internal error', () => {
    const revived = reviveError(structuredClone(serializeError(errno('EROFS', '/ro/output/en/statement.pdf'))))
    expect(revived).toBeInstanceOf(VFileMessage)
    expect(String(revived)).toMatch(/^\/ro\/output\/en\/statement\.pdf: Unexpected read-only file system \(EROFS\)/)
    expect((revived as VFileMessage).ruleId).toBe('file-system')
  })
})
