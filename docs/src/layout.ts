// The page shell shared by every hand-built page of the site: one header with the navigation, the inline
// stylesheet, a footer that names the sources. Nothing in it varies from one build to the next (no date, no
// random id), so a rebuild from unchanged sources is byte-identical and the staleness test stays quiet.
import { join } from 'node:path';
import { SPEC_VERSION } from '../../schemas/src/classes.ts';
import { html, raw, type Html } from './html.ts';
import { STYLE } from './style.ts';

/** The project root: every source the site is built from is read relative to it. */
export const ROOT = join(import.meta.dirname, '..', '..');

/** The pages of the site, in navigation order. `file` is relative to docs/. */
export const SITE_PAGES = [
  { file: 'index.html', nav: 'Overview', summary: 'What ECDX is, who it is for, and how to start.' },
  { file: 'spec.html', nav: 'Specification', summary: 'The normative text, chapter by chapter, with an anchor for every requirement.' },
  { file: 'requirements.html', nav: 'Requirements', summary: 'Every requirement with its level, policy clause, conformance class and role; filterable.' },
  { file: 'api.html', nav: 'API reference', summary: 'The HTTP interface of both roles, generated from the OpenAPI 3.1 document.' },
  { file: 'schemas.html', nav: 'Schemas', summary: 'The published JSON Schemas (2020-12) of every exchanged object.' },
  { file: 'status-mapping.html', nav: 'Status mapping', summary: 'How Kuaidi100, KDNiao, SF and UPU EDI status codes map to the ECDX status taxonomy.' },
  {
    file: 'conformance.html',
    nav: 'Conformance',
    summary: 'Every requirement with its checks and the mock faults that prove they can fail; the detection matrix.',
  },
  { file: 'ci.html', nav: 'CI', summary: 'Run ECDX in your CI: a GitHub Action, a GitLab CI template and a Jenkins pipeline, tested against the mock.' },
  {
    file: 'monitoring.html',
    nav: 'Monitoring',
    summary:
      'Run ecdx monitor for many links: a monitor per shard, Prometheus with remote-write or federation, the alert rules, the Grafana dashboard, the evidence log.',
  },
] as const;

export type PageFile = (typeof SITE_PAGES)[number]['file'];

/**
 * The pages forbid every network fetch themselves: a Content-Security-Policy that allows only inline styles and
 * scripts and data: images. A page that tried to load a CDN script would fail visibly in any browser.
 */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export interface PageOptions {
  file: PageFile;
  title: string;
  description: string;
  body: Html;
  /** `prose` narrows the column for running text; tables use the full width. */
  width?: 'prose' | 'wide';
  /** Inline script run after the body, for progressive enhancement only: every page reads fine without it. */
  script?: string;
}

export function page({ file, title, description, body, width = 'wide', script }: PageOptions): string {
  const nav = SITE_PAGES.map((p) => html`<a href="${p.file}"${p.file === file ? raw(' aria-current="page"') : ''}>${p.nav}</a>`);
  const document = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${raw(CSP)}">
<meta name="description" content="${description}">
<title>${title} — ECDX ${SPEC_VERSION}</title>
<style>
${raw(STYLE)}
</style>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site"><div class="bar">
<a class="brand" href="index.html">ECDX<span class="version">${SPEC_VERSION}</span></a>
<nav aria-label="Site">${nav}</nav>
</div></header>
<main id="main"${width === 'prose' ? raw(' class="prose"') : ''}>
${body}
</main>
<footer class="site"><p>ECDX ${SPEC_VERSION} — the E-Commerce ↔ Delivery data eXchange standard. Generated from the
project's sources by <code>npm run docs</code>; edit the sources, never this page. Licensed under Apache-2.0.</p></footer>
${script ? raw(`<script>\n${script.trim()}\n</script>\n`) : ''}</body>
</html>
`;
  return document.value;
}
