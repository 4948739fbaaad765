import {setFlagsFromString} from 'node:v8'

/**
 * How eagerly V8 optimises, set before any of Concord's code runs.
 *
 * V8 hands a function to its optimising compiler once the function has run
 * `--interrupt-budget` bytes of bytecode (66 KB in Node 20), a setting made
 * for pages that live for minutes. A build lives for seconds and runs
 * through a great deal of code (the Markdown parser and serialiser,
 * fontkit, pdfkit); at that setting V8 spends more CPU compiling than the
 * compiled code saves. With a budget of 600 KB, measured against the
 * default: the statement's full build took 2.8 s of CPU instead of 3.5 s, a
 * one-segment rebuild 1.0 s instead of 1.45 s, and the benchmark's 1 MB
 * Markdown+HTML build 5.0 s instead of 7.0 s. At 10 MB, where eager
 * optimisation has time to pay off, A/B runs showed no consistent
 * difference either way (medians of 2-3 runs within the machine's noise).
 *
 * It must be set before the code cache is read (code-cache.ts): V8 only
 * accepts a cache made under the same flags.
 */
export const INTERRUPT_BUDGET = 600_000

/** The budget to set, or `undefined` to leave V8's: a budget given to node itself, or `CONCORD_JIT=default`. */
export function chooseBudget(env: NodeJS.ProcessEnv = process.env, execArgv: string[] = process.execArgv): number | undefined {
  const outside = execArgv.some((arg) => arg.includes('interrupt-budget')) || (env.NODE_OPTIONS ?? '').includes('interrupt-budget') || env.CONCORD_JIT === 'default'
  return outside ? undefined : INTERRUPT_BUDGET
}

export function tuneJit(): void {
  const budget = chooseBudget()
  if (budget !== undefined) setFlagsFromString(`--interrupt-budget=${budget}`)
}
