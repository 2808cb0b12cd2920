// Appendix A of the Security chapter (spec/text/15-security.md, and its Chinese version spec/text/zh-Hans/15-security.md)
// prints the demo credentials. The key material there is generated from ./demo-credentials.ts, so that neither
// published text can disagree with the keys the mock, the harness and the examples use. The generator rewrites what
// stands between `<!-- generated from protocol/demo-credentials.ts: NAME … -->` and `<!-- /generated -->` in both
// chapters, the labels in each chapter's language; the prose around the blocks stays hand-written. It lives here
// rather than in spec/text-tables.ts because spec/ may import only schemas/ (scripts/import-graph.test.ts), and its
// marker differs from that generator's `<!-- generated: NAME`, which refuses names it does not know.
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
/** Its Simplified Chinese version (decision 0057), whose appendix holds the same key material. */
export const SECURITY_CHAPTER_ZH = 'spec/text/zh-Hans/15-security.md';

/** Who holds a demo credential: the demo party of each role, and a second one of each for the HMAC keys. */
type Owner = 'platform' | 'carrier' | 'platform2' | 'carrier2';

interface Ed25519Pair {
  readonly owner: Owner;
  readonly key: SigningKey;
  readonly privatePem: string;
  readonly publicPem: string;
}

interface HmacSecret {
  readonly owner: Owner;
  readonly key: SigningKey;
  readonly base64: string;
}

const ed25519Pairs: readonly Ed25519Pair[] = [
  {
    owner: 'platform',
    key: demoCredentials.platform.signingKey,
    privatePem: DEMO_PLATFORM_PRIVATE_KEY_PEM,
    publicPem: DEMO_PLATFORM_PUBLIC_KEY_PEM,
  },
  {
    owner: 'carrier',
    key: demoCredentials.carrier.signingKey,
    privatePem: DEMO_CARRIER_PRIVATE_KEY_PEM,
    publicPem: DEMO_CARRIER_PUBLIC_KEY_PEM,
  },
];

// The HMAC keys are a second demo party of each role (the chapter says why, between the two blocks).
const hmacSecrets: readonly HmacSecret[] = [
  { owner: 'platform2', key: demoCredentials.platformHmac, base64: DEMO_HMAC_SECRET_BASE64 },
  { owner: 'carrier2', key: demoCredentials.carrierHmac, base64: DEMO_CARRIER_HMAC_SECRET_BASE64 },
];

const pushKeys = {
  owner: 'carrier' as const,
  serialised: [DEMO_PUSH_SIGNING_KEY, DEMO_PUSH_PUBLIC_KEY, DEMO_WEBHOOK_SECRET],
  rows: [
    { scheme: demoCredentials.push.v1a.signingKey.scheme, algorithm: 'ed25519 (`whsk_` / `whpk_`)' },
    { scheme: demoCredentials.push.v1.scheme, algorithm: 'HMAC-SHA256 (`whsec_`)' },
  ],
};

/** The words around the key material, in the language of each chapter. */
interface Labels {
  readonly tableHead: string;
  readonly owner: Record<Owner, string>;
  readonly requestSignatures: string;
  readonly pushes: (scheme: string) => string;
  /** How a label before a key names its owner. */
  readonly name: Record<Owner, string>;
  readonly pemPair: (name: string, keyid: string) => string;
  readonly hmacSecret: (name: string, keyid: string, bytes: number, base64: string) => string;
  readonly pushKeys: string;
  readonly pushPem: string;
  readonly pushJwk: string;
}

const english: Labels = {
  tableHead: '| keyid | owner | use | algorithm |',
  owner: {
    platform: 'demo platform',
    carrier: 'demo carrier',
    platform2: 'demo platform 2 (a second platform)',
    carrier2: 'demo carrier 2 (a second carrier)',
  },
  requestSignatures: 'request signatures',
  pushes: (scheme) => `pushes, \`${scheme}\``,
  name: { platform: 'Demo platform', carrier: 'Demo carrier', platform2: 'Demo platform', carrier2: 'Demo carrier' },
  pemPair: (name, keyid) => `${name}, \`${keyid}\`:`,
  hmacSecret: (name, keyid, bytes, base64) => `${name} HMAC secret, \`${keyid}\` (${bytes} bytes, base64; the key is the bytes it decodes to): \`${base64}\``,
  pushKeys: 'Demo carrier push keys, in the Standard Webhooks form:',
  pushPem: 'The same `v1a` key pair as PKCS#8 and SPKI PEM:',
  pushJwk: 'And as JWK (RFC 8037), private and public:',
};

