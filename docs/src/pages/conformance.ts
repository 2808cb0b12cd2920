// docs/conformance.html: how the suite covers the standard — every requirement with the checks that verify it and
// the mock's faults that violate it, the untestable ones with the reason, and the detection matrix: the suite run
// against the mock with each fault alone (written by `npm run verify-suite` into docs/detection-matrix.json).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { coverageMatrix, isBlackBoxMust } from '../../../verify/coverage.ts';
import type { DetectionMatrix } from '../../../verify/verify-suite.ts';
import { html, type Html } from '../html.ts';
import { page, ROOT, type Lang } from '../layout.ts';

const MATRIX_FILE = join(ROOT, 'docs', 'detection-matrix.json');

/** How many checks ran under the fault, by role (an older matrix, run every check under every fault, says nothing). */
const ranOf = (runs: DetectionMatrix['faults'][number]['runs']): string =>
  runs
    .map((r) => (r.ran === undefined ? '' : `${r.role} ${r.ran}`))
    .filter(Boolean)
    .join(', ') || '—';

const WORDS = {
  en: {
    detected: '✔ detected',
    missed: '✘ not detected',
    faultHeads: ['fault', 'role', 'requirements it violates', 'the suite', 'other MUST failures', 'checks run'],
    coverageHeads: ['requirement', 'level', 'class', 'checks', 'faults'],
    untestableHeads: ['requirement', 'level', 'why the suite cannot decide it'],
  },
  'zh-Hans': {
    detected: '✔ 已检出',
    missed: '✘ 未检出',
    faultHeads: ['故障', '角色', '所违反的要求', '测试套件', '其他 MUST 失败', '运行的检查项'],
    coverageHeads: ['要求', '级别', '一致性类别', '检查项', '故障'],
    untestableHeads: ['要求', '级别', '测试套件无法判定的原因（英文）'],
  },
} as const;

const heads = (list: readonly string[]): Html => html`<thead><tr>${list.map((h) => html`<th>${h}</th>`)}</tr></thead>`;

function detection(matrix: DetectionMatrix | undefined, lang: Lang): Html {
  const w = WORDS[lang];
  if (!matrix)
    return lang === 'en'
      ? html`<p class="notice">The detection matrix has not been produced yet: run <code>npm run verify-suite</code>.</p>`
      : html`<p class="notice">检出矩阵尚未生成：请运行 <code>npm run verify-suite</code>。</p>`;
  const { summary } = matrix;
  const rows = matrix.faults.map(
    (f) =>
      html`<tr><td><code>${f.fault}</code></td><td>${f.role}</td><td>${f.requirements.map((id, i) => html`${i > 0 && ', '}<a href="spec.html#${id}">${id}</a>`)}</td><td>${f.detected ? w.detected : w.missed}</td><td>${f.falseFailures.length === 0 ? '—' : f.falseFailures.join(', ')}</td><td>${ranOf(f.runs)}</td></tr>`,
  );
  if (lang === 'zh-Hans')
    return html`<p>${summary.faults} 个故障中检出 ${summary.detected} 个；${summary.withFalseFailures} 个故障引起了其他 MUST 要求的失败；对不带故障的参考模拟服务，测试套件${summary.baselineClean ? '通过全部 MUST 检查项' : '并未通过全部 MUST 检查项'}（${matrix.baseline.map((b) => `${b.role}：${b.results} 个检查项`).join('，')}）。每个故障下只运行该故障可能影响到的检查项（决策 0046）：先追踪一次无故障的运行；若某检查项运行期间模拟服务从未查询该故障的开关，也未响应该故障所改写的操作，则它在该故障下走同一路径，不可能失败。该故障所违反要求的检查项、与已触及检查项共用测试夹具的检查项以及全程检查项总会运行。</p>
<table>${heads(w.faultHeads)}
<tbody>${rows}</tbody></table>`;
  return html`<p>${summary.detected} of ${summary.faults} faults detected; ${summary.withFalseFailures} caused a failure of another
MUST requirement; against the mock without faults the suite ${summary.baselineClean ? 'passes every MUST check' : 'does NOT pass every MUST check'}
(${matrix.baseline.map((b) => `${b.role}: ${b.results} checks`).join(', ')}). Under each fault the checks it can reach
run (decision 0046): the clean run is traced, and a check during which the mock never consulted the fault's switch
nor answered the operation it rewrites takes the same path under the fault, so it cannot fail there; the checks of
the fault's requirements, those sharing a fixture with a reached check and the run-wide ones always run.</p>
<table>${heads(w.faultHeads)}
<tbody>${rows}</tbody></table>`;
}

