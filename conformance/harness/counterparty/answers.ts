// What the judging counterparty answers when nothing is scripted: the answers of a correct carrier or platform, from
// a small state of its own (the shipments a client sent, the trajectories it serves, the subscriptions it granted,
// the notices it holds). It judges nothing here — the client duties are judged on the recorded requests
// (conformance/kit/client-duties.ts) — and it refuses only what no counterparty could answer as valid: a body the
// schema refuses, an unknown waybill, a cursor it did not issue.
import { randomBytes, randomUUID } from 'node:crypto';
import { nextNegotiationState, obligations } from '../../../schemas/notice-rules.ts';
import type {
  InterruptionNotice,
  InterruptionNoticeRequest,
  NoticeResponse,
  PartyRole,
  SecurityIncident,
  Shipment,
  ShipmentRequest,
  Subscription,
  SubscriptionRequest,
  TrackingEvent,
} from '../../../schemas/src/index.ts';
import { SPEC_VERSION, classUri } from '../../../schemas/src/classes.ts';
import { problemType, problemTypeUri, type ProblemSlug } from '../../../schemas/src/problems.ts';
import { violations } from '../../../schemas/validate.ts';
import { DEMO_CARRIER_CODE, offsetTimestamp } from './identity.ts';

export interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface AnswerInput {
  operationId: string;
  params: Record<string, string>;
  query: URLSearchParams;
  json: unknown;
  /** The counterparty's now as the client's clock has it (epoch ms): the times the answers state. */
  now: number;
  /** The base URL the client addressed (before /v1), for Location fields. */
  base: string;
}

/** The events of a page when the client names no limit, and the most it may ask for (the harness's claim). */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export const problem = (slug: ProblemSlug, detail?: string, extra: Record<string, unknown> = {}): Answer => {
  const { status, title } = problemType(slug);
  return {
    status,
    headers: { 'content-type': 'application/problem+json' },
    body: { type: problemTypeUri(slug), title, status, ...(detail ? { detail } : {}), ...extra },
  };
};

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Answer => ({
  status,
  body,
  headers: { 'content-type': 'application/json', ...headers },
});

/** The harness as a party, as it names itself in every notice it issues: the demo carrier's code when it plays a carrier. */
export function partyOf(role: PartyRole): InterruptionNotice['issuer'] {
  const name = 'ECDX conformance harness';
  return role === 'carrier' ? { name, role: 'carrier', carrierCode: DEMO_CARRIER_CODE } : { name, role: 'platform' };
}

/** The state of one session of the counterparty: what its client created there, and what it serves. */
export class CounterpartyState {
  readonly role: PartyRole;
  readonly shipments = new Map<string, Shipment>();
  readonly trajectories = new Map<string, TrackingEvent[]>();
  readonly subscriptions = new Map<string, { subscription: Subscription; secret?: string }>();
  /** Notices held here: those the client issued (the harness is the recipient) and those the harness issued to it. */
  readonly notices = new Map<string, { notice: InterruptionNotice; holder: 'ISSUER' | 'RECIPIENT' }>();
  readonly incidents: SecurityIncident[] = [];
  /** The cursors issued, in order, with the page each continues from: a client that follows them asks for each. */
  readonly cursors = new Map<string, { waybillNo: string; after: number }>();
  #waybills = 0;

  constructor(role: PartyRole) {
    this.role = role;
  }

