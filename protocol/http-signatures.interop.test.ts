// Cross-implementation tests: a request signed here verifies with the `http-message-signatures` package and the
// reverse, for both algorithms; and the Fetch and node:http adapters carry a signature through real requests.
import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSigner, createVerifier, httpbis } from 'http-message-signatures';
import { describe, expect, it } from 'vitest';
import { generateEd25519SigningKey, generateHmacKey, Keyring, verificationKeyOf } from './keys.ts';
import { fromFetchRequest, fromNodeRequest, withHeaders, type SignableRequest } from './messages.ts';
import { NonceCache } from './nonce-cache.ts';
import { signRequest, verifyRequest } from './http-signatures.ts';

const platform = generateEd25519SigningKey('platform-1');
const shared = generateHmacKey('platform-hmac');
const keyring = new Keyring([platform, shared]);
const FIELDS = ['@method', '@target-uri', 'content-type', 'content-digest', 'idempotency-key'];

const shipment = (): SignableRequest & { headers: Record<string, string> } => ({
  method: 'POST',
  url: 'https://carrier.example/v1/shipments',
  headers: { 'content-type': 'application/json', 'idempotency-key': `key-${Math.random()}` },
  body: '{"platformOrderId":"ord-20260301-0001"}',
});

describe('interoperability with http-message-signatures', () => {
  for (const key of [platform, shared]) {
    it(`a request we sign with ${key.alg} verifies with theirs`, async () => {
      const request = shipment();
      const signed = withHeaders(request, signRequest(request, { key }));
      const material = verificationKeyOf(key).key;
      const verified = await httpbis.verifyMessage(
        {
          requiredFields: FIELDS,
          requiredParams: ['created', 'expires', 'nonce', 'keyid', 'alg'],
          keyLookup: async (params) => (params.keyid === key.keyid ? { id: key.keyid, algs: [key.alg], verify: createVerifier(material, key.alg) } : null),
        },
        { method: signed.method, url: signed.url, headers: signed.headers as Record<string, string> },
      );
      expect(verified).toBe(true);
    });

    it(`a request they sign with ${key.alg} verifies with ours`, async () => {
      const request = shipment();
      const withDigest = withHeaders(request, { 'content-digest': signRequest(request, { key })['content-digest']! });
      const signed = await httpbis.signMessage(
        {
          key: createSigner(key.key, key.alg, key.keyid),
          name: 'ecdx',
          fields: FIELDS,
          params: ['created', 'expires', 'nonce', 'keyid', 'alg'],
          paramValues: { nonce: `their-nonce-${Math.random()}`, expires: new Date(Date.now() + 300_000) },
        },
        { method: withDigest.method, url: withDigest.url, headers: withDigest.headers as Record<string, string> },
      );
      const result = verifyRequest({ ...signed, body: request.body }, { keyring, nonceCache: new NonceCache() });
      expect(result).toMatchObject({ ok: true, keyid: key.keyid, alg: key.alg });
    });
  }

  it('their verifier also rejects a body we signed and someone changed', async () => {
    const request = shipment();
    const signed = withHeaders(request, signRequest(request, { key: platform }));
    const ours = verifyRequest({ ...signed, body: '{}' }, { keyring, nonceCache: new NonceCache() });
    expect(ours).toMatchObject({ ok: false, problem: 'digest-mismatch' });
    // They check the signature over the Content-Digest field, not the body: the field itself must change to fail.
    const forged = { ...(signed.headers as Record<string, string>), 'content-digest': 'sha-256=:AAAA:' };
    await expect(
      httpbis.verifyMessage(
        { keyLookup: async () => ({ id: platform.keyid, algs: ['ed25519'], verify: createVerifier(verificationKeyOf(platform).key, 'ed25519') }) },
        { method: signed.method, url: signed.url, headers: forged },
      ),
    ).resolves.toBe(false);
  });
});

describe('adapters', () => {
  it('carries a signature through a Fetch Request', async () => {
    const request = shipment();
    const headers = { ...request.headers, ...signRequest(request, { key: platform }) };
    const fetchRequest = new Request(request.url, { method: 'POST', headers, body: request.body as string });
    const result = verifyRequest(await fromFetchRequest(fetchRequest), { keyring, nonceCache: new NonceCache() });
    expect(result.ok).toBe(true);
    expect(await fetchRequest.text()).toBe(request.body); // the adapter read a clone
  });

  it('carries a signature through node:http on the loopback interface', async () => {
    const nonceCache = new NonceCache();
    const server = createServer(async (req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const result = verifyRequest(fromNodeRequest(req, Buffer.concat(chunks)), { keyring, nonceCache });
      res.writeHead(result.ok ? 201 : result.status, { 'content-type': 'application/json' }).end(JSON.stringify(result));
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const { port } = server.address() as AddressInfo;
      const request = { ...shipment(), url: `http://127.0.0.1:${port}/v1/shipments?dryRun=false` };
      const headers = { ...request.headers, ...signRequest(request, { key: shared }) };
      const first = await fetch(request.url, { method: 'POST', headers, body: request.body as string });
      expect(first.status).toBe(201);
      const replay = await fetch(request.url, { method: 'POST', headers, body: request.body as string });
      expect(replay.status).toBe(401);
      expect(await replay.json()).toMatchObject({ problem: 'nonce-replayed' });
    } finally {
      server.close();
    }
  });
});

describe('throughput', () => {
  it('verifies a thousand ed25519-signed requests well within a second of CPU', () => {
    const requests = Array.from({ length: 1000 }, () => {
      const request = shipment();
      return withHeaders(request, signRequest(request, { key: platform }));
    });
    const nonceCache = new NonceCache();
    const started = performance.now();
    for (const request of requests) expect(verifyRequest(request, { keyring, nonceCache }).ok).toBe(true);
    // Loose bound, only to catch a per-request key import or similar regression (measured: well under 200 ms).
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
