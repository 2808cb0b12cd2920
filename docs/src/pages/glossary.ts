// docs/glossary.html and docs/zh-Hans/glossary.html: the terms of the standard (spec/glossary.yaml, decision 0057) in
// English and Simplified Chinese, with the policy's own spelling where the term comes from the Guiding Opinions
// (the original is in traditional characters, as captured), the source of each term and the renderings to avoid.
import { loadGlossary, type GlossaryTerm as Term } from '../../../spec/glossary.ts';
import { html, raw, slug, type Html } from '../html.ts';
import { page, type Lang } from '../layout.ts';
import { renderInline } from '../markdown.ts';

/** A term's anchor, the same on both pages: `glossary.html#term-shipping-data`. */
export const termId = (term: Term): string => `term-${slug(term.en)}`;

const WORDS = {
  en: {
    title: 'Glossary',
    description: 'The terms of ECDX in English and Simplified Chinese, with their sources.',
    heads: ['English', 'Simplified Chinese', 'As the policy spells it', 'Source', 'Avoid', 'Note'],
    intro: html`<h1>Glossary</h1>
<p class="lead">The terms of ECDX in English and Simplified Chinese. The Chinese chapters use exactly these terms.</p>
<p>A term taken from the Guiding Opinions (OP-01 … OP-12) follows the policy's own wording; the third column gives it
as it stands in the original text, which is kept verbatim (in traditional characters, as captured) in
<code>spec/policy/</code>, and a test checks it there. GB/T 27917.1 is the national standard 快递服务 第1部分：基本术语;
RFC names the Internet standard; ECDX marks this standard's own terms. A rendering under <em>Avoid</em> fails the
tests of the Chinese chapters. Requirement levels read 必须 / 不得 / 应当 / 不应 / 可以.</p>`,
  },
  'zh-Hans': {
    title: '术语表',
    description: 'ECDX 术语：英文与简体中文对照，附出处。',
    heads: ['英文', '简体中文', '政策原文写法', '出处', '避免使用', '说明'],
    intro: html`<h1>术语表</h1>
<p class="lead">ECDX 的术语，英文与简体中文对照。中文各章一律使用这些术语。</p>
<p>取自《指导意见》（OP-01 … OP-12）的术语沿用政策原文的措辞；第三列是其在原文中的写法——原文按采集时的样子（繁体字）原样保存在 <code>spec/policy/</code> 中，并由测试核对。GB/T 27917.1 是国家标准《快递服务 第1部分：基本术语》；RFC 指相应的互联网标准；ECDX 表示本标准自己的术语。中文各章若使用“避免使用”一列中的译法，测试即失败。要求级别译为 必须 / 不得 / 应当 / 不应 / 可以。</p>`,
  },
} as const;

function row(term: Term, id: string): Html {
  return html`<tr id="${id}"><td lang="en">${term.en}</td><td lang="zh-Hans"><strong>${term['zh-Hans']}</strong></td>
<td lang="zh-Hant">${term.policy ?? ''}</td><td class="nowrap">${term.source}</td>
<td lang="zh-Hans">${(term.avoid ?? []).join('、')}</td><td class="small">${term.note ? raw(renderInline(term.note)) : ''}</td></tr>`;
}

export function glossaryPage(lang: Lang = 'en', terms: Term[] = loadGlossary()): string {
  const w = WORDS[lang];
  // Two terms whose English slugs coincide get `-1`, `-2` …, as repeated headings do.
  const used = new Set<string>();
  const ids = terms.map((t) => {
    let id = termId(t);
    for (let n = 1; used.has(id); n++) id = `${termId(t)}-${n}`;
    used.add(id);
    return id;
  });
  const table =
    terms.length === 0
      ? html`<p class="notice">${lang === 'en' ? 'The glossary holds no term yet.' : '术语表中尚无术语。'}</p>`
      : html`<div class="table-wrap"><table id="terms"><thead><tr>${w.heads.map((h) => html`<th>${h}</th>`)}</tr></thead>
<tbody>${terms.map((t, i) => row(t, ids[i]!))}</tbody></table></div>`;
  return page({ file: 'glossary.html', lang, title: w.title, description: w.description, body: html`${w.intro}${table}` });
}
