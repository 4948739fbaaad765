import type {Nodes} from 'mdast'
import type {VFileMessage} from 'vfile-message'
import {parseInline} from '../markdown/parse.js'
import {code, ruleMessage, type SegmentPair} from './rules.js'

/** Inline markup a translation must keep: how many of each, and where links and images point. */
export interface MarkupProfile {
  emphasis: number
  strong: number
  delete: number
  link: number
  image: number
  inlineCode: number
  /** Link and image targets, sorted: word order may change, targets may not. */
  targets: string[]
}

const COUNTED = ['emphasis', 'strong', 'delete', 'link', 'image', 'inlineCode'] as const
const NAMES: Record<(typeof COUNTED)[number], string> = {
  emphasis: 'emphasis (`*…*`)',
  strong: 'strong emphasis (`**…**`)',
  delete: 'strikethrough (`~~…~~`)',
  link: 'links (`[…](…)`)',
  image: 'images (`![…](…)`)',
  inlineCode: 'code spans (`` `…` ``)'
}

export function markupProfile(markdown: string): MarkupProfile {
  const profile: MarkupProfile = {emphasis: 0, strong: 0, delete: 0, link: 0, image: 0, inlineCode: 0, targets: []}
  const walk = (node: Nodes): void => {
    if ((COUNTED as readonly string[]).includes(node.type)) profile[node.type as (typeof COUNTED)[number]]++
    if (node.type === 'link' || node.type === 'image') profile.targets.push(node.url)
    if ('children' in node) for (const child of node.children) walk(child as Nodes)
  }
  for (const node of parseInline(markdown)) walk(node)
  profile.targets.sort()
  return profile
}

/** The translation's Markdown markup is compared with the parsed English, not its characters. */
export function checkMarkup(pair: SegmentPair): VFileMessage[] {
  const source = markupProfile(pair.source)
  const target = markupProfile(pair.target)
  const messages: VFileMessage[] = []
  for (const kind of COUNTED) {
    if (source[kind] === target[kind]) continue
    messages.push(
      ruleMessage(
        'markup-mismatch',
        `Unexpected ${target[kind]} ${NAMES[kind]} in ${code(pair.id)} (${pair.language}), expected ${source[kind]} as in the English; keep the English markup around the matching words`,
        pair.place
      )
    )
  }
  if (source.link + source.image === target.link + target.image) {
    const extra = target.targets.filter((url, i) => url !== source.targets[i])
    if (extra.length > 0) {
      messages.push(
        ruleMessage(
          'markup-mismatch',
          `Unexpected link target ${code(extra[0]!)} in ${code(pair.id)} (${pair.language}), expected the English targets ${source.targets.map(code).join(', ')}; copy link URLs unchanged`,
          pair.place
        )
      )
    }
  }
  return messages
}
