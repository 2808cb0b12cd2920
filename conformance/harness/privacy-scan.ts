// The privacy scanner: walks a JSON body and reports every unmasked mainland mobile number and every
// checksum-valid GB 11643 identity number, with the JSON Pointer of the member that holds it. Checks run it over
// every body in which the standard requires masking (events, pushes, statistics, problems).
import { pointerToken } from '../../protocol/json.ts';
import { locateMobileNumbers, locateResidentIds } from '../../schemas/identifiers.ts';

export interface PrivacyLeak {
  pointer: string;
  kind: 'mobile-number' | 'resident-id';
  /** The leaked value, masked, for the report. */
  masked: string;
}

/**
 * Members that hold identifiers, not personal data: a waybill number or an event id may contain 11 digits that
 * look like a mobile number (`SF13812345678`).
 */
const IDENTIFIER_MEMBERS = new Set([
  'waybillNo',
  'waybillNos',
  'eventId',
  'batchId',
  'subscriptionId',
  'noticeId',
  'incidentId',
  'responseId',
  'consentId',
  'platformOrderId',
  'facilityCode',
  'employeeRef',
  'code',
]);

export function scanForLeaks(value: unknown, pointer = '', member?: string): PrivacyLeak[] {
  if (typeof value === 'string') {
    if (member && IDENTIFIER_MEMBERS.has(member)) return [];
    return [
      ...locateResidentIds(value).map((f) => ({ pointer, kind: 'resident-id' as const, masked: `${f.value.slice(0, 3)}…${f.value.slice(-2)}` })),
      ...locateMobileNumbers(value).map((f) => ({ pointer, kind: 'mobile-number' as const, masked: `${f.number.slice(0, 3)}****${f.number.slice(-4)}` })),
    ];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => scanForLeaks(item, `${pointer}/${i}`, member));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => scanForLeaks(v, `${pointer}/${pointerToken(k)}`, k));
  }
  return [];
}