// The glossary's terms (spec/glossary.yaml): 平台 and 快递企业 for the roles, 密钥 for a key, 推送 for a push.
const chinese: Labels = {
  tableHead: '| keyid | 所有方 | 用途 | 算法 |',
  owner: { platform: '演示平台', carrier: '演示快递企业', platform2: '演示平台 2（第二个平台）', carrier2: '演示快递企业 2（第二个快递企业）' },
  requestSignatures: '请求签名',
  pushes: (scheme) => `推送，\`${scheme}\``,
  name: { platform: '演示平台', carrier: '演示快递企业', platform2: '第二个演示平台', carrier2: '第二个演示快递企业' },
  pemPair: (name, keyid) => `${name}，\`${keyid}\`：`,
  hmacSecret: (name, keyid, bytes, base64) => `${name}的 HMAC 密钥，\`${keyid}\`（${bytes} 字节，base64；密钥为其解码所得的字节）：\`${base64}\``,
  pushKeys: '演示快递企业的推送密钥，Standard Webhooks 形式：',
  pushPem: '同一 `v1a` 密钥对的 PKCS#8 和 SPKI PEM 形式：',
  pushJwk: '以及 JWK（RFC 8037）形式，私钥和公钥：',
};

/** Each chapter that holds Appendix A, with the language of its labels. */
const chapters: readonly { readonly path: string; readonly labels: Labels }[] = [
  { path: SECURITY_CHAPTER, labels: english },
  { path: SECURITY_CHAPTER_ZH, labels: chinese },
];

const fence = (lines: readonly string[]): string => ['```', ...lines, '```'].join('\n');

const blocks: Record<string, (labels: Labels) => string> = {
  /** The table of every demo credential, then the ed25519 request-key pairs as PEM. */
  'demo-keys': (l) =>
    [
      [
        l.tableHead,
        '|---|---|---|---|',
        ...[...ed25519Pairs, ...hmacSecrets].map(({ key, owner }) => `| \`${key.keyid}\` | ${l.owner[owner]} | ${l.requestSignatures} | ${key.alg} |`),
        ...pushKeys.rows.map(({ scheme, algorithm }) => `| — | ${l.owner[pushKeys.owner]} | ${l.pushes(scheme)} | ${algorithm} |`),
      ].join('\n'),
      ...ed25519Pairs.map(
        ({ owner, key, privatePem, publicPem }) => `${l.pemPair(l.name[owner], key.keyid)}\n\n${fence([privatePem.trimEnd(), publicPem.trimEnd()])}`,
      ),
    ].join('\n\n'),
  /** The HMAC request secrets and the push keys, the v1a pair also as PEM and JWK. */
  'demo-secrets': (l) =>
    [
      ...hmacSecrets.map(({ owner, key, base64 }) => l.hmacSecret(l.name[owner], key.keyid, key.key.symmetricKeySize ?? 0, base64)),
      `${l.pushKeys}\n\n${fence(pushKeys.serialised)}`,
      `${l.pushPem}\n\n${fence([DEMO_PUSH_PRIVATE_KEY_PEM.trimEnd(), DEMO_PUSH_PUBLIC_KEY_PEM.trimEnd()])}`,
      `${l.pushJwk}\n\n${fence([JSON.stringify(DEMO_PUSH_PRIVATE_KEY_JWK), JSON.stringify(DEMO_PUSH_PUBLIC_KEY_JWK)])}`,
    ].join('\n\n'),
};

const BLOCK = /(<!-- generated from protocol\/demo-credentials\.ts: ([a-z-]+)[^>]*-->)\n[\s\S]*?(<!-- \/generated -->)/g;

/**
 * A chapter's text with every demo-credential block filled in, labelled in the chapter's language (English unless
 * told); refuses a chapter that lacks one.
 */
export function fillDemoCredentialsAppendix(source: string, chapter = SECURITY_CHAPTER): string {
  const labels = chapters.find((c) => c.path === chapter)?.labels;
  if (!labels) throw new Error(`${chapter}: not a chapter that holds the demo credentials`);
  const seen = new Set<string>();
  const filled = source.replace(BLOCK, (_, open: string, name: string, close: string) => {
    const block = blocks[name];
    if (!block) throw new Error(`${chapter}: no demo-credential block named ${name}`);
    seen.add(name);
    return `${open}\n${block(labels)}\n${close}`;
  });
  const missing = Object.keys(blocks).filter((name) => !seen.has(name));
  if (missing.length > 0) throw new Error(`${chapter}: no generated block for ${missing.join(', ')}`);
  return filled;
}

/** The Security chapter and its Chinese version with Appendix A's key material generated from the demo credentials. */
export function generateDemoCredentialsAppendix(): Map<string, string> {
  return new Map(chapters.map(({ path }) => [path, fillDemoCredentialsAppendix(readFileSync(packagePath(path), 'utf8'), path)]));
}
