// The status rule vectors (schemas/vectors/rules/status.json, written from chapter Parcel data §2–3) against the
// taxonomy functions the mock and the harness share: a table changed in status.ts without the chapter fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packagePath } from './package-root.ts';
import { mayBeTerminal, nodeForStatus, subStatusFits, type TrackingNode, type TrackingStatus, type TrackingSubStatus } from './src/status.ts';

interface Vector {
  description: string;
  input: { status: TrackingStatus; subStatus?: TrackingSubStatus; previousNode?: TrackingNode };
  expected: { node?: TrackingNode; fits?: boolean; terminal?: boolean };
}
const file = JSON.parse(readFileSync(packagePath('schemas', 'vectors', 'rules', 'status.json'), 'utf8')) as { groups: { rule: string; tests: Vector[] }[] };
const group = (rule: string) => file.groups.find((g) => g.rule === rule)!.tests.map((v) => [v.description, v] as const);

describe('the status rule vectors', () => {
  it.each(group('node'))('node: %s', (_, v) => expect(nodeForStatus(v.input.status, v.input.previousNode)).toBe(v.expected.node));
  it.each(group('sub-status-fits'))('sub-status-fits: %s', (_, v) => expect(subStatusFits(v.input.status, v.input.subStatus)).toBe(v.expected.fits));
  it.each(group('may-be-terminal'))('may-be-terminal: %s', (_, v) => expect(mayBeTerminal(v.input.status, v.input.subStatus)).toBe(v.expected.terminal));
});
