// Appendix A of the Security chapter (spec/text/15-security.md) prints the demo credentials. The key material there
// is generated from ./demo-credentials.ts, so that the published text can never disagree with the keys the mock,
// the harness and the examples use. The generator rewrites what stands between
// `<!-- generated from protocol/demo-credentials.ts: NAME … -->` and `<!-- /generated -->`; the prose around the
// blocks stays hand-written. It lives here rather than in spec/text-tables.ts because spec/ may import only
// schemas/ (scripts/import-graph.test.ts), and its marker differs from that generator's `<!-- generated: NAME`, which
// refuses names it does not know.
import { readFileSync } from 'node:fs';
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
} from './demo-credentials.ts';
import type { SigningKey } from './keys.ts';
import { packagePath } from '../schemas/package-root.ts';

/** The chapter that holds the appendix, relative to the repository root. */
export const SECURITY_CHAPTER = 'spec/text/15-security.md';

interface Ed25519Pair {
  readonly label: string;
  readonly owner: string;
  readonly key: SigningKey;
  readonly privatePem: string;
  readonly publicPem: string;
}

interface HmacSecret {
  readonly label: string;
  readonly owner: string;
  readonly key: SigningKey;
  readonly base64: string;
}

const ed25519Pairs: readonly Ed25519Pair[] = [
  {
    label: 'Demo platform',
    owner: 'demo platform',
    key: demoCredentials.platform.signingKey,
    privatePem: DEMO_PLATFORM_PRIVATE_KEY_PEM,
    publicPem: DEMO_PLATFORM_PUBLIC_KEY_PEM,
  },
  {
    label: 'Demo carrier',
    owner: 'demo carrier',
    key: demoCredentials.carrier.signingKey,
    privatePem: DEMO_CARRIER_PRIVATE_KEY_PEM,
    publicPem: DEMO_CARRIER_PUBLIC_KEY_PEM,
  },
];

// The HMAC keys are a second demo party of each role (the chapter says why, between the two blocks).
const hmacSecrets: readonly HmacSecret[] = [
  { label: 'Demo platform HMAC secret', owner: 'demo platform 2 (a second platform)', key: demoCredentials.platformHmac, base64: DEMO_HMAC_SECRET_BASE64 },
  { label: 'Demo carrier HMAC secret', owner: 'demo carrier 2 (a second carrier)', key: demoCredentials.carrierHmac, base64: DEMO_CARRIER_HMAC_SECRET_BASE64 },
];

const pushKeys = {
  owner: 'demo carrier',
  serialised: [DEMO_PUSH_SIGNING_KEY, DEMO_PUSH_PUBLIC_KEY, DEMO_WEBHOOK_SECRET],
  rows: [
    { scheme: demoCredentials.push.v1a.signingKey.scheme, algorithm: 'ed25519 (`whsk_` / `whpk_`)' },
    { scheme: demoCredentials.push.v1.scheme, algorithm: 'HMAC-SHA256 (`whsec_`)' },
  ],
};

const fence = (lines: readonly string[]): string => ['```', ...lines, '```'].join('\n');

const blocks: Record<string, () => string> = {
  /** The table of every demo credential, then the ed25519 request-key pairs as PEM. */
  'demo-keys': () =>
    [
      [
        '| keyid | owner | use | algorithm |',
        '|---|---|---|---|',
        ...[...ed25519Pairs, ...hmacSecrets].map(({ key, owner }) => `| \`${key.keyid}\` | ${owner} | request signatures | ${key.alg} |`),
        ...pushKeys.rows.map(({ scheme, algorithm }) => `| — | ${pushKeys.owner} | pushes, \`${scheme}\` | ${algorithm} |`),
      ].join('\n'),
      ...ed25519Pairs.map(({ label, key, privatePem, publicPem }) => `${label}, \`${key.keyid}\`:\n\n${fence([privatePem.trimEnd(), publicPem.trimEnd()])}`),
    ].join('\n\n'),
  /** The HMAC request secrets and the push keys, the v1a pair also as PEM and JWK. */
  'demo-secrets': () =>
    [
      ...hmacSecrets.map(
        ({ label, key, base64 }) => `${label}, \`${key.keyid}\` (${key.key.symmetricKeySize} bytes, base64; the key is the bytes it decodes to): \`${base64}\``,
      ),
      `Demo carrier push keys, in the Standard Webhooks form:\n\n${fence(pushKeys.serialised)}`,
      `The same \`v1a\` key pair as PKCS#8 and SPKI PEM:\n\n${fence([DEMO_PUSH_PRIVATE_KEY_PEM.trimEnd(), DEMO_PUSH_PUBLIC_KEY_PEM.trimEnd()])}`,
      `And as JWK (RFC 8037), private and public:\n\n${fence([JSON.stringify(DEMO_PUSH_PRIVATE_KEY_JWK), JSON.stringify(DEMO_PUSH_PUBLIC_KEY_JWK)])}`,
    ].join('\n\n'),
};

const BLOCK = /(<!-- generated from protocol\/demo-credentials\.ts: ([a-z-]+)[^>]*-->)\n[\s\S]*?(<!-- \/generated -->)/g;

/** The chapter's text with every demo-credential block filled in; refuses a chapter that lacks one. */
export function fillDemoCredentialsAppendix(source: string): string {
  const seen = new Set<string>();
  const filled = source.replace(BLOCK, (_, open: string, name: string, close: string) => {
    const block = blocks[name];
    if (!block) throw new Error(`${SECURITY_CHAPTER}: no demo-credential block named ${name}`);
    seen.add(name);
    return `${open}\n${block()}\n${close}`;
  });
  const missing = Object.keys(blocks).filter((name) => !seen.has(name));
  if (missing.length > 0) throw new Error(`${SECURITY_CHAPTER}: no generated block for ${missing.join(', ')}`);
  return filled;
}

/** The Security chapter with Appendix A's key material generated from the demo credentials. */
export function generateDemoCredentialsAppendix(): Map<string, string> {
  const source = readFileSync(packagePath(SECURITY_CHAPTER), 'utf8');
  return new Map([[SECURITY_CHAPTER, fillDemoCredentialsAppendix(source)]]);
}
