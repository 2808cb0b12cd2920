// Schema violations as a report shows them: each at its JSON Pointer, in TypeBox's English and in Chinese
// (schemas/violation-zh.ts), joined in each language's way.
import type { SchemaViolation } from '../../schemas/validate.ts';
import { joinTexts, type Bilingual } from '../i18n/text.ts';

/** `/a Expected string; /b Expected required property`, and the same in Chinese. */
export const violationsText = (found: readonly SchemaViolation[]): Bilingual =>
  joinTexts(
    found.map((v) => ({ en: `${v.pointer || '/'} ${v.message}`, 'zh-Hans': `${v.pointer || '/'} ${v.messageZh}` })),
    { en: '; ', 'zh-Hans': '；' },
  );

/** One violation so. */
export const violationText = (v: SchemaViolation): Bilingual => violationsText([v]);
