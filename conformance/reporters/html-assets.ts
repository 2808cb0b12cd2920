// The inline stylesheet and script of the HTML report. Both are constants: the page's Content-Security-Policy
// allows exactly these two by hash, so nothing else (least of all markup from evidence) could run or load.
// The script holds no report data; it only filters rows and expands evidence that the page already contains.
import { createHash } from 'node:crypto';

export const REPORT_CSS = `
:root {
  --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #ffffff; --soft: #f6f8fa; --head: #eef1f4;
  --passed: #1a7f37; --failed: #cf222e; --warning: #9a6700; --skipped: #6e7781;
  --precondition-failed: #8250df; --error: #bc4c00; --waived: #7d4e00;
}
* { box-sizing: border-box; }
html {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "PingFang SC", "Hiragino Sans GB",
    "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif;
  color: var(--fg); background: var(--bg); line-height: 1.45; font-size: 15px;
}
code, pre, kbd, .mono {
  font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", "Noto Sans Mono CJK SC", "Sarasa Mono SC",
    "Microsoft YaHei Mono", monospace;
  font-size: 0.88em;
}
body { margin: 0 auto; max-width: 1320px; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 0.5rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.75rem; border-bottom: 1px solid var(--line); padding-bottom: 0.25rem; }
h4 { font-size: 0.95rem; margin: 0.75rem 0 0.25rem; }
a { color: #0969da; }
.verdict { display: inline-block; padding: 0.2rem 0.75rem; border-radius: 4px; font-weight: 700; color: #fff; }
.verdict.ok { background: var(--passed); }
.verdict.ko { background: var(--failed); }
.verdict.partial { background: var(--warning); }
.verdict.waived { background: var(--waived); }
.waiver { margin: 0.2rem 0 0; color: var(--waived); }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1.25rem; margin: 1rem 0 0; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
details.claim summary { cursor: pointer; color: var(--muted); }
.s-passed { --c: var(--passed); } .s-failed { --c: var(--failed); } .s-warning { --c: var(--warning); }
.s-skipped { --c: var(--skipped); } .s-precondition-failed { --c: var(--precondition-failed); } .s-error { --c: var(--error); }
.s-waived { --c: var(--waived); }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); gap: 0.75rem; }
.card {
  display: flex; flex-direction: column; justify-content: flex-start; align-items: flex-start;
  text-align: left; font: inherit; color: inherit; cursor: pointer; background: var(--bg);
  border: 1px solid var(--line); border-left: 6px solid var(--c); border-radius: 6px; padding: 0.5rem 0.75rem;
}
.card:hover { background: var(--soft); }
.card .count { display: block; font-size: 1.9rem; font-weight: 700; color: var(--c); line-height: 1.2; }
.card .label { display: block; font-weight: 600; }
.card .meaning { display: block; font-size: 0.8rem; color: var(--muted); }
.card.zero .count { color: var(--muted); }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid var(--line); padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: var(--head); font-weight: 600; position: sticky; top: 0; z-index: 1; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.zero { color: var(--muted); }
td.nonzero { color: var(--c); font-weight: 600; }
.badge { display: inline-block; white-space: nowrap; font-weight: 700; color: var(--c); }
.muted { color: var(--muted); }
.controls {
  display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; align-items: center; margin: 0 0 1rem;
  padding: 0.6rem 0.75rem; background: var(--soft); border: 1px solid var(--line); border-radius: 6px;
}
.controls fieldset { border: 0; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 0.9rem; align-items: center; }
.controls legend { float: left; font-weight: 600; margin-right: 0.25rem; padding: 0; }
.controls label { white-space: nowrap; }
.controls input[type="search"] { min-width: 16rem; font: inherit; padding: 0.15rem 0.35rem; }
.controls select, .controls button { font: inherit; }
.results .check > tr.row { cursor: pointer; }
.results .check > tr.row:hover { background: var(--soft); }
.results .check.s-failed > tr.row > td:first-child, .results .check.s-error > tr.row > td:first-child,
.results .check.s-precondition-failed > tr.row > td:first-child { box-shadow: inset 4px 0 0 var(--c); }
.link { border: 0; background: none; padding: 0; font: inherit; color: #0969da; cursor: pointer; text-align: left; }
.link:hover { text-decoration: underline; }
.toggle { border: 0; background: none; font: inherit; cursor: pointer; padding: 0 0.25rem; color: var(--muted); }
.toggle::before { content: "▸"; }
.toggle[aria-expanded="true"]::before { content: "▾"; }
.title { font-weight: 600; }
.check-id { color: var(--muted); overflow-wrap: anywhere; }
.msg, .description { overflow-wrap: anywhere; }
.reqs a { white-space: nowrap; }
tr.evidence > td { background: var(--soft); padding: 0.5rem 1rem 1rem 2.5rem; }
ol.assertions { list-style: none; padding: 0; margin: 0.25rem 0 0.5rem; }
ol.assertions li { padding: 0.1rem 0; overflow-wrap: anywhere; }
ol.assertions .mark { display: inline-block; width: 1.4em; font-weight: 700; }
ol.assertions li.ok .mark { color: var(--passed); }
ol.assertions li.ko .mark { color: var(--failed); }
ol.assertions li.ko { font-weight: 600; }
ol.assertions li.blocked .mark { color: var(--precondition-failed); }
ol.assertions li.blocked { font-style: italic; }
dl.requirement-texts { margin: 0.25rem 0 0.5rem; }
dl.requirement-texts dt { margin-top: 0.35rem; }
dl.requirement-texts dt .level { font-weight: 600; }
dl.requirement-texts dd { margin: 0.1rem 0 0 1.4em; overflow-wrap: anywhere; }
dl.requirement-texts dd[lang="zh-Hans"] { color: var(--muted); }
section.fixture h3 { font-size: 1rem; margin: 1rem 0 0.25rem; }
.exchange { border: 1px solid var(--line); border-radius: 6px; background: var(--bg); margin: 0.5rem 0; }
.exchange > .exchange-head { padding: 0.35rem 0.6rem; border-bottom: 1px solid var(--line); background: var(--head); font-size: 0.85rem; color: var(--muted); }
.exchange .part { padding: 0.4rem 0.6rem; }
.exchange .part + .part { border-top: 1px dashed var(--line); }
.part-label { font-size: 0.75rem; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); }
.line { font-weight: 700; overflow-wrap: anywhere; }
.line.status-2xx { color: var(--passed); }
.line.status-3xx { color: var(--warning); }
.line.status-4xx, .line.status-5xx, .line.no-response { color: var(--failed); }
pre {
  margin: 0.25rem 0; padding: 0.45rem 0.6rem; background: var(--soft); border: 1px solid var(--line); border-radius: 4px;
  white-space: pre-wrap; overflow-wrap: anywhere; max-height: 28rem; overflow: auto;
}
footer { margin-top: 2.5rem; color: var(--muted); font-size: 0.85rem; border-top: 1px solid var(--line); padding-top: 0.5rem; }
[hidden] { display: none !important; }
@media print {
  html { font-size: 10.5pt; }
  body { max-width: none; padding: 0; }
  .controls, .toggle, .no-print { display: none !important; }
  thead th { position: static; }
  pre { max-height: none; overflow: visible; }
  tr.row, .card, .exchange { break-inside: avoid; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
}
`;

