import type {Progress, ProgressItem} from '../engine/reporter.js'

/**
 * Progress of a long build on stderr: on a terminal, one bar per edition
 * (`en`, `ko`, …, `aligned`) redrawn in place; in CI or when stderr is a
 * file or pipe, one plain line per rendered file, which logs keep readable.
 */

export interface ProgressStream {
  write(text: string): unknown
  isTTY?: boolean
  columns?: number
}

const BAR = 24

/** Whether to draw bars: a terminal, not CI, not a dumb terminal. */
export function isInteractive(stream: ProgressStream, env: NodeJS.ProcessEnv = process.env): boolean {
  return stream.isTTY === true && !env.CI && env.TERM !== 'dumb'
}

export function createProgress(stream: ProgressStream = process.stderr, env: NodeJS.ProcessEnv = process.env): Progress {
  return isInteractive(stream, env) ? barProgress(stream) : lineProgress(stream)
}

function lineProgress(stream: ProgressStream): Progress {
  let total = 0
  let done = 0
  return {
    start(items) {
      total = items.reduce((sum, item) => sum + item.total, 0)
      done = 0
      if (total > 0) stream.write(`build: rendering ${total} file(s): ${items.map((i) => `${i.label} ${i.total}`).join(', ')}\n`)
    },
    tick(label, detail) {
      done++
      stream.write(`build: [${String(done).padStart(String(total).length)}/${total}] ${label}: ${detail}\n`)
    },
    done() {}
  }
}

function barProgress(stream: ProgressStream): Progress {
  let rows: Array<ProgressItem & {done: number; detail: string}> = []
  let drawn = 0
  const width = (): number => Math.max(...rows.map((r) => r.label.length), 7)
  const line = (row: (typeof rows)[number]): string => {
    const filled = row.total ? Math.round((Math.min(row.done, row.total) / row.total) * BAR) : BAR
    const text = `${row.label.padEnd(width())} ${'█'.repeat(filled)}${'░'.repeat(BAR - filled)} ${row.done}/${row.total} ${row.detail}`
    return text.slice(0, Math.max(20, (stream.columns ?? 80) - 1))
  }
  const draw = (): void => {
    // Back to the first bar, then each bar on a cleared line.
    let out = drawn > 0 ? `\x1b[${drawn}A` : ''
    for (const row of rows) out += `\r\x1b[2K${line(row)}\n`
    drawn = rows.length
    stream.write(out)
  }
  return {
    start(items) {
      rows = items.filter((i) => i.total > 0).map((i) => ({...i, done: 0, detail: ''}))
      drawn = 0
      if (rows.length > 0) draw()
    },
    tick(label, detail) {
      let row = rows.find((r) => r.label === label)
      if (!row) rows.push((row = {label, total: 0, done: 0, detail: ''}))
      row.done++
      row.total = Math.max(row.total, row.done)
      row.detail = row.done >= row.total ? 'done' : detail
      draw()
    },
    done() {
      for (const row of rows) row.detail = 'done'
      if (rows.length > 0) draw()
    }
  }
}
