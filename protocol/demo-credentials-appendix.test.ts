import { describe, expect, it } from 'vitest';
import { fillDemoCredentialsAppendix, generateDemoCredentialsAppendix, SECURITY_CHAPTER } from './demo-credentials-appendix.ts';
import {
  DEMO_CARRIER_HMAC_SECRET_BASE64,
  DEMO_CARRIER_PRIVATE_KEY_PEM,
  DEMO_CARRIER_PUBLIC_KEY_PEM,
  DEMO_HMAC_SECRET_BASE64,
  DEMO_PLATFORM_PRIVATE_KEY_PEM,
  DEMO_PLATFORM_PUBLIC_KEY_PEM,
  DEMO_PUSH_PRIVATE_KEY_JWK,
  DEMO_PUSH_PRIVATE_KEY_PEM,
  DEMO_PUSH_PUBLIC_KEY,
  DEMO_PUSH_PUBLIC_KEY_JWK,
  DEMO_PUSH_PUBLIC_KEY_PEM,
  DEMO_PUSH_SIGNING_KEY,
  DEMO_WEBHOOK_SECRET,
  demoCredentials,
  demoKeyring,
} from './demo-credentials.ts';

// The staleness of the committed chapter is scripts/generated.test.ts's job; these tests are about what the
// generator writes.
const chapter = generateDemoCredentialsAppendix().get(SECURITY_CHAPTER)!;
const appendix = chapter.slice(chapter.indexOf('## Appendix A'), chapter.indexOf('## Appendix B'));
const OPEN = '<!-- generated from protocol/demo-credentials.ts: ';
const CLOSE = '<!-- /generated -->';

/** The text with every generated block emptied, to compare what lies outside the blocks. */
const outside = (text: string): string => text.replace(/(<!-- generated from [^>]*-->)\n[\s\S]*?(<!-- \/generated -->)/g, '$1\n$2');

describe('the demo-credential appendix (spec/text/15-security.md, Appendix A)', () => {
  it('writes only the Security chapter, and both blocks inside Appendix A', () => {
    expect([...generateDemoCredentialsAppendix().keys()]).toEqual(['spec/text/15-security.md']);
    expect(appendix.split(OPEN)).toHaveLength(3);
    expect(appendix.split(CLOSE)).toHaveLength(3);
  });

  it('prints every demo key and secret exactly as protocol/demo-credentials.ts defines it', () => {
    for (const pem of [
      DEMO_PLATFORM_PRIVATE_KEY_PEM,
      DEMO_PLATFORM_PUBLIC_KEY_PEM,
      DEMO_CARRIER_PRIVATE_KEY_PEM,
      DEMO_CARRIER_PUBLIC_KEY_PEM,
      DEMO_PUSH_PRIVATE_KEY_PEM,
      DEMO_PUSH_PUBLIC_KEY_PEM,
    ]) {
      expect(appendix).toContain(pem.trimEnd());
    }
    for (const jwk of [DEMO_PUSH_PRIVATE_KEY_JWK, DEMO_PUSH_PUBLIC_KEY_JWK]) expect(appendix).toContain(JSON.stringify(jwk));
    for (const value of [DEMO_HMAC_SECRET_BASE64, DEMO_CARRIER_HMAC_SECRET_BASE64, DEMO_PUSH_SIGNING_KEY, DEMO_PUSH_PUBLIC_KEY, DEMO_WEBHOOK_SECRET]) {
      expect(appendix).toContain(value);
    }
  });

  it('prints the PEMs in the canonical form node:crypto exports, so a copy from either place is the same key', () => {
    for (const [party, privatePem, publicPem] of [
      [demoCredentials.platform, DEMO_PLATFORM_PRIVATE_KEY_PEM, DEMO_PLATFORM_PUBLIC_KEY_PEM],
      [demoCredentials.carrier, DEMO_CARRIER_PRIVATE_KEY_PEM, DEMO_CARRIER_PUBLIC_KEY_PEM],
    ] as const) {
      expect(party.signingKey.key.export({ type: 'pkcs8', format: 'pem' })).toBe(privatePem);
      expect(party.verificationKey.key.export({ type: 'spki', format: 'pem' })).toBe(publicPem);
    }
  });

  it('lists every keyid the demo keyring trusts with its algorithm, and both push schemes', () => {
    const keyring = demoKeyring();
    for (const keyid of keyring.keyids()) {
      expect(appendix).toMatch(new RegExp(`^\\| \`${keyid}\` \\| [^|]+ \\| request signatures \\| ${keyring.get(keyid)!.alg} \\|$`, 'm'));
    }
    expect(appendix).toContain('| — | demo carrier | pushes, `v1a` | ed25519 (`whsk_` / `whpk_`) |');
    expect(appendix).toContain('| — | demo carrier | pushes, `v1` | HMAC-SHA256 (`whsec_`) |');
    expect(appendix).toContain('`ecdx-demo-platform-hmac` (32 bytes, base64; the key is the bytes it decodes to)');
  });

  it('rewrites a block whose key material was edited by hand, and nothing outside the blocks', () => {
    const tampered = chapter.replace(DEMO_PUSH_PUBLIC_KEY, 'whpk_AAAA').replace('| demo carrier | pushes, `v1` |', '| someone | pushes |');
    expect(tampered).not.toBe(chapter);
    expect(fillDemoCredentialsAppendix(tampered)).toBe(chapter);
    expect(fillDemoCredentialsAppendix(chapter)).toBe(chapter);
    const emptied = outside(chapter);
    expect(outside(fillDemoCredentialsAppendix(emptied))).toBe(emptied);
  });

  it('refuses a chapter that lost a block or names one it does not know', () => {
    const withoutSecrets = chapter.replace(`${OPEN}demo-secrets`, '<!-- demo-secrets');
    expect(() => fillDemoCredentialsAppendix(withoutSecrets)).toThrow(/no generated block for demo-secrets/);
    expect(() => fillDemoCredentialsAppendix(`${chapter}\n${OPEN}demo-nothing -->\n${CLOSE}\n`)).toThrow(/no demo-credential block named demo-nothing/);
  });
});
