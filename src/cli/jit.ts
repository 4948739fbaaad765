import {setFlagsFromString} from 'node:v8'

/**
 * How eagerly V8 optimises, set before any of Concord's code runs.
 *
 * V8 hands a function to its optimising compiler once the function has run
 * `--interrupt-budget` bytes of bytecode (66 KB in Node 20), a setting made
 * for pages that live for minutes. A build runs for seconds through a great
 * deal of code (the Markdown parser and serialiser, fontkit, pdfkit), and
 * at that setting V8 spends more CPU compiling code than the compiled code
 * saves. Measured with a budget of 600 KB, against the default, in the same
 * hour: the statement's full build took 2.8 s of CPU instead of 3.5 s, a
 * one-segment rebuild 1.0 s instead of 1.45 s (0.85 s of wall time instead of
 * 0.95 s); the 1 MB Markdown+HTML build used about 25% less CPU; the 10 MB
 * one was no slower (median of 3: 38.6 s against 39.5 s).
 *
 * It must be set before the code cache is read (code-cache.ts): V8 only
 * accepts a cache made under the same flags.
 *
 * A budget given to node itself (`--interrupt-budget` in node's options or
 * NODE_OPTIONS) is left as it is, and `CONCORD_JIT=default` keeps V8's.
 */
export const INTERRUPT_BUDGET = 600_000

/** Whether the budget is already chosen by whoever started node. */
function chosenOutside(): boolean {
  return process.execArgv.some((arg) => arg.includes('interrupt-budget')) || (process.env.NODE_OPTIONS ?? '').includes('interrupt-budget') || process.env.CONCORD_JIT === 'default'
}

export function tuneJit(): void {
  if (!chosenOutside()) setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`)
}
