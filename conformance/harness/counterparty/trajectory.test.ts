// The trajectory `ecdx serve` serves: valid events, numbered without gaps, ending in the one terminal event.
import { describe, expect, it } from 'vitest';
import { violations } from '../../../schemas/validate.ts';
import { TRAJECTORY_LENGTH, trajectoryOf } from './trajectory.ts';

const NOW = Date.parse('2026-12-02T04:00:00Z');

describe('trajectoryOf', () => {
  it('builds 45 TrackingEvents that the schema accepts, over two default pages of 20', () => {
    const events = trajectoryOf('ECDXH0000000001', NOW);
    expect(events).toHaveLength(TRAJECTORY_LENGTH);
    expect(TRAJECTORY_LENGTH).toBeGreaterThan(40);
    expect(events.flatMap((e) => violations('TrackingEvent', e))).toEqual([]);
  });

  it('numbers the events 1 … n of the waybill, unique ids, recorded in order and never after now, only the last terminal', () => {
    const events = trajectoryOf('ECDXH0000000002', NOW, 7);
    expect(events.map((e) => e.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(new Set(events.map((e) => e.eventId)).size).toBe(7);
    expect(events.every((e) => e.waybillNo === 'ECDXH0000000002')).toBe(true);
    const recorded = events.map((e) => Date.parse(e.recordedAt));
    expect(recorded).toEqual([...recorded].sort((a, b) => a - b));
    expect(Math.max(...recorded)).toBeLessThan(NOW);
    expect(events.every((e) => Date.parse(e.occurredAt) < Date.parse(e.recordedAt))).toBe(true);
    expect(events.map((e) => e.terminal)).toEqual([false, false, false, false, false, false, true]);
    expect([events[0]?.status, events.at(-1)?.status]).toEqual(['ACCEPTED', 'DELIVERED']);
  });
});