export function conformancePage(lang: Lang = 'en'): string {
  const w = WORDS[lang];
  const matrix = existsSync(MATRIX_FILE) ? (JSON.parse(readFileSync(MATRIX_FILE, 'utf8')) as DetectionMatrix) : undefined;
  const rows = coverageMatrix();
  const testable = rows.filter((r) => r.requirement.testable);
  const untestable = rows.filter((r) => !r.requirement.testable);
  const blackBox = rows.filter((r) => isBlackBoxMust(r.requirement));
  const withCheck = testable.filter((r) => r.checks.length > 0).length;
  const intro =
    lang === 'en'
      ? html`<h1>Conformance coverage</h1>
<p class="lead">How the conformance suite covers the standard, and the evidence that every check can fail.</p>
<p>${rows.length} requirements: ${testable.length} black-box testable (${withCheck} with at least one
check), ${untestable.length} not black-box testable. Each of the ${blackBox.length} testable MUST and MUST NOT requirements has a
check in the suite and a fault in the reference mock that violates it; the suite is run against the mock with each
fault alone, and must fail exactly that fault's requirements.</p>
<h2 id="detection">Detection matrix</h2>`
      : html`<h1>一致性覆盖</h1>
<p class="lead">一致性测试套件如何覆盖本标准，以及每个检查项都能失败的证据。</p>
<p>共 ${rows.length} 项要求：${testable.length} 项可黑盒测试（其中 ${withCheck} 项至少有一个检查项），${untestable.length} 项不可黑盒测试。${blackBox.length} 项可测试的 MUST（必须）和 MUST NOT（不得）要求，每项在测试套件中都有检查项，在参考模拟服务中都有违反它的故障；测试套件对每次只开启一个故障的模拟服务运行，必须恰好判定该故障所违反的要求失败。</p>
<h2 id="detection">检出矩阵</h2>`;
  const coverage = lang === 'en' ? html`<h2 id="coverage">Requirements, checks and faults</h2>` : html`<h2 id="coverage">要求、检查项与故障</h2>`;
  const untestableIntro =
    lang === 'en'
      ? html`<h2 id="untestable">Not black-box testable</h2>
<p>These requirements bind the parties all the same; the suite cannot decide them from outside, for the reason given.
A party shows conformance to them by other means (audit, documentation).</p>`
      : html`<h2 id="untestable">不可黑盒测试的要求</h2>
<p>这些要求同样约束数据交换双方；测试套件无法从外部判定它们，原因见下表。一方以其他方式（审计、文档）证明其符合这些要求。</p>`;
  const body = html`${intro}
${detection(matrix, lang)}
${coverage}
<table>${heads(w.coverageHeads)}<tbody>
${testable.map((r) => html`<tr><td><a href="spec.html#${r.requirement.id}">${r.requirement.id}</a></td><td>${r.requirement.level}</td><td>${r.requirement.class}</td><td>${r.checks.map((c, i) => html`${i > 0 && ', '}<code>${c}</code>`)}</td><td>${r.faults.map((f, i) => html`${i > 0 && ', '}<code>${f}</code>`)}</td></tr>`)}
</tbody></table>
${untestableIntro}
<table>${heads(w.untestableHeads)}<tbody>
${untestable.map((r) => html`<tr><td><a href="spec.html#${r.requirement.id}">${r.requirement.id}</a></td><td>${r.requirement.level}</td><td lang="en">${r.requirement.untestableReason ?? ''}</td></tr>`)}
</tbody></table>`;
  return page({
    file: 'conformance.html',
    lang,
    title: lang === 'en' ? 'Conformance coverage' : '一致性覆盖',
    description:
      lang === 'en'
        ? 'Requirements, checks, faults and the detection matrix of the ECDX conformance suite.'
        : 'ECDX 一致性测试套件的要求、检查项、故障与检出矩阵。',
    body,
  });
}
