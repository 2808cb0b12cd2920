// docs/ci.html: "Run ECDX in your CI" — the GitHub Action, the GitLab CI template and the Jenkins pipeline a vendor
// copies. The recipes are shown as they are in the repository, read at build time, and the Action's inputs table
// comes from action.yml itself, so the page cannot drift from what scripts/package.test.ts runs against the mock.
// The Chinese page gives each input's description from INPUTS_ZH below, and is not built while one is missing.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { packagePath, packageVersion } from '../../../schemas/package-root.ts';
import { html, type Html } from '../html.ts';
import { page, type Lang } from '../layout.ts';

interface ActionInput {
  description: string;
  required?: boolean;
  default?: string;
}

const recipe = (...path: string[]): string => readFileSync(packagePath(...path), 'utf8');

/**
 * What each input of action.yml is, in Chinese, for the inputs table of docs/zh-Hans/ci.html. Keyed by the input's
 * name: the Chinese page is not built while an input has no entry here or an entry names no input.
 */
export const INPUTS_ZH: Readonly<Record<string, string>> = {
  target: '被测实现端点的基础 URL，即 /v1 之前的部分（https://carrier-test.example.cn）。',
  role: '你的端点所扮演的角色：carrier 或 platform（一致性测试套件扮演另一方）。',
  classes: '要测试的一致性类别，以逗号分隔（默认为 GET /v1/conformance 所声明的类别；指定其他类别则为部分运行）。',
  only: '只运行这些检查项、要求或检查领域，以逗号分隔（部分运行）。',
  'key-id': '你的端点用以识别一致性测试套件密钥的 keyid（默认使用公开的演示凭据）。',
  'signing-key': '取自 GitHub 机密（secret）的私钥：ed25519 PKCS#8 PEM，或 base64 编码的 HMAC 共享密钥。它以环境变量的形式交给 ecdx，绝不出现在命令行上。',
  args: 'ecdx test 的其他选项，以空格分隔（--callback-url https://…、--skip push、--timeout 20s）。',
  'report-dir': '报告的写入位置，相对于工作区。',
  'artifact-name': '所上传制品的名称；留空则不上传任何制品。',
  package: '要安装的 ecdx 软件包（npm 包说明符）；默认为本 Action 所属的版本。',
  'node-version': '运行所用的 Node.js 版本（20.19 或更高）。',
};

/**
 * The Chinese description of each of `names` (the inputs of action.yml), or an Error that names the input without
 * one, or the entry of INPUTS_ZH that names no input: a new or renamed input stops the build rather than showing
 * English on the Chinese page.
 */
export function inputsZh(names: readonly string[]): (name: string) => string {
  const missing = names.filter((name) => !Object.hasOwn(INPUTS_ZH, name));
  if (missing.length > 0) {
    throw new Error(
      `docs/zh-Hans/ci.html: no Chinese description for the action.yml input(s) ${missing.map((n) => `"${n}"`).join(', ')}; add it to INPUTS_ZH in docs/src/pages/ci.ts`,
    );
  }
  const stray = Object.keys(INPUTS_ZH).filter((name) => !names.includes(name));
  if (stray.length > 0) {
    throw new Error(`docs/src/pages/ci.ts: INPUTS_ZH describes ${stray.map((n) => `"${n}"`).join(', ')}, which action.yml does not have; remove or rename it`);
  }
  return (name) => INPUTS_ZH[name]!;
}

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

  const shell = html`npm install --prefix "$TMPDIR/ecdx" --no-save --ignore-scripts ecdx@${version}
export ECDX_SIGNING_KEY="$(cat /run/secrets/ecdx-key.pem)"   # from the CI's secret store
"$TMPDIR/ecdx/node_modules/.bin/ecdx" test --target https://carrier-test.example.cn --role carrier \\
  --key-id your-keyid --key-env ECDX_SIGNING_KEY --report-dir ecdx-reports`;

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
<pre><code>${shell}</code></pre>
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
    body: lang === 'en' ? html`${head}${rest}` : bodyZh({ version, action, inputs, workflow, gitlabUse, shell }),
    width: 'prose',
  });
}

interface Recipes {
  version: string;
  action: string;
  inputs: [string, ActionInput][];
  workflow: string;
  gitlabUse: string;
  shell: Html;
}

