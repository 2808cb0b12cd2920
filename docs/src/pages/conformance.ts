// docs/conformance.html: how the suite covers the standard — every requirement with the checks that verify it and
// the mock's faults that violate it, the untestable ones with the reason, and the detection matrix: the suite run
// against the mock with each fault alone (written by `npm run verify-suite` into docs/detection-matrix.json).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { coverageMatrix, isBlackBoxMust } from '../../../verify/coverage.ts';
import type { DetectionMatrix } from '../../../verify/verify-suite.ts';
import { html, type Html } from '../html.ts';
import { page, ROOT } from '../layout.ts';

const MATRIX_FILE = join(ROOT, 'docs', 'detection-matrix.json');

/** How many checks ran under the fault, by role (an older matrix, run every check under every fault, says nothing). */
const ranOf = (runs: DetectionMatrix['faults'][number]['runs']): string =>
  runs
    .map((r) => (r.ran === undefined ? '' : `${r.role} ${r.ran}`))
    .filter(Boolean)
    .join(', ') || '—';

function detection(matrix: DetectionMatrix | undefined): Html {
  if (!matrix) return html`<p class="notice">The detection matrix has not been produced yet: run <code>npm run verify-suite</code>.</p>`;
  const { summary } = matrix;
  const rows = matrix.faults.map(
    (f) =>
      html`<tr><td><code>${f.fault}</code></td><td>${f.role}</td><td>${f.requirements.map((id, i) => html`${i > 0 && ', '}<a href="spec.html#${id}">${id}</a>`)}</td><td>${f.detected ? '✔ detected' : '✘ not detected'}</td><td>${f.falseFailures.length === 0 ? '—' : f.falseFailures.join(', ')}</td><td>${ranOf(f.runs)}</td></tr>`,
  );
  return html`<p>${summary.detected} of ${summary.faults} faults detected; ${summary.withFalseFailures} caused a failure of another
MUST requirement; against the mock without faults the suite ${summary.baselineClean ? 'passes every MUST check' : 'does NOT pass every MUST check'}
(${matrix.baseline.map((b) => `${b.role}: ${b.results} checks`).join(', ')}). Under each fault the checks it can reach
run (decision 0046): the clean run is traced, and a check during which the mock never consulted the fault's switch
nor answered the operation it rewrites takes the same path under the fault, so it cannot fail there; the checks of
the fault's requirements, those sharing a fixture with a reached check and the run-wide ones always run.</p>
<table><thead><tr><th>fault</th><th>role</th><th>requirements it violates</th><th>the suite</th><th>other MUST failures</th><th>checks run</th></tr></thead>
<tbody>${rows}</tbody></table>`;
}

export function conformancePage(): string {
  const matrix = existsSync(MATRIX_FILE) ? (JSON.parse(readFileSync(MATRIX_FILE, 'utf8')) as DetectionMatrix) : undefined;
  const rows = coverageMatrix();
  const testable = rows.filter((r) => r.requirement.testable);
  const untestable = rows.filter((r) => !r.requirement.testable);
  const blackBox = rows.filter((r) => isBlackBoxMust(r.requirement));
  const body = html`<h1>Conformance coverage</h1>
<p class="lead">How the conformance suite covers the standard, and the evidence that every check can fail.</p>
<p>${rows.length} requirements: ${testable.length} black-box testable (${testable.filter((r) => r.checks.length > 0).length} with at least one
check), ${untestable.length} not black-box testable. Each of the ${blackBox.length} testable MUST and MUST NOT requirements has a
check in the suite and a fault in the reference mock that violates it; the suite is run against the mock with each
fault alone, and must fail exactly that fault's requirements.</p>
<h2 id="detection">Detection matrix</h2>
${detection(matrix)}
<h2 id="coverage">Requirements, checks and faults</h2>
<table><thead><tr><th>requirement</th><th>level</th><th>class</th><th>checks</th><th>faults</th></tr></thead><tbody>
${testable.map((r) => html`<tr><td><a href="spec.html#${r.requirement.id}">${r.requirement.id}</a></td><td>${r.requirement.level}</td><td>${r.requirement.class}</td><td>${r.checks.map((c, i) => html`${i > 0 && ', '}<code>${c}</code>`)}</td><td>${r.faults.map((f, i) => html`${i > 0 && ', '}<code>${f}</code>`)}</td></tr>`)}
</tbody></table>
<h2 id="untestable">Not black-box testable</h2>
<p>These requirements bind the parties all the same; the suite cannot decide them from outside, for the reason given.
A party shows conformance to them by other means (audit, documentation).</p>
<table><thead><tr><th>requirement</th><th>level</th><th>why the suite cannot decide it</th></tr></thead><tbody>
${untestable.map((r) => html`<tr><td><a href="spec.html#${r.requirement.id}">${r.requirement.id}</a></td><td>${r.requirement.level}</td><td>${r.requirement.untestableReason ?? ''}</td></tr>`)}
</tbody></table>`;
  return page({
    file: 'conformance.html',
    title: 'Conformance coverage',
    description: 'Requirements, checks, faults and the detection matrix of the ECDX conformance suite.',
    body,
  });
}
