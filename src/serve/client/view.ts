import type {EditorSegment, Finding} from '../protocol.js'

/**
 * One segment on the page: its English (glossary terms marked with this
 * language's rendering), the previous English and the word diff when
 * stale, the textarea, its findings and its messages. The textarea is made
 * once and kept when the segment is shown again with newer data, so typing,
 * focus and an input method's composition survive a reload.
 */

export type Words = (key: string, values?: Record<string, string | number>) => string

export const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<Record<string, string>> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag)
  for (const [name, value] of Object.entries(props)) if (value !== undefined) node.setAttribute(name, value)
  node.append(...children)
  return node
}

/** States whose segments need work; any state but these two (a new one, as `draft`, counts as a gap). */
export const isDone = (state: string): boolean => state === 'translated' || state === 'reviewed'

export class SegmentView {
  readonly element: HTMLElement
  readonly textarea: HTMLTextAreaElement
  /** The segment as last loaded or saved; `data.version` is what a save names. */
  data: EditorSegment
  /** The text the textarea had when `data` was loaded: typing makes the segment dirty. */
  loaded: string
  /** Findings on the text as typed (as loaded until the translator types). */
  findings: Finding[]
  private readonly body: HTMLElement
  private readonly findingList: HTMLElement
  private readonly notice: HTMLElement
  private readonly message: HTMLElement

  constructor(
    data: EditorSegment,
    private readonly language: string,
    private readonly words: Words,
    buttons: HTMLElement
  ) {
    this.data = data
    this.loaded = data.translation ?? ''
    this.findings = data.findings
    const label = `label-${data.id}`
    this.textarea = el('textarea', {id: `text-${data.id}`, lang: language, rows: '3', 'aria-labelledby': label, spellcheck: 'true'})
    this.textarea.value = this.loaded
    this.body = el('div', {class: 'body'})
    this.findingList = el('ul', {class: 'findings', 'aria-live': 'polite'})
    this.notice = el('div', {class: 'notice', role: 'alert', hidden: ''})
    this.message = el('p', {class: 'message', 'aria-live': 'polite'})
    const labelEl = el('label', {id: label, for: this.textarea.id}, `${words('serveTranslation')} (${data.id})`)
    this.element = el('div', {class: 'segment', role: 'group', 'aria-labelledby': label}, this.body, labelEl, this.textarea, buttons, this.findingList, this.notice, this.message)
    this.element.dataset.segment = data.id
    this.show(data)
  }

  get dirty(): boolean {
    return this.textarea.value !== this.loaded
  }

  /** Newer data from the server; the textarea keeps the translator's text when it differs from what was loaded. */
  show(data: EditorSegment, {keepVersion = false}: {keepVersion?: boolean} = {}): void {
    const version = this.data.version
    const dirty = this.dirty
    this.data = keepVersion ? {...data, version} : data
    if (!dirty) {
      this.loaded = data.translation ?? ''
      this.textarea.value = this.loaded
      this.findings = data.findings
    }
    this.element.dataset.state = data.state
    this.renderBody()
    this.renderFindings()
  }

  private renderBody(): void {
    const {data, words} = this
    const state = el('span', {class: `state state-${data.state}`}, words(`serveState_${data.state}`, {}) || words(data.state))
    const section = data.sectionTitle === null ? '' : el('span', {class: 'section'}, `${words('serveSection')}: ${data.sectionTitle}`)
    const head = el(
      'div',
      {class: 'head'},
      el('span', {class: 'label'}, `${words('serveState')}: `),
      state,
      ' ',
      section,
      ' ',
      el('a', {href: data.link, target: '_blank', rel: 'noopener'}, words('serveOpenAligned'))
    )
    const english = el('p', {class: 'english', lang: 'en'})
    for (const piece of data.pieces) {
      if (piece.rendering === undefined) english.append(piece.text)
      else english.append(el('mark', {}, piece.text), ' ', el('span', {class: 'rendering', lang: this.language}, `(${piece.rendering})`))
    }
    const parts: Node[] = [head, english]
    if (data.previousEnglish !== undefined) {
      const diff = el('p', {class: 'diff', lang: 'en'})
      for (const part of data.diff ?? []) diff.append(part.added ? el('ins', {}, part.value) : part.removed ? el('del', {}, part.value) : part.value)
      parts.push(el('p', {class: 'previous', lang: 'en'}, el('span', {class: 'label'}, `${words('servePreviousEnglish')}: `), data.previousEnglish))
      parts.push(el('div', {class: 'changes'}, el('span', {class: 'label'}, `${words('serveChanges')}: `), diff))
    }
    if (data.class !== undefined) parts.push(el('p', {class: 'class'}, `${words('serveClass')}: ${data.class}`))
    if (data.suggestions?.length) {
      const list = el('ol', {class: 'suggestions', 'aria-label': words('serveSuggestions')})
      data.suggestions.forEach((s, k) => {
        const button = el('button', {type: 'button', lang: this.language}, `Alt+${k + 1}: ${s.text}`)
        button.addEventListener('click', () => this.insert(k))
        list.append(el('li', {}, button, ` ${s.similarity}% · ${s.origin}`))
      })
      parts.push(list)
    }
    this.body.replaceChildren(...parts)
  }

  renderFindings(): void {
    this.findingList.replaceChildren(...this.findings.map((f) => el('li', {class: `finding finding-${f.severity}`}, `${f.ruleId}: ${f.reason}`)))
  }

  /** Put the n-th suggestion in the textarea (the translator saves it). */
  insert(index: number): boolean {
    const suggestion = this.data.suggestions?.[index]
    if (!suggestion) return false
    this.textarea.value = suggestion.text
    this.textarea.dispatchEvent(new Event('input'))
    return true
  }

  /** The other text, when the segment changed on disk: shown beside the translator's, never instead of it. */
  showOther(current: EditorSegment, key: 'serveConflict' | 'serveChangedOnDisk'): void {
    const use = el('button', {type: 'button'}, this.words('serveUseDisk'))
    use.addEventListener('click', () => {
      this.loaded = current.translation ?? ''
      this.textarea.value = this.loaded
      this.show(current)
      this.clearOther()
      this.textarea.focus()
    })
    const again = key === 'serveConflict' ? ` ${this.words('serveConflictAgain')}` : ''
    this.notice.replaceChildren(el('p', {}, this.words(key) + again), el('blockquote', {lang: this.language}, current.translation ?? '—'), use)
    this.notice.hidden = false
  }

  clearOther(): void {
    this.notice.hidden = true
    this.notice.replaceChildren()
  }

  say(text: string): void {
    this.message.textContent = text
  }
}
