// docs/ci.html: "Run ECDX in your CI" — the GitHub Action, the GitLab CI template and the Jenkins pipeline a vendor
// copies. The recipes are shown as they are in the repository, read at build time, and the Action's inputs table
// comes from action.yml itself, so the page cannot drift from what scripts/package.test.ts runs against the mock.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { packagePath, packageVersion } from '../../../schemas/package-root.ts';
import { html } from '../html.ts';
import { page, type Lang } from '../layout.ts';

interface ActionInput {
  description: string;
  required?: boolean;
  default?: string;
}

const recipe = (...path: string[]): string => readFileSync(packagePath(...path), 'utf8');

export function ciPage(lang: Lang = 'en'): string {
  const version = packageVersion;
  const action = recipe('action.yml');
  const inputs = Object.entries((parse(action) as { inputs: Record<string, ActionInput> }).inputs);
  const workflow = `# .github/workflows/ecdx.yml
name: ECDX conformance
on:
  workflow_dispatch:
  schedule:
    - cron: '0 2 * * *'   # every night, against your test deployment
jobs:
  conformance:
    runs-on: ubuntu-latest
    steps:
      - uses: ecdx-dev/ecdx@v${version}
        with:
          target: https://carrier-test.example.cn
          role: carrier
          key-id: your-keyid
          signing-key: \${{ secrets.ECDX_SIGNING_KEY }}`;
  const gitlabUse = `# .gitlab-ci.yml
include:
  - remote: https://raw.githubusercontent.com/ecdx-dev/ecdx/v${version}/ci-recipes/gitlab/ecdx.gitlab-ci.yml

ecdx-conformance:
  extends: .ecdx-conformance
  variables:
    ECDX_TARGET: https://carrier-test.example.cn
    ECDX_ROLE: carrier
    ECDX_KEY_ID: your-keyid
# ECDX_SIGNING_KEY: a masked CI/CD variable of type File (Settings → CI/CD → Variables)`;

  const head = html`<h1>Run ECDX in your CI</h1>
<p class="lead">Run the conformance suite against your test deployment on every change or every night, and keep
the reports: JUnit for the CI's test view, HTML and Markdown for a person, JSON for tools.</p>
`;
  const rest = html`<p>Each recipe below installs the <code>ecdx</code> package (release ${version}) into a directory of its own, so
your project's <code>package.json</code> and lock file stay as they are, and runs <code>ecdx test</code>. The job
fails when a MUST check fails, errors or cannot reach its precondition (exit status 1); the reports are kept either
way. The signing key comes from the CI system's secret store and reaches <code>ecdx</code> as a file or an
environment variable, never on a command line. Without a key the harness signs with the published demo credentials,
which only a test deployment accepts.</p>
<p>Two things to arrange once:</p>
<ul>
<li><strong>Reachability.</strong> The runner must reach the target. A carrier's pushes must reach the harness in
turn: it runs its push receiver on the runner, so give the public URL of a tunnel with
<code>--callback-url https://…</code> (with <code>--callback-port</code>), or leave the push checks out with
<code>--skip push</code>, which makes the run a partial run, never a conformance verdict.</li>
<li><strong>The version.</strong> Pin the release (the recipes do), and move to a new one on purpose: a new release
of the suite may check more, and its report says which edition of the specification it tested.</li>
</ul>
<p>The recipes are tested: ECDX's own test suite runs their shell steps, as each CI system runs them, against the
reference mock — clean, where they pass, and with a fault, where the run fails and the reports are still written.</p>

<h2 id="github">GitHub Actions</h2>
<p>A composite action at the root of the ECDX repository (<a href="../action.yml"><code>action.yml</code></a>): it
sets up Node.js, installs ECDX, runs the suite, writes the Markdown report to the run's summary and uploads the
reports as the artefact <code>ecdx-reports</code>.</p>
<pre><code>${workflow}</code></pre>
<div class="table-wrap"><table><thead><tr><th>Input</th><th>Default</th><th>What it is</th></tr></thead>
<tbody>${inputs.map(
    ([name, input]) =>
      html`<tr id="input-${name}"><td><code>${name}</code>${input.required ? html` <span class="small">(required)</span>` : ''}</td><td>${
        input.default ? html`<code>${input.default}</code>` : html`<span class="muted">—</span>`
      }</td><td>${input.description}</td></tr>`,
  )}</tbody></table></div>
<details><summary>The action as it is</summary><pre><code>${action}</code></pre></details>

<h2 id="gitlab">GitLab CI</h2>
<p>A hidden job to extend (<a href="../ci-recipes/gitlab/ecdx.gitlab-ci.yml"><code>ci-recipes/gitlab/ecdx.gitlab-ci.yml</code></a>):
include it and set the variables. The JUnit report shows in the merge request; the reports are kept as the job's
artefacts, also when it fails. A signing key in a variable of type File is passed by its path; in any other variable,
by the variable's name.</p>
<pre><code>${gitlabUse}</code></pre>
<details><summary>The template as it is</summary><pre><code>${recipe('ci-recipes', 'gitlab', 'ecdx.gitlab-ci.yml')}</code></pre></details>

<h2 id="jenkins">Jenkins</h2>
<p>A declarative pipeline (<a href="../ci-recipes/jenkins/Jenkinsfile"><code>ci-recipes/jenkins/Jenkinsfile</code></a>):
copy the stage into yours. The key is a <em>Secret file</em> credential; the JUnit report is recorded and the
reports are archived in <code>post { always { … } }</code>.</p>
<pre><code>${recipe('ci-recipes', 'jenkins', 'Jenkinsfile')}</code></pre>

<h2 id="elsewhere">Elsewhere</h2>
<p>Any CI that runs a shell does the same in three commands:</p>
<pre><code>npm install --prefix "$TMPDIR/ecdx" --no-save --ignore-scripts ecdx@${version}
export ECDX_SIGNING_KEY="$(cat /run/secrets/ecdx-key.pem)"   # from the CI's secret store
"$TMPDIR/ecdx/node_modules/.bin/ecdx" test --target https://carrier-test.example.cn --role carrier \\
  --key-id your-keyid --key-env ECDX_SIGNING_KEY --report-dir ecdx-reports</code></pre>
<p><code>ecdx test --help</code> lists every option; <code>--config FILE</code> reads them from a JSON or YAML file
kept in your repository.</p>`;
  return page({
    file: 'ci.html',
    lang,
    title: lang === 'en' ? 'Run ECDX in your CI' : '在持续集成中运行 ECDX',
    description:
      lang === 'en'
        ? 'The ECDX conformance suite in GitHub Actions, GitLab CI and Jenkins: recipes that are tested against the reference mock.'
        : '在 GitHub Actions、GitLab CI 和 Jenkins 中运行 ECDX 一致性测试套件：已对参考模拟服务测试的方案。',
    body:
      lang === 'en'
        ? html`${head}${rest}`
        : html`<h1>在持续集成中运行 ECDX</h1>
<p class="lead">在每次变更或每天夜间，对你的测试部署运行一致性测试套件，并保留报告：JUnit 供持续集成系统的测试视图使用，HTML 和 Markdown 供人阅读，JSON 供工具使用。</p>
<p>下面的每个方案都把 <code>ecdx</code> 软件包（版本 ${version}）安装到单独的目录中，因此你项目的 <code>package.json</code> 和锁文件保持不变，然后运行 <code>ecdx test</code>。当 MUST 检查项失败、出错或无法满足其前提条件时，作业失败（退出状态 1）；无论结果如何，报告都会保留。签名私钥来自持续集成系统的密钥存储，以文件或环境变量的形式交给 <code>ecdx</code>，绝不出现在命令行上。没有私钥时，测试套件使用公开的演示凭据签名，只有测试部署接受这些凭据。快递企业的推送必须能到达运行测试套件的机器（可用隧道和 <code>--callback-url</code>，或以 <code>--skip push</code> 跳过推送检查，此时的运行是部分运行，不构成一致性结论）。这些方案本身经过测试：ECDX 自己的测试套件按各持续集成系统的方式运行其 shell 步骤，对参考模拟服务分别在无故障和有故障时运行。</p>
<p class="notice">以下详细内容（配置文件、命令和说明）暂为英文原文。</p>
<div lang="en">${rest}</div>`,
    width: 'prose',
  });
}
