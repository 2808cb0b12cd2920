// The judging counterparty against a client it did not write: requests signed by the independent
// `http-message-signatures` package, with a Content-Digest computed here by hand (RFC 9530), are verified as the
// profile asks; the same request with its body changed after signing is not. A judge that only agreed with our own
// signer would prove little.
import { createHash, randomUUID } from 'node:crypto';
import { createSigner, httpbis } from 'http-message-signatures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCredentials } from '../../../protocol/index.ts';
import { ShipmentRequest } from '../../../schemas/src/index.ts';
import { CounterpartyServer } from './server.ts';

let server: CounterpartyServer;
beforeAll(async () => {
  server = await CounterpartyServer.start({ role: 'carrier', clientKeys: [demoCredentials.platform.verificationKey, demoCredentials.platformHmac] });
});
afterAll(async () => {
  await server.close();
});

const FIELDS = ['@method', '@target-uri', 'content-type', 'content-digest', 'idempotency-key'];

/** POST a shipment signed by their library with `key`; `tamper` changes the body after signing. */
async function theirClient(url: string, key: typeof demoCredentials.platform.signingKey, tamper = false): Promise<number> {
  const body = JSON.stringify(ShipmentRequest.examples[0]);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'idempotency-key': randomUUID(),
    'content-digest': `sha-256=:${createHash('sha256').update(body).digest('base64')}:`,
  };
  const signed = await httpbis.signMessage(
    {
      key: createSigner(key.key, key.alg, key.keyid),
      name: 'ecdx',
      fields: FIELDS,
      params: ['created', 'expires', 'nonce', 'keyid', 'alg'],
      paramValues: { nonce: randomUUID(), expires: new Date(Date.now() + 300_000) },
    },
    { method: 'POST', url, headers },
  );
  const response = await fetch(url, {
    method: 'POST',
    headers: signed.headers as Record<string, string>,
    body: tamper ? body.replace('纯棉T恤', '羊毛衫') : body,
  });
  await response.arrayBuffer();
  return response.status;
}

describe('the judging counterparty and an independent signer', () => {
  for (const key of [demoCredentials.platform.signingKey, demoCredentials.platformHmac]) {
    it(`verifies a request their library signed with ${key.alg}, and not one whose body changed after signing`, async () => {
      const session = server.session();
      expect(await theirClient(`${session.url}/v1/shipments`, key)).toBe(201);
      expect(await theirClient(`${session.url}/v1/shipments`, key, true)).toBe(201); // recorded, not refused
      expect(session.requests.map((r) => [r.signature.kind, r.digestProblem !== undefined])).toEqual([
        ['verified', false],
        ['refused', true],
      ]);
    });
  }
});
