import { describe, expect, it } from 'vitest';
import { DEMO_HMAC_SECRET_BASE64 } from '../../protocol/demo-credentials.ts';
import { findMobileNumbers } from '../../schemas/identifiers.ts';
import { InterruptionNoticeRequest, ShipmentRequest } from '../../schemas/src/index.ts';
import { loadFixture } from '../reporters/fixtures/index.ts';
import { MAX_EVIDENCE_BODY, redactBody, redactHeaders, redactReport, redactText } from './redact.ts';
import type { ConformanceReport, Exchange } from './report.ts';

// biome-ignore lint/suspicious/noExplicitAny: JSON read back from a body, indexed freely by the assertions
type Json = any;

const example = <T = Json>(schema: { examples?: unknown }): T => structuredClone((schema.examples as T[])[0]!);
const parsed = (body: string | undefined): Json => JSON.parse(body!);

describe('redactBody: by the meaning of each member, read off its published schema', () => {
  it('keeps the name of an organisation: a notice recipient is an ExchangeParty, not a person', () => {
    const notice = example(InterruptionNoticeRequest);
    notice.recipient = { name: '独立电商测试平台', role: 'platform' };
    const out = parsed(redactBody(JSON.stringify(notice), 'InterruptionNoticeRequest'));
    expect(out.recipient).toEqual({ name: '独立电商测试平台', role: 'platform' });
    expect(out.issuer.name).toBe('ECDX 示例快递有限公司');
  });

  it("masks a person's name (rule M1) and drops the address detail and postal code (rule M4) of a contact", () => {
    const shipment = example(ShipmentRequest);
    const out = parsed(redactBody(JSON.stringify(shipment), 'ShipmentRequest'));
    expect(out.sender.name).toBe('王*');
    expect(out.recipient.name).toBe('张*');
    expect(out.recipient.address.detail).toBe('[redacted]');
    expect(out.recipient.address.street).toBe(shipment.recipient.address.street);
    expect(out.sender.company).toBe(shipment.sender.company); // a company is no person
    expect(out.recipient.phone).toBe('138****5678');
  });

  it("masks an unmasked courier's and signatory's name in tracking events", () => {
    const page = {
      waybillNo: 'SF1234567890123',
      items: [{ eventId: 'e1', courier: { name: '李小明', phone: '13900000001' }, signatory: { name: '欧阳娜娜', relation: 'SELF' }, description: '派送中' }],
    };
    const out = parsed(redactBody(JSON.stringify(page), 'EventPage'));
    expect(out.items[0].courier).toEqual({ name: '李*明', phone: '139****0001' });
    expect(out.items[0].signatory.name).toBe('欧**娜');
    expect(out.items[0].description).toBe('派送中');
  });

  it("keeps a problem's detail: it is an explanation, not an address", () => {
    const problem = { type: 'https://ecdx.dev/problems/validation-failed', title: 'Invalid', status: 422, detail: 'recipient.phone is not a number' };
    expect(parsed(redactBody(JSON.stringify(problem), 'Problem')).detail).toBe('recipient.phone is not a number');
  });

  it('falls back, for JSON of no known schema, to the shape of the text: mobiles and identity numbers only', () => {
    const body = JSON.stringify({ recipient: { name: '张三', phone: '13812345678' }, note: 'id 11010519491231002X', token: 'abc' });
    expect(parsed(redactBody(body))).toEqual({ recipient: { name: '张三', phone: '138****5678' }, note: 'id 110***********002X', token: '[redacted]' });
  });
});

describe('redactText: secrets and personal data in free text, URLs and headers', () => {
  it('masks landlines by rule M3, as it masks mobiles (M2) and identity numbers', () => {
    expect(redactText('call 0571-88881234 or 0755-83451234-802, not 13812345678')).toBe('call 0571-******34 or 0755-******34, not 138****5678');
    expect(redactText('2026-03-02 SF1234567890123 0571-****1234')).toBe('2026-03-02 SF1234567890123 0571-****1234');
  });

  it('replaces a request signature quoted in a message or echoed URL-encoded in a Location header', () => {
    const signature = `ecdx=:${'A1b2/C3d+'.repeat(9)}AA==:`;
    expect(redactText(`signature ${signature} does not verify`)).toBe('signature ecdx=:[redacted]: does not verify');
    const location = `/v1/shipments/SF1?x=1&signature=${encodeURIComponent(signature)}`;
    expect(redactText(location)).toBe('/v1/shipments/SF1?x=1&signature=[redacted]');
    expect(redactText(`/v1/x?next=${encodeURIComponent(signature)}`)).toBe(`/v1/x?next=${encodeURIComponent('ecdx=:[redacted]:')}`);
    const digest = `sha-256=:${'X'.repeat(43)}=:`;
    expect(redactText(digest)).toBe(digest); // a content digest is no secret
  });

  it('masks a telephone in a cursor, also percent-encoded, and replaces webhook secrets, keys and tokens', () => {
    expect(redactText('/v1/shipments/SF1/events?cursor=c3~13812345678')).toBe('/v1/shipments/SF1/events?cursor=c3~138****5678');
    expect(redactText('/v1/x?cursor=138%201234%205678')).toBe(`/v1/x?cursor=${encodeURIComponent('138****5678')}`);
    expect(redactText('whsec_KAJxfKVdQLa9tofRhyr4nKy6irBh6Hnp3w8IS2DBnsY= and whsk_UUS09tLW4XZNarHpDjMGf8ki1xXGyIeoy1')).toBe(
      'whsec_[redacted] and whsk_[redacted]',
    );
    expect(redactText(`v1a,${'Q'.repeat(86)}== v1,${'z'.repeat(44)}`)).toBe('v1a,[redacted] v1,[redacted]');
    expect(redactText('Authorization: Bearer abc.def-ghi')).toBe('Authorization: Bearer [redacted]');
    expect(redactText(`the key ${DEMO_HMAC_SECRET_BASE64}`)).toBe('the key [redacted]');
  });

  it('redacts header values by name and by content', () => {
    expect(redactHeaders({ Signature: 'ecdx=:abc:', Location: '/v1/x?cursor=~13812345678', 'X-Api-Key': 'k' })).toEqual({
      signature: '[redacted]',
      location: '/v1/x?cursor=~138****5678',
      'x-api-key': '[redacted]',
    });
  });
});

