import {describe, expect, it} from 'vitest'
import {chooseBudget, INTERRUPT_BUDGET} from '../../src/cli/jit.js'

describe('V8 interrupt budget', () => {
  it('is raised unless node was given one or CONCORD_JIT=default asks for V8’s own', () => {
    expect(chooseBudget({}, [])).toBe(INTERRUPT_BUDGET)
    expect(chooseBudget({CONCORD_JIT: 'default'}, [])).toBeUndefined()
    expect(chooseBudget({NODE_OPTIONS: '--max-old-space-size=4096 --interrupt-budget=100000'}, [])).toBeUndefined()
    expect(chooseBudget({}, ['--interrupt-budget=100000'])).toBeUndefined()
    expect(chooseBudget({NODE_OPTIONS: '--max-old-space-size=4096'}, ['--enable-source-maps'])).toBe(INTERRUPT_BUDGET)
  })
})
