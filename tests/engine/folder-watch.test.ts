import {mkdirSync, renameSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {watchFolders, type FolderWatch} from '../../src/engine/folder-watch.js'
import {tempDir} from '../helpers/cli.js'
import {until} from '../helpers/racing.js'

const open: FolderWatch[] = []
afterEach(() => {
  for (const watch of open.splice(0)) watch.close()
})

/** Watch `add`ed folders, recording each change as `folder/name` relative to `root`. */
function record(root: string): {seen: string[]; watch: FolderWatch} {
  const seen: string[] = []
  const watch = watchFolders((folder, name) => seen.push(join(folder, name ?? '').slice(root.length + 1)))
  open.push(watch)
  return {seen, watch}
}

/** Replace `path` as an atomic write does: a temporary file renamed over it. */
function replace(path: string, text: string): void {
  writeFileSync(`${path}.tmp`, text)
  renameSync(`${path}.tmp`, path)
}

describe('watching folders one by one', () => {
  it('keeps seeing a file replaced by a rename, again and again', async () => {
    const root = tempDir()
    mkdirSync(join(root, 'ko'))
    writeFileSync(join(root, 'ko', 'a.json'), '{}')
    const {seen, watch} = record(root)
    watch.add(root)
    for (const text of ['{"x": "1"}', '{"x": "2"}', '{"x": "3"}']) {
      seen.length = 0
      replace(join(root, 'ko', 'a.json'), text)
      await until(() => seen.includes('ko/a.json'), `the change to ${text}`)
    }
  })

  it('watches a subfolder made later, and none without `subfolders`', async () => {
    const root = tempDir()
    mkdirSync(join(root, 'flat'))
    const {seen, watch} = record(root)
    watch.add(join(root, 'flat'), false)
    watch.add(join(root, 'deep'))
    mkdirSync(join(root, 'deep'))
    watch.add(join(root, 'deep'))
    mkdirSync(join(root, 'deep', 'mn'))
    await until(() => seen.includes('deep/mn'), 'the new folder')
    replace(join(root, 'deep', 'mn', 'b.json'), '{}')
    await until(() => seen.includes('deep/mn/b.json'), 'a file in the new folder')
    mkdirSync(join(root, 'flat', 'sub'))
    await until(() => seen.includes('flat/sub'), 'the new folder in the flat one')
    writeFileSync(join(root, 'flat', 'sub', 'c.json'), '{}')
    // A change in the deep folder after it is seen; the file in the flat folder's subfolder was not.
    const count = (): number => seen.filter((path) => path === 'deep/mn/b.json').length
    const before = count()
    replace(join(root, 'deep', 'mn', 'b.json'), '{"y": "1"}')
    await until(() => count() > before, 'the later change')
    expect(seen).not.toContain('flat/sub/c.json')
  })
})
