import type {ServerInfo} from '../protocol.js'
import {loadDocument, loadInfo} from './api.js'
import {Editor} from './editor.js'
import {el, type Words} from './view.js'

/**
 * The translator's editor in the browser: plain DOM, no framework (one page
 * of forms needs none, and nothing is fetched from elsewhere). Bundled by
 * esbuild into /assets/editor.js; the page allows no other script.
 */

function wordsOf(info: ServerInfo): Words {
  return (key, values = {}) => (info.strings[key] ?? '').replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''))
}

function select(label: string, id: string, options: Array<[string, string]>, value: string): {wrap: HTMLElement; select: HTMLSelectElement} {
  const box = el('select', {id})
  for (const [key, text] of options) box.append(el('option', {value: key}, text))
  box.value = value
  return {wrap: el('span', {class: 'field'}, el('label', {for: id}, label), ' ', box), select: box}
}

async function start(): Promise<void> {
  const root = document.getElementById('editor')!
  const problem = el('div', {class: 'problem', role: 'alert', hidden: ''})
  const info = await loadInfo()
  if (!info.ok) {
    problem.textContent = info.error
    problem.hidden = false
    root.replaceChildren(el('h1', {}, 'Concord'), problem)
    root.removeAttribute('aria-busy')
    return
  }
  const words = wordsOf(info.value)
  const params = new URLSearchParams(location.search)
  const docs = info.value.documents
  const document_ = params.get('document') ?? docs[0] ?? ''
  const language = params.get('language') ?? info.value.language
  const docSelect = select(
    words('serveDocument'),
    'pick-document',
    docs.map((d) => [d, d]),
    document_
  )
  const languageSelect = select(
    words('serveLanguage'),
    'pick-language',
    info.value.languages.map((l) => [l, info.value.languageNames[l] ?? l]),
    language
  )
  const stateLabel = (state: string): string => words(`serveState_${state}`) || words(state) || state
  const stateFilter = select(words('serveFilterState'), 'filter-state', [['', words('serveAll')], ...info.value.states.map((s): [string, string] => [s, stateLabel(s)])], '')
  const findingFilter = select(
    words('serveFilterFinding'),
    'filter-finding',
    [
      ['', words('serveAll')],
      ['*', words('serveAnyFinding')]
    ],
    ''
  )
  const counter = el('p', {class: 'counter', 'aria-live': 'polite'})
  const list = el('div', {class: 'segments'})
  const toolbar = el('form', {class: 'toolbar', 'aria-label': words('serveTitle')}, docSelect.wrap, languageSelect.wrap, stateFilter.wrap, findingFilter.wrap)
  root.replaceChildren(el('h1', {}, words('serveTitle')), toolbar, el('p', {class: 'keys'}, words('serveKeys')), problem, counter, list)
  root.removeAttribute('aria-busy')
  // Picking another document or language loads the page anew: nothing typed is carried into the wrong file.
  const go = (): void => {
    const next = new URLSearchParams({document: docSelect.select.value, language: languageSelect.select.value})
    location.search = next.toString()
  }
  docSelect.select.addEventListener('change', go)
  languageSelect.select.addEventListener('change', go)
  toolbar.addEventListener('submit', (event) => event.preventDefault())

  const editor = new Editor({
    document: document_,
    language,
    words,
    actions: info.value.actions,
    stateLabel,
    list,
    counter,
    problem,
    stateFilter: stateFilter.select,
    findingFilter: findingFilter.select
  })
  const first = await loadDocument(document_, language)
  editor.apply(first)
  // Changes on disk (another tab, an editor, an import, `git pull`) arrive as events; the page loads the segments again.
  const events = new EventSource('/api/events')
  let pending: number | undefined
  const reload = (): void => {
    if (pending !== undefined) clearTimeout(pending)
    pending = window.setTimeout(async () => {
      pending = undefined
      editor.apply(await loadDocument(document_, language))
    }, 50)
  }
  events.addEventListener('changed', reload)
  // After a dropped stream (the server restarted, the laptop slept) changes may have been missed.
  let opened = false
  events.addEventListener('open', () => {
    if (opened) reload()
    opened = true
  })
}

void start()
