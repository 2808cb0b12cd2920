import { describe, expect, it } from 'vitest';
import { fillDemoCredentialsAppendix, generateDemoCredentialsAppendix, SECURITY_CHAPTER, SECURITY_CHAPTER_ZH } from './demo-credentials-appendix.ts';
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
const generated = generateDemoCredentialsAppendix();
const chapter = generated.get(SECURITY_CHAPTER)!;
const appendix = chapter.slice(chapter.indexOf('## Appendix A'), chapter.indexOf('## Appendix B'));
// The Chinese version (decision 0057) holds the same blocks, labelled in Chinese.
const chapterZh = generated.get(SECURITY_CHAPTER_ZH)!;
const appendixZh = chapterZh.slice(chapterZh.indexOf('## 附录 A'), chapterZh.indexOf('## 附录 B'));
const OPEN = '<!-- generated from protocol/demo-credentials.ts: ';
const CLOSE = '<!-- /generated -->';

/** The text with every generated block emptied, to compare what lies outside the blocks. */
const outside = (text: string): string => text.replace(/(<!-- generated from [^>]*-->)\n[\s\S]*?(<!-- \/generated -->)/g, '$1\n$2');

describe('the demo-credential appendix (spec/text/15-security.md and spec/text/zh-Hans/15-security.md, Appendix A)', () => {
  it('writes only the Security chapter and its Chinese version, and both blocks inside Appendix A of each', () => {
    expect([...generated.keys()]).toEqual(['spec/text/15-security.md', 'spec/text/zh-Hans/15-security.md']);
    for (const text of [appendix, appendixZh]) {
      expect(text.split(OPEN)).toHaveLength(3);
      expect(text.split(CLOSE)).toHaveLength(3);
    }
  });

  it.each([
    ['English', () => appendix],
    ['Chinese', () => appendixZh],
  ])('prints every demo key and secret exactly as protocol/demo-credentials.ts defines it (%s)', (_, appendixOf) => {
    const appendix = appendixOf();
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

  it('labels the Chinese blocks in Chinese, with the same rows as the English ones', () => {
    const rows = (text: string) => text.split('\n').filter((line) => line.startsWith('| `ecdx-demo-') || line.startsWith('| — |'));
    expect(rows(appendixZh)).toHaveLength(rows(appendix).length);
    for (const keyid of demoKeyring().keyids()) expect(appendixZh).toMatch(new RegExp(`^\\| \`${keyid}\` \\| [^|]+ \\| 请求签名 \\| `, 'm'));
    expect(appendixZh).toContain('| — | 演示快递企业 | 推送，`v1a` | ed25519 (`whsk_` / `whpk_`) |');
    expect(appendixZh).toContain('第二个演示平台的 HMAC 密钥，`ecdx-demo-platform-hmac`（32 字节，base64；密钥为其解码所得的字节）');
    expect(appendixZh).not.toMatch(/request signatures|Demo carrier|And as JWK/);
  });

  it('rewrites a Chinese block whose key material was edited by hand, and nothing outside the blocks', () => {
    const tampered = chapterZh.replace(DEMO_PUSH_PUBLIC_KEY, 'whpk_AAAA').replace(DEMO_CARRIER_PUBLIC_KEY_PEM.trimEnd(), 'stale');
    expect(tampered).not.toBe(chapterZh);
    expect(fillDemoCredentialsAppendix(tampered, SECURITY_CHAPTER_ZH)).toBe(chapterZh);
    expect(outside(fillDemoCredentialsAppendix(outside(chapterZh), SECURITY_CHAPTER_ZH))).toBe(outside(chapterZh));
  });

  it('refuses a chapter that lost a block or names one it does not know', () => {
    const withoutSecrets = chapter.replace(`${OPEN}demo-secrets`, '<!-- demo-secrets');
    expect(() => fillDemoCredentialsAppendix(withoutSecrets)).toThrow(/no generated block for demo-secrets/);
    expect(() => fillDemoCredentialsAppendix(`${chapter}\n${OPEN}demo-nothing -->\n${CLOSE}\n`)).toThrow(/no demo-credential block named demo-nothing/);
    expect(() => fillDemoCredentialsAppendix(chapterZh.replace(`${OPEN}demo-keys`, '<!-- demo-keys'), SECURITY_CHAPTER_ZH)).toThrow(
      /zh-Hans\/15-security\.md: no generated block for demo-keys/,
    );
    expect(() => fillDemoCredentialsAppendix(chapter, 'spec/text/20-shipping.md')).toThrow(/not a chapter that holds the demo credentials/);
  });
});
