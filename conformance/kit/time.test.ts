import { describe, expect, it } from 'vitest';
import { DAY, HOUR, SECOND } from '../../schemas/time.ts';
import { scriptedClaim, scriptedContext, type Script } from '../harness/scripted-target.ts';
import { describeDuration, describeMinutes, readTargetClock, timestamp, utc } from './time.ts';

describe('kit/time', () => {
  const instant = Date.parse('2026-03-01T01:30:00.750Z');

  it('writes request timestamps in whole seconds of China Standard Time', () => {
    expect(timestamp(instant)).toBe('2026-03-01T09:30:00+08:00');
    expect(utc(instant)).toBe('2026-03-01T01:30:00Z');
  });

  it('describes durations in the largest whole unit, or one second off it', () => {
    expect(describeDuration(72 * HOUR)).toBe('3 d');
    expect(describeDuration(71 * HOUR)).toBe('71 h');
    expect(describeDuration(25 * HOUR - SECOND)).toBe('25 h − 1 s');
    expect(describeDuration(3 * DAY - SECOND)).toBe('3 d − 1 s');
    expect(describeDuration(HOUR + SECOND)).toBe('1 h + 1 s');
    expect(describeDuration(-2 * DAY)).toBe('−2 d');
    expect(describeDuration(90 * SECOND)).toBe('90 s');
    expect(describeMinutes(45 * 60 * SECOND)).toBe('45 min');
  });
});

describe('readTargetClock', () => {
  const read = async (testMode: boolean, script: Script) => {
    const { t, requests, close } = scriptedContext({ role: 'carrier', claim: scriptedClaim('carrier', [], { testMode }), script });
    try {
      return { now: await readTargetClock(t), estimate: t.targetNow(), paths: requests.map((r) => `${r.method} ${r.path}`) };
    } finally {
      await close();
    }
  };
  const frozen = '2026-03-01T09:30:00+08:00';

  it("reads a test deployment's clock, which may stand still far from the harness's", async () => {
    expect(await read(true, () => ({ status: 200, json: { now: frozen, speed: 0 } }))).toMatchObject({
      now: Date.parse(frozen),
      paths: ['GET /v1/test/clock'],
    });
  });

  it('reads the server time of the health document of any other deployment', async () => {
    expect(await read(false, () => ({ status: 200, json: { serverTime: frozen } }))).toMatchObject({ now: Date.parse(frozen), paths: ['GET /v1/health'] });
  });

  it("falls back to the harness's estimate when the clock cannot be read", async () => {
    const refused = await read(true, () => ({ status: 401, json: {} }));
    expect(Math.abs(refused.now - refused.estimate)).toBeLessThan(SECOND);
    const unanswered = await read(false, () => {
      throw new Error('connection reset');
    });
    expect(Math.abs(unanswered.now - unanswered.estimate)).toBeLessThan(SECOND);
  });
});