describe('redactReport: everything a finished report holds', () => {
  const leaky = (): ConformanceReport => {
    const report = loadFixture('with-failures');
    report.target.url = 'https://carrier.example.test/ecdx';
    report.claim = { party: { name: '独立电商测试平台' }, contact: '0571-88881234' };
    report.results[0] = {
      ...report.results[0]!,
      message: 'the problem said: request for 13812345678 refused',
      evidence: [
        {
          kind: 'http',
          direction: 'to-target',
          request: {
            method: 'POST',
            url: 'https://carrier.example.test/ecdx/v1/shipments?cursor=~13812345678',
            headers: { signature: '[redacted]' },
            body: JSON.stringify(example(ShipmentRequest)),
          },
          response: {
            status: 201,
            headers: { location: `/v1/shipments/SF1?signature=${encodeURIComponent(`ecdx=:${'a'.repeat(86)}==:`)}` },
            body: JSON.stringify({ waybillNo: 'SF1234567890123', status: 'CREATED', request: example(ShipmentRequest) }),
          },
          error: 'answered with 0571-88881234',
          durationMs: 1,
          at: '2026-03-02T09:30:01.000Z',
        },
        { kind: 'assertion', passed: false, message: 'the detail quotes 13812345678', pointer: '/detail' },
        { kind: 'blocked', message: 'no cursor after ~13812345678' },
      ],
    };
    report.fixtures = [
      { id: 'f', title: 'A shipment', status: 'failed', message: 'refused 13812345678', usedBy: [], evidence: report.results[0].evidence, durationMs: 1 },
    ];
    return report;
  };

  it('leaves no mobile, landline or signature in any member, masks names by their schema, keeps verdicts', () => {
    const report = leaky();
    const redacted = redactReport(report);
    const text = JSON.stringify(redacted);
    expect(findMobileNumbers(text)).toEqual([]);
    expect(text).not.toMatch(/0571-8888/);
    expect(text).not.toContain('a'.repeat(86));
    expect(text).toContain('独立电商测试平台'); // the claim's party is an organisation
    const exchange = redacted.results[0]!.evidence[0] as Exchange;
    expect(parsed(exchange.request.body).recipient.name).toBe('张*');
    expect(parsed(exchange.response!.body).request.sender.name).toBe('王*'); // a Shipment holds its request
    expect(exchange.response!.headers.location).toBe('/v1/shipments/SF1?signature=[redacted]');
    expect(redacted.results[0]!.message).toBe('the problem said: request for 138****5678 refused');
    expect(redacted.fixtures![0]!.message).toBe('refused 138****5678');
    expect({ ...redacted, results: [], fixtures: [], claim: null }).toEqual({ ...report, results: [], fixtures: [], claim: null });
    expect(redacted.results.map((r) => r.status)).toEqual(report.results.map((r) => r.status));
  });

  it('comes back equal when applied twice, and leaves a clean report as it was', () => {
    const once = redactReport(leaky());
    expect(redactReport(once)).toEqual(once);
    const clean = loadFixture('all-passing');
    expect(redactReport(clean)).toEqual(clean);
  });

  it('cuts a value nested deeper than any ECDX object, so that every reporter can render it', () => {
    const report = loadFixture('all-passing');
    report.claim = JSON.parse(`${'['.repeat(5000)}${']'.repeat(5000)}`);
    expect(() => JSON.stringify(redactReport(report))).not.toThrow();
  });
});

describe('redactBody: bounded evidence that stays JSON', () => {
  it('shortens a long JSON body by its arrays and strings, saying so, so that a later pass reads every member', () => {
    const page = { waybillNo: 'SF1234567890123', items: Array.from({ length: 400 }, (_, i) => ({ eventId: `e${i}`, courier: { name: '李小明' } })) };
    const body = redactBody(JSON.stringify(page), 'EventPage')!;
    expect(body.length).toBeLessThanOrEqual(MAX_EVIDENCE_BODY);
    const out = parsed(body);
    expect(out.items.at(-1)).toMatch(/^… \(\d+ more items\)$/);
    expect(out.items[0].courier.name).toBe('李*明');
  });
});

describe('redaction time', () => {
  it('stays linear in the size of the text: a 2 MiB body of one letter, or of digits, takes well under a second', () => {
    for (const filler of ['a', '1', 'a%', 'ecdx', '0571-']) {
      const started = performance.now();
      redactBody(JSON.stringify({ note: filler.repeat((2 * 1024 * 1024) / filler.length) }));
      redactText(filler.repeat((2 * 1024 * 1024) / filler.length));
      expect(performance.now() - started, filler).toBeLessThan(1_500);
    }
  });
});
