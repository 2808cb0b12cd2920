// Reading the trajectory (chapter Parcel data §4): the events endpoint, unknown and foreign waybills, page sizes,
// cursors and complete walks. The checks without `test-mode` read the run's happy shipment as it is just after its
// creation; those with it read the parcels of the shared journeys (kit/trajectory.ts) after they travelled, or
// move the clock themselves (a cursor kept for most of an hour, a walk while events are being recorded).
import type { EventPage } from '../../../schemas/src/index.ts';
import { problemTypeUri } from '../../../schemas/src/problems.ts';
import { HOUR, MINUTE } from '../../../schemas/time.ts';
import { defineCheck } from '../../harness/check.ts';
import type { HttpResponse } from '../../harness/client.ts';
import type { TestContext } from '../../harness/context.ts';
import { catalogueSlug, expectProblemFormat, expectRefusal } from '../../kit/refusals.ts';
import { createShipment, happyOrderId, happyShipment, unknownWaybillNo } from '../../kit/shipping-data.ts';
import {
  advanceUntil,
  eventIdOf,
  eventsPath,
  getEvents,
  journeys,
  pageOf,
  readTrajectory,
  sequenceOf,
  walkEvents,
  type ServedEvent,
} from '../../kit/trajectory.ts';
import { verbatim, type Bilingual, type Text } from '../../i18n/text.ts';
import { M } from './messages.ts';
import { W } from '../../i18n/words.ts';

/** A 422 for a cursor: its status is the cursor checks' own requirement (ECDX-TRK-011); its form and type are the error rules'. */
function expectCursorRefused(t: TestContext, response: HttpResponse, what: Text): void {
  const page = response.status === 200 ? M.withAPage() : '';
  t.assert(response.status === 422, M.cursorExpected422({ what: bi(what), status: response.status, page }));
  expectProblemFormat(t, response, what);
  const type = (response.json as { type?: unknown }).type;
  t.assert(catalogueSlug(type) !== undefined, M.catalogueType({ what: bi(what), type: String(type) }), {
    requirementId: 'ECDX-ERR-002',
  });
  t.assert(type === problemTypeUri('validation-failed'), M.validationFailedType({ what: bi(what), type: String(type) }), {
    requirementId: 'ECDX-ERR-002',
  });
}

/** A label as a message's parameter: a request line is the same in both languages. */
const bi = (what: Text): Bilingual => (typeof what === 'string' ? verbatim(what) : what);

const ids = (events: readonly ServedEvent[]): string[] => events.map(eventIdOf);

/** What must not tell an unknown waybill from another platform's: the problem's status, type and title. */
const problemShape = (response: HttpResponse): string => {
  const body = (response.json ?? {}) as Record<string, unknown>;
  return JSON.stringify({ status: body['status'], type: body['type'], title: body['title'] });
};

