// The simulated trajectory on its own: deterministic per seed and waybill, valid against TrackingEvent, faithful to
// the node, sequence, terminal and privacy rules of chapters Parcel data and Privacy, with realistic timings.
import { describe, expect, it } from 'vitest';
import { findMobileNumbers, findResidentIds } from '../../../schemas/identifiers.ts';
import { maskName } from '../../../schemas/masking.ts';
import { mayBeTerminal, nodeForStatus, subStatusFits, type TrackingEvent } from '../../../schemas/src/index.ts';
import { mapCarrierCode, type MappingSource } from '../../../schemas/src/status-mapping.ts';
import { violations } from '../../../schemas/validate.ts';
import { DAY, HOUR, minimalShippingData, shippingData, START } from './fixtures.ts';
import { PATH_NAMES, type PathName } from './paths.ts';
import { simulateTrajectory, type TrajectoryInput } from './trajectory.ts';
import { formatWaybillNumber } from './waybill-numbers.ts';
import { MINUTE } from '../../../schemas/time.ts';

const noFaults = () => false;

function simulate(overrides: Partial<TrajectoryInput> = {}) {
  return simulateTrajectory({
    seed: 1,
    waybillNo: formatWaybillNumber(1),
    carrierCode: 'ECDXDEMO',
    createdAtMs: START,
    request: shippingData('ecdx-happy-1'),
    honourTestControls: true,
    fault: noFaults,
    ...overrides,
  });
}

const statuses = (events: { event: TrackingEvent }[]) => events.map((e) => e.event.status);

const hongKong = shippingData('x', {
  recipient: { name: 'Chan Tai Man', phone: '+85291234567', address: { countryCode: 'HK', city: '香港', district: '油尖旺区', detail: '弥敦道132号' } },
  crossBorder: { legalBasis: 'CONTRACT_PERFORMANCE_EXEMPTION', overseasRecipient: 'Kowloon Express Logistics Ltd.' },
});
const sameCity = shippingData('x', {
  recipient: {
    name: '李四',
    phone: '13987654321',
    address: { countryCode: 'CN', divisionCode: '330102', province: '浙江省', city: '杭州市', district: '上城区', detail: '解放路1号' },
  },
});

/** Every trajectory of the test set: each path, three routes, several seeds. */
function* everyTrajectory() {
  for (const path of PATH_NAMES) {
    for (const [route, request] of [
      ['domestic', shippingData()],
      ['same city', sameCity],
      ['to Hong Kong', hongKong],
      ['minimal', minimalShippingData()],
    ] as const) {
      for (const seed of [1, 2, 3]) {
        const body = { ...(request as Record<string, unknown>), platformOrderId: `ecdx-path-${path}-${seed}` };
        yield { path, route, seed, body, events: simulate({ seed, waybillNo: formatWaybillNumber(seed * 100 + 7), request: body }) };
      }
    }
  }
}

describe('determinism', () => {
  it('the same seed and waybill give the same events, member for member', () => {
    expect(simulate({ request: shippingData('x-1') })).toEqual(simulate({ request: shippingData('x-1') }));
  });
  it('another seed gives other timings', () => {
    expect(simulate({ seed: 1 })[1]!.event.occurredAt).not.toBe(simulate({ seed: 2 })[1]!.event.occurredAt);
  });
  it('the seed sends about a fifth of the parcels down an exception path', () => {
    let exceptional = 0;
    for (let serial = 1; serial <= 400; serial++) {
      const events = simulate({ waybillNo: formatWaybillNumber(serial), request: shippingData(`ord-${serial}`) });
      if (events.some((e) => ['DELIVERY_FAILED', 'REJECTED', 'EXCEPTION', 'STALLED'].includes(e.event.status))) exceptional += 1;
    }
    expect(exceptional).toBeGreaterThan(40);
    expect(exceptional).toBeLessThan(120);
  });
  it('test controls are ignored outside test mode', () => {
    const forced = simulate({ request: shippingData('ecdx-path-lost-1'), honourTestControls: true });
    const free = simulate({ request: shippingData('ecdx-path-lost-1'), honourTestControls: false, waybillNo: formatWaybillNumber(3) });
    expect(statuses(forced)).toContain('EXCEPTION');
    expect(free.at(-1)!.event.status).toBe('DELIVERED');
  });
});

