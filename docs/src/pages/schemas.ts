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
import { page } from '../layout.ts';
import { renderBlock } from '../markdown.ts';

const AREAS: { id: string; title: string; about: string; schemas: readonly TSchema[] }[] = [
  {
    id: 'common',
    title: 'Common building blocks',
    about: 'Time, places, identifiers, contact data and money: defined once, referenced everywhere.',
    schemas: commonSchemas,
  },
  {
    id: 'shipping',
    title: 'Shipping data (寄递数据)',
    about: 'What the platform sends the carrier for a parcel (OP-01, OP-03, OP-04).',
    schemas: shippingSchemas,
  },
  { id: 'tracking', title: 'Parcel data (快件数据)', about: 'Tracking events, the trajectory, subscriptions and pushes (OP-02).', schemas: trackingSchemas },
  {
    id: 'governance',
    title: 'Governance',
    about: 'Interruption notices, security incidents, statistics, health, the conformance claim and problems (OP-05 – OP-11).',
    schemas: governanceSchemas,
  },
  {
    id: 'test-controls',
    title: 'Test controls',
    about: 'Served only by test deployments, for the conformance harness (chapter Test controls).',
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

function area(a: (typeof AREAS)[number], stated: ReadonlySet<string>): Html {
  const rows = a.schemas.map((schema) => {
    const name = schemaName(schema);
    const title = String(schema.title ?? name);
    return html`<tr id="${name}"><td><a href="../schemas/json/${name}.json"><code>${name}</code></a>${
      title !== name && html`<br><span class="small">${title}</span>`
    }</td><td class="small">${shapeOf(schema)}</td><td>${raw(renderBlock(String(schema.description ?? ''), (id) => (stated.has(id) ? `spec.html#${id}` : undefined)))}</td></tr>`;
  });
  return html`<h2 id="area-${a.id}">${a.title}</h2><p class="muted">${a.about}</p>${
    a.schemas.length === 0
      ? html`<p class="notice">No schema published in this area yet.</p>`
      : html`<div class="table-wrap"><table><thead><tr><th>Schema</th><th>Shape</th><th>What it is for</th></tr></thead><tbody>${rows}</tbody></table></div>`
  }`;
}

export function schemasPage(stated: ReadonlySet<string>): string {
  const body = html`<h1>Schemas</h1>
<p class="lead">The ${allSchemas.length} published JSON Schemas of ECDX: every object the interface exchanges.</p>
<p>The schemas follow JSON Schema 2020-12, the dialect of OpenAPI 3.1. Each has the identifier
<code>${SCHEMA_BASE}&lt;Name&gt;.json</code>; the files in <code>schemas/json/</code> carry those identifiers and refer to
one another by them, so a validator loads the whole folder (<code>index.json</code> lists it) and resolves every
<code>$ref</code> offline. Objects are closed: a property the schema does not name is an error. Test vectors for every
schema are in <code>schemas/vectors/</code>.</p>
<p>Areas: ${AREAS.map((a, i) => html`${i > 0 && ' · '}<a href="#area-${a.id}">${a.title}</a>`)}</p>
${AREAS.map((a) => area(a, stated))}`;
  return page({
    file: 'schemas.html',
    title: 'Schemas',
    description: 'The index of the published ECDX JSON Schemas (2020-12).',
    body,
  });
}
