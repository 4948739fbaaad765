/**
 * Import rules for `src/`, checked by `npm run lint` (and so by `npm test`).
 *
 * The code is laid out by pipeline stage and data flows one way: a stage may
 * import the stages below it, never one above it, and no module may reach
 * itself again through its imports. `BELOW` is the whole architecture in one
 * place; the README's "Architecture" section describes it in words.
 *
 * Type-only imports count too (`tsPreCompilationDeps`): a type borrowed from a
 * later stage ties the two stages together just as much as a value does.
 */

/** Each stage (a folder of `src/`) and the stages it may import, lowest first. */
const BELOW = {
  core: [],
  // The PDF layout engine: a leaf that knows fonts and boxes, not Markdown.
  pdf: ['core'],
  markdown: ['core'],
  segment: ['core', 'markdown'],
  ids: ['core', 'markdown', 'segment'],
  translations: ['core', 'markdown', 'segment', 'ids'],
  // Translation memory: matches from every translation and the project's TMX files.
  memory: ['core', 'markdown', 'segment', 'ids', 'translations'],
  qa: ['core', 'markdown', 'segment', 'ids', 'translations', 'memory'],
  editions: ['core', 'markdown', 'segment', 'ids', 'translations', 'memory', 'qa', 'pdf'],
  coverage: ['core', 'markdown', 'segment', 'ids', 'translations', 'memory', 'qa', 'editions', 'pdf'],
  interchange: ['core', 'markdown', 'segment', 'ids', 'translations', 'memory', 'qa', 'editions', 'pdf', 'coverage'],
  engine: ['core', 'markdown', 'segment', 'ids', 'translations', 'memory', 'qa', 'editions', 'pdf', 'coverage', 'interchange'],
  // The translator's editor: a web server over the engine, and its page (client/, bundled for the browser).
  serve: ['core', 'markdown', 'segment', 'ids', 'translations', 'memory', 'qa', 'editions', 'pdf', 'coverage', 'interchange', 'engine'],
  cli: ['core', 'markdown', 'segment', 'ids', 'translations', 'memory', 'qa', 'editions', 'pdf', 'coverage', 'interchange', 'engine', 'serve']
}

/**
 * Upward imports allowed to stay, each named and explained (at most two), as
 * `{name, from: 'src/<stage>/<file>.ts', to: 'src/<stage>/<file>.ts', why}`.
 * None today: add one only with a reason a reader would accept.
 */
const EXCEPTIONS = []

const escape = (path) => path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const stageRule = (name, from, allowed, extra = []) => ({
  name,
  severity: 'error',
  comment: `${from.path} may import only src/ folders ${allowed.join(', ')} (see BELOW in .dependency-cruiser.mjs)`,
  from,
  to: {path: '^src/', pathNot: [`^src/(${allowed.join('|')})/`, ...extra]}
})
const stageRules = Object.entries(BELOW).flatMap(([stage, below]) => {
  const allowed = [stage, ...below]
  const exceptions = EXCEPTIONS.filter((e) => e.from.startsWith(`src/${stage}/`))
  return [
    stageRule(`stage-${stage}`, {path: `^src/${stage}/`, pathNot: exceptions.map((e) => `^${escape(e.from)}$`)}, allowed),
    ...exceptions.map((e) => stageRule(`stage-${stage}-except-${e.name}`, {path: `^${escape(e.from)}$`}, allowed, [`^${escape(e.to)}$`]))
  ]
})

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A module reaches itself again through its imports; break the circle by moving the shared part down a stage.',
      from: {},
      to: {circular: true}
    },
    ...stageRules,
    {
      name: 'index-only-re-exports',
      severity: 'error',
      comment: 'src/index.ts is the public API: it re-exports the stages, and no module of src/ imports it.',
      from: {path: '^src/', pathNot: '^src/index\\.ts$'},
      to: {path: '^src/index\\.ts$'}
    },
    {
      name: 'bench-and-tooling-apart',
      severity: 'error',
      comment: 'src/bench/ and src/tooling/ may import anything, but nothing in the product imports them.',
      from: {path: '^src/', pathNot: '^src/(bench|tooling)/'},
      to: {path: '^src/(bench|tooling)/'}
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing: a typo, or a package missing from package.json.',
      from: {},
      to: {couldNotResolve: true}
    }
  ],
  options: {
    includeOnly: '^src/',
    tsPreCompilationDeps: true,
    tsConfig: {fileName: 'tsconfig.json'},
    // Worker threads are started by URL, not imported, so they show up as separate trees: that is intended.
    exclude: {path: '\\.d\\.ts$'}
  }
}
