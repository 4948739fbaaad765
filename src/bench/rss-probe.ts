import {writeFileSync} from 'node:fs'

/**
 * Preloaded (`node --import`) into measured children when GNU time is not
 * installed: reports the child's peak RSS in kB and CPU seconds, as GNU time's
 * `%M %U %S` would.
 */
const target = process.env.CONCORD_BENCH_RSS
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage()
    writeFileSync(target, `${usage.maxRSS} ${usage.userCPUTime / 1e6} ${usage.systemCPUTime / 1e6}\n`)
  })
}