describe('every path, route and seed', () => {
  const all = [...everyTrajectory()];
  it.each(all.map((t) => [`${t.path}, ${t.route}, seed ${t.seed}`, t] as const))('%s: events valid and consistent', (_name, { events }) => {
    let previous: TrackingEvent | undefined;
    events.forEach(({ event, occurredAtMs, recordedAtMs }, i) => {
      expect(violations('TrackingEvent', event), event.eventId).toEqual([]);
      expect(event.sequence).toBe(i + 1);
      expect(event.node).toBe(nodeForStatus(event.status, previous?.node));
      expect(subStatusFits(event.status, event.subStatus)).toBe(true);
      expect(Date.parse(event.occurredAt)).toBe(occurredAtMs);
      expect(Date.parse(event.recordedAt)).toBe(recordedAtMs);
      expect(occurredAtMs).toBeLessThanOrEqual(recordedAtMs);
      expect(recordedAtMs - occurredAtMs).toBeLessThanOrEqual(30 * MINUTE);
      if (previous) expect(recordedAtMs).toBeGreaterThan(Date.parse(previous.recordedAt));
      expect(event.occurredAt.endsWith('+08:00')).toBe(true);
      expect(event.terminal).toBe(i === events.length - 1);
      if (event.terminal) expect(mayBeTerminal(event.status, event.subStatus)).toBe(true);
      if (!['ORDER_CREATED', 'AWAITING_PICKUP', 'CANCELLED'].includes(event.status)) {
        expect(event.location).toBeDefined();
        if ((event.location!.countryCode ?? 'CN') === 'CN') expect(event.location!.divisionCode).toMatch(/^\d{6}$/);
      }
      if (event.status === 'ACCEPTED') expect(event.realNameVerification).toMatchObject({ verified: true });
      else expect(event.realNameVerification).toBeUndefined();
      if (event.carrierRawCode) {
        const mapped = mapCarrierCode(event.carrierRawCode.scheme as MappingSource, event.carrierRawCode.code);
        expect(mapped?.status).toBe(event.status);
        if (mapped?.subStatus) expect(mapped.subStatus).toBe(event.subStatus);
      }
      previous = event;
    });
    expect(new Set(events.map((e) => e.event.eventId)).size).toBe(events.length);
  });

  it.each(all.map((t) => [`${t.path}, ${t.route}, seed ${t.seed}`, t] as const))(
    '%s: no recipient telephone, address detail or postal code, no unmasked mobile, no ID number',
    (_name, { events, body }) => {
      const recipient = (body as unknown as { recipient: { phone: string; address: { detail: string; postalCode?: string } } }).recipient;
      const text = JSON.stringify(events.map((e) => e.event));
      expect(text).not.toContain(recipient.phone.replace(/\D/g, ''));
      expect(text).not.toContain(recipient.address.detail);
      if (recipient.address.postalCode) expect(text).not.toContain(recipient.address.postalCode);
      expect(findMobileNumbers(text)).toEqual([]);
      expect(findResidentIds(text)).toEqual([]);
    },
  );
});

describe('the happy path', () => {
  const events = simulate();
  it('runs ORDER_CREATED, ACCEPTED, …, OUT_FOR_DELIVERY, DELIVERED by the recipient in person', () => {
    expect(statuses(events)).toEqual([
      'ORDER_CREATED',
      'ACCEPTED',
      'IN_TRANSIT',
      'SORTING',
      'IN_TRANSIT',
      'ARRIVED_DEST_CITY',
      'SORTING',
      'ARRIVED_DEST_CITY',
      'OUT_FOR_DELIVERY',
      'DELIVERED',
    ]);
    expect(events.at(-1)!.event).toMatchObject({ subStatus: 'DELIVERED_SELF', signatory: { name: maskName('张三'), relation: 'SELF' }, terminal: true });
  });
  it('has an event at each of the four nodes of OP-02', () => {
    expect(new Set(events.map((e) => e.event.node))).toEqual(new Set(['ACCEPTANCE', 'SORTING', 'TRANSPORT', 'DELIVERY']));
  });
  it('is accepted 30–120 minutes after creation and delivered 1–3 days after it, for every seed', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const run = simulate({ seed, request: shippingData(`ecdx-happy-${seed}`) });
      const accepted = run.find((e) => e.event.status === 'ACCEPTED')!.occurredAtMs - START;
      const delivered = run.at(-1)!.occurredAtMs - START;
      expect(accepted).toBeGreaterThanOrEqual(30 * MINUTE);
      expect(accepted).toBeLessThanOrEqual(120 * MINUTE);
      expect(delivered).toBeGreaterThanOrEqual(DAY);
      expect(delivered).toBeLessThanOrEqual(3 * DAY);
    }
  });
  it('names facilities from the city and district, the recipient’s outlet included, never the street', () => {
    const delivered = events.at(-1)!.event;
    expect(delivered.location).toEqual({ divisionCode: '110108', facilityCode: 'EX-110108-01', facilityName: '北京市海淀区营业部' });
    expect(JSON.stringify(events)).not.toContain('中关村街道');
  });
  it('shows couriers masked: name by M1, mobile by M2', () => {
    const courier = events.find((e) => e.event.status === 'OUT_FOR_DELIVERY')!.event.courier!;
    expect(courier.name).toMatch(/^.\*+.?$/u);
    expect(courier.phone).toMatch(/^1[3-9]\d\*{4}\d{4}$/);
    expect(events.find((e) => e.event.status === 'OUT_FOR_DELIVERY')!.event.description).toContain(courier.phone);
  });
});

