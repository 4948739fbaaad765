/**
 * The inlined style sheet. Font stacks per script: first the Noto faces the
 * page embeds (web-fonts.ts; each face covers only the characters of its
 * document, the others fall through to the next family), then system fonts;
 * Korean keeps words whole (`keep-all`, as Korean typesetting
 * breaks at spaces), Japanese applies strict kinsoku (`line-break: strict`).
 */
const BASE = `
:root{color-scheme:light;--fg:#1c1c1c;--muted:#4d4d4d;--line:#d3d7dd;--soft:#f5f6f8;--accent:#0a50c2;--hl:#ffe98a;--missing-bg:#fde7e4;--missing-fg:#8a1b12;--stale-bg:#fff1cc;--stale-fg:#5e4100}
*{box-sizing:border-box}
html{color:var(--fg);background:#fff;line-height:1.65;-webkit-text-size-adjust:100%}
body{margin:0;font-size:1.0625rem}
:root{font-family:"Noto Sans","Noto Sans KR","Noto Sans JP","Segoe UI",Roboto,"Helvetica Neue",Arial,"Liberation Sans",sans-serif}
:lang(ko){font-family:"Noto Sans KR","Noto Sans","Noto Sans CJK KR","Apple SD Gothic Neo","Malgun Gothic","Nanum Gothic",sans-serif;word-break:keep-all;overflow-wrap:break-word}
:lang(ja){font-family:"Noto Sans JP","Noto Sans","Noto Sans CJK JP","Hiragino Sans","Hiragino Kaku Gothic ProN","Yu Gothic",Meiryo,sans-serif;line-break:strict;overflow-wrap:break-word}
:lang(en),:lang(mn){font-family:"Noto Sans","Noto Sans KR","Noto Sans JP","Segoe UI",Roboto,"Helvetica Neue",Arial,"Liberation Sans",sans-serif}
a{color:var(--accent)}
a:focus-visible,input:focus-visible,.seg:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.skip{position:absolute;left:-100vw;top:.5rem;background:#fff;padding:.5rem 1rem;z-index:3}
.skip:focus{left:.5rem}
.bar{display:flex;flex-wrap:wrap;align-items:center;gap:.25rem 1.5rem;padding:.5rem 1.25rem;background:var(--soft);border-bottom:1px solid var(--line);font-size:.9375rem}
.bar ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;margin:0;padding:0}
.bar a[aria-current]{color:var(--fg);font-weight:700;text-decoration:none}
.bar .label{color:var(--muted)}
main{max-width:46rem;margin:0 auto;padding:1.25rem 1.25rem 3rem}
main>h1{margin:.25rem 0 .75rem}
.doc-head{border-bottom:1px solid var(--line);margin-bottom:1.25rem;padding-bottom:.75rem}
.kicker{margin:0;color:var(--muted);font-size:.875rem;text-transform:uppercase;letter-spacing:.04em}
.coverage{margin:.25rem 0 0;color:var(--muted);font-size:.9375rem}
.meta{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.125rem 1rem;margin:.75rem 0 0;font-size:.875rem}
.meta dt{font-weight:600}
.meta dd{margin:0;overflow-wrap:anywhere}
.note{margin:.75rem 0 0;padding:.5rem .75rem;border-left:4px solid #a66d00;background:#fff8e5;font-size:.9375rem}
.note-ref{font-size:.75em;line-height:0;margin-left:.125em}
.editor-notes{border-top:1px solid var(--line);margin-top:2rem;font-size:.875rem}
.editor-notes h2{font-size:1rem}
.note-missing{color:#5c5c5c}
.toc,.legend{font-size:.9375rem;margin:0 0 1rem;padding:.5rem 1rem;background:var(--soft);border-radius:.375rem}
.toc h2,.legend h2{font-size:1rem;margin:.25rem 0}
.toc ol{margin:.25rem 0;padding-left:1.25rem}
.legend dl{margin:.25rem 0;display:grid;grid-template-columns:minmax(0,max-content) minmax(0,1fr);gap:.25rem 1rem;align-items:baseline}
.legend dd{margin:0}
h1{font-size:1.75rem;line-height:1.3}
h2{font-size:1.375rem;line-height:1.35}
h3{font-size:1.15rem}
:target{scroll-margin-top:4rem}
code{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,"Noto Sans KR","Noto Sans JP",monospace;font-size:.88em;background:var(--soft);padding:.05em .3em;border-radius:.2em}
table{border-collapse:collapse;margin:1rem 0}
th,td{border:1px solid var(--line);padding:.25rem .75rem;text-align:left;vertical-align:top}
blockquote{margin:1rem 0;padding:.25rem 1rem;border-left:4px solid var(--line);color:#333}
.mark{display:inline-block;font-size:.78em;font-weight:600;line-height:1.4;padding:0 .35em;border-radius:.25em;vertical-align:.08em;border:1px solid currentColor}
.mark-missing{background:var(--missing-bg);color:var(--missing-fg)}
.mark-stale{background:var(--stale-bg);color:var(--stale-fg)}
h1 .mark,h2 .mark,h3 .mark{font-size:.5em}
.seg{border-radius:.2em}
.seg-missing>[lang]{color:var(--muted)}
.seg.hl,.seg:target{background:var(--hl);box-shadow:0 0 0 .15em var(--hl)}
@media (max-width:40rem){.legend dl,.meta{grid-template-columns:minmax(0,1fr)}.legend dd,.meta dd{margin-bottom:.375rem}}
`

