import type {DocumentPayload} from '../protocol.js'
import {check, save, type Loaded} from './api.js'
import {el, isDone, SegmentView, type Words} from './view.js'

/**
 * The list of segments, its filters and keys, and saving. Keys (also in
 * the README): Ctrl+Enter saves and moves to the next segment that needs
 * work; Ctrl+Shift+Enter saves as reviewed; Alt+↓ / Alt+↑ go to the next /
 * previous gap; Alt+1…9 insert a suggestion; Escape restores the text as
 * loaded. Other save actions the server offers get a button, and the key
 * in ACTION_KEYS when they have one.
 */
const ACTION_KEYS: Record<string, string> = {draft: 'd'}

export interface EditorOptions {
  document: string
  language: string
  words: Words
  /** The save actions the server knows, each the state it records. */
  actions: string[]
  stateLabel: (state: string) => string
  list: HTMLElement
  counter: HTMLElement
  problem: HTMLElement
  stateFilter: HTMLSelectElement
  findingFilter: HTMLSelectElement
}

export class Editor {
  private views = new Map<string, SegmentView>()
  private order: string[] = []
  private checks = new Map<string, number>()

  constructor(private readonly options: EditorOptions) {
    options.stateFilter.addEventListener('change', () => this.filter())
    options.findingFilter.addEventListener('change', () => this.filter())
    options.list.addEventListener('keydown', (event) => this.key(event))
  }

  /** Show what the server has now. A broken file shows its message, and the segments stay as they were (nothing can be saved). */
  apply(loaded: Loaded<DocumentPayload>): void {
    const {problem} = this.options
    if (!loaded.ok) {
      problem.replaceChildren(el('strong', {}, this.options.words('serveProblem')), ' ', el('code', {}, loaded.error))
      problem.hidden = false
      return
    }
    problem.hidden = true
    problem.replaceChildren()
    const views = new Map<string, SegmentView>()
    for (const data of loaded.value.segments) {
      let view = this.views.get(data.id)
      if (view) {
        const changed = view.data.version !== data.version
        // Typed and changed on disk meanwhile: both texts shown, and the save names the old version (so it is refused once, with both).
        if (changed && view.dirty) {
          view.show(data, {keepVersion: true})
          view.showOther(data, 'serveChangedOnDisk')
        } else if (changed) {
          view.show(data)
          view.clearOther()
        }
      } else {
        view = new SegmentView(data, this.options.language, this.options.words, this.buttons(data.id))
        view.textarea.addEventListener('input', () => this.typed(view!))
      }
      views.set(data.id, view)
    }
    this.views = views
    this.order = loaded.value.segments.map((s) => s.id)
    // Put back only when something changed: moving a node takes the focus from the textarea being typed in.
    const elements = this.order.map((id) => views.get(id)!.element)
    const children = this.options.list.children
    if (elements.length !== children.length || elements.some((e, k) => children[k] !== e)) this.options.list.replaceChildren(...elements)
    this.refreshFindingFilter()
    this.filter()
  }

  private buttons(id: string): HTMLElement {
    const box = el('div', {class: 'actions'})
    const labels: Record<string, string> = {translated: this.options.words('serveSave'), reviewed: this.options.words('serveReview'), draft: this.options.words('serveSaveDraft')}
    for (const action of this.options.actions) {
      const button = el('button', {type: 'button'}, labels[action] ?? this.options.stateLabel(action))
      button.addEventListener('click', () => void this.save(this.views.get(id)!, action, false))
      box.append(button)
    }
    return box
  }

  private typed(view: SegmentView): void {
    // QA as you type: `concord check`'s rules on the text, once typing pauses.
    const previous = this.checks.get(view.data.id)
    if (previous !== undefined) clearTimeout(previous)
    this.checks.set(
      view.data.id,
      window.setTimeout(async () => {
        const text = view.textarea.value
        const findings = await check({document: this.options.document, language: this.options.language, id: view.data.id, text})
        if (findings && view.textarea.value === text) {
          view.findings = findings
          view.renderFindings()
          this.refreshFindingFilter()
        }
      }, 250)
    )
  }

