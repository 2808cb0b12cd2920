// The page size of ECDX-TRK-010 made observable (chapter Parcel data §4): a parcel on the optional `long` test path
// (chapter Test controls, `ecdx-path-long-`) has more events than any page, so a page without `limit` must hold
// exactly the default and a `limit` above the claim's maxPageSize must be served as maxPageSize. A deployment that
// does not offer the path leaves a parcel no longer than a page: the check is then skipped, never failed.
import { DAY } from '../../../schemas/time.ts';
import { defineCheck } from '../../harness/check.ts';
import type { Bilingual } from '../../i18n/text.ts';
import { createShipment, pathOrderId } from '../../kit/shipping-data.ts';
import { eventsPath, getEvents, pageOf, walkEvents } from '../../kit/trajectory.ts';
import { M } from './messages.ts';

/** The page size without `limit`, before the claim's cap. */
const DEFAULT_PAGE_SIZE = 20;
/** The largest maxPageSize a claim may publish. */
const LARGEST_PAGE = 100;

export const trackingPageSizeChecks = [
  defineCheck({
    id: 'tracking/page-size-on-a-long-trajectory',
    requirements: ['ECDX-TRK-010'],
    needs: ['clock'],
    title: "A page holds the page size: 20 without limit, a larger limit served as the claim's maxPageSize",
    description:
      'Orders a parcel on the optional `ecdx-path-long-` test path (more events than any page), lets the test clock ' +
      'run 2 days, and reads its first page without `limit`, with `limit` 7, with `limit` one above the claim’s ' +
      '`maxPageSize` and with `limit` 1000: each must hold exactly the page size (20, or maxPageSize when smaller; 7; ' +
      'maxPageSize) and carry `nextCursor`, and a limit above maxPageSize must not be refused. Skipped when the ' +
      "deployment's parcel has no more events than a page holds (it does not offer the path).",
    async run(t) {
      t.requireTestMode();
      const { waybillNo } = await createShipment(t, { platformOrderId: pathOrderId('long') });
      await t.advanceClock(2 * DAY);
      const cap = Math.min(t.claim?.maxPageSize ?? LARGEST_PAGE, LARGEST_PAGE);
      // Walked maxPageSize a page, the largest limit the claim promises to accept (ECDX-CNF-004).
      const walk = await walkEvents(t, waybillNo, cap, Math.ceil(300 / cap) + 1);
      t.precondition(!walk.refused && walk.complete, M.longWalkIncomplete({ waybillNo, cap }));
      const total = walk.events.length;
      const defaultSize = Math.min(DEFAULT_PAGE_SIZE, cap);
      if (total <= defaultSize) {
        t.notApplicable(M.longPathNotOffered({ waybillNo, total, defaultSize }));
        return;
      }
      const expectPage = async (limit: number | undefined, size: number, why: Bilingual) => {
        const query = limit === undefined ? {} : { limit };
        const what = `GET ${eventsPath(waybillNo, query)}`;
        const response = await getEvents(t, waybillNo, query);
        const page = pageOf(response);
        t.assert(page !== undefined, M.servedWithAPage({ what, why, status: response.status }));
        if (!page) return;
        t.assert(
          page.items.length === size && page.nextCursor !== undefined,
          M.firstPageHoldsPageSize({
            what,
            total,
            size,
            why,
            got: page.items.length,
            cursor: page.nextCursor === undefined ? M.noNextCursor() : M.aNextCursor(),
          }),
        );
      };
      await expectPage(undefined, defaultSize, cap < DEFAULT_PAGE_SIZE ? M.whyNoLimitCapped({ cap }) : M.whyNoLimit());
      if (total > 7) await expectPage(7, Math.min(7, cap), M.whyLimit7());
      if (total > cap) {
        await expectPage(cap + 1, cap, M.whyAboveCap({ cap }));
        await expectPage(1000, cap, M.whyAboveCap({ cap }));
      } else {
        t.blocked(M.capNotSeen({ total, cap }));
      }
    },
  }),
];
