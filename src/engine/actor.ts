import {execFileSync} from 'node:child_process'
import {cleanName, stampDate, type Actor} from '../translations/provenance.js'

/**
 * Who a command records as having changed or reviewed a translation: the
 * `--translator` given, else `git config user.name` (no network; without git
 * or a configured name, nobody), dated now, or SOURCE_DATE_EPOCH when set.
 */
export function gitUserName(root: string): string | undefined {
  try {
    const out = execFileSync('git', ['config', 'user.name'], {cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000})
    return cleanName(out)
  } catch {
    return undefined
  }
}

/** The actor of this run; `undefined` when no name is known. */
export function actorFor(root: string, translator: string | undefined, sourceDateEpoch?: string): Actor | undefined {
  const name = translator === undefined ? gitUserName(root) : cleanName(translator)
  return name === undefined ? undefined : {name, at: stampDate(sourceDateEpoch)}
}

/** The same, worked out on first use and once: `segment` needs it only when it finds a translation edited by hand. */
export function lazyActor(root: string, sourceDateEpoch?: string): () => Actor | undefined {
  let actor: {value: Actor | undefined} | undefined
  return () => (actor ??= {value: actorFor(root, undefined, sourceDateEpoch)}).value
}
