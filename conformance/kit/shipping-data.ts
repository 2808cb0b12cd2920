// Shipping data for the checks: valid ShipmentRequests built from the schema's example, addressed to the target's
// carrier code (from its claim), with a fresh platformOrderId per request and times relative to the target's clock;
// the variants the shipping and privacy checks need; and a way to create a shipment that other areas' checks use
// as a precondition.
//
// For other check helpers:
// - `createShipment(t, overrides?, options?)` posts a valid ShipmentRequest (the full example, recipient privacy
//   number included) and returns `{ waybillNo, shipment, request, location, response }`. Anything short of 201 with
//   a valid `Shipment` ends the calling check precondition-failed (whether the target accepts shipping data is
//   ECDX-SHP-001's question, not the caller's). `overrides` replaces top-level members of the request (a value of
//   `undefined` removes one); `options.sign` signs with another key (e.g. `t.secondKey`, a second platform).
// - `happyShipment` is the run's shared fixture `shipment:happy` (a check declares `uses: { shipment: happyShipment }`
//   and reads `await shipment()`): one shipment whose platformOrderId starts with
//   `ecdx-happy-`, which a test deployment moves along the regular path (ACCEPTED … DELIVERED in person, within
//   4 days: chapter Test controls). Read it, follow its trajectory, subscribe to it — never cancel it or change it;
//   treat the returned object as read-only.
// - `pathOrderId('rejected')` is an order id asking for a named path (`ecdx-path-rejected-…`); pass it as
//   `createShipment(t, { platformOrderId: pathOrderId('rejected') })`.
// - `personalDataOf(request)` lists the personal data a request carries (names, telephone and privacy numbers,
//   address details), for checks that must not see it again (events, URLs, statistics).
import { pointerWithin } from '../../protocol/json.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { schemaByName, type Shipment } from '../../schemas/src/index.ts';
import { violations } from '../../schemas/validate.ts';
import type { SigningKey } from '../../protocol/index.ts';
import { defineFixture } from '../harness/check.ts';
import type { HttpResponse } from '../harness/client.ts';
import type { TestContext } from '../harness/context.ts';
import type { Bilingual } from '../i18n/text.ts';
import { targetCarrierCode } from './claim.ts';
import { randomDigits, shortId } from './ids.ts';
import { M } from './messages.ts';
import { problemSummaryText } from './refusals.ts';
import { DAY, timestamp } from './time.ts';
import { packagePath } from '../../schemas/package-root.ts';
import { violationsText } from '../harness/violations.ts';

export type ShipmentBody = Record<string, unknown>;
/** Top-level members to replace; `undefined` removes the member. */
export type ShipmentOverrides = Record<string, unknown>;

/** The prefix by which a test deployment knows a parcel to move along the regular path (chapter Test controls). */
const HAPPY_ORDER_PREFIX = 'ecdx-happy-';
/** The named paths of the test-controls chapter (the reference mock offers all of them). */
const SIMULATED_PATHS = ['standard', 'locker', 'station', 'redelivery', 'rejected', 'lost', 'damaged', 'stalled', 'long'] as const;
export type SimulatedPath = (typeof SIMULATED_PATHS)[number];

/** A fresh platformOrderId (unique per call) with this prefix. */
export const orderId = (prefix = 'ecdx-conf-'): string => `${prefix}${shortId()}`;
/** An order id for a parcel that follows the regular path (chapter Test controls). */
export const happyOrderId = (): string => orderId(HAPPY_ORDER_PREFIX);
/** An order id asking a test deployment for a named path (`ecdx-path-<name>-…`). */
export const pathOrderId = (path: SimulatedPath): string => orderId(`ecdx-path-${path}-`);

/** A well-formed waybill number no carrier has issued (random, 24 characters). */
export const unknownWaybillNo = (): string => `ECDXNONE${randomDigits(16)}`;

export const shipmentPath = (waybillNo: string): string => `/v1/shipments/${encodeURIComponent(waybillNo)}`;
export const cancellationPath = (waybillNo: string): string => `${shipmentPath(waybillNo)}/cancellation`;

