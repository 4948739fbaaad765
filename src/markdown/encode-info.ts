import {classifyCharacter} from 'micromark-util-classify-character'

/**
 * `encodeInfo` of mdast-util-to-markdown 2.2.3 (MIT, Titus Wormer; pinned,
 * see tests/markdown/mirrored-versions.test.ts), which its package does not
 * export: whether the serialiser encodes the character
 * inside or outside an attention run for the run to form. 1 is white space,
 * 2 punctuation, `undefined` anything else (a letter).
 */
export function encodeInfo(outside: number, inside: number, marker: string): {inside: boolean; outside: boolean} {
  const outsideKind = classifyCharacter(outside)
  const insideKind = classifyCharacter(inside)
  if (outsideKind === undefined) {
    if (insideKind === undefined) return marker === '_' ? {inside: true, outside: true} : {inside: false, outside: false}
    return insideKind === 1 ? {inside: true, outside: true} : {inside: false, outside: true}
  }
  if (outsideKind === 1) {
    if (insideKind === undefined) return {inside: false, outside: false}
    return insideKind === 1 ? {inside: true, outside: true} : {inside: false, outside: false}
  }
  if (insideKind === undefined) return {inside: false, outside: false}
  return insideKind === 1 ? {inside: true, outside: false} : {inside: false, outside: false}
}
