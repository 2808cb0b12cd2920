// What a check does, as a report tells its reader beside a check that did not pass (decision 0063). The English is
// the check's own `description`; the Chinese comes from the table (i18n/check-descriptions.ts), held to the English
// it was translated from. A report of another version names checks this one may not have, or has changed: such a
// check's description is not known here, and none is shown rather than a wrong one. A description may name the
// test data its check sends (a mobile number, a landline): it is redacted as every text of a report is.
import { checks } from '../checks/index.ts';
import { redactText } from '../harness/redact.ts';
import type { CheckResult } from '../harness/report.ts';
import { CHECK_DESCRIPTIONS_ZH } from '../i18n/check-descriptions.ts';
import type { Language } from '../i18n/index.ts';

const BY_ID = new Map(checks.map((c) => [c.id, c]));

/** The description of the check a result is of, in `lang`; none for a check this version does not have as the report names it. */
export function checkDescription(r: Pick<CheckResult, 'checkId' | 'title'>, lang: Language): string | undefined {
  const check = BY_ID.get(r.checkId);
  if (check === undefined || check.title !== r.title) return undefined;
  const text = lang !== 'en' && Object.hasOwn(CHECK_DESCRIPTIONS_ZH, r.checkId) ? CHECK_DESCRIPTIONS_ZH[r.checkId]![1] : check.description;
  return redactText(text);
}

/** A description's runs of text and of `code` (the descriptions mark code as Markdown does), for a reporter to render each. */
export function descriptionParts(description: string): { code: boolean; text: string }[] {
  return description
    .split(/(`[^`]+`)/)
    .filter((part) => part !== '')
    .map((part) => (part.startsWith('`') && part.endsWith('`') && part.length > 1 ? { code: true, text: part.slice(1, -1) } : { code: false, text: part }));
}
