// What a report says of the requirements it names. A report travels where the specification does not (a CI
// artefact, a ticket, a mail): its links go to the published specification unless told otherwise, never to a
// relative path that nothing puts next to the report, and the checks that did not pass carry the text of their
// requirements, in English and Chinese, so that a reader learns what was required without following a link.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SPEC_VERSION } from '../../schemas/src/classes.ts';
import { requirementById, type Requirement } from '../../spec/registry.ts';
import type { CheckResult, ConformanceReport, ResultStatus } from '../harness/report.ts';
import { DEFAULT_LANGUAGE, type Language, msg } from '../i18n/index.ts';

/** The published specification of the version this harness tests, where every requirement id is an anchor. */
export const DEFAULT_DOCS_URL = `https://ecdx.dev/spec/${SPEC_VERSION}/spec.html`;

/** The specification page of `docsUrl`: a URL that ends in `/` names a copy of the docs site, whose page is spec.html. */
const specPageUrl = (docsUrl: string): string => (docsUrl.endsWith('/') ? `${docsUrl}spec.html` : docsUrl);

export const requirementHref = (id: string, docsUrl: string = DEFAULT_DOCS_URL): string => `${specPageUrl(docsUrl)}#${encodeURIComponent(id)}`;

/**
 * Why links to `docsUrl` from a report written in `reportDir` would lead nowhere, or undefined when they lead
 * somewhere: an http(s) URL (whose server the harness cannot ask), or a file: URL or relative path to a file that
 * exists. Any other scheme is refused: a report's links must not run anything (`javascript:`).
 */
export function docsUrlProblem(docsUrl: string, reportDir: string): string | undefined {
  if (docsUrl.includes('#')) return `'${docsUrl}' has a #fragment: the requirement id is the fragment of every link`;
  let page: URL;
  try {
    page = new URL(specPageUrl(docsUrl), pathToFileURL(`${reportDir}/`));
  } catch {
    return `'${docsUrl}' is not a URL`;
  }
  if (page.protocol === 'http:' || page.protocol === 'https:') return undefined;
  if (page.protocol !== 'file:') return `'${docsUrl}' must be an http(s) URL, a file: URL or a path relative to the report`;
  const path = fileURLToPath(page);
  return existsSync(path) ? undefined : `'${docsUrl}' leads to no file from the report directory (${path}): give an http(s) URL or a path that exists`;
}

/** The results whose requirements' text a report shows: the ones a reader came for. Passed and skipped stay short. */
const SHOWS_TEXT: readonly ResultStatus[] = ['failed', 'warning', 'precondition-failed', 'error', 'waived'];

/** A requirement a result names, with its text when this harness's registry has it. */
export interface NamedRequirement {
  id: string;
  requirement: Requirement | undefined;
}

/**
 * The requirements whose text a result shows: those the check verifies, then any other a failed assertion or a
 * step that could not be taken names, each once. None for a result that passed or was skipped.
 */
export function requirementsToShow(result: CheckResult): NamedRequirement[] {
  if (!SHOWS_TEXT.includes(result.status)) return [];
  const named = result.evidence.flatMap((e) => (((e.kind === 'assertion' && !e.passed) || e.kind === 'blocked') && e.requirementId ? [e.requirementId] : []));
  return [...new Set([...result.requirementIds, ...named])].map((id) => ({ id, requirement: requirementById(id) }));
}

/** What a report says of a requirement this harness's registry does not hold (a report edited or from another version). */
export const unknownRequirement = (lang: Language = DEFAULT_LANGUAGE): string => msg('requirement.unknown', lang, { version: SPEC_VERSION });

/**
 * A requirement's text in the order a report in `lang` shows it: the report's language first, the other after.
 * Both are always shown (the registry states every requirement in both), so a reader of either finds it.
 */
export const requirementTextsInOrder = (requirement: Requirement, lang: Language = DEFAULT_LANGUAGE): { lang: Language; text: string }[] => {
  const en = { lang: 'en' as const, text: requirement.text.en };
  const zh = { lang: 'zh-Hans' as const, text: requirement.text['zh-Hans'] };
  return lang === 'en' ? [en, zh] : [zh, en];
};

/** A note for a report of another version of the specification: the texts shown are those of this harness's. */
export const requirementTextNote = (report: ConformanceReport, lang: Language = DEFAULT_LANGUAGE): string[] =>
  report.specVersion === SPEC_VERSION ? [] : [msg('note.otherSpecVersion', lang, { mine: SPEC_VERSION, tested: report.specVersion })];