export const trackingPullChecks = [
  defineCheck({
    id: 'tracking/events-served',
    requirements: ['ECDX-TRK-001'],
    title: 'The trajectory of a waybill the platform created is served as an EventPage',
    description:
      "Creates a shipment (the run's `ecdx-happy-` shipment) and reads `GET /v1/shipments/{waybillNo}/events`: " +
      'expects 200 with a valid `EventPage` for that waybill, every event naming it.',
    uses: { shipment: happyShipment },
    async run(t, { shipment }) {
      const { waybillNo } = await shipment();
      const response = await getEvents(t, waybillNo);
      const request = verbatim(`GET ${eventsPath(waybillNo)}`);
      t.expectStatus(response, 200, request);
      const page = t.expectSchema<EventPage>(response, 'EventPage', request);
      t.assert(page.waybillNo === waybillNo, M.pageNamesWaybill({ waybillNo, got: String(page.waybillNo) }));
      const foreign = page.items.find((e) => e.waybillNo !== waybillNo);
      t.assert(
        !foreign,
        foreign ? M.eventNamesOtherWaybill({ sequence: String(foreign.sequence), other: String(foreign.waybillNo), waybillNo }) : M.everyEventNamesWaybill(),
      );
    },
  }),
  defineCheck({
    id: 'tracking/trajectory-pages-valid',
    requirements: ['ECDX-TRK-001'],
    needs: ['clock'],
    title: "Every page of a travelled parcel's trajectory is a valid EventPage",
    description:
      'After the shared parcels travelled (a delivered one, and one ordered on the rejected path), walks each trajectory three events ' +
      'a page and expects every page to be a valid `EventPage` — couriers, signatories, locations and real-name ' +
      'outcomes included.',
    uses: { journeys },
    async run(t, { journeys }) {
      t.requireTestMode();
      const j = await journeys();
      for (const { waybillNo } of [j.happy, j.rejected]) {
        let cursor: string | undefined;
        for (let n = 0; n < 40; n++) {
          const response = await getEvents(t, waybillNo, { limit: 3, ...(cursor ? { cursor } : {}) });
          const request = `GET ${eventsPath(waybillNo, { limit: 3 })}`;
          t.expectStatus(response, 200, n ? M.labelPage({ request, page: n + 1 }) : verbatim(request));
          const page = t.expectSchema<EventPage>(response, 'EventPage', M.labelPageOfTrajectory({ page: n + 1, waybillNo }));
          cursor = page.nextCursor;
          if (!cursor) break;
        }
      }
    },
  }),
  defineCheck({
    id: 'tracking/unknown-waybill-not-found',
    requirements: ['ECDX-TRK-012'],
    title: 'An unknown waybill, or one the client may not see, is answered 404 not-found — the same answer',
    description:
      'Asks for the events of a well-formed waybill number no carrier issued: expects 404 with the problem ' +
      "`not-found`. Then asks for the events of the run's shipment signed with the second key the harness holds " +
      '(another keyid): a carrier that counts that key as the same platform answers 200, one that scopes waybills ' +
      'by key answers as if the waybill did not exist — 404 with the same problem as for the unknown waybill. Any ' +
      "other answer (a 403 above all) tells a client that someone else's waybill is real.",
    uses: { shipment: happyShipment },
    async run(t, { shipment }) {
      const unknown = unknownWaybillNo();
      const missing = await getEvents(t, unknown);
      expectRefusal(t, missing, 404, 'not-found', { what: M.labelUnknownWaybill({ request: `GET ${eventsPath(unknown)}` }) });
      const second = t.secondKey;
      if (!second) return t.blocked(M.noSecondKey());
      const { waybillNo } = await shipment();
      const other = await getEvents(t, waybillNo, {}, { sign: second });
      const what = M.labelSecondKey({ request: `GET ${eventsPath(waybillNo)}`, keyid: second.keyid });
      if (other.status === 401) return t.blocked(M.secondKeyRefused({ what }));
      t.assert(
        other.status === 200 || other.status === 404,
        M.expected200Or404({ what, status: other.status, reveals: other.status === 403 ? M.forbiddenReveals() : '' }),
      );
      if (other.status === 404) {
        t.assert(problemShape(other) === problemShape(missing), M.same404({ what, got: problemShape(other), unknown: problemShape(missing) }));
      }
    },
  }),
  defineCheck({
    id: 'tracking/limit-invalid-refused',
    requirements: ['ECDX-TRK-010'],
    title: 'A limit that is not an integer of at least 1 is refused with 422',
    description:
      "Reads the events of the run's shipment with `limit` 0, -1, 2.5 and `abc`: expects 422 `validation-failed` " +
      'for each, its `invalidParams` naming `/limit` with `in: query`.',
    uses: { shipment: happyShipment },
    async run(t, { shipment }) {
      const { waybillNo } = await shipment();
      for (const limit of ['0', '-1', '2.5', 'abc']) {
        const what = verbatim(`GET ${eventsPath(waybillNo, { limit })}`);
        const response = await getEvents(t, waybillNo, { limit });
        expectRefusal(t, response, 422, 'validation-failed', { what });
        const params = (response.json as { invalidParams?: unknown }).invalidParams;
        const named = Array.isArray(params) ? (params as { name?: unknown; in?: unknown }[]).find((p) => p?.name === '/limit') : undefined;
        t.assert(named !== undefined && named.in === 'query', M.invalidParamsNamesLimit({ what, got: JSON.stringify(params ?? null).slice(0, 200) }), {
          requirementId: 'ECDX-ERR-003',
        });
      }
    },
  }),
  defineCheck({
    id: 'tracking/limit-above-100-capped',
    requirements: ['ECDX-TRK-010'],
    title: 'A limit above 100 is served as 100, not refused',
    description: "Reads the events of the run's shipment with `limit` 101 and 1000: expects 200 and a page of at most 100 events.",
    uses: { shipment: happyShipment },
    async run(t, { shipment }) {
      const { waybillNo } = await shipment();
      for (const limit of [101, 1000]) {
        const response = await getEvents(t, waybillNo, { limit });
        const what = `GET ${eventsPath(waybillNo, { limit })}`;
        t.assert(response.status === 200, M.limitAbove100Served({ what, status: response.status }));
        const page = t.need(pageOf(response), M.answeredWithoutPage({ what, status: 200 }));
        t.assert(page.items.length <= 100, M.atMost100({ what, got: page.items.length }));
      }
    },
  }),
  defineCheck({
    id: 'tracking/cursor-not-issued-refused',
    requirements: ['ECDX-TRK-011'],
    title: 'A cursor the carrier did not issue is refused with 422',
    description:
      "Reads the events of the run's shipment with two cursors the carrier never issued (well-formed: visible " +
      'ASCII): expects a 422 problem for each rather than a page from some position — a silently restarted walk ' +
      'hands the client duplicates.',
    uses: { shipment: happyShipment },
    async run(t, { shipment }) {
      const { waybillNo } = await shipment();
      for (const cursor of ['ecdx-conformance-forged-cursor', 'Zm9yZ2VkLWJ5LXRoZS1oYXJuZXNz']) {
        const response = await getEvents(t, waybillNo, { cursor });
        expectCursorRefused(t, response, M.labelNeverIssuedCursor({ request: `GET ${eventsPath(waybillNo, { cursor })}` }));
      }
    },
  }),
  defineCheck({
    id: 'tracking/page-size',
    requirements: ['ECDX-TRK-010'],
    needs: ['clock'],
    title: 'A page holds the page size: limit, 20 without one, never more than maxPageSize, or all that remain',
    description:
      "Reads the first page of a delivered parcel's trajectory with `limit` 1, 2, 5, none and 100, and expects " +
      "exactly that many events (20 without a limit, at most the claim's maxPageSize), or all of them when fewer are recorded.",
    uses: { journeys },
    async run(t, { journeys }) {
      t.requireTestMode();
      const { happy } = await journeys();
      const total = (await readTrajectory(t, happy.waybillNo)).events.length;
      t.precondition(total >= 2, M.tooFewForPageSizes({ waybillNo: happy.waybillNo, total }));
      for (const limit of [1, 2, 5, undefined, 100]) {
        const response = await getEvents(t, happy.waybillNo, limit === undefined ? {} : { limit });
        const what = `GET ${eventsPath(happy.waybillNo, limit === undefined ? {} : { limit })}`;
        const page = t.need(pageOf(response), M.answeredWithoutPage({ what, status: response.status }));
        const size = Math.min(limit ?? 20, t.claim?.maxPageSize ?? 100, 100);
        const expected = Math.min(size, total);
        t.assert(
          page.items.length === expected,
          M.pageHolds({ what, expected: expected === size ? M.thePageSize({ size }) : M.allFewerThanPageSize({ total, size }), got: page.items.length }),
        );
      }
    },
  }),
  defineCheck({
    id: 'tracking/walk-complete',
    requirements: ['ECDX-TRK-009'],
    needs: ['clock'],
    title: 'Following nextCursor yields every event exactly once, in order, whatever the limit',
    description:
      "Walks a delivered parcel's trajectory with `limit` 1, 2 and 3 and compares each walk with the trajectory " +
      'read 100 events a page: the same events (by eventId), each once, in ascending sequence, ending on a page ' +
      'without nextCursor.',
    uses: { journeys },
    async run(t, { journeys }) {
      t.requireTestMode();
      const { happy } = await journeys();
      const reference = await readTrajectory(t, happy.waybillNo);
      t.precondition(reference.events.length >= 2, M.tooFewForWalk({ waybillNo: happy.waybillNo, total: reference.events.length }));
      const expected = ids(reference.events);
      for (const limit of [1, 2, 3]) {
        const walk = await walkEvents(t, happy.waybillNo, limit, expected.length + 5);
        const what = M.labelWalk({ waybillNo: happy.waybillNo, limit });
        t.assert(
          !walk.refused,
          walk.refused
            ? M.walkPageRefused({ what, page: walk.pages.length + 1, status: walk.refused.status })
            : M.walkPagesServed({ what, n: walk.pages.length }),
        );
        t.assert(walk.complete, M.walkDidNotEnd({ what, n: walk.pages.length }));
        const got = ids(walk.events);
        const missing = expected.filter((id) => !got.includes(id));
        const repeated = got.filter((id, i) => got.indexOf(id) !== i);
        t.assert(missing.length === 0, M.everyEventReturned({ what, missing: missing.join(', ') || W.none() }));
        t.assert(repeated.length === 0, M.noEventTwiceRepeated({ what, repeated: repeated.join(', ') || W.none() }));
        t.assert(got.join() === expected.join(), M.ascendingAsOnePage({ what, got: walk.events.map(sequenceOf).join(', ') }));
      }
    },
  }),
  defineCheck({
    id: 'tracking/walk-while-recording',
    requirements: ['ECDX-TRK-009'],
    needs: ['clock'],
    title: 'Events recorded during a walk come after the events already returned',
    description:
      'Creates an `ecdx-happy-` parcel, lets it travel until it has at least 3 events, then walks its trajectory ' +
      'one event a page while moving the clock 55 minutes between pages, so that the parcel records new events ' +
      'during the walk. Expects the walk to return every event once, in ascending sequence: the events recorded ' +
      'before the walk, then the new ones — the same as the trajectory read afterwards, up to where the walk ended.',
    async run(t) {
      t.requireTestMode();
      const { waybillNo } = await createShipment(t, { platformOrderId: happyOrderId() });
      const { reads, reached } = await advanceUntil(t, [waybillNo], ([events]) => (events?.length ?? 0) >= 3, { step: HOUR, max: 12 * HOUR });
      t.precondition(reached, M.tooFewWithin12Hours({ waybillNo }));
      const before = ids(reads[0]!);
      const seen: ServedEvent[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        if (pages > 0) await t.advanceClock(55 * MINUTE);
        const response = await getEvents(t, waybillNo, { limit: 1, ...(cursor ? { cursor } : {}) });
        t.precondition(!(cursor && response.status === 422), M.cursorRefusedAfter55());
        const page = t.need(pageOf(response), M.walkPageWithoutPage({ page: pages + 1, status: response.status }));
        seen.push(...page.items);
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 40);
      const after = ids((await readTrajectory(t, waybillNo)).events);
      const got = ids(seen);
      const what = M.labelWalkWhileRecording({ waybillNo, pages, hours: Math.round(((pages - 1) * 55) / 60) });
      t.assert(!cursor, M.walkReachedEnd({ what }));
      t.assert(
        before.every((id) => got.includes(id)),
        M.earlierEventsReturned({ what, n: before.length }),
      );
      t.assert(
        got.every((id, i) => got.indexOf(id) === i),
        M.noEventTwice({ what, got: seen.map(sequenceOf).join(', ') }),
      );
      t.assert(got.join() === after.slice(0, got.length).join(), M.walkInOrder({ what, walk: seen.map(sequenceOf).join(', '), n: after.length }));
    },
  }),
  defineCheck({
    id: 'tracking/cursor-lifetime',
    requirements: ['ECDX-TRK-011'],
    needs: ['clock'],
    title: "A cursor is honoured for most of an hour; another waybill's cursor is refused",
    description:
      "Takes the cursor of the first page (one event) of a delivered parcel's trajectory, moves the clock 55 " +
      'minutes and follows it: expects the page after the first event. Then presents the cursor of another ' +
      "waybill's first page for this waybill: expects a 422 problem, not a page from some position.",
    uses: { journeys },
    async run(t, { journeys }) {
      t.requireTestMode();
      const { happy, rejected } = await journeys();
      const first = pageOf(await getEvents(t, happy.waybillNo, { limit: 1 }));
      const cursor = t.need(first?.nextCursor, M.noCursorToKeep({ waybillNo: happy.waybillNo }));
      const firstId = eventIdOf(first!.items[0] ?? {});
      const firstSequence = sequenceOf(first!.items[0] ?? {});
      await t.advanceClock(55 * MINUTE);
      const later = await getEvents(t, happy.waybillNo, { cursor });
      const what = M.labelKeptCursor({ waybillNo: happy.waybillNo });
      t.assert(later.status === 200, M.expected200NextPage({ what, status: later.status }));
      const page = t.need(pageOf(later), M.notAReadablePage({ what }));
      t.assert(
        page.items.length > 0 && page.items.every((e) => eventIdOf(e) !== firstId && sequenceOf(e) > firstSequence),
        M.continuesAfterFirst({ what, got: page.items.map(sequenceOf).join(', ') || W.none() }),
      );

      const foreign = pageOf(await getEvents(t, rejected.waybillNo, { limit: 1 }))?.nextCursor;
      const foreignCursor = t.need(foreign, M.noCursor({ waybillNo: rejected.waybillNo }));
      const crossed = await getEvents(t, happy.waybillNo, { cursor: foreignCursor });
      expectCursorRefused(t, crossed, M.labelForeignCursor({ request: `GET ${eventsPath(happy.waybillNo)}`, waybillNo: rejected.waybillNo }));
    },
  }),
];
