// The signature-profile faults: off, the mock refuses what the profile refuses; on, exactly the one refusal the
// fault names is lifted and its neighbours still hold.
import { describe, expect, it } from 'vitest';
import { faultMocks } from '../test-support/fault-mocks.ts';
import { contentDigest } from '../../protocol/index.ts';
import type { Mock } from '../core/mock.ts';
import type { MockResponse } from '../core/types.ts';
import { expectProblem } from '../test-support/problems.ts';
import { shipmentRequest, signedRequest, withBody } from '../test-support/requests.ts';
import { buildRequest } from '../testing.ts';
import { signatureProfileFaults } from './signature-profile.ts';

const mockWith = faultMocks();

const GET = '/v1/shipments/SF1234567890123';
const accepted = (response: MockResponse) => {
  expect(response.status).not.toBe(401);
  expect(response.status).toBeLessThan(500);
};
const shortNonce = (mock: Mock) => signedRequest(mock, 'GET', GET, undefined, { tamper: { params: { nonce: 'a'.repeat(15) } } });
const parameterised = (mock: Mock) =>
  signedRequest(mock, 'POST', '/v1/shipments', shipmentRequest(), { tamper: { componentParams: { 'content-digest': { sf: true } } } });
const unknownDerived = (mock: Mock) =>
  signedRequest(mock, 'GET', GET, undefined, {
    tamper: { components: ['@method', '@target-uri', '@ecdx-unknown'], componentValues: { '@ecdx-unknown': 'x' } },
  });
const digestOf = (mock: Mock, content: string) => buildRequest(mock, 'GET', GET, undefined, { headers: { 'content-digest': contentDigest(content) } });

it('every signature-profile fault is tested here', async () => {
  const source = await import('node:fs/promises').then((fs) => fs.readFile(new URL(import.meta.url), 'utf8'));
  for (const fault of signatureProfileFaults) expect(source, fault.name).toContain(`describe('${fault.name}'`);
});

describe('accept-short-nonce', () => {
  it('off: a 15-character nonce is refused, a 16-character one accepted', async () => {
    const mock = mockWith();
    expectProblem(await mock.handle(shortNonce(mock)), 'signature-invalid');
    accepted(await mock.handle(signedRequest(mock, 'GET', GET, undefined, { nonce: 'a'.repeat(16) })));
  });
  it('on: the short nonce is accepted; component parameters are still refused', async () => {
    const mock = mockWith('accept-short-nonce');
    accepted(await mock.handle(shortNonce(mock)));
    expectProblem(await mock.handle(parameterised(mock)), 'signature-invalid');
  });
});

describe('accept-component-parameters', () => {
  it('off: "content-digest";sf is refused', async () => {
    const mock = mockWith();
    expectProblem(await mock.handle(parameterised(mock)), 'signature-invalid');
  });
  it('on: it is accepted; an unknown derived component and a short nonce are still refused', async () => {
    const mock = mockWith('accept-component-parameters');
    expect((await mock.handle(parameterised(mock))).status).toBe(201);
    expectProblem(await mock.handle(unknownDerived(mock)), 'signature-invalid');
    expectProblem(await mock.handle(shortNonce(mock)), 'signature-invalid');
  });
});

describe('accept-unknown-derived-component', () => {
  it('off: @ecdx-unknown is refused', async () => {
    const mock = mockWith();
    expectProblem(await mock.handle(unknownDerived(mock)), 'signature-invalid');
  });
  it('on: it is accepted; component parameters are still refused', async () => {
    const mock = mockWith('accept-unknown-derived-component');
    accepted(await mock.handle(unknownDerived(mock)));
    expectProblem(await mock.handle(parameterised(mock)), 'signature-invalid');
  });
});

describe('digest-unchecked-without-content', () => {
  it('off: a GET with the digest of zero octets is accepted, one with the digest of other content refused', async () => {
    const mock = mockWith();
    accepted(await mock.handle(digestOf(mock, '')));
    expectProblem(await mock.handle(digestOf(mock, '{}')), 'digest-mismatch');
  });
  it('on: the wrong digest on a GET is accepted; a POST whose body does not match is still refused', async () => {
    const mock = mockWith('digest-unchecked-without-content');
    accepted(await mock.handle(digestOf(mock, '{}')));
    const post = buildRequest(mock, 'POST', '/v1/shipments', shipmentRequest('ord-a'));
    expectProblem(await mock.handle(withBody(post, JSON.stringify(shipmentRequest('ord-b')))), 'digest-mismatch');
  });
});
