// Reading a trajectory as a platform (GET /v1/shipments/{waybillNo}/events): page after page, following nextCursor
// until a page carries none (ECDX-TRK-021). The `pull-trajectory` action does it on request; the receiver does it
// by itself when the pushes of a subscription the client holds leave a gap in a waybill's sequences (ECDX-PSH-027).
import { isValid } from '../../../schemas/validate.ts';
import type { EventPage, TrackingEvent } from '../../../schemas/src/index.ts';
import type { MockContext } from '../types.ts';
import { ActionFailed, ClientSession, expectStatus } from './session.ts';
import { clientSubscription } from './subscriptions.ts';

/** More pages than any trajectory has (a waybill records a few dozen events): a counterparty whose cursors never end. */
const MAX_PAGES = 1000;

export async function pullTrajectory(session: ClientSession, waybillNo: string): Promise<TrackingEvent[]> {
  const events: TrackingEvent[] = [];
  const path = `/v1/shipments/${encodeURIComponent(waybillNo)}/events`;
  let cursor: string | undefined;
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    const query = cursor === undefined ? '' : `?cursor=${encodeURIComponent(cursor)}`;
    const page = expectStatus(await session.get(`${path}${query}`), 200, `GET ${path}`);
    if (!isValid('EventPage', page)) throw new ActionFailed(`GET ${path}${query} answered a page that is not an EventPage`);
    events.push(...(page as EventPage).items);
    cursor = session.mock.fault('client-pull-stops-at-first-page') ? undefined : (page as EventPage).nextCursor;
    if (cursor === undefined) return events;
  }
  throw new ActionFailed(`GET ${path}: still a nextCursor after ${MAX_PAGES} pages`);
}

/** The waybills whose held sequences miss a number below the highest: a gap the pushes left. */
export function waybillsWithGaps(sequencesOf: (waybillNo: string) => readonly number[], waybillNos: Iterable<string>): string[] {
  return [...new Set(waybillNos)].filter((waybillNo) => {
    const held = new Set(sequencesOf(waybillNo));
    const highest = Math.max(0, ...held);
    for (let s = 1; s < highest; s++) if (!held.has(s)) return true;
    return false;
  });
}

/**
 * Pull, from the carrier the subscription belongs to, the trajectory of each waybill a push left with a gap, at once
 * and in the background (after the push is answered), and `keep` what it returns. A subscription the client does not
 * hold (the demo subscription a harness pushes for) names no carrier to pull from.
 */
export function repairGaps(mock: MockContext, subscriptionId: string, waybillNos: readonly string[], keep: (events: TrackingEvent[]) => void): void {
  const subscription = clientSubscription(mock, subscriptionId);
  if (!subscription || waybillNos.length === 0 || mock.fault('gap-not-repaired')) return;
  const repair = async () => {
    await new Promise((resolve) => setImmediate(resolve));
    const session = new ClientSession(mock, subscription.counterparty, 'platform');
    for (const waybillNo of waybillNos) keep(await pullTrajectory(session, waybillNo));
  };
  mock.background.track(repair());
}