const ALIGNED = `
body.aligned main{max-width:none;padding-left:1.5rem;padding-right:1.5rem}
body.aligned .doc-head,body.aligned .panels,body.aligned .columns{max-width:72rem}
.panels{display:grid;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr));gap:0 1rem;align-items:start}
.columns{display:flex;flex-wrap:wrap;align-items:center;gap:.25rem 1.25rem;margin:0 0 1rem;padding:.5rem 1rem;border:1px solid var(--line);border-radius:.375rem;font-size:.9375rem}
.columns legend{font-weight:600;padding:0 .25rem}
.columns label{display:inline-flex;gap:.375rem;align-items:center;cursor:pointer}
.grid{border-top:2px solid var(--line)}
.grid.title{border-top:0;margin-bottom:.75rem}
.grid.title .row{border-bottom:0}
.grid.title .cell h1{font-size:1.5rem;margin:0}
.row{display:grid;grid-auto-flow:column;grid-auto-columns:minmax(0,1fr);gap:0 2rem;padding:.375rem 0;border-bottom:1px solid #e6e8ec}
.row.head{position:sticky;top:0;z-index:2;background:#fff;font-weight:700;border-bottom:2px solid var(--line)}
.row.head small{display:block;font-weight:400;color:var(--muted)}
.cell>:first-child{margin-top:0}
.cell>:last-child{margin-bottom:0}
.cell p{margin:.25rem 0}
.cell h1{font-size:1.3rem}.cell h2{font-size:1.15rem}.cell h3,.cell h4,.cell h5,.cell h6{font-size:1rem}
.ctx-quote .cell{border-left:3px solid var(--line);padding-left:.75rem;color:#333}
.bullet{display:inline-block;min-width:1.5em;color:var(--muted)}
.cell::before{display:none;content:attr(data-label);font-size:.75rem;font-weight:600;color:var(--muted)}
@media (max-width:40rem){
.row{grid-auto-flow:row;grid-auto-columns:auto;gap:.5rem}
.row.head{display:none}
.cell::before{display:block}
}
`

const PRINT = `
@page{size:A4;margin:16mm 14mm}
@media print{
body{font-size:10pt}
.bar,.skip,.columns,.toc{display:none}
main,body.aligned main{max-width:none;padding:0}
/* Chromium splits table rows across pages but not these grid rows; print the grid as a table so long rows split, the columns together. */
.grid{display:table;width:100%;table-layout:fixed;border-collapse:collapse}
.row{display:table-row}
.row.head{display:table-header-group;position:static}
/* A word longer than its column wraps rather than running into the next one or off the page. */
.cell{display:table-cell;vertical-align:top;padding:.3rem 1rem .3rem 0;border-bottom:1px solid var(--line);overflow-wrap:anywhere}
.grid.title .cell{border-bottom:0}
.grid.title .cell h1{font-size:1.2em}
/* A heading row stays whole and on the page of the row after it. */
.row:has(h1,h2,h3,h4,h5,h6){break-inside:avoid;break-after:avoid}
.seg.hl,.seg:target{background:none;box-shadow:none}
a{color:inherit}
a[href^="http"]::after{content:" <" attr(href) ">";font-size:.85em}
body.edition :is(h1,h2,h3){break-after:avoid}
}
`

/** The style sheet of a language page, or of the aligned page with a show/hide rule per column (no script needed). */
export function pageCss(columns: string[] | null): string {
  if (!columns) return (BASE + PRINT).trim()
  const hide = columns.map((language) => `body:has(#show-${language}:not(:checked)) [data-col="${language}"]{display:none}`).join('\n')
  return (BASE + ALIGNED + hide + '\n' + PRINT).trim()
}
