// What the security checks say about a target, in both languages (decision 0062). `{request}` is what was sent
// (`POST /v1/shipments`, `GET /v1/shipments/…`), `{path}` a path without its query, `{what}` a request as the
// messages name it; keyids, algorithms, schemes and statuses are values.
import { defineMessages } from '../../i18n/text.ts';

export const M = defineMessages('security', {
  // --- the harness's own signature ---
  ownKeyRefused: {
    en: "a correctly signed GET {path} was refused with 401: the target does not accept the harness's key, so no faulty signature can be told apart",
    'zh-Hans': '正确签名的 GET {path} 被以 401 拒绝：被测实现不接受一致性测试套件的密钥，因此无法分辨任何有误的请求签名',
  },
  noOwnSignature: {
    en: 'the harness could not read back its own signature parameters',
    'zh-Hans': '一致性测试套件无法读回其自身请求签名的参数',
  },
  noOwnCreated: {
    en: 'the harness could not read back the created parameter of its own signature',
    'zh-Hans': '一致性测试套件无法读回其自身请求签名的 created 参数',
  },
  // --- what was sent (signatures.ts) ---
  unsigned: { en: 'unsigned {request}', 'zh-Hans': '未签名的 {request}' },
  signedOnlyAsGateway: { en: '{request} signed only under the label gateway', 'zh-Hans': '{request}（仅以标签 gateway 签名）' },
  notCovering: { en: '{request} whose signature does not cover {component}', 'zh-Hans': '{request}（其请求签名未覆盖 {component}）' },
  bodyReplaced: { en: '{request} whose body was replaced after signing', 'zh-Hans': '{request}（签名后请求体被替换）' },
  contentWithoutDigest: { en: '{request} with content but no Content-Digest', 'zh-Hans': '{request}（有内容但不带 Content-Digest）' },
  onlySha512: { en: '{request} whose Content-Digest has only a sha-512 member', 'zh-Hans': '{request}（其 Content-Digest 只有 sha-512 成员）' },
  signedAhead: {
    en: "{request} signed {seconds} s ahead of the target's clock",
    'zh-Hans': '{request}（签名时间比被测实现的时钟超前 {seconds} 秒）',
  },
  expiredAgo: {
    en: '{request} whose signature expired {seconds} s ago (signed {signedAgo} s ago)',
    'zh-Hans': '{request}（其请求签名已于 {seconds} 秒前过期，签名于 {signedAgo} 秒前）',
  },
  signedInFuture: { en: '{request} signed 10 minutes in the future', 'zh-Hans': '{request}（签名时间为 10 分钟之后）' },
  signedTenMinutesAgo: {
    en: '{request} signed 10 minutes ago (expires {seconds} s later)',
    'zh-Hans': '{request}（签名于 10 分钟前，{seconds} 秒后过期）',
  },
  longValidity: { en: '{request} whose signature claims 3600 s of validity', 'zh-Hans': '{request}（其请求签名声称有效期为 3600 秒）' },
  replayPointless: {
    en: 'the correctly signed {request} was refused with 401, so a replay of it shows nothing',
    'zh-Hans': '正确签名的 {request} 被以 401 拒绝，因此重放它无法说明任何问题',
  },
  replayPointlessGet: {
    en: 'a correctly signed GET {path} was refused with 401, so a replay of it shows nothing',
    'zh-Hans': '正确签名的 GET {path} 被以 401 拒绝，因此重放它无法说明任何问题',
  },
  replayed: { en: '{request} replayed with the same signature', 'zh-Hans': '以相同请求签名重放的 {request}' },
  replayedAfterCreated: {
    en: '{request} replayed {seconds} s after its signature was created',
    'zh-Hans': '在请求签名创建 {seconds} 秒后重放的 {request}',
  },
  replayedAfterExpired: {
    en: '{request} replayed {seconds} s after its signature expired',
    'zh-Hans': '在请求签名过期 {seconds} 秒后重放的 {request}',
  },
  unregisteredKeyid: { en: '{request} signed with the unregistered keyid {keyid}', 'zh-Hans': '以未登记的 keyid {keyid} 签名的 {request}' },
  declaresAlg: { en: '{request} whose signature declares alg {alg}', 'zh-Hans': '{request}（其请求签名声明 alg 为 {alg}）' },
  algMismatch: {
    en: '{request} signed with the {alg} key {keyid} but declaring alg {other}',
    'zh-Hans': '以 {alg} 密钥 {keyid} 签名但声明 alg 为 {other} 的 {request}',
  },
  impostorKey: {
    en: '{request} signed under keyid {keyid} with another {alg} key',
    'zh-Hans': '以 keyid {keyid} 但用另一把 {alg} 密钥签名的 {request}',
  },
  listsEd25519: { en: 'signatureAlgorithms lists ed25519 (it lists {listed})', 'zh-Hans': 'signatureAlgorithms 列出 ed25519（实际列出 {listed}）' },
  listsV1a: { en: 'webhookSignatureSchemes lists v1a (it lists {listed})', 'zh-Hans': 'webhookSignatureSchemes 列出 v1a（实际列出 {listed}）' },
  unsignedCorrectNot401: {
    en: 'an unsigned but otherwise correct {request} was answered {status}, not 401 (ECDX-SEC-002), so the order of the checks cannot be observed',
    'zh-Hans': '未签名但其他方面正确的 {request} 的应答为 {status}，而非 401（ECDX-SEC-002），因此无法观察各项校验的先后顺序',
  },
  unsignedMalformed: { en: 'unsigned {request} with malformed JSON', 'zh-Hans': '未签名的 {request}（JSON 格式错误）' },
  unsignedSchemaBreak: { en: 'unsigned {request} with a body that breaks its schema', 'zh-Hans': '未签名的 {request}（请求体违反其模式）' },
  unsignedWithoutKey: { en: 'unsigned {request} without an Idempotency-Key', 'zh-Hans': '未签名的 {request}（不带 Idempotency-Key）' },
  // --- the ECDX profile (profile.ts) ---
  nonce16Answered: {
    en: 'GET {path} signed with a 16-character nonce was answered {status}; a nonce of 16 characters is long enough',
    'zh-Hans': '以 16 个字符的 nonce 签名的 GET {path} 的应答为 {status}；16 个字符的 nonce 长度已足够',
  },
  nonce15: { en: 'GET {path} signed with the 15-character nonce {nonce}', 'zh-Hans': '以 15 个字符的 nonce {nonce} 签名的 GET {path}' },
  coversSf: {
    en: '{request} whose signature covers "content-digest";sf',
    'zh-Hans': '{request}（其请求签名覆盖 "content-digest";sf）',
  },
  coversDerived: {
    en: 'GET {path} whose signature covers the derived component {component}',
    'zh-Hans': 'GET {path}（其请求签名覆盖派生组件 {component}）',
  },
  emptyDigestAnswered: {
    en: 'GET {path} with the Content-Digest of zero octets was answered {status}; a matching digest is accepted',
    'zh-Hans': '带零字节内容之 Content-Digest 的 GET {path} 的应答为 {status}；相符的内容摘要应被接受',
  },
  digestOfOther: {
    en: 'GET {path} without content whose Content-Digest is that of {content}',
    'zh-Hans': 'GET {path}（无内容，但其 Content-Digest 为 {content} 的内容摘要）',
  },
  // --- credentials in URLs (keys.ts) ---
  webhooksKey: {
    en: 'a Standard Webhooks key or secret (whsec_/whsk_/whpk_)',
    'zh-Hans': 'Standard Webhooks 密钥或共享密钥（whsec_/whsk_/whpk_）',
  },
  credentialParameter: { en: 'a credential parameter ({name}=)', 'zh-Hans': '凭据参数（{name}=）' },
  userInformation: { en: 'user information (user:password@)', 'zh-Hans': '用户信息（user:password@）' },
  secretValue: { en: 'a signature or secret value', 'zh-Hans': '签名值或密钥值' },
  answerTo: { en: 'the answer to {request}', 'zh-Hans': '对 {request} 的应答' },
  atMember: { en: '{what}, member {pointer}', 'zh-Hans': '{what}，成员 {pointer}' },
  atLocation: { en: '{what}, Location header', 'zh-Hans': '{what}，Location 头' },
  putsInUrl: { en: '{where} puts {reason} in a URL', 'zh-Hans': '{where}：URL 中带有{reason}' },
  noCredentialInUrl: { en: '{where}: no credential in the URL', 'zh-Hans': '{where}：URL 中不含凭据' },
  claimPutsInUrl: {
    en: 'the conformance claim puts {reason} in the URL at {pointer}',
    'zh-Hans': '一致性声明在 {pointer} 处的 URL 中带有{reason}',
  },
  urlsScanned: { en: '{n} {n:URL|URLs} scanned, none carries a credential', 'zh-Hans': '已扫描 {n} 个 URL，均不含凭据' },
  // --- demo keys in production (keys.ts) ---
  claimUnreadableForProduction: {
    en: 'the conformance claim could not be read, so the harness cannot tell a production deployment from a test one',
    'zh-Hans': '无法读取一致性声明，因此一致性测试套件无法区分生产部署与测试部署',
  },
  testDeployment: {
    en: 'the target claims testMode: it is a test deployment, which may accept the demo credentials (ECDX-SEC-016 binds production deployments only), so they were not sent',
    'zh-Hans': '被测实现声明了 testMode：它是测试部署，可以接受演示凭据（ECDX-SEC-016 只约束生产部署），因此未发送这些凭据',
  },
  demoKeyInProduction: {
    en: 'production deployment: GET {path} signed with the published demo key {keyid}',
    'zh-Hans': '生产部署：以公开的演示密钥 {keyid} 签名的 GET {path}',
  },
  // --- claimed parameters (keys.ts) ---
  ownKeyRefusedClaim: {
    en: "a GET signed with the harness's own {alg} key (keyid {keyid}) was refused with 401, so the target does not know the harness's key",
    'zh-Hans': '以一致性测试套件自身的 {alg} 密钥（keyid {keyid}）签名的 GET 被以 401 拒绝，因此被测实现不认识一致性测试套件的密钥',
  },
  algAccepted: {
    en: 'GET {path} signed with {alg} (keyid {keyid}) is accepted (got {status})',
    'zh-Hans': '以 {alg}（keyid {keyid}）签名的 GET {path} 被接受（实际为 {status}）',
  },
  secondAlgAccepted: {
    en: 'the claim lists {alg}, so GET {path} correctly signed with {alg} (keyid {keyid}) is accepted: got {status}',
    'zh-Hans': '一致性声明列出了 {alg}，因此以 {alg}（keyid {keyid}）正确签名的 GET {path} 应被接受：实际为 {status}',
  },
  algNotExercised: {
    en: '{alg} is listed, but the harness holds no {alg} key for the {role} role, so it was not exercised',
    'zh-Hans': '一致性声明列出了 {alg}，但一致性测试套件没有{role}角色的 {alg} 密钥，因此未测试该算法',
  },
  platformRole: { en: 'platform', 'zh-Hans': '平台' },
  carrierRole: { en: 'carrier', 'zh-Hans': '快递企业' },
  pushSchemeInProduction: {
    en: 'the push scheme {scheme} is listed, but the harness holds only the demo push keys, which a production deployment refuses, so it was not exercised',
    'zh-Hans': '一致性声明列出了推送签名方案 {scheme}，但一致性测试套件只持有演示推送密钥，而生产部署会拒绝这些密钥，因此未测试该方案',
  },
  pushNotAnswered: {
    en: 'the push signed with {scheme} was not answered within {ms} ms',
    'zh-Hans': '以 {scheme} 签名的推送未在 {ms} 毫秒内得到应答',
  },
  pushAccepted: {
    en: "the claim lists {scheme}, so a valid push of the demo carrier's subscription {subscription} signed with {key} alone is accepted: expected 2xx, got {status}",
    'zh-Hans': '一致性声明列出了 {scheme}，因此针对演示快递企业的订阅 {subscription}、仅以{key}签名的有效推送应被接受：应为 2xx，实际为 {status}',
  },
  publishedV1Secret: { en: 'its published v1 secret', 'zh-Hans': '其公开的 v1 共享密钥' },
  demoV1aKey: { en: "the demo carrier's v1a key", 'zh-Hans': '演示快递企业的 v1a 密钥' },
  noWaybillForPage: {
    en: 'POST /v1/shipments was answered {status}, so there is no waybill to read a page of',
    'zh-Hans': 'POST /v1/shipments 的应答为 {status}，因此没有可读取一页轨迹的快递运单',
  },
  maxPageServed: {
    en: 'the claim publishes maxPageSize {size}, so GET …/events?limit={size} is served: expected HTTP 200, got {status}',
    'zh-Hans': '一致性声明公布的 maxPageSize 为 {size}，因此 GET …/events?limit={size} 应得到服务：应为 HTTP 200，实际为 {status}',
  },
});
