// docs/api.html: the API reference, rendered by Redocly from spec/openapi.yaml into one self-contained file
// (`--inlineBundle` embeds the Redoc scripts; without it the page loads them from a CDN).
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { html } from '../html.ts';
import { alternates, languageSwitch, page, ROOT } from '../layout.ts';

export const OPENAPI_PATH = join(ROOT, 'spec', 'openapi.yaml');
const REDOCLY_CLI = join(ROOT, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js');
export const API_TITLE = 'ECDX API reference';

/**
 * The "API docs by Redocly" badge loads its image from Redocly's CDN when the page opens, a request to a third party
 * that `--inlineBundle` leaves in. With an empty source the image fails at once, and the badge's own error handler
 * hides it.
 */
const REDOCLY_LOGO = /`https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(-full)?\.svg`/g;

/**
 * Redocly's output is byte-identical from run to run (checked by the docs tests), with one exception worth
 * pinning: the page's own telemetry switch follows the environment of the build. It is forced off, so the
 * published page never reports to a third party and the bytes do not depend on who built them.
 */
export function normaliseRedoc(page: string): string {
  return `${page.replaceAll('"disableTelemetry":false', '"disableTelemetry":true').replace(REDOCLY_LOGO, '``').trimEnd()}\n`;
}

/** Run Redocly on an OpenAPI document and return the page. Offline: no telemetry, no update check. */
export async function buildApiReference(openapiPath: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'ecdx-docs-'));
  const output = join(dir, 'api.html');
  try {
    await promisify(execFile)(process.execPath, [REDOCLY_CLI, 'build-docs', openapiPath, '--output', output, '--inlineBundle', '--title', API_TITLE], {
      cwd: ROOT,
      env: {
        ...process.env,
        REDOCLY_TELEMETRY: 'off',
        REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
        REDOCLY_SUPPRESS_NOTIFICATIONS: 'true',
        NO_COLOR: '1',
      },
      maxBuffer: 16 * 1024 * 1024,
    }).catch((error: { stderr?: string; stdout?: string; message: string }) => {
      throw new Error(`redocly build-docs failed for ${openapiPath}:\n${error.stderr || error.stdout || error.message}`);
    });
    return normaliseRedoc(readFileSync(output, 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Shown until the OpenAPI generator has written spec/openapi.yaml, so the site never has a broken link. */
function placeholder(): string {
  return page({
    file: 'api.html',
    title: 'API reference',
    description: 'The ECDX API reference.',
    width: 'prose',
    body: html`<h1>API reference</h1>
<p class="notice">The OpenAPI document (<code>spec/openapi.yaml</code>) has not been generated yet. Run
<code>npm run generate</code> once it exists; this page is then the full reference of both roles' interface.</p>`,
  });
}

/**
 * Redocly's page gets what every page of the site has: the `<link rel="alternate">` of both languages in its head and
 * a switch to the Chinese page (the operation guide), fixed in a corner above Redoc's own layout.
 */
export function withLanguageSwitch(reference: string): string {
  const head = reference.indexOf('\n</head>');
  const body = reference.indexOf('<body>', head);
  if (head < 0 || body < 0) throw new Error('the API reference has no </head> or <body> to put the language switch in');
  const corner =
    '<div class="ecdx-lang" style="position:fixed;top:0.5rem;right:1rem;z-index:1000;background:#fff;border:1px solid #d0d7de;border-radius:4px;padding:0.2rem 0.6rem;font:14px/1.5 sans-serif">';
  return `${reference.slice(0, head)}\n${alternates('en', 'api.html')}${reference.slice(head, body + 6)}\n${corner}${languageSwitch('en', 'api.html').value}</div>${reference.slice(body + 6)}`;
}

export async function apiPage(openapiPath = OPENAPI_PATH): Promise<string> {
  return existsSync(openapiPath) ? withLanguageSwitch(await buildApiReference(openapiPath)) : placeholder();
}