const example = (name: string): ShipmentBody => {
  const examples = (schemaByName(name) as { examples?: unknown[] }).examples;
  return structuredClone((examples?.[0] ?? {}) as ShipmentBody);
};

function applyOverrides(body: ShipmentBody, overrides: ShipmentOverrides = {}): ShipmentBody {
  const out = { ...body };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete out[key];
    else out[key] = value;
  }
  return out;
}

/** A valid body or a harness bug (never sent). */
function checked(body: ShipmentBody, what: string): ShipmentBody {
  const found = violations(schemaByName('ShipmentRequest'), body, 3);
  if (found.length > 0) throw new Error(`harness bug: the ${what} is not a valid ShipmentRequest: ${found.map((v) => `${v.pointer} ${v.message}`).join('; ')}`);
  return body;
}

/**
 * The full example request (sender with company and landline, recipient with privacy number and postal code,
 * declared value and weight), addressed to the target, with a fresh order id and a privacy number that expires in
 * two weeks. Overrides are applied last and not validated, so that a check can build an invalid variant.
 */
export function shipmentRequest(t: TestContext, overrides?: ShipmentOverrides): ShipmentBody {
  const body = example('ShipmentRequest');
  const recipient = structuredClone(body['recipient']) as Record<string, Record<string, unknown>>;
  if (recipient['privacyNumber']) recipient['privacyNumber'] = { ...recipient['privacyNumber'], expiresAt: timestamp(t.targetNow() + 14 * DAY) };
  const fresh = checked({ ...body, recipient, carrierCode: targetCarrierCode(t), platformOrderId: orderId() }, 'example request');
  return applyOverrides(fresh, overrides);
}

/** A request with only the members ShipmentRequest requires (no company, privacy number, postal code, declared value or weight). */
export function minimalShipmentRequest(t: TestContext, overrides?: ShipmentOverrides): ShipmentBody {
  const body = checked(
    {
      platformOrderId: orderId(),
      carrierCode: targetCarrierCode(t),
      sender: {
        name: '王五',
        phone: '13912345678',
        address: { countryCode: 'CN', divisionCode: '330106', province: '浙江省', city: '杭州市', detail: '文三路90号5楼' },
      },
      recipient: {
        name: '张三',
        phone: '13812345678',
        address: { countryCode: 'CN', divisionCode: '110108', province: '北京市', city: '北京市', detail: '中关村大街27号1101室' },
      },
      contents: [{ name: '纯棉T恤', category: 'CLOTHING_FOOTWEAR', quantity: 1 }],
      package: { count: 1 },
      service: 'STANDARD',
      purpose: 'DELIVERY',
    },
    'minimal request',
  );
  return applyOverrides(body, overrides);
}

/** A current consent record (granted a day ago, expires in a year) with a fresh consentId. */
export function consentRecord(t: TestContext, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = t.targetNow();
  return {
    ...example('ConsentRecord'),
    consentId: `ecdx-cns-${shortId()}`,
    grantedAt: timestamp(now - DAY),
    expiresAt: timestamp(now + 365 * DAY),
    ...overrides,
  };
}

/** A request to a recipient in Hong Kong under the contract-performance exemption, with its separate consent. */
export function crossBorderShipmentRequest(t: TestContext, overrides?: ShipmentOverrides): ShipmentBody {
  const consent = consentRecord(t, { purpose: 'CROSS_BORDER_TRANSFER', subjectRole: 'RECIPIENT', dataCategories: ['NAME', 'PHONE', 'ADDRESS', 'CONTENTS'] });
  const body = shipmentRequest(t, {
    recipient: {
      name: '陈大文',
      phone: '+85221234567',
      address: { countryCode: 'HK', city: '香港', district: '油尖旺区', detail: '弥敦道132号美丽华大厦8楼' },
    },
    crossBorder: { legalBasis: 'CONTRACT_PERFORMANCE_EXEMPTION', overseasRecipient: 'Kowloon Express Logistics Ltd.', separateConsentId: consent['consentId'] },
    consents: [consent],
  });
  return applyOverrides(checked(body, 'cross-border request'), overrides);
}

