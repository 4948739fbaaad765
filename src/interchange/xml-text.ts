/**
 * XML text for XLIFF 2.0. Translations are untrusted and may hold characters
 * XML 1.0 cannot carry at all (C0 controls, U+FFFE/U+FFFF, lone surrogates):
 * XLIFF 2.0 writes those as `<cp hex="…"/>`, which the import turns back into
 * the same character, so every string round-trips exactly.
 */
export const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

const hex = (char: string): string => char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')

/** Element content with inline `<cp>` codes: for `<source>` and `<target>`. */
export function inlineText(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    // A parser turns a raw CR into LF; a character reference survives.
    .replace(/\r/g, '&#13;')
    .replace(XML_INVALID, (char) => `<cp hex="${hex(char)}"/>`)
}

/** Element content that allows no inline codes (`<note>`): invalid characters become U+FFFD, since notes are informative only. */
export function plainText(value: string): string {
  return inlineText(value.replace(XML_INVALID, '\uFFFD'))
}

/** Attribute value in double quotes; whitespace is escaped so attribute normalisation keeps it. */
export function attribute(value: string): string {
  return plainText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;')
}

/** Whether a text needs `xml:space="preserve"` for tools to keep its whitespace as it is. */
export function needsPreserve(value: string): boolean {
  return /^\s|\s$|\s\s|[\t\n\r]/.test(value)
}