  private refreshFindingFilter(): void {
    const select = this.options.findingFilter
    const rules = [...new Set([...this.views.values()].flatMap((v) => v.findings.map((f) => f.ruleId)))].sort()
    const keep = select.value
    const fixed = [...select.options].slice(0, 2)
    select.replaceChildren(...fixed, ...rules.map((r) => el('option', {value: r}, r)))
    select.value = rules.includes(keep) || keep === '*' ? keep : ''
  }

  private filter(): void {
    const state = this.options.stateFilter.value
    const rule = this.options.findingFilter.value
    let shown = 0
    for (const view of this.views.values()) {
      const visible = (state === '' || view.data.state === state) && (rule === '' || (rule === '*' ? view.findings.length > 0 : view.findings.some((f) => f.ruleId === rule)))
      view.element.hidden = !visible
      if (visible) shown++
    }
    this.options.counter.textContent = this.options.words('serveShown', {shown, total: this.views.size})
  }

  /** The next (or previous) shown segment that needs work after `from`, wrapping around. */
  private gap(from: string | undefined, step: 1 | -1): SegmentView | undefined {
    const start = from === undefined ? (step === 1 ? -1 : this.order.length) : this.order.indexOf(from)
    for (let k = 1; k <= this.order.length; k++) {
      const index = (((start + step * k) % this.order.length) + this.order.length) % this.order.length
      const view = this.views.get(this.order[index]!)!
      if (!view.element.hidden && !isDone(view.data.state)) return view
    }
    return undefined
  }

  private focus(view: SegmentView | undefined): void {
    if (!view) return
    view.textarea.focus()
    view.element.scrollIntoView({block: 'center'})
  }

  private key(event: KeyboardEvent): void {
    const target = event.target instanceof HTMLElement ? event.target.closest<HTMLElement>('[data-segment]') : null
    const view = target ? this.views.get(target.dataset.segment ?? '') : undefined
    if (!view) return
    const action = event.ctrlKey && event.key === 'Enter' ? (event.shiftKey ? 'reviewed' : 'translated') : undefined
    const extra = event.altKey && !event.ctrlKey ? Object.keys(ACTION_KEYS).find((a) => ACTION_KEYS[a] === event.key.toLowerCase() && this.options.actions.includes(a)) : undefined
    if (action ?? extra) {
      event.preventDefault()
      void this.save(view, (action ?? extra)!, true)
    } else if (event.altKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault()
      this.focus(this.gap(view.data.id, event.key === 'ArrowDown' ? 1 : -1))
    } else if (event.altKey && /^[1-9]$/.test(event.key)) {
      if (view.insert(Number(event.key) - 1)) event.preventDefault()
    } else if (event.key === 'Escape' && view.dirty) {
      event.preventDefault()
      view.textarea.value = view.loaded
      view.textarea.dispatchEvent(new Event('input'))
    }
  }

  private async save(view: SegmentView, action: string, thenNext: boolean): Promise<void> {
    const text = view.textarea.value
    const saved = await save({document: this.options.document, language: this.options.language, id: view.data.id, version: view.data.version, text, action})
    if (saved.kind === 'conflict') {
      // Both texts shown, the translator's kept; the page now knows the current version, so saving again replaces it knowingly.
      view.show(saved.current)
      view.loaded = saved.current.translation ?? ''
      view.textarea.value = text
      view.showOther(saved.current, 'serveConflict')
      view.textarea.focus()
      return
    }
    if (saved.kind === 'error') {
      this.options.problem.replaceChildren(el('strong', {}, this.options.words('serveProblem')), ' ', el('code', {}, saved.error))
      this.options.problem.hidden = false
      return
    }
    view.loaded = saved.segment.translation ?? ''
    if (view.textarea.value === text) view.textarea.value = view.loaded
    view.show(saved.segment)
    view.clearOther()
    view.say(this.options.words('serveSaved'))
    this.refreshFindingFilter()
    this.filter()
    if (thenNext) this.focus(this.gap(view.data.id, 1))
  }
}
