// The site's one stylesheet, inlined into every page so that a page opened from disk looks the same as a
// published one. System fonts only: no web font to fetch (the pages' CSP forbids it anyway), and Chinese text falls
// back to the platform's CJK face — Noto Sans CJK / WenQuanYi on Linux, PingFang on macOS, Microsoft YaHei on Windows.
export const STYLE = `
:root {
  --text: #1b1f23; --muted: #57606a; --bg: #ffffff; --panel: #f6f8fa; --line: #d0d7de;
  --accent: #0b5cad; --accent-bg: #e8f1fb; --must: #8a1c1c; --should: #7a4d00; --may: #1d5e2b;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans CJK SC", "Noto Sans SC",
    "WenQuanYi Micro Hei", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", sans-serif;
  --cjk: "Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Micro Hei", "Source Han Sans SC", "PingFang SC",
    "Hiragino Sans GB", "Microsoft YaHei", sans-serif;
  --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", "Noto Sans Mono CJK SC", monospace;
}
@media (prefers-color-scheme: dark) {
  :root {
    --text: #e6edf3; --muted: #9da7b1; --bg: #0d1117; --panel: #161b22; --line: #30363d;
    --accent: #6cb6ff; --accent-bg: #132a44; --must: #ff8e8e; --should: #f0c060; --may: #7ee2a0;
  }
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 16px/1.6 var(--sans); color: var(--text); background: var(--bg); }
/* Chinese: the CJK face first, more leading, no italics (CJK fonts have none; emphasis is weight), no justification
   gaps. A Chinese page's body takes it as a whole; elsewhere an element marked lang="zh-Hans" does, and an English
   passage on a Chinese page goes back to the Latin stack. Code keeps its monospace face either way. */
:root:lang(zh-Hans) body, [lang|="zh"]:not(html) { font-family: var(--cjk); line-height: 1.75; }
:root:lang(zh-Hans) [lang="en"] { font-family: var(--sans); line-height: 1.6; }
:lang(zh-Hans) em, :lang(zh-Hans) i { font-style: normal; font-weight: 600; }
:lang(zh-Hans) { line-break: strict; }
:root:lang(zh-Hans) h1, :root:lang(zh-Hans) h2, :root:lang(zh-Hans) h3 { letter-spacing: 0.02em; }
.lang-nav { margin-left: auto; font-size: 0.9rem; }
.lang-nav a { text-decoration: none; border: 1px solid var(--line); border-radius: 4px; padding: 0.1em 0.5em; }
a { color: var(--accent); }
a:not(:hover) { text-decoration-thickness: 1px; text-underline-offset: 2px; }
code, pre, kbd { font-family: var(--mono); font-size: 0.9em; }
code { background: var(--panel); padding: 0.1em 0.3em; border-radius: 4px; }
pre { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 0.8rem 1rem; overflow-x: auto; line-height: 1.45; }
pre code { background: none; padding: 0; }
h1, h2, h3, h4 { line-height: 1.25; margin: 1.8em 0 0.6em; }
h1 { font-size: 2rem; margin-top: 0.5em; }
h2 { font-size: 1.5rem; border-bottom: 1px solid var(--line); padding-bottom: 0.25em; }
h3 { font-size: 1.2rem; }
blockquote { margin: 1em 0; padding: 0 1em; color: var(--muted); border-left: 4px solid var(--line); }
table { border-collapse: collapse; width: 100%; margin: 1em 0; font-size: 0.94rem; }
th, td { border: 1px solid var(--line); padding: 0.4em 0.6em; text-align: left; vertical-align: top; }
thead th { background: var(--panel); position: sticky; top: 0; z-index: 1; }
tbody tr:nth-child(even) { background: color-mix(in srgb, var(--panel) 60%, transparent); }
.table-wrap { overflow-x: auto; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: var(--bg); padding: 0.5rem; z-index: 10; }
header.site { border-bottom: 1px solid var(--line); background: var(--panel); }
header.site .bar { max-width: 80rem; margin: 0 auto; padding: 0.6rem 1.25rem; display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: baseline; }
header.site .brand { font-weight: 700; font-size: 1.15rem; text-decoration: none; color: var(--text); }
header.site .version { color: var(--muted); font-size: 0.85rem; margin-left: 0.4rem; font-weight: 400; }
header.site nav { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
header.site nav a { text-decoration: none; }
header.site nav a[aria-current="page"] { color: var(--text); font-weight: 600; border-bottom: 2px solid var(--accent); }
main { max-width: 80rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
main.prose { max-width: 52rem; }
footer.site { border-top: 1px solid var(--line); color: var(--muted); font-size: 0.85rem; }
footer.site p { max-width: 80rem; margin: 0 auto; padding: 1rem 1.25rem; }
.lead { font-size: 1.15rem; color: var(--muted); }
.muted { color: var(--muted); }
.small { font-size: 0.85rem; }
.nowrap { white-space: nowrap; }
.level { font-weight: 600; white-space: nowrap; }
.level-MUST, .level-MUST-NOT { color: var(--must); }
.level-SHOULD, .level-SHOULD-NOT { color: var(--should); }
.level-MAY { color: var(--may); }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); gap: 1rem; padding: 0; list-style: none; }
.cards li { border: 1px solid var(--line); border-radius: 8px; padding: 0.8rem 1rem; background: var(--panel); }
.cards li a { font-weight: 600; }
.cards li p { margin: 0.3em 0 0; font-size: 0.92rem; color: var(--muted); }
.layout-toc { display: grid; grid-template-columns: 17rem minmax(0, 1fr); gap: 2rem; align-items: start; }
.layout-toc > nav.toc { position: sticky; top: 0; max-height: 100vh; overflow-y: auto; padding: 1rem 0; font-size: 0.9rem; }
nav.toc ol { padding-left: 1.1rem; margin: 0.2em 0; }
nav.toc > ol { padding-left: 0; list-style: none; }
nav.toc a { text-decoration: none; }
@media (max-width: 60rem) { .layout-toc { display: block; } .layout-toc > nav.toc { position: static; max-height: none; } }
article.chapter { max-width: 52rem; }
.requirement { border-left: 3px solid var(--accent); background: var(--accent-bg); padding: 0.4em 0.8em; border-radius: 0 4px 4px 0; }
li.requirement { margin: 0.4em 0; list-style-position: inside; }
.requirement:target, tr:target { outline: 2px solid var(--accent); }
.req-meta { display: block; font-size: 0.8rem; color: var(--muted); margin-top: 0.2em; }
a.req-id { font-family: var(--mono); font-size: 0.92em; white-space: nowrap; }
.filters { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: end; margin: 1rem 0; padding: 0.75rem 1rem; background: var(--panel); border: 1px solid var(--line); border-radius: 6px; }
.filters label { display: flex; flex-direction: column; font-size: 0.85rem; color: var(--muted); gap: 0.2rem; }
.filters input, .filters select { font: inherit; color: var(--text); background: var(--bg); border: 1px solid var(--line); border-radius: 4px; padding: 0.3em 0.5em; }
.filters input[type="search"] { min-width: 18rem; }
.filters output { margin-left: auto; font-size: 0.9rem; color: var(--muted); }
.notice { border: 1px solid var(--should); border-radius: 6px; padding: 0.6rem 1rem; }
@media print {
  header.site nav, .lang-nav, .filters, nav.toc, .skip { display: none; }
  .layout-toc { display: block; }
  thead th { position: static; }
  a { color: inherit; }
  body { font-size: 11pt; }
}
`.trim();
