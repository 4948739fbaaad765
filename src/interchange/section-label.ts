/** Longest section label in notes: a 148-character title repeated on every unit drowned the context. */
const LABEL_LENGTH = 60

/** A section's heading as a short label: the document's short title for its top heading, else the heading cut at a word. */
export function sectionLabel(heading: string, options: {topHeading: boolean; shortTitle?: string | undefined}): string {
  if (options.topHeading && options.shortTitle) return options.shortTitle
  const flat = heading.replace(/\s+/g, ' ').trim()
  if (flat.length <= LABEL_LENGTH) return flat
  const cut = flat.slice(0, LABEL_LENGTH - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > LABEL_LENGTH / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`
}