/** A valid CancellationRequest. */
export const cancellationRequest = (reason = 'ORDER_CANCELLED'): Record<string, unknown> => ({ reason });

// --- sending ------------------------------------------------------------------------------------------------

export interface CreatedShipment {
  waybillNo: string;
  /** The Shipment the target answered (201). */
  shipment: Shipment;
  /** The ShipmentRequest sent. */
  request: ShipmentBody;
  /** The Location header as received, if any. */
  location: string | undefined;
  response: HttpResponse;
}

/** POST /v1/shipments with `body` (signed with the run's key unless `sign` says otherwise); no judgement. */
export const postShipment = (t: TestContext, body: unknown, options: { sign?: boolean | SigningKey } = {}): Promise<HttpResponse> =>
  t.http.post('/v1/shipments', body, options.sign === undefined ? {} : { sign: options.sign });

/**
 * Create a shipment from a valid request (the full example unless `overrides` change it). The check ends
 * precondition-failed unless the target answers 201 with a valid Shipment.
 */
export async function createShipment(t: TestContext, overrides?: ShipmentOverrides, options: { sign?: boolean | SigningKey } = {}): Promise<CreatedShipment> {
  const request = shipmentRequest(t, overrides);
  const response = await postShipment(t, request, options);
  t.precondition(response.status === 201, M.shipmentNotCreated({ status: response.status, problem: problemSummaryText(response) }));
  const found = violations(schemaByName('Shipment'), response.json, 3);
  t.precondition(found.length === 0, M.shipmentInvalid({ violations: violationsText(found) }));
  const shipment = response.json as Shipment;
  return { waybillNo: shipment.waybillNo, shipment, request, location: response.headers['location'], response };
}

/**
 * The run's shared shipment on the regular path (`shipment:happy`): created once, by the first check that reads it.
 * Read-only for every check: never cancel it.
 */
export const happyShipment = defineFixture({
  id: 'shipment:happy',
  title: 'A shipment on the regular path (platformOrderId ecdx-happy-…), delivered in person within 4 days of test-clock time',
  create: (t): Promise<CreatedShipment> => createShipment(t, { platformOrderId: happyOrderId() }),
});

// --- what the harness sent ------------------------------------------------------------------------------------

export interface PersonalDatum {
  /** JSON Pointer into the request. */
  pointer: string;
  kind: 'name' | 'phone' | 'privacy-number' | 'address-detail' | 'postal-code' | 'company';
  value: string;
}

const KIND_NAMES: Record<PersonalDatum['kind'], () => Bilingual> = {
  name: M.kindName,
  phone: M.kindPhone,
  'privacy-number': M.kindPrivacyNumber,
  'address-detail': M.kindAddressDetail,
  'postal-code': M.kindPostalCode,
  company: M.kindCompany,
};

/** A kind of personal datum as a report names it, in both languages (the kind's own id in English). */
export const personalDatumKind = (kind: PersonalDatum['kind']): Bilingual => KIND_NAMES[kind]();

export const isPersonalDatumKind = (kind: string): kind is PersonalDatum['kind'] => Object.hasOwn(KIND_NAMES, kind);

/** The personal data a ShipmentRequest carries, for checks that must not find it again. */
export function personalDataOf(request: ShipmentBody): PersonalDatum[] {
  const out: PersonalDatum[] = [];
  for (const role of ['sender', 'recipient'] as const) {
    const contact = request[role] as Record<string, unknown> | undefined;
    if (!contact || typeof contact !== 'object') continue;
    const add = (kind: PersonalDatum['kind'], pointer: string, value: unknown) => {
      if (typeof value === 'string' && value !== '') out.push({ kind, pointer: `/${role}${pointer}`, value });
    };
    add('name', '/name', contact['name']);
    add('phone', '/phone', contact['phone']);
    add('company', '/company', contact['company']);
    const privacy = contact['privacyNumber'] as Record<string, unknown> | undefined;
    if (privacy) add('privacy-number', '/privacyNumber/number', privacy['number']);
    const address = contact['address'] as Record<string, unknown> | undefined;
    if (address) {
      add('address-detail', '/address/detail', address['detail']);
      add('postal-code', '/address/postalCode', address['postalCode']);
    }
  }
  return out;
}