/** docs/zh-Hans/ci.html: everything the English page says, in Chinese; the recipes and commands as they are. */
function bodyZh({ version, action, inputs, workflow, gitlabUse, shell }: Recipes): Html {
  const described = inputsZh(inputs.map(([name]) => name));
  return html`<h1>在持续集成中运行 ECDX</h1>
<p class="lead">在每次变更或每天夜间，对你的测试部署运行一致性测试套件，并保留报告：JUnit 供持续集成系统的测试视图使用，HTML 和 Markdown 供人阅读，JSON 供工具使用。</p>
<p>下面的每个方案都把 <code>ecdx</code> 软件包（版本 ${version}）安装到单独的目录中，因此你项目的 <code>package.json</code> 和锁文件保持不变，然后运行 <code>ecdx test</code>。当 MUST 检查项失败、出错或无法满足其前提条件时，作业失败（退出状态 1）；无论结果如何，报告都会保留。签名私钥来自持续集成系统的密钥存储，以文件或环境变量的形式交给 <code>ecdx</code>，绝不出现在命令行上。没有私钥时，一致性测试套件使用公开的演示凭据签名，只有测试部署接受这些凭据。</p>
<p>有两件事需要事先安排好：</p>
<ul>
<li><strong>可达性。</strong>运行器必须能访问被测实现。反过来，快递企业的推送也必须能到达一致性测试套件：它在运行器上运行自己的推送接收端，因此请用 <code>--callback-url https://…</code>（配合 <code>--callback-port</code>）给出一条隧道的公网 URL，或用 <code>--skip push</code> 略去推送检查——这使本次运行成为部分运行，绝不构成一致性结论。</li>
<li><strong>版本。</strong>固定所用的版本（这些方案都是这样做的），并有意识地升级到新版本：一致性测试套件的新版本可能检查更多内容，其报告会写明所测试的是规范的哪个版本。</li>
</ul>
<p>这些方案本身经过测试：ECDX 自身的测试按各持续集成系统的运行方式，对参考模拟服务运行方案中的 shell 步骤——一次不带故障，方案通过；一次带故障，运行失败，而报告照样写出。</p>

<h2 id="github">GitHub Actions</h2>
<p>ECDX 仓库根目录下的一个复合 Action（<a href="../action.yml"><code>action.yml</code></a>）：它配置 Node.js，安装 ECDX，运行一致性测试套件，把 Markdown 报告写入本次运行的摘要，并把各报告作为制品 <code>ecdx-reports</code> 上传。</p>
<pre><code>${workflow}</code></pre>
<div class="table-wrap"><table><thead><tr><th>输入</th><th>默认值</th><th>说明</th></tr></thead>
<tbody>${inputs.map(
    ([name, input]) =>
      html`<tr id="input-${name}"><td><code>${name}</code>${input.required ? html`<span class="small">（必填）</span>` : ''}</td><td>${
        input.default ? html`<code>${input.default}</code>` : html`<span class="muted">—</span>`
      }</td><td>${described(name)}</td></tr>`,
  )}</tbody></table></div>
<details><summary>Action 原文</summary><pre><code>${action}</code></pre></details>

<h2 id="gitlab">GitLab CI</h2>
<p>一个供扩展的隐藏作业（<a href="../ci-recipes/gitlab/ecdx.gitlab-ci.yml"><code>ci-recipes/gitlab/ecdx.gitlab-ci.yml</code></a>）：用 <code>include</code> 引入它并设置变量。JUnit 报告显示在合并请求中；各报告作为作业的制品保留，作业失败时也是如此。放在 File 类型变量中的签名私钥按其路径传递，放在其他类型变量中的按变量名传递。</p>
<pre><code>${gitlabUse}</code></pre>
<details><summary>模板原文</summary><pre><code>${recipe('ci-recipes', 'gitlab', 'ecdx.gitlab-ci.yml')}</code></pre></details>

<h2 id="jenkins">Jenkins</h2>
<p>一个声明式流水线（<a href="../ci-recipes/jenkins/Jenkinsfile"><code>ci-recipes/jenkins/Jenkinsfile</code></a>）：把其中的阶段复制到你的流水线中。私钥是一个 <em lang="en">Secret file</em> 类型的凭据；JUnit 报告的记录和各报告的归档都在 <code>post { always { … } }</code> 中完成。</p>
<pre><code>${recipe('ci-recipes', 'jenkins', 'Jenkinsfile')}</code></pre>

<h2 id="elsewhere">其他持续集成系统</h2>
<p>任何能运行 shell 的持续集成系统，都可以用三条命令做到同样的事：</p>
<pre><code>${shell}</code></pre>
<p><code>ecdx test --help</code> 列出全部选项；<code>--config FILE</code> 从保存在你仓库中的 JSON 或 YAML 文件读取这些选项。</p>`;
}
