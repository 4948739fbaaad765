import {existsSync, readFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {repo} from '../helpers/cli.js'

/**
 * Four modules give what a package writes without running it, for speed:
 * src/markdown/phrasing-to-markdown.ts (containerPhrasing, the link and code
 * handlers, `encodeInfo` of mdast-util-to-markdown; GFM's code in tables and
 * strikethrough markers), src/markdown/quick-safe.ts (when `safe` escapes
 * nothing) and src/editions/markdown/segment-table.ts (a GFM table's rows,
 * unpadded, as markdown-table writes them) and src/editions/markdown/shared-pages.ts
 * (when the handlers around a text block treat its content as they treat a
 * placeholder: ATX headings, lines indented in lists and quotes, unpadded
 * cells). Property tests compare them with the packages
 * (tests/editions/render-fast-parts.test.ts, render-reference.test.ts); these are the versions they
 * were compared with. A new version fails here until those tests have run
 * against it and the list is brought up to date.
 */
const MIRRORED: Record<string, string> = {
  'mdast-util-to-markdown': '2.2.3',
  'micromark-util-classify-character': '2.0.1',
  'mdast-util-gfm-table': '2.0.1',
  'mdast-util-gfm-strikethrough': '2.0.1',
  'markdown-table': '3.1.0'
}

/** The folder Node finds `pkg` in from `dir`: its own node_modules, then each parent's. */
function locate(pkg: string, dir: string): string {
  for (let at = dir; ; at = dirname(at)) {
    const found = join(at, 'node_modules', pkg)
    if (existsSync(join(found, 'package.json'))) return found
    if (at === dirname(at)) throw new Error(`Cannot find \`${pkg}\` from \`${dir}\``)
  }
}

// As the serialisers find them: from remark-stringify, and (through remark-gfm) mdast-util-gfm.
const installed = (pkg: string): string => {
  const user =
    pkg === 'markdown-table'
      ? locate('mdast-util-gfm-table', locate('mdast-util-gfm', locate('remark-gfm', repo)))
      : locate(pkg.startsWith('mdast-util-gfm-') ? 'mdast-util-gfm' : 'remark-stringify', locate('remark-gfm', repo))
  return (JSON.parse(readFileSync(join(locate(pkg, user), 'package.json'), 'utf8')) as {version: string}).version
}

describe('packages whose output Concord computes itself', () => {
  it('are installed at the versions the shortcuts were checked against', () => {
    for (const [pkg, version] of Object.entries(MIRRORED)) expect(installed(pkg), pkg).toBe(version)
  })

  it('are pinned to those versions where Concord depends on them itself', () => {
    const {dependencies} = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {dependencies: Record<string, string>}
    expect(dependencies['mdast-util-to-markdown']).toBe(MIRRORED['mdast-util-to-markdown'])
    expect(dependencies['micromark-util-classify-character']).toBe(MIRRORED['micromark-util-classify-character'])
  })
})