describe('exception paths', () => {
  const run = (path: PathName) => statuses(simulate({ request: shippingData(`ecdx-path-${path}-1`) }));
  it('redelivery: a failed attempt, a second one the next day, then delivery after the exception', () => {
    expect(run('redelivery').slice(-4)).toEqual(['OUT_FOR_DELIVERY', 'DELIVERY_FAILED', 'OUT_FOR_DELIVERY', 'DELIVERED']);
  });
  it('rejected: refused, returning, returned to the sender (terminal)', () => {
    expect(run('rejected').slice(-4)).toEqual(['REJECTED', 'RETURNING', 'RETURNING', 'RETURNED']);
  });
  it('returned: the description shows the sender’s landline masked by M3', () => {
    expect(simulate({ request: shippingData('ecdx-path-rejected-1') }).at(-1)!.event.description).toContain('0571-******34');
  });
  it('lost: a terminal EXCEPTION_LOST on the line haul, keeping the TRANSPORT node', () => {
    const last = simulate({ request: shippingData('ecdx-path-lost-1') }).at(-1)!.event;
    expect(last).toMatchObject({ status: 'EXCEPTION', subStatus: 'EXCEPTION_LOST', node: 'TRANSPORT', terminal: true });
  });
  it('damaged: an EXCEPTION inside the sorting stage, then delivery', () => {
    const events = simulate({ request: shippingData('ecdx-path-damaged-1') });
    expect(events.find((e) => e.event.status === 'EXCEPTION')!.event.node).toBe('SORTING');
    expect(events.at(-1)!.event.subStatus).toBe('DELIVERED_AFTER_EXCEPTION');
  });
  it('stalled: a STALLED event keeps the node of the stage it happened in', () => {
    expect(simulate({ request: shippingData('ecdx-path-stalled-1') }).find((e) => e.event.status === 'STALLED')!.event.node).toBe('SORTING');
  });
  it('across the border: export and import customs, events abroad named by country and facility', () => {
    const events = simulate({ request: { ...hongKong, platformOrderId: 'ecdx-happy-hk' } });
    expect(statuses(events).filter((s) => s === 'CUSTOMS')).toHaveLength(2);
    expect(events.at(-1)!.event.location).toMatchObject({ countryCode: 'HK' });
    expect(events.at(-1)!.event.location!.divisionCode).toBeUndefined();
  });
});

describe('cancellation', () => {
  it('keeps what was recorded and ends with a terminal CANCELLED event at the time of cancellation', () => {
    const at = START + 10 * MINUTE;
    const events = simulate({ cancelledAtMs: at });
    expect(statuses(events)).toEqual(['ORDER_CREATED', 'CANCELLED']);
    expect(events[1]).toMatchObject({ occurredAtMs: at, recordedAtMs: at, event: { sequence: 2, node: 'ACCEPTANCE', terminal: true } });
    expect(events[1]!.event.location).toBeUndefined();
  });
  it('leaves the events before the cancellation unchanged', () => {
    expect(simulate({ cancelledAtMs: START + 10 * MINUTE })[0]).toEqual(simulate()[0]);
  });
  it('never accepts a parcel cancelled before acceptance', () => {
    expect(statuses(simulate({ cancelledAtMs: START + HOUR / 4 }))).not.toContain('ACCEPTED');
  });
});
