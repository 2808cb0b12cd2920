// A request signed by an independent RFC 9421 implementation — the `http-message-signatures` package, keyed from
// the published demo key material with node:crypto, its Content-Digest computed here — is accepted by the
// standalone mock over real HTTP. The mock's own signer (protocol/) is not on this path.
import { createHash, createPrivateKey, randomBytes, randomUUID } from 'node:crypto';
import { createSigner, httpbis } from 'http-message-signatures';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_HMAC_KEYID, DEMO_HMAC_SECRET_BASE64, DEMO_PLATFORM_KEYID, DEMO_PLATFORM_PRIVATE_KEY_PEM } from '../protocol/index.ts';
import { violations } from '../schemas/validate.ts';
import { startMockServer, type MockServer } from './server.ts';
import { shipmentRequest } from './test-support/requests.ts';

const signers = {
  ed25519: createSigner(createPrivateKey(DEMO_PLATFORM_PRIVATE_KEY_PEM), 'ed25519', DEMO_PLATFORM_KEYID),
  'hmac-sha256': createSigner(Buffer.from(DEMO_HMAC_SECRET_BASE64, 'base64'), 'hmac-sha256', DEMO_HMAC_KEYID),
};

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ port: 0, host: '127.0.0.1', selfCheck: true });
});
afterAll(() => server?.close());

/** Sign with their library: the ECDX profile's components and parameters, a fresh nonce, 300 s of validity. */
async function theirRequest(alg: keyof typeof signers, method: string, path: string, body?: string, tamper?: (h: Record<string, string>) => void) {
  const url = `${server.url}${path}`;
  const headers: Record<string, string> = {};
  const fields = ['@method', '@target-uri'];
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-digest'] = `sha-256=:${createHash('sha256').update(body).digest('base64')}:`;
    fields.push('content-type', 'content-digest');
  }
  if (method === 'POST') {
    headers['idempotency-key'] = randomUUID();
    fields.push('idempotency-key');
  }
  const created = new Date();
  const signed = await httpbis.signMessage(
    {
      key: signers[alg],
      name: 'ecdx',
      fields,
      params: ['created', 'expires', 'nonce', 'keyid', 'alg'],
      paramValues: { created, expires: new Date(created.getTime() + 300_000), nonce: randomBytes(16).toString('base64url') },
    },
    { method, url, headers },
  );
  const sent = { ...(signed.headers as Record<string, string>) };
  tamper?.(sent);
  const response = await request(url, { method: method as 'GET', headers: sent, body });
  return { status: response.statusCode, headers: response.headers, body: (await response.body.json()) as Record<string, unknown> };
}

describe('a request signed with http-message-signatures', () => {
  for (const alg of ['ed25519', 'hmac-sha256'] as const) {
    it(`creates a shipment when signed with ${alg}`, async () => {
      const answer = await theirRequest(alg, 'POST', '/v1/shipments', JSON.stringify(shipmentRequest()));
      expect(answer.status).toBe(201);
      expect(violations('Shipment', answer.body)).toEqual([]);
    });

    it(`reads the shipment back when signed with ${alg}`, async () => {
      const createdShipment = await theirRequest(alg, 'POST', '/v1/shipments', JSON.stringify(shipmentRequest()));
      const waybillNo = String(createdShipment.body.waybillNo);
      const answer = await theirRequest(alg, 'GET', `/v1/shipments/${encodeURIComponent(waybillNo)}`);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ waybillNo });
    });
  }

  it('is still refused when its body is changed on the way', async () => {
    const body = JSON.stringify(shipmentRequest());
    const url = `${server.url}/v1/shipments`;
    const digest = `sha-256=:${createHash('sha256').update(body).digest('base64')}:`;
    const headers = { 'content-type': 'application/json', 'content-digest': digest, 'idempotency-key': randomUUID() };
    const signed = await httpbis.signMessage(
      {
        key: signers.ed25519,
        name: 'ecdx',
        fields: ['@method', '@target-uri', 'content-type', 'content-digest', 'idempotency-key'],
        params: ['created', 'expires', 'nonce', 'keyid', 'alg'],
        paramValues: { expires: new Date(Date.now() + 300_000), nonce: randomBytes(16).toString('base64url') },
      },
      { method: 'POST', url, headers },
    );
    const response = await request(url, { method: 'POST', headers: signed.headers as Record<string, string>, body: body.replace('DELIVERY', 'MARKETING') });
    expect(response.statusCode).toBe(401);
    expect(await response.body.json()).toMatchObject({ type: 'https://ecdx.dev/problems/digest-mismatch' });
  });

  it('is refused when its signature bytes are altered', async () => {
    const answer = await theirRequest('ed25519', 'GET', '/v1/shipments/SF1234567890123', undefined, (headers) => {
      const name = Object.keys(headers).find((h) => h.toLowerCase() === 'signature')!;
      headers[name] = headers[name]!.replace(/:(.)/, (_m, c: string) => `:${c === 'A' ? 'B' : 'A'}`);
    });
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ type: 'https://ecdx.dev/problems/signature-invalid' });
  });
});
