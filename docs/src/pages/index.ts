// docs/index.html: the landing page — what ECDX is, whom it serves, where everything is, how to start.
import { classUri, conformanceClasses, conformanceClassNames, SPEC_VERSION } from '../../../schemas/src/classes.ts';
import { registry } from '../../../spec/registry.ts';
import { allSchemas } from '../../../schemas/src/index.ts';
import { html } from '../html.ts';
import { page, SITE_PAGES } from '../layout.ts';

export interface SiteFacts {
  chapters: number;
  statements: number;
}

export const INSTALL = `npm install --save-dev --save-exact ecdx   # published on npm as ecdx; Node.js 20.19 or later
npx --no-install ecdx test --target https://carrier-test.example.cn --role carrier --key-id your-keyid --key-file key.pem
npx --no-install ecdx mock                 # the reference mock, both roles, on http://127.0.0.1:4010
npx --no-install ecdx --help               # every command`;

export const QUICK_START = `git clone <the ECDX repository> ecdx && cd ecdx
npm ci                 # Node.js 20.19 or later; nothing is downloaded at run time
npm test               # typecheck, schema vectors, requirements registry, generated files
npm run generate       # regenerate JSON Schema, requirements.json, OpenAPI and these pages
npm start              # the whole suite against the reference mock, both roles`;

export const VALIDATE = `import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
const index = JSON.parse(readFileSync('schemas/json/index.json', 'utf8'));
for (const { file } of index.schemas) ajv.addSchema(JSON.parse(readFileSync(\`schemas/json/\${file}\`, 'utf8')));

const validate = ajv.getSchema('https://ecdx.dev/schemas/v1/Timestamp.json');
console.log(validate('2026-03-01T09:30:00+08:00'), validate('2026-03-01 09:30:00')); // true false`;

export function indexPage(facts: SiteFacts): string {
  const { requirements } = registry();
  const classes = conformanceClassNames.map((name) => {
    const c = conformanceClasses[name];
    return html`<tr><td><a href="requirements.html#class-${name}"><code>${name}</code></a></td><td>${c.title}</td><td>${c.role}</td><td class="small"><code>${classUri(name)}</code></td></tr>`;
  });
  const body = html`<h1>ECDX <span class="muted small">${SPEC_VERSION}</span></h1>
<p class="lead">The E-Commerce ↔ Delivery data eXchange: an open reference standard, conformance suite and mock
server for the data that Chinese e-commerce platforms and express carriers exchange.</p>
<p>The 2019 Guiding Opinions of the State Post Bureau and the Ministry of Commerce on data interconnection and
sharing between express delivery and e-commerce (关于规范快递与电子商务数据互联共享的指导意见) ask the parties to
exchange shipping data and parcel data promptly over an agreed channel, to protect the personal information in it,
to give notice before interrupting a feed, and to handle security incidents. They leave the channel to the
parties. ECDX specifies one: a small HTTP interface, the JSON objects it carries, the privacy and security rules
around it, and a suite that checks an implementation against every testable requirement.</p>

<h2 id="what">What it covers</h2>
<ul>
<li><strong>Shipping data</strong> (寄递数据): the platform sends the carrier what it needs to carry a parcel, and
gets the waybill back (<code>POST /v1/shipments</code>).</li>
<li><strong>Parcel data</strong> (快件数据): the carrier gives the platform the trajectory — acceptance, sorting,
transport and delivery — on request and as signed pushes to a subscribed callback.</li>
<li><strong>Privacy</strong>: masking formats for names, telephone numbers and addresses, no identity document
numbers, no recipient address or phone in tracking events, purpose limitation and consent for value-added use.</li>
<li><strong>Security</strong>: RFC 9421 request signatures, Standard Webhooks signatures on pushes, idempotency
keys on every creating request.</li>
<li><strong>Governance</strong>: interruption notices with negotiation, security incident notifications, health
checks for automatic interconnection monitoring, and aggregated sharing statistics for the authorities.</li>
</ul>

<h2 id="audience">For whom</h2>
<dl>
<dt><strong>Carriers</strong> (经营快递业务的企业)</dt>
<dd>Implement the carrier role: receive shipping data, serve the trajectory, push events. Run the suite against
your endpoint before a platform does.</dd>
<dt><strong>Platforms and merchants</strong> (电子商务经营者)</dt>
<dd>Implement the platform role: send shipping data, receive pushes. Develop against the reference mock carrier
instead of a partner's test environment.</dd>
<dt><strong>Standards bodies and authorities</strong></dt>
<dd>Read the normative text and the requirements matrix: every requirement names the policy clause it serves,
and the counts per clause show how the standard covers the Guiding Opinions.</dd>
<dt><strong>Developers and integrators</strong></dt>
<dd>Use the JSON Schemas and the OpenAPI document to generate clients and validate payloads; map native carrier
status codes with the published mapping table.</dd>
</dl>

<h2 id="pages">The documentation</h2>
<ul class="cards">${SITE_PAGES.filter((p) => p.file !== 'index.html').map((p) => html`<li><a href="${p.file}">${p.nav}</a><p>${p.summary}</p></li>`)}</ul>
<p class="muted small">This edition: ${facts.chapters} chapter(s), ${requirements.length} requirement(s)
(${facts.statements} stated in the text), ${allSchemas.length} published schema(s). Design decisions that were not
obvious are recorded in <code>docs/decisions/</code>.</p>

<h2 id="quick-start">Quick start</h2>
<p>In your project, install the package and run the installed copy (<code>--no-install</code>: no name lookup
can fetch another package in its place). <a href="ci.html">Run ECDX in your CI</a> has the same for GitHub
Actions, GitLab CI and Jenkins.</p>
<pre><code>${INSTALL}</code></pre>
<p>From a checkout everything runs offline: the schemas, the suite, the mock and these pages.</p>
<pre><code>${QUICK_START}</code></pre>
<p>Validate a payload against the published schemas with any JSON Schema 2020-12 validator, for example Ajv:</p>
<pre><code>${VALIDATE}</code></pre>
<p>To claim conformance, serve <code>GET /v1/conformance</code> with your role and the URIs of the classes you
implement, then run the suite against your endpoint: it runs the checks of the claimed classes and reports every
requirement as passed, failed, warning, skipped (not claimed), precondition-failed or error (or waived, when a waiver accepted it).</p>

<h2 id="classes">Conformance classes</h2>
<div class="table-wrap"><table><thead><tr><th>Class</th><th>Title</th><th>Role</th><th>URI</th></tr></thead>
<tbody>${classes}</tbody></table></div>`;
  return page({
    file: 'index.html',
    title: 'Overview',
    description: 'ECDX: the open standard for data exchange between Chinese e-commerce platforms and express carriers.',
    body,
    width: 'prose',
  });
}
