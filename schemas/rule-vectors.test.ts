// The rule vectors (schemas/vectors/rules/, written from the chapters) against the rule functions the mock and the
// harness share. Both sides run the same code, so a rule that code gets wrong would go unseen by the suite's own
// verification; here it fails, because the vectors come from the text.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkNewNotice, minimumSeverity, negotiationStateOf, obligations, type NoticeFacts } from './notice-rules.ts';
import { packagePath } from './package-root.ts';
import { classUri, type ConformanceClassName } from './src/classes.ts';
import { checkHealth, feedsOfClasses, type Health, type PartyRole } from './src/discovery.ts';
import type { NoticeResponse } from './src/notices.ts';
import { statisticsInconsistencies, type SharingStatistics } from './src/statistics.ts';

interface Vector {
  description: string;
  input: Record<string, unknown>;
  expected: Record<string, unknown>;
}
interface Group {
  rule: string;
  tests: Vector[];
}

const groups = (file: string): Map<string, Vector[]> => {
  const parsed = JSON.parse(readFileSync(packagePath('schemas', 'vectors', 'rules', file), 'utf8')) as { groups: Group[] };
  return new Map(parsed.groups.map((g) => [g.rule, g.tests]));
};

/** Every timestamp-looking string as epoch milliseconds, so that instants compare whatever their offset. */
const instants = (value: unknown): unknown =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)
    ? Date.parse(value)
    : Array.isArray(value)
      ? value.map(instants)
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, instants(v)]))
        : value;

interface VectorNotice {
  reason: NoticeFacts['reason'];
  issuerRole: PartyRole;
  recipientRole: PartyRole;
  issuedAt: string;
  plannedStart: string;
  plannedEnd?: string;
  impact: { severity: NoticeFacts['impact']['severity']; estimatedShipmentsPerDay: number };
  publicDisclosure?: { plannedAt: string };
}

/** A vector's notice as the rule functions read it (the members they do not read filled with valid values). */
function factsOf(n: VectorNotice): NoticeFacts {
  const party = (role: PartyRole) => (role === 'carrier' ? { name: 'C', role, carrierCode: 'ECDXDEMO' } : { name: 'P', role });
  return {
    reason: n.reason,
    issuedAt: n.issuedAt,
    plannedStart: n.plannedStart,
    ...(n.plannedEnd === undefined ? {} : { plannedEnd: n.plannedEnd }),
    impact: { ...n.impact, affectedUsers: '商家', mitigation: '补发' },
    ...(n.publicDisclosure ? { publicDisclosure: { channels: ['WEBSITE'], plannedAt: n.publicDisclosure.plannedAt } } : {}),
    issuer: party(n.issuerRole),
    recipient: party(n.recipientRole),
  } as NoticeFacts;
}

/** A vector's response as a NoticeResponse (ids, times and the payloads the rules do not read filled in). */
const responsesOf = (list: readonly Record<string, unknown>[]): NoticeResponse[] =>
  list.map(
    (r, i) =>
      ({
        responseId: `rsp-${i + 1}`,
        respondedAt: '2026-03-01T10:00:00+08:00',
        ...(r['type'] === 'DISCLOSED' ? { disclosure: { channels: ['WEBSITE'], plannedAt: '2026-03-01T10:00:00+08:00' } } : {}),
        ...(r['type'] === 'AUTHORITY_REPORTED' ? { authorityReport: { authorities: ['COMMERCE', 'POSTAL'], reportedAt: '2026-03-01T10:00:00+08:00' } } : {}),
        ...r,
      }) as NoticeResponse,
  );

const sorted = <T>(list: readonly T[]): string[] => list.map((x) => JSON.stringify(x)).sort();

const notices = groups('notice-deadlines.json');
const health = groups('health.json');
const statistics = groups('statistics-consistency.json');

