import {defaultHandlers, type Handle, type SafeConfig, type State} from 'mdast-util-to-markdown'
import {quickSafe} from './quick-safe.js'

/**
 * `state.safe`, after the prefilter of quick-safe.ts: most text has nothing
 * to escape, which one expression per construct stack tells far faster
 * than `safe`'s scan of every unsafe pattern. Anything the prefilter cannot
 * vouch for goes to `state.safe` itself.
 */
export function safeValue(state: State, value: string, config: SafeConfig): string {
  return quickSafe(state, value, config) ?? state.safe(value, config)
}

/** The stock `text` handler after the same prefilter: pass it as `handlers: {text}` to remark-stringify. */
export const text: Handle = (node, parent, state, info) => {
  // The stock handler also tells `safe` the sibling nodes; quickSafe gives up when a pattern in scope looks at them.
  return (node.type === 'text' && quickSafe(state, node.value, info)) || defaultHandlers.text(node, parent, state, info)
}

/** The serialiser options segment texts and editions share: the markers they are written with. */
export const STRINGIFY_OPTIONS = {bullet: '-', emphasis: '*', strong: '*', fence: '`'} as const
