// Looking into JSON documents the target answered: what differs from what was sent (as a JSON Pointer, for the
// message), the value at a pointer, and every string with where it stands (for the privacy scans).

import { pointerToken } from '../../protocol/json.ts';
import type { Bilingual } from '../i18n/text.ts';
import { M } from './messages.ts';

export { pointerToken };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export interface DifferenceOptions {
  /**
   * Two timestamps that denote the same instant are the same (a holder may write another UTC offset), and a member
   * that is undefined is the same as an absent one. Off: every member must be equal to the letter.
   */
  sameInstant?: boolean;
}

/** The JSON Pointer of the first member in which `actual` differs from `expected`, or undefined when equal. */
export function firstDifference(expected: unknown, actual: unknown, options: DifferenceOptions = {}, pointer = ''): string | undefined {
  const here = pointer || '/';
  if (options.sameInstant && typeof expected === 'string' && typeof actual === 'string' && TIMESTAMP.test(expected) && TIMESTAMP.test(actual)) {
    return Date.parse(expected) === Date.parse(actual) ? undefined : here;
  }
  if (Array.isArray(expected) || Array.isArray(actual)) {
    if (!Array.isArray(expected) || !Array.isArray(actual) || expected.length !== actual.length) return here;
    for (let i = 0; i < expected.length; i++) {
      const found = firstDifference(expected[i], actual[i], options, `${pointer}/${i}`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (isObject(expected) || isObject(actual)) {
    if (!isObject(expected) || !isObject(actual)) return here;
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
    for (const key of keys) {
      if (!options.sameInstant && key in expected !== key in actual) return `${pointer}/${pointerToken(key)}`;
      const found = firstDifference(expected[key], actual[key], options, `${pointer}/${pointerToken(key)}`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  return Object.is(expected, actual) ? undefined : here;
}

/** The value at a JSON Pointer (`''` or `'/'`: the whole document), undefined when there is none. */
export function valueAt(root: unknown, pointer: string): unknown {
  let node = root;
  for (const token of pointer.split('/').slice(1)) {
    if (token === '' && pointer === '/') break;
    const key = token.replace(/~1/g, '/').replace(/~0/g, '~');
    node = isObject(node) || Array.isArray(node) ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node;
}

/** `expected` and `actual` equal member by member, or a message naming the first difference (both values as JSON). */
export function describeDifference(expected: unknown, actual: unknown, options: DifferenceOptions = {}): Bilingual | undefined {
  const pointer = firstDifference(expected, actual, options);
  if (pointer === undefined) return undefined;
  const show = (v: unknown) => JSON.stringify(v).slice(0, 80);
  const [was, due] = [valueAt(actual, pointer), valueAt(expected, pointer)];
  // A member present but undefined in both (to the letter, not the same as absent): rare, said plainly.
  if (was === undefined && due === undefined) return M.differs({ pointer, actual: M.absent(), expected: M.absent() });
  if (was === undefined) return M.differsAbsent({ pointer, expected: show(due) });
  if (due === undefined) return M.differsPresent({ pointer, actual: show(was) });
  return M.differs({ pointer, actual: show(was), expected: show(due) });
}

/** Every string in a JSON value, with its JSON Pointer and the name of the member that holds it. */
export function stringsIn(value: unknown, pointer = '', member = ''): { pointer: string; member: string; text: string }[] {
  if (typeof value === 'string') return [{ pointer, member, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringsIn(v, `${pointer}/${i}`, member));
  if (isObject(value)) return Object.entries(value).flatMap(([k, v]) => stringsIn(v, `${pointer}/${pointerToken(k)}`, k));
  return [];
}
