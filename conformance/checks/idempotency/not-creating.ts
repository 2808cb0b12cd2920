// An Idempotency-Key on a request that creates nothing (chapter Security §3, ECDX-IDM-010, decision 0030): generic
// clients and gateways add one to every request. The server processes such a request as if it carried none: it
// refuses nothing for the field and replays nothing from its key store.
import { defineCheck } from '../../harness/check.ts';
import { newIdempotencyKey } from '../../kit/ids.ts';
import { probePath } from '../../kit/requests.ts';
import { SECOND } from '../../../schemas/time.ts';
import { M } from './messages.ts';

const route = (path: string) => path.split('?')[0];
const clockNow = (json: unknown): number => Date.parse((json as { now?: string } | undefined)?.now ?? '');

export const notCreatingChecks = [
  defineCheck({
    id: 'idempotency/key-ignored-on-reads',
    requirements: ['ECDX-IDM-010'],
    title: 'A GET that carries an Idempotency-Key is answered as without one',
    description:
      'Sends a signed GET the target serves without an Idempotency-Key, then the same GET twice with one key (the ' +
      'signature covering the field); expects both answered with the status of the GET without the key, and never ' +
      'refused for the field.',
    async run(t) {
      const path = probePath(t);
      const plain = await t.http.get(path);
      t.precondition(plain.status !== 401, M.getKeyNotAccepted({ path: route(path)! }));
      const key = newIdempotencyKey();
      for (const attempt of [M.first(), M.second()]) {
        const keyed = await t.http.get(path, { headers: { 'idempotency-key': key } });
        t.assert(keyed.status === plain.status, M.keyedGet({ path: route(path)!, attempt, expected: plain.status, got: keyed.status }));
      }
    },
  }),
  defineCheck({
    id: 'idempotency/key-ignored-on-clock-moves',
    requirements: ['ECDX-IDM-010'],
    needs: ['clock'],
    title: 'Two moves of the test clock under one Idempotency-Key both move it',
    description:
      'Against a test deployment: moves the clock by 1 s twice with the same Idempotency-Key; expects the second ' +
      'answer to show the clock moved again, not the first answer replayed from the key store. Skipped against a ' +
      'deployment that does not claim test mode (the GET check covers the rule there).',
    async run(t) {
      if (t.claim?.testMode !== true) t.notApplicable(M.noTestClock());
      const key = newIdempotencyKey();
      const first = await t.http.post('/v1/test/clock', { advanceSeconds: 1 }, { idempotencyKey: key });
      t.assert(first.status === 200, M.clockMoveProcessed({ status: first.status }));
      t.precondition(Number.isFinite(clockNow(first.json)), M.notATestClock());
      const second = await t.http.post('/v1/test/clock', { advanceSeconds: 1 }, { idempotencyKey: key });
      t.assert(second.status === 200, M.secondClockMoveProcessed({ status: second.status }));
      t.assert(
        clockNow(second.json) >= clockNow(first.json) + SECOND,
        M.clockMovedAgain({ now: String((second.json as { now?: string } | undefined)?.now), first: String((first.json as { now?: string }).now) }),
      );
      await t.advanceClock(SECOND); // the harness signs on the target's clock: take up the moves it made by hand
    },
  }),
];