  answer(input: AnswerInput): Answer {
    const refused = this.#invalidBody(input);
    if (refused) return refused;
    switch (input.operationId) {
      case 'getConformanceClaim':
        return json(200, this.claim());
      case 'getHealth':
        return json(200, { status: 'UP', serverTime: offsetTimestamp(input.now), ecdxVersion: SPEC_VERSION, feeds: [] });
      case 'createShipment':
        return this.#createShipment(input);
      case 'getShipment': {
        const shipment = this.shipments.get(input.params.waybillNo ?? '');
        return shipment ? json(200, shipment) : problem('not-found', 'no shipment with this waybill number');
      }
      case 'cancelShipment': {
        const shipment = this.shipments.get(input.params.waybillNo ?? '');
        if (!shipment) return problem('not-found', 'no shipment with this waybill number');
        const cancelled = { ...shipment, status: 'CANCELLED' } as Shipment;
        this.shipments.set(shipment.waybillNo, cancelled);
        return json(200, cancelled);
      }
      case 'listTrackingEvents':
        return this.#page(input);
      case 'createSubscription':
        return this.#subscribe(input);
      case 'getSubscription': {
        const held = this.subscriptions.get(input.params.subscriptionId ?? '');
        return held ? json(200, held.subscription) : problem('not-found');
      }
      case 'deleteSubscription':
        return this.subscriptions.delete(input.params.subscriptionId ?? '') ? { status: 204 } : problem('not-found');
      case 'receiveInterruptionNotice':
        return this.#receiveNotice(input);
      case 'getInterruptionNotice': {
        const held = this.notices.get(input.params.noticeId ?? '');
        return held ? json(200, held.notice) : problem('not-found');
      }
      case 'respondToInterruptionNotice':
        return this.#respond(input);
      case 'receiveSecurityIncident': {
        const incident = input.json as SecurityIncident;
        this.incidents.push(incident);
        return json(201, { incidentId: incident.incidentId, receivedAt: offsetTimestamp(input.now) });
      }
      default:
        return problem('not-found', 'the harness does not serve this operation to a client');
    }
  }

  /** The harness's own claim, so that a client reads the party it deals with (its carrier code, its schemes). */
  claim() {
    return {
      ecdxVersion: SPEC_VERSION,
      role: this.role,
      party: { name: partyOf(this.role).name, ...(this.role === 'carrier' ? { carrierCode: DEMO_CARRIER_CODE } : {}) },
      classes: [classUri('core'), classUri('security'), classUri('privacy')],
      features: [],
      idempotencyKeyExpirySeconds: 86_400,
      retention: { shippingDataDays: 180, trackingEventsDays: 180 },
      signatureAlgorithms: ['ed25519', 'hmac-sha256'],
      webhookSignatureSchemes: this.role === 'carrier' ? ['v1a', 'v1'] : [],
      maxPageSize: MAX_PAGE_SIZE,
    };
  }

  /** Serve this trajectory for the waybill (a carrier's), replacing what was there. */
  serveTrajectory(waybillNo: string, events: TrackingEvent[]): void {
    this.trajectories.set(waybillNo, events);
  }

  /** Hold a notice the harness issued to the client, so that the client's responses to it land here. */
  holdIssued(notice: InterruptionNotice): void {
    this.notices.set(notice.noticeId, { notice, holder: 'ISSUER' });
  }

