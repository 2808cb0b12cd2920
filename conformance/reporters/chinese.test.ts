// Every reporter rendered in Chinese (lang 'zh-Hans'): the text the reporters write themselves is the catalogue's
// Chinese, a check is named by its Chinese title (its English one beside it), a requirement's Chinese text comes
// first, a check's message is read in Chinese where the report carries it (labelled as the original where it does not), and JUnit keeps its stable names.
import { describe, expect, it } from 'vitest';
import type { ConformanceReport } from '../harness/report.ts';
import { CHECK_TITLES_ZH, MESSAGES } from '../i18n/index.ts';
import { requirementById } from '../../spec/registry.ts';
import { PassThrough } from 'node:stream';
import { ConsoleProgress, renderConsoleSummary, renderConsoleText } from './console.ts';
import { loadFixture } from './fixtures/index.ts';
import { renderHtml } from './html.ts';
import { reporters } from './index.ts';
import { renderJunit, testCaseName } from './junit.ts';
import { mdText, renderMarkdown } from './markdown.ts';
import { escapeHtml } from './shared.ts';
import { HARNESS } from '../harness/messages.ts';
import { messageMembers } from '../i18n/text.ts';

/** The with-failures fixture, its first failed result renamed to a check of the suite (the fixture's ids are made up). */
function reportWithARealCheck(): { report: ConformanceReport; checkId: string; title: string; requirementId: string } {
  const report = loadFixture('with-failures');
  const failed = report.results.find((r) => r.status === 'failed' && r.requirementIds.includes('ECDX-ERR-001'))!;
  const checkId = 'errors/problem-format';
  const renamed = { ...failed, checkId };
  return {
    report: { ...report, results: report.results.map((r) => (r === failed ? renamed : r)) },
    checkId,
    title: failed.title,
    requirementId: 'ECDX-ERR-001',
  };
}

const { report, checkId, title, requirementId } = reportWithARealCheck();
const zhTitle = CHECK_TITLES_ZH[checkId]!;
const requirement = requirementById(requirementId)!;
const failed = report.results.find((r) => r.checkId === checkId)!;

describe('the Markdown report in Chinese', () => {
  const md = renderMarkdown(report, { lang: 'zh-Hans' });

  it('has Chinese headings, labels and verdict', () => {
    expect(md.startsWith(`# ${MESSAGES['report.title']['zh-Hans']}\n`)).toBe(true);
    for (const key of ['heading.summary', 'heading.byClass', 'heading.failures', 'heading.warnings'] as const)
      expect(md).toContain(`## ${MESSAGES[key]['zh-Hans']}\n`);
    expect(md).toContain('**不符合**：');
    expect(md).toContain('| 被测实现 |');
    expect(md).toContain('| ✔ 通过 | ✘ 未通过 | ⚠ 警告 | ○ 跳过 | ⊘ 前提条件未满足 | ‼ 错误 | ⚑ 已豁免 | 合计 |');
    expect(md).not.toContain('## Failures');
    // The by-class table names each class in Chinese after its code.
    expect(md).toMatch(/\| `core` 核心：发现、健康状态文档、错误 \|/);
  });

  it("names a failed check by its Chinese title, the English after it, with the requirement's Chinese text first", () => {
    const section = md.slice(md.indexOf(`### ✘ 未通过: \`${checkId}\``));
    expect(section.length).toBeLessThan(md.length);
    expect(section).toContain(`**${mdText(zhTitle)}** (${mdText(title)}) — 一致性类别`);
    expect(section).toContain(`${requirement.level}: ${mdText(requirement.text['zh-Hans'])}\\\n  ${mdText(requirement.text.en)}`);
    expect(section).toContain(`> 原文：${mdText(failed.message)}`);
  });

  it('stays English by default', () => {
    const en = renderMarkdown(report);
    expect(en.startsWith('# ECDX conformance report\n')).toBe(true);
    expect(en).toContain(`**${mdText(title)}** — class`);
    expect(en).not.toContain(zhTitle);
    expect(en).toContain(`${requirement.level}: ${mdText(requirement.text.en)}\\\n  ${mdText(requirement.text['zh-Hans'])}`);
  });
});

describe('the HTML report in Chinese', () => {
  const html = renderHtml(report, { lang: 'zh-Hans' });

  it('declares its language and has Chinese headings, status names and verdict', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="zh-Hans">')).toBe(true);
    expect(html).toContain('<h1>ECDX 一致性测试报告</h1>');
    expect(html).toContain('<span class="verdict ko">不符合</span>');
    expect(html).toContain('<h2>汇总 ');
    expect(html).toContain('<h2>按一致性类别</h2>');
    expect(html).toContain('<div class="muted">核心：发现、健康状态文档、错误</div>');
    expect(html).toContain('<span class="label">✘ 未通过</span>');
    expect(html).not.toContain('<h2>Results</h2>');
  });

  it("names a failed check by its Chinese title, keeps the English beside it, and shows the requirement's Chinese text first", () => {
    const group = html.slice(html.indexOf(`data-check-id="${checkId}"`));
    expect(group.length).toBeLessThan(html.length);
    expect(group).toContain(
      `title="英文标题: ${escapeHtml(title)}">${escapeHtml(zhTitle)}</div><div class="title-en muted" lang="en">${escapeHtml(title)}</div>`,
    );
    expect(group).toContain(`<div class="msg">原文：<span lang="en">${escapeHtml(failed.message)}</span></div>`);
    expect(group).toContain(`<dd lang="zh-Hans">${escapeHtml(requirement.text['zh-Hans'])}</dd><dd lang="en">${escapeHtml(requirement.text.en)}</dd>`);
  });

  it('stays English by default', () => {
    const en = renderHtml(report);
    expect(en.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(en).not.toContain(zhTitle);
    expect(en).toContain(`<dd lang="en">${escapeHtml(requirement.text.en)}</dd><dd lang="zh-Hans">`);
  });
});

