// The test-clock faults: off, a push states its attempt time on the test clock; on, the real time.
import { afterEach, describe, expect, it } from 'vitest';
import { DAY } from '../../schemas/time.ts';
import { pushFixture, trackingEvent, type PushFixture } from '../core/push/test-support.ts';
import { faultsNamed } from './index.ts';
import { testClockFaults } from './test-clock.ts';

// A test clock three days ahead of real time, as after a harness moved it.
const AHEAD = Date.now() + 3 * DAY;
let open: PushFixture[] = [];
afterEach(async () => {
  await Promise.all(open.map((f) => f.close()));
  open = [];
});

it('every test-clock fault is tested here', async () => {
  const source = await import('node:fs/promises').then((fs) => fs.readFile(new URL(import.meta.url), 'utf8'));
  for (const fault of testClockFaults) expect(source, fault.name).toContain(`describe('${fault.name}'`);
});

describe('push-timestamp-on-real-clock', () => {
  const firstPush = async (f: PushFixture) => {
    open.push(f);
    f.record([trackingEvent('ECDX00000000001', 1, 'ACCEPTED', f.mock.context.clock.now())]);
    await f.settle();
    await f.callback.waitFor(1);
    return Number(f.callback.deliveries[0]!.headers['webhook-timestamp']) * 1000;
  };
  it('off: webhook-timestamp is the attempt time on the test clock', async () => {
    const stamped = await firstPush(await pushFixture({ clockStart: AHEAD }));
    expect(Math.abs(stamped - AHEAD)).toBeLessThan(60_000);
  });
  it('on: it is the real time, three days before the test clock', async () => {
    const stamped = await firstPush(await pushFixture({ clockStart: AHEAD, faults: faultsNamed('push-timestamp-on-real-clock') }));
    expect(Math.abs(stamped - Date.now())).toBeLessThan(60_000);
  });
});