describe('notice rule vectors', () => {
  it.each(notices.get('new-notice')!.map((v) => [v.description, v] as const))('%s', (_, v) => {
    const found = checkNewNotice(factsOf(v.input['notice'] as VectorNotice), new Date(v.input['receivedAt'] as string));
    expect(found.map((p) => p.problemSlug)).toEqual(v.expected['problems']);
  });
  it.each(notices.get('minimum-severity')!.map((v) => [v.description, v] as const))('%s', (_, v) => {
    const i = v.input as { reason: NoticeFacts['reason']; plannedStart: string; plannedEnd?: string; estimatedShipmentsPerDay: number };
    const notice = {
      reason: i.reason,
      plannedStart: i.plannedStart,
      ...(i.plannedEnd === undefined ? {} : { plannedEnd: i.plannedEnd }),
      impact: { severity: 'MINOR' as const, estimatedShipmentsPerDay: i.estimatedShipmentsPerDay, affectedUsers: '商家', mitigation: '补发' },
    };
    expect(minimumSeverity(notice)).toBe(v.expected['severity']);
  });
  it.each(notices.get('obligations')!.map((v) => [v.description, v] as const))('%s', (_, v) => {
    const i = v.input as { notice: VectorNotice; state: Parameters<typeof obligations>[1]; responses: Record<string, unknown>[] };
    expect(instants(obligations(factsOf(i.notice), i.state, responsesOf(i.responses)))).toEqual(instants(v.expected['obligations']));
  });
  it.each(notices.get('negotiation')!.map((v) => [v.description, v] as const))('%s', (_, v) => {
    const step = negotiationStateOf(responsesOf(v.input['responses'] as Record<string, unknown>[]));
    expect('problemSlug' in step ? { problem: step.problemSlug } : { state: step.state }).toEqual(v.expected);
  });
});

describe('health rule vectors', () => {
  const uris = (names: readonly string[]) => names.map((n) => classUri(n as ConformanceClassName));
  it.each(health.get('health-findings')!.map((v) => [v.description, v] as const))('%s', (_, v) => {
    const i = v.input as { health: Health; now: string; role: PartyRole; classes: string[]; claimedVersion: string };
    const findings = checkHealth(i.health, new Date(i.now), feedsOfClasses(i.role, uris(i.classes)), i.claimedVersion);
    expect(sorted(findings.map((f) => ({ requirement: f.requirement, pointer: f.pointer })))).toEqual(sorted(v.expected['findings'] as object[]));
  });
  it.each(health.get('feeds-of-classes')!.map((v) => [v.description, v] as const))('%s', (_, v) => {
    const i = v.input as { role: PartyRole; classes: string[] };
    expect([...feedsOfClasses(i.role, uris(i.classes))].sort()).toEqual([...(v.expected['feeds'] as string[])].sort());
  });
});

describe('statistics rule vectors', () => {
  it.each(statistics.get('statistics-consistency')!.map((v) => [v.description, v] as const))('%s', (_, v) => {
    const found = new Set(statisticsInconsistencies(v.input['statistics'] as SharingStatistics).map((f) => f.pointer));
    expect([...found].sort()).toEqual([...(v.expected['violations'] as string[])].sort());
  });
});

describe('the rules’ findings in Chinese', () => {
  // A report read in Chinese shows a rule's finding in Chinese (decision 0062): every finding the vectors provoke
  // carries a Chinese detail with the same numbers, pointers and identifiers as the English.
  const uris = (names: readonly string[]) => names.map((n) => classUri(n as ConformanceClassName));
  const CHINESE = /[\u4e00-\u9fff]/;
  const tokens = (text: string): string[] => text.match(/\d+(?:\.\d+)?|\/[\w/-]+|\b[A-Z][A-Z_]{2,}\b/g) ?? [];
  const findings = [
    ...health.get('health-findings')!.flatMap((v) => {
      const i = v.input as { health: Health; now: string; role: PartyRole; classes: string[]; claimedVersion: string };
      return checkHealth(i.health, new Date(i.now), feedsOfClasses(i.role, uris(i.classes)), i.claimedVersion);
    }),
    ...statistics.get('statistics-consistency')!.flatMap((v) => statisticsInconsistencies(v.input['statistics'] as SharingStatistics)),
    ...notices.get('new-notice')!.flatMap((v) => checkNewNotice(factsOf(v.input['notice'] as VectorNotice), new Date(v.input['receivedAt'] as string))),
  ];

  it('gives every finding a Chinese detail that keeps the English one’s numbers and identifiers', () => {
    expect(findings.length).toBeGreaterThan(10);
    const bad = findings
      .filter((f) => f.detailZh === undefined || !CHINESE.test(f.detailZh) || tokens(f.detail).some((t) => !f.detailZh!.includes(t)))
      .map((f) => `${f.detail} → ${f.detailZh}`);
    expect(bad).toEqual([]);
  });
});

describe('the rule vectors', () => {
  it('cover every rule of their files with at least five vectors', () => {
    for (const [rule, tests] of [...notices, ...health, ...statistics]) expect(tests.length, rule).toBeGreaterThanOrEqual(5);
  });
});