describe('the console summary in Chinese', () => {
  it('has Chinese headings, status names and totals', () => {
    const text = renderConsoleSummary(report, { lang: 'zh-Hans', reportPaths: ['reports/report.html'] });
    expect(text).toContain('按一致性类别的结果');
    expect(text).toContain('未通过、错误、前提条件未满足（8 项）');
    expect(text).toContain(`✘ 未通过  ${failed.class}  ${checkId}`);
    expect(text).toMatch(/共 22 项检查：通过 8 项，未通过 4 项，.* — 不符合（/);
    expect(text).toContain('报告文件：reports/report.html');
    expect(text).toContain(`      原文：${failed.message}\n`);
    expect(text).not.toContain('Results by class');
  });

  it('prints the progress lines and the final summary in the language of ConsoleProgress', () => {
    const stream = new PassThrough();
    const chunks: string[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
    const progress = new ConsoleProgress({ stream, tty: false, color: false, lang: 'zh-Hans' });
    progress.start(report.results.length);
    for (const r of report.results) progress.checkFinished(r);
    progress.end(report, []);
    stream.end();
    const text = stream.read()?.toString('utf8') ?? chunks.join('');
    expect(text).toMatch(/^正在运行 22 项检查\n/);
    expect(text).toContain(`✘ 未通过  ${failed.class}  ${checkId}`);
    expect(text).toContain('按一致性类别的结果');
    expect(text).not.toContain('Running 22 checks');
  });

  it('writes summary.txt in the language asked for', () => {
    expect(reporters.console.render(report, { lang: 'zh-Hans' })).toMatch(/^ECDX 一致性测试：/);
    expect(renderConsoleText(report)).toMatch(/^ECDX conformance: /);
  });
});

describe('JUnit in every language', () => {
  it('keeps the testcase name and carries the title in English and Chinese as properties', () => {
    const xml = renderJunit(report);
    expect(xml).toContain(`name="${escapeHtml(testCaseName(failed))}"`);
    expect(xml).toContain(`<property name="ecdx.title" value="${escapeHtml(title)}"/>`);
    expect(xml).toContain(`<property name="ecdx.title.zh-Hans" value="${zhTitle}"/>`);
    expect(reporters.junit.render(report, { lang: 'zh-Hans' })).toBe(xml);
  });
});

describe('a message the report carries in Chinese (decision 0062)', () => {
  // The failed check's message and its failing assertion as the harness writes them: English, Chinese beside it.
  const said = messageMembers(HARNESS.expectedStatus({ expected: '422', status: 200, problem: '' }));
  const translated: ConformanceReport = {
    ...report,
    results: report.results.map((r) =>
      r.checkId === checkId ? { ...r, ...said, evidence: r.evidence.map((e) => (e.kind === 'assertion' && !e.passed ? { ...e, ...said } : e)) } : r,
    ),
  };
  const zh = said.translations!['zh-Hans'].message;

  it('is read in Chinese in Markdown, the English under it, with no 原文 label', () => {
    const md = renderMarkdown(translated, { lang: 'zh-Hans' });
    const section = md.slice(md.indexOf(`\`${checkId}\``));
    expect(zh).toBe('应为 HTTP 422，实际为 200');
    expect(section).toContain(`> ${mdText(zh)}\\\n> ${mdText(said.message)}`);
    expect(section).toContain(`- ✘ ${mdText(zh)}`);
    expect(section.slice(0, section.indexOf('\n### '))).not.toContain('原文');
  });

  it('is read in Chinese in HTML, the English beside it marked lang="en"', () => {
    const html = renderHtml(translated, { lang: 'zh-Hans' });
    expect(html).toContain(`<div class="msg">${escapeHtml(zh)}</div><div class="msg muted" lang="en">${escapeHtml(said.message)}</div>`);
    expect(html).toContain(`${escapeHtml(zh)}</li>`);
    expect(renderHtml(translated)).not.toContain(escapeHtml(zh));
  });

  it('is read in Chinese on the console, and JUnit carries it as a property beside the English failure', () => {
    expect(renderConsoleSummary(translated, { lang: 'zh-Hans' })).toContain(`      ${zh}\n`);
    const xml = renderJunit(translated);
    expect(xml).toContain(`<property name="ecdx.message.zh-Hans" value="${zh}"/>`);
    expect(xml).toContain(`message="${escapeHtml(said.message)}"`);
  });
});
