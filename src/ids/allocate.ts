import {createHash} from 'node:crypto'

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'

/** The `n`th candidate ID for a text: `s` + 6 Crockford base-32 digits of a content hash. */
function candidate(document: string, text: string, n: number): string {
  const digest = createHash('sha256').update(`${document}\n${text}\n${n}`).digest()
  let id = 's'
  for (let i = 0; i < 6; i++) id += ALPHABET[digest[i]! & 31]
  return id
}

/** A short opaque ID (`s` + 6 Crockford base-32 digits), derived from content so parallel branches rarely collide. */
export function allocateId(document: string, text: string, taken: (id: string) => boolean): string {
  for (let n = 0; ; n++) {
    const id = candidate(document, text, n)
    if (!taken(id)) return id
  }
}

/**
 * `allocateId` for many segments of one document, linear in repeated texts.
 *
 * The `k`th segment reading "Yes." would otherwise hash `k` candidates that
 * the earlier ones took, so 3,000 equal list items cost 4.5 million hashes.
 * As long as a taken ID stays taken (the caller only ever adds to the set),
 * every candidate before the last one given for a text is still taken, so
 * the search can go on from the counter after it and find the very ID
 * `allocateId` would: IDs stay the same as ever, which the committed
 * registries depend on.
 */
export class IdAllocator {
  /** Hashes computed so far (tests check that repeats cost one each). */
  hashes = 0
  private readonly nextCounter = new Map<string, number>()

  constructor(
    private readonly document: string,
    /** Must be monotone: once it answers true for an ID, it always does. */
    private readonly taken: (id: string) => boolean
  ) {}

  allocate(text: string): string {
    for (let n = this.nextCounter.get(text) ?? 0; ; n++) {
      this.hashes++
      const id = candidate(this.document, text, n)
      if (this.taken(id)) continue
      this.nextCounter.set(text, n + 1)
      return id
    }
  }
}
