// docs/schemas.html: the index of the published JSON Schemas (schemas/json/, generated from the TypeBox sources),
// grouped by area, each with what it is for and a link to the file a validator loads.
import type { TSchema } from '@sinclair/typebox';
import {
  allSchemas,
  commonSchemas,
  governanceSchemas,
  SCHEMA_BASE,
  schemaName,
  shippingSchemas,
  testControlSchemas,
  trackingSchemas,
} from '../../../schemas/src/index.ts';
import { html, raw, type Html } from '../html.ts';
import { page, type Lang } from '../layout.ts';
import { renderBlock } from '../markdown.ts';

const AREAS: { id: string; title: string; about: string; zh?: { title: string; about: string }; schemas: readonly TSchema[] }[] = [
  {
    id: 'common',
    title: 'Common building blocks',
    about: 'Time, places, identifiers, contact data and money: defined once, referenced everywhere.',
    zh: { title: '通用构件', about: '时间、地点、标识符、联系信息和金额：定义一次，处处引用。' },
    schemas: commonSchemas,
  },
  {
    id: 'shipping',
    title: 'Shipping data (寄递数据)',
    about: 'What the platform sends the carrier for a parcel (OP-01, OP-03, OP-04).',
    zh: { title: '寄递数据', about: '平台为一个快件发送给快递企业的数据（OP-01、OP-03、OP-04）。' },
    schemas: shippingSchemas,
  },
  {
    id: 'tracking',
    title: 'Parcel data (快件数据)',
    about: 'Tracking events, the trajectory, subscriptions and pushes (OP-02).',
    zh: { title: '快件数据', about: '轨迹事件、轨迹、订阅和推送（OP-02）。' },
    schemas: trackingSchemas,
  },
  {
    id: 'governance',
    title: 'Governance',
    about: 'Interruption notices, security incidents, statistics, health, the conformance claim and problems (OP-05 – OP-11).',
    zh: { title: '治理', about: '中断通知、安全事件、共享统计、健康状态、一致性声明和问题详情（OP-05 – OP-11）。' },
    schemas: governanceSchemas,
  },
  {
    id: 'test-controls',
    title: 'Test controls',
    about: 'Served only by test deployments, for the conformance harness (chapter Test controls).',
    zh: { title: '测试控制', about: '仅由测试部署提供，供一致性测试套件使用（见“测试控制”一章）。' },
    schemas: testControlSchemas,
  },
];

type SchemaShape = {
  type?: unknown;
  enum?: unknown[];
  properties?: Record<string, unknown>;
  required?: string[];
  format?: string;
  pattern?: string;
  anyOf?: SchemaShape[];
  oneOf?: SchemaShape[];
  allOf?: SchemaShape[];
};

/** A one-line shape summary, so a reader can tell a code list from an object without opening the file. */
export function shapeOf(schema: TSchema | SchemaShape): string {
  const s = schema as SchemaShape;
  if (Array.isArray(s.enum)) return `code list, ${s.enum.length} value(s)`;
  if (s.type === 'object') {
    const properties = Object.keys(s.properties ?? {}).length;
    return `object, ${properties} propert${properties === 1 ? 'y' : 'ies'} (${s.required?.length ?? 0} required)`;
  }
  if (s.type === 'string') return s.format ? `string (${s.format})` : s.pattern ? 'string (pattern)' : 'string';
  if (typeof s.type === 'string') return s.type;
  // TypeBox publishes a closed object with cross-field rules as allOf [object, rules…].
  if (s.allOf?.[0]) return s.allOf.length > 1 ? `${shapeOf(s.allOf[0])}, with conditions` : shapeOf(s.allOf[0]);
  const alternatives = s.oneOf ?? s.anyOf;
  if (alternatives) {
    const kinds = new Set(alternatives.map((a) => (typeof a.type === 'string' ? a.type : 'schema')));
    return `${alternatives.length} alternative ${kinds.size === 1 && kinds.has('object') ? 'object forms' : 'forms'}`;
  }
  return 'schema';
}

const areaTitle = (a: (typeof AREAS)[number], lang: Lang): string => (lang === 'en' ? a.title : (a.zh?.title ?? a.title));

function area(a: (typeof AREAS)[number], stated: ReadonlySet<string>, lang: Lang): Html {
  const rows = a.schemas.map((schema) => {
    const name = schemaName(schema);
    const title = String(schema.title ?? name);
    return html`<tr id="${name}"><td><a href="../schemas/json/${name}.json"><code>${name}</code></a>${
      title !== name && html`<br><span class="small">${title}</span>`
    }</td><td class="small">${shapeOf(schema)}</td><td lang="en">${raw(renderBlock(String(schema.description ?? ''), (id) => (stated.has(id) ? `spec.html#${id}` : undefined)))}</td></tr>`;
  });
  const en = lang === 'en';
  return html`<h2 id="area-${a.id}">${areaTitle(a, lang)}</h2><p class="muted">${en ? a.about : (a.zh?.about ?? a.about)}</p>${
    a.schemas.length === 0
      ? html`<p class="notice">${en ? 'No schema published in this area yet.' : '此领域尚未发布模式。'}</p>`
      : html`<div class="table-wrap"><table><thead><tr><th>${en ? 'Schema' : '模式'}</th><th>${en ? 'Shape' : '形态（英文）'}</th><th>${
          en ? 'What it is for' : '用途（英文）'
        }</th></tr></thead><tbody>${rows}</tbody></table></div>`
  }`;
}

export function schemasPage(stated: ReadonlySet<string>, lang: Lang = 'en'): string {
  const areas = html`${AREAS.map((a, i) => html`${i > 0 && ' · '}<a href="#area-${a.id}">${areaTitle(a, lang)}</a>`)}`;
  const intro =
    lang === 'en'
      ? html`<h1>Schemas</h1>
<p class="lead">The ${allSchemas.length} published JSON Schemas of ECDX: every object the interface exchanges.</p>
<p>The schemas follow JSON Schema 2020-12, the dialect of OpenAPI 3.1. Each has the identifier
<code>${SCHEMA_BASE}&lt;Name&gt;.json</code>; the files in <code>schemas/json/</code> carry those identifiers and refer to
one another by them, so a validator loads the whole folder (<code>index.json</code> lists it) and resolves every
<code>$ref</code> offline. Objects are closed: a property the schema does not name is an error. Test vectors for every
schema are in <code>schemas/vectors/</code>.</p>
<p>Areas: ${areas}</p>`
      : html`<h1>模式</h1>
<p class="lead">ECDX 已发布的 ${allSchemas.length} 个 JSON Schema：接口所交换的每一个对象。</p>
<p>模式遵循 JSON Schema 2020-12，即 OpenAPI 3.1 所用的方言。每个模式的标识符为 <code>${SCHEMA_BASE}&lt;Name&gt;.json</code>；<code>schemas/json/</code> 中的文件带有这些标识符并以之相互引用，因此校验器加载整个文件夹（<code>index.json</code> 列出全部文件）即可离线解析每个 <code>$ref</code>。对象是封闭的：模式未列出的属性即为错误。每个模式的测试向量位于 <code>schemas/vectors/</code>。下表中模式的形态和用途说明取自模式本身，为英文。</p>
<p>领域：${areas}</p>`;
  return page({
    file: 'schemas.html',
    lang,
    title: lang === 'en' ? 'Schemas' : '模式',
    description: lang === 'en' ? 'The index of the published ECDX JSON Schemas (2020-12).' : 'ECDX 已发布的 JSON Schema（2020-12）索引。',
    body: html`${intro}
${AREAS.map((a) => area(a, stated, lang))}`,
  });
}
