import {parentPort} from 'node:worker_threads'
import {segmentRange, type RangeResult} from '../segment/unit-range.js'
import type {UnitPlan} from '../segment/units.js'

/**
 * A parse worker: segments the ranges of units it is sent (see
 * parse-pool.ts) and posts back their segments and trees.
 */
export interface ParseRequest {
  source: string
  plan: UnitPlan
  language: string
  ranges: Array<[from: number, to: number]>
}

export type ParseReply = {ok: true; results: RangeResult[]} | {ok: false; message: string; stack?: string}

if (parentPort) {
  const port = parentPort
  port.once('message', (request: ParseRequest) => {
    try {
      const results = request.ranges.map(([from, to]) => segmentRange(request.source, request.plan, from, to, request.language))
      port.postMessage({ok: true, results} satisfies ParseReply)
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error))
      port.postMessage({ok: false, message: e.message, ...(e.stack ? {stack: e.stack} : {})} satisfies ParseReply)
    }
  })
}