  #invalidBody(input: AnswerInput): Answer | undefined {
    const schema = BODY_SCHEMAS[input.operationId];
    if (!schema) return undefined;
    const found = violations(schema, input.json);
    if (found.length === 0) return undefined;
    return problem('validation-failed', `the body is not a valid ${schema}`, {
      invalidParams: found.slice(0, 20).map((v) => ({ name: v.pointer || '/', in: 'body', reason: v.message })),
    });
  }

  #createShipment(input: AnswerInput): Answer {
    const request = input.json as ShipmentRequest;
    this.#waybills += 1;
    const waybillNo = `ECDXH${String(this.#waybills).padStart(10, '0')}`;
    const shipment = { waybillNo, carrierCode: DEMO_CARRIER_CODE, status: 'CREATED', request, createdAt: offsetTimestamp(input.now) } as unknown as Shipment;
    this.shipments.set(waybillNo, shipment);
    return json(201, shipment, { location: `${input.base}/v1/shipments/${waybillNo}` });
  }

  #page(input: AnswerInput): Answer {
    const waybillNo = input.params.waybillNo ?? '';
    const events = this.trajectories.get(waybillNo);
    if (!events) return problem('not-found', 'no trajectory with this waybill number');
    const limitText = input.query.get('limit');
    const limit = limitText === null ? DEFAULT_PAGE_SIZE : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1)
      return problem('validation-failed', 'limit must be a whole number from 1', {
        invalidParams: [{ name: 'limit', in: 'query', reason: 'not a whole number from 1' }],
      });
    const cursorText = input.query.get('cursor');
    let after = 0;
    if (cursorText !== null) {
      const cursor = this.cursors.get(cursorText);
      if (!cursor || cursor.waybillNo !== waybillNo) return problem('not-found', 'a cursor this carrier did not issue');
      after = cursor.after;
    }
    const items = events.filter((e) => e.sequence > after).slice(0, Math.min(limit, MAX_PAGE_SIZE));
    const last = items.at(-1);
    const more = last !== undefined && events.some((e) => e.sequence > last.sequence);
    const body: Record<string, unknown> = { waybillNo, items };
    if (more) {
      const cursor = randomBytes(12).toString('base64url');
      this.cursors.set(cursor, { waybillNo, after: last.sequence });
      body.nextCursor = cursor;
    }
    return json(200, body);
  }

  #subscribe(input: AnswerInput): Answer {
    const request = input.json as SubscriptionRequest;
    const subscriptionId = `sub_h${randomUUID().replaceAll('-', '').slice(0, 16)}`;
    const subscription = { subscriptionId, ...request, state: 'ACTIVE', createdAt: offsetTimestamp(input.now) } as Subscription;
    const secret = request.signatureScheme === 'v1' ? `whsec_${randomBytes(32).toString('base64')}` : undefined;
    this.subscriptions.set(subscriptionId, { subscription, ...(secret ? { secret } : {}) });
    return json(201, { ...subscription, ...(secret ? { secret } : {}) }, { location: `${input.base}/v1/subscriptions/${subscriptionId}` });
  }

  #receiveNotice(input: AnswerInput): Answer {
    const posted = input.json as InterruptionNoticeRequest;
    const existing = this.notices.get(posted.noticeId);
    if (existing) return json(201, existing.notice, { location: `${input.base}/v1/interruption-notices/${posted.noticeId}` });
    const notice: InterruptionNotice = {
      ...posted,
      negotiation: { state: 'ISSUED', responses: [], obligations: obligations(posted, 'ISSUED') },
      receivedAt: offsetTimestamp(input.now),
    };
    this.notices.set(notice.noticeId, { notice, holder: 'RECIPIENT' });
    return json(201, notice, { location: `${input.base}/v1/interruption-notices/${notice.noticeId}` });
  }

  #respond(input: AnswerInput): Answer {
    const held = this.notices.get(input.params.noticeId ?? '');
    if (!held) return problem('not-found');
    const response = input.json as NoticeResponse;
    const next = nextNegotiationState(held.notice.negotiation.state, response);
    if ('problemSlug' in next) return problem(next.problemSlug, next.detail);
    const responses = [...held.notice.negotiation.responses, response];
    const notice: InterruptionNotice = {
      ...held.notice,
      negotiation: { state: next.state, responses, obligations: obligations(held.notice, next.state, responses) },
    };
    this.notices.set(notice.noticeId, { ...held, notice });
    return json(201, notice);
  }
}

/** The body each operation takes, by schema name: a body the schema refuses is answered 422, as any server would. */
const BODY_SCHEMAS: Readonly<Record<string, string>> = {
  createShipment: 'ShipmentRequest',
  cancelShipment: 'CancellationRequest',
  createSubscription: 'SubscriptionRequest',
  receiveInterruptionNotice: 'InterruptionNoticeRequest',
  respondToInterruptionNotice: 'NoticeResponse',
  receiveSecurityIncident: 'SecurityIncident',
};
