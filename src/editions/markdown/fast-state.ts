import type {PhrasingContent} from 'mdast'
import type {State} from 'mdast-util-to-markdown'
import {markdownStringifier} from './render.js'
import {captureState, simplify} from '../../markdown/phrasing-to-markdown.js'

/** Where a block's inline content sits in the page, as the serialiser saw it (see markdown-skeleton.ts). */
export interface PhrasingContext {
  /** The constructs the serialiser was in (`state.stack`): the unsafe patterns that apply depend on them. */
  stack: string[]
  /** The text the serialiser assumed before and after the content. */
  before: string
  after: string
}

let captured: State | undefined

/**
 * The state of a run of the editions' serialiser, kept after the run (see
 * captureState), with shortcuts that give its output where they apply
 * (quick-safe.ts, markdown-simple.ts).
 */
export function serialiserState(): State {
  captured ??= captureState(markdownStringifier, (state) => simplify(state))
  return captured
}

/** Inline content serialised as the page's serialiser does it at `context`. */
export function phrasingAt(context: PhrasingContext, children: PhrasingContent[], before = context.before, after = context.after): string {
  const state = serialiserState()
  state.stack = [...context.stack] as State['stack']
  state.indexStack = []
  return state.containerPhrasing({type: 'paragraph', children}, {before, after, now: {line: 1, column: 1}, lineShift: 0})
}

/** A lone text node serialised at `context` between `before` and `after`: what the text handler returns. */
export function textAt(context: PhrasingContext, value: string, before: string, after: string): string {
  const state = serialiserState()
  state.stack = context.stack as State['stack']
  return state.safe(value, {before, after})
}