// --- the invalid vectors of the request schemas -----------------------------------------------------------------

export interface InvalidVector {
  /** The vector's description ("purpose other than DELIVERY is invalid"). */
  description: string;
  rule: string | undefined;
  /** The body to send (vector data with the target's carrier code, a fresh order id and current times). */
  body: unknown;
  /** Where the violation is, by the harness's validator: the problem must name one of these (or a member below). */
  pointers: string[];
}

interface VectorGroup {
  description: string;
  tests: { description: string; data: unknown; valid: boolean; rule?: string }[];
}

const vectorsRoot = packagePath('schemas', 'vectors');
const readVectors = (name: string): VectorGroup[] => JSON.parse(readFileSync(join(vectorsRoot, `${name}.json`), 'utf8')) as VectorGroup[];

/** Make a vector's data current without touching the member it breaks. */
function freshen(t: TestContext, data: unknown, broken: string[]): unknown {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return data;
  const body = structuredClone(data) as ShipmentBody;
  const untouched = (pointer: string) => !broken.some((b) => pointerWithin(b, pointer) || pointerWithin(pointer, b));
  if (typeof body['carrierCode'] === 'string' && untouched('/carrierCode')) body['carrierCode'] = targetCarrierCode(t);
  if (typeof body['platformOrderId'] === 'string' && untouched('/platformOrderId')) body['platformOrderId'] = orderId();
  const now = t.targetNow();
  if (Array.isArray(body['consents'])) {
    body['consents'].forEach((consent, i) => {
      if (typeof consent !== 'object' || consent === null || !untouched(`/consents/${i}`)) return;
      const c = consent as Record<string, unknown>;
      if (typeof c['grantedAt'] === 'string') c['grantedAt'] = timestamp(now - DAY);
      if (typeof c['expiresAt'] === 'string') c['expiresAt'] = timestamp(now + 365 * DAY);
    });
  }
  for (const role of ['sender', 'recipient']) {
    const privacy = (body[role] as { privacyNumber?: Record<string, unknown> } | undefined)?.privacyNumber;
    if (privacy && typeof privacy['expiresAt'] === 'string' && untouched(`/${role}/privacyNumber/expiresAt`)) privacy['expiresAt'] = timestamp(now + 14 * DAY);
  }
  return body;
}

function invalidVectors(t: TestContext | undefined, name: string): InvalidVector[] {
  const schema = schemaByName(name);
  return readVectors(name).flatMap((group) =>
    group.tests
      .filter((test) => !test.valid)
      .map((test) => {
        const pointers = [...new Set(violations(schema, test.data).map((v) => v.pointer))];
        const body = t ? freshen(t, test.data, pointers) : structuredClone(test.data);
        const after = [...new Set(violations(schema, body).map((v) => v.pointer))];
        if (after.length === 0 || after.join() !== pointers.join()) {
          throw new Error(
            `harness bug: the vector "${test.description}" breaks ${pointers.join(', ')} but the body sent breaks ${after.join(', ') || 'nothing'}`,
          );
        }
        return { description: test.description, rule: test.rule, body, pointers };
      }),
  );
}

/** Every invalid ShipmentRequest vector of schemas/vectors, ready to send to the target. */
export const invalidShipmentVectors = (t: TestContext): InvalidVector[] => invalidVectors(t, 'ShipmentRequest');
/** Every invalid CancellationRequest vector of schemas/vectors. */
export const invalidCancellationVectors = (): InvalidVector[] => invalidVectors(undefined, 'CancellationRequest');