export const REPORT_SCRIPT = `
'use strict';
(function () {
  var all = function (selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); };
  var one = function (selector, root) { return (root || document).querySelector(selector); };
  var checks = all('tbody.check');
  var boxes = all('input[name="status"]');
  var classFilter = one('#filter-class');
  var textFilter = one('#filter-text');
  var shown = one('#shown');
  var none = one('#no-match');

  function apply() {
    var on = {};
    boxes.forEach(function (b) { if (b.checked) on[b.value] = true; });
    var cls = classFilter.value;
    var q = textFilter.value.trim().toLowerCase();
    var n = 0;
    checks.forEach(function (t) {
      var visible = on[t.getAttribute('data-status')] === true &&
        (cls === '' || t.getAttribute('data-class') === cls) &&
        (q === '' || t.getAttribute('data-text').indexOf(q) >= 0);
      t.hidden = !visible;
      if (visible) n += 1;
    });
    // The page says in its own language how many are shown: the template is the report's, the numbers the script's.
    var template = shown.getAttribute('data-template') || '{n} of {total} checks shown';
    shown.textContent = template.replace('{n}', String(n)).replace('{total}', String(checks.length));
    none.hidden = n > 0;
  }

  function setOpen(t, open) {
    one('.toggle', t).setAttribute('aria-expanded', open ? 'true' : 'false');
    one('tr.evidence', t).hidden = !open;
  }

  checks.forEach(function (t) {
    one('tr.row', t).addEventListener('click', function (event) {
      if (event.target.closest('a')) return;
      var selection = window.getSelection();
      if (selection && String(selection) !== '' && !event.target.closest('button')) return;
      setOpen(t, one('.toggle', t).getAttribute('aria-expanded') !== 'true');
    });
  });

  boxes.forEach(function (b) { b.addEventListener('change', apply); });
  classFilter.addEventListener('change', apply);
  textFilter.addEventListener('input', apply);

  all('.card[data-status]').forEach(function (card) {
    card.addEventListener('click', function () {
      var status = card.getAttribute('data-status');
      var only = boxes.every(function (b) { return b.checked === (b.value === status); });
      boxes.forEach(function (b) { b.checked = only ? true : b.value === status; });
      apply();
      one('#results').scrollIntoView();
    });
  });
  all('button[data-filter-class]').forEach(function (button) {
    button.addEventListener('click', function () {
      classFilter.value = button.getAttribute('data-filter-class');
      apply();
      one('#results').scrollIntoView();
    });
  });
  one('#expand-all').addEventListener('click', function () {
    checks.forEach(function (t) { if (!t.hidden) setOpen(t, true); });
  });
  one('#collapse-all').addEventListener('click', function () {
    checks.forEach(function (t) { setOpen(t, false); });
  });
  one('#reset-filters').addEventListener('click', function () {
    boxes.forEach(function (b) { b.checked = true; });
    classFilter.value = '';
    textFilter.value = '';
    apply();
  });

  function openFromHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id ? document.getElementById(id) : null;
    if (target && target.classList.contains('check')) {
      setOpen(target, true);
      target.scrollIntoView();
    }
  }
  window.addEventListener('hashchange', openFromHash);

  one('#controls').hidden = false;
  apply();
  openFromHash();
})();
`;

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * A page policy that allows no network at all, only the given inline stylesheets and scripts by hash (none given:
 * none allowed). Every self-contained report of ECDX uses it (the conformance report, the monitor's report).
 */
export const cspFor = ({ styles, scripts }: { styles: readonly string[]; scripts: readonly string[] }): string =>
  [
    "default-src 'none'",
    `style-src ${styles.length > 0 ? styles.map(sha256).join(' ') : "'none'"}`,
    `script-src ${scripts.length > 0 ? scripts.map(sha256).join(' ') : "'none'"}`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');

/** The page's policy: no network at all; only the stylesheet and the script above. */
export const REPORT_CSP = cspFor({ styles: [REPORT_CSS], scripts: [REPORT_SCRIPT] });
