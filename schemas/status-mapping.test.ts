// The status mapping table and the taxonomy tables it relies on: every row must land on the taxonomy, no native
// code may be mapped twice, and between them the sources must reach every status a real carrier can report.
import { describe, expect, it } from 'vitest';
import { codesForStatus, MAPPING_SOURCES, mapCarrierCode, statusMappings } from './src/status-mapping.ts';
import {
  mayBeTerminal,
  nodeForStatus,
  statusNode,
  subStatusFits,
  subStatusParents,
  TRACKING_NODES,
  TRACKING_STATUSES,
  TRACKING_SUB_STATUSES,
  type TrackingStatus,
} from './src/status.ts';
import { isValid } from './validate.ts';

describe('status mapping table', () => {
  it('maps every code to a TrackingStatus (and sub-status) the taxonomy publishes', () => {
    for (const m of statusMappings) {
      expect(isValid('TrackingStatus', m.status), `${m.source} ${m.code} → ${m.status}`).toBe(true);
      if (m.subStatus !== undefined) {
        expect(isValid('TrackingSubStatus', m.subStatus), `${m.source} ${m.code} → ${m.subStatus}`).toBe(true);
      }
    }
  });

  it('pairs a sub-status only with a status it belongs to', () => {
    for (const m of statusMappings) expect(subStatusFits(m.status, m.subStatus), `${m.source} ${m.code}`).toBe(true);
  });

  it('maps no (source, code) twice', () => {
    const keys = statusMappings.map((m) => `${m.source} ${m.code}`);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it('gives every row a label, and a code the event schema accepts as carrierRawCode', () => {
    for (const m of statusMappings) {
      expect(m.label.trim().length, `${m.source} ${m.code} label`).toBeGreaterThan(0);
      expect(m.code).toMatch(/^[A-Za-z0-9._:-]{1,32}$/);
    }
  });

  it('uses every source', () => {
    for (const source of MAPPING_SOURCES)
      expect(
        statusMappings.some((m) => m.source === source),
        source,
      ).toBe(true);
  });

  it('reaches every TrackingStatus except ORDER_CREATED and STALLED from at least one source', () => {
    const reached = new Set(statusMappings.map((m) => m.status));
    const unreached = TRACKING_STATUSES.filter((s) => !reached.has(s) && s !== 'ORDER_CREATED' && s !== 'STALLED');
    expect(unreached).toEqual([]);
  });

  it('looks codes up by source and code', () => {
    expect(mapCarrierCode('KUAIDI100', '303')).toMatchObject({ status: 'DELIVERED', subStatus: 'DELIVERED_PROXY' });
    expect(mapCarrierCode('SF', '80')?.status).toBe('DELIVERED');
    expect(mapCarrierCode('UPU_EDI', 'EDH')?.status).toBe('AT_PICKUP_POINT');
    expect(mapCarrierCode('KDNIAO', ' 404 ')?.status).toBe('REJECTED');
    expect(mapCarrierCode('SF', '303')).toBeUndefined();
    expect(mapCarrierCode('KDNIAO', 'EMI')).toBeUndefined();
    expect(codesForStatus('SF', 'ACCEPTED').map((m) => m.code)).toEqual(['50', '54']);
  });
});

describe('taxonomy tables', () => {
  it('gives every sub-status at least one parent status', () => {
    for (const sub of TRACKING_SUB_STATUSES) expect(subStatusParents[sub].length, sub).toBeGreaterThan(0);
    expect(Object.keys(subStatusParents).sort()).toEqual([...TRACKING_SUB_STATUSES].sort());
  });

  it('gives every status a node, or inherits one for EXCEPTION and STALLED only', () => {
    expect(Object.keys(statusNode).sort()).toEqual([...TRACKING_STATUSES].sort());
    const inheriting = TRACKING_STATUSES.filter((s) => statusNode[s] === null);
    expect(inheriting).toEqual(['EXCEPTION', 'STALLED']);
    for (const node of TRACKING_NODES) {
      expect(
        TRACKING_STATUSES.some((s) => statusNode[s] === node),
        `${node} is reached`,
      ).toBe(true);
    }
  });

  it('derives the node of an exception from the preceding event', () => {
    expect(nodeForStatus('DELIVERED')).toBe('DELIVERY');
    expect(nodeForStatus('EXCEPTION', 'TRANSPORT')).toBe('TRANSPORT');
    expect(nodeForStatus('STALLED')).toBe('ACCEPTANCE');
    expect(nodeForStatus('SORTING', 'DELIVERY')).toBe('SORTING');
  });

  it('lets only final statuses end a trajectory', () => {
    const terminal = TRACKING_STATUSES.filter((s: TrackingStatus) => mayBeTerminal(s));
    expect(terminal).toEqual(['DELIVERED', 'RETURNED', 'CANCELLED']);
    expect(mayBeTerminal('EXCEPTION', 'EXCEPTION_LOST')).toBe(true);
    expect(mayBeTerminal('EXCEPTION', 'EXCEPTION_DAMAGED')).toBe(false);
  });
});
