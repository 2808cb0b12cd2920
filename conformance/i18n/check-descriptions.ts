// The Chinese description of every check of the suite, by check id (decision 0063): what a report in Chinese says
// a check does. The English stays with the check (its `description`); each entry holds the first 12 hex digits of the
// SHA-256 of the English it was translated from, so check-descriptions.test.ts fails when a description changes and
// its Chinese was not reviewed. One file of data for the whole suite, as check-titles.ts is, in the glossary's terms.
export const CHECK_DESCRIPTIONS_ZH: Readonly<Record<string, readonly [from: string, zh: string]>> = {
  // --- discovery ---
  'discovery/claim-served-unsigned': ['3c26353c2751', '不带签名发送 `GET /v1/conformance`，预期得到 200 及 `application/json` 格式的有效 `ConformanceClaim`。'],
  'discovery/claim-consistent': [
    '7a39aa7a7607',
    '一致性声明必须声明 `core`，只声明其角色可声明的类别，ECDX 主版本号为 1，当且仅当角色为快递企业时给出快递企业代码，并在声明推送相关类别时给出推送签名方案。另检查所声明的角色即为被测的角色。',
  ],
  'discovery/claim-unknown-role-refused': [
    '5d715fffcb88',
    '不带签名发送 `GET /v1/conformance?role=AAA`（若答复 401，则签名后再次发送），预期得到 422 `validation-failed`，其 `invalidParams` 以 `in: query` 指明 `/role`，而不是一份客户端并未请求的一致性声明。',
  ],
  'discovery/health-served-unsigned': ['ad6794ef8ff6', '不带签名发送 `GET /v1/health`，预期得到 200 及有效的 `Health` 文档。'],
  'discovery/health-honest': [
    'e7cd29c4b410',
    '健康状态文档必须给出与标准时间相差在 30 秒以内的服务器时间（被测实现有测试时钟时，以其测试时钟为准），给出一致性声明中的 ECDX 版本，将所声明类别涉及的每一条数据流恰好列出一次，总体状态不优于其最差的数据流，并给出前后一致的积压数据。',
  ],
  'discovery/test-clock': [
    '5dfec8f96af8',
    '针对声明 `testMode` 的被测实现：`GET /v1/test/clock` 以 `TestClock` 答复，`POST /v1/test/clock` 将时钟向前拨动所请求的秒数，这可从随后健康状态文档的服务器时间看出。',
  ],
  'discovery/head-and-options-not-allowed': [
    '0e30be622c72',
    '向只提供 `GET` 的 `/v1/conformance` 和 `/v1/health` 发送未签名的 `HEAD` 和 `OPTIONS` 请求；预期每个请求均答复 405，并带列出 `GET` 的 `Allow` 头，对 `OPTIONS` 还预期带问题详情 `method-not-allowed`（`HEAD` 答复没有内容，无法携带问题详情）。',
  ],
  // --- security ---
  'security/unsigned-request-refused': [
    '5a5aed61d364',
    '发送不带任何签名的该角色创建类请求（请求体有效）和一个 GET 请求，以及仅以另一标签（`gateway`）签名的创建类请求，预期每个请求均得到 401 `signature-missing`。',
  ],
  'security/uncovered-component-refused': [
    'f6174ae431c1',
    '对创建类请求签名四次，每次从覆盖组件列表中省去一个必需组件（`content-digest`、`idempotency-key`、`content-type`、`@target-uri`），预期得到 401 `signature-invalid`。',
  ],
  'security/content-digest-verified': [
    '038687110684',
    '发送以下创建类请求：签名后请求体被替换（换为另一有效请求体）的请求、带有内容但没有 Content-Digest 字段的请求、Content-Digest 不含 `sha-256` 成员的请求；预期每个请求均得到 401 `digest-mismatch`。',
  ],
  'security/signature-validity-enforced': [
    '6f73963e441f',
    '对创建类请求签名：签名时间比被测实现的时钟超前 60 秒，以及签名已于 60 秒前过期——刚好超出接收方允许的 30 秒误差——再以超前 10 分钟和 10 分钟之前的时间签名，预期每个请求均得到 401 `signature-expired`；以 3600 秒的有效期签名，预期得到 401 `signature-invalid`。时间以所读取的被测实现时钟为准（有测试时钟时为其测试时钟，否则为其健康状态文档中的服务器时间）。',
  ],
  'security/nonce-replay-refused': [
    '440a249c549b',
    '发送一个正确签名的创建类请求，然后以相同的字节和相同的头字段（签名、nonce、Idempotency-Key）再次发送；预期重复的请求被拒绝，答复 401 `nonce-replayed`——重放的请求甚至不得到达幂等键存储。对一个签名的 GET 请求进行同样的测试。',
  ],
  'security/nonce-remembered-until-expiry': [
    '62520f10eb34',
    '发送一个正确签名的 GET 请求（有效期 300 秒），将被测实现的时钟拨至该签名的 created 之后 240 秒，并原样重放该请求：预期得到 401 `nonce-replayed`。再将时钟拨至其 expires 之后 15 秒——仍在接收方必须记住该 nonce 的 30 秒误差之内——并再次重放：预期得到 401 `nonce-replayed`（对不允许任何误差的接收方，为 `signature-expired`），而绝不是该请求被处理。',
  ],
  'security/unknown-key-and-algorithm-refused': [
    'd3390513f5f9',
    '以新生成的 ed25519 密钥、在被测实现不可能知道的 keyid 下对一个 GET 请求和创建类请求签名，预期得到 401 `unknown-key`；以一致性测试套件的密钥签名，但将 `alg` 声明为 `rsa-pss-sha512`（不允许）以及另一种 ECDX 算法（不是该密钥的算法），预期得到 401 `signature-invalid`。',
  ],
  'security/signature-value-verified': [
    'c80658ab3b80',
    '以一致性测试套件自己的 keyid 和算法、但用新生成的密钥对一个 GET 请求和创建类请求签名，使每个参数都正确，只有签名值错误；预期得到 401 `signature-invalid`。',
  ],
  'security/ed25519-offered': [
    '6627e94aeb1c',
    '读取一致性声明：`signatureAlgorithms` 应当列出 `ed25519`，列出推送签名方案的快递企业应当列出 `v1a`。否则报告警告（该要求为“应当”（SHOULD）级要求）。',
  ],
  'security/authentication-before-validation': [
    '50596cf1cf74',
    '在确认未签名但其他方面正确的创建类请求以 401 被拒绝之后，发送在其他方面也有误的未签名请求——JSON 格式错误、请求体违反模式、没有 Idempotency-Key——预期每个请求均得到 401，而不是签名请求会得到的 400 或 422：签名最先检查。',
  ],
  'security/short-nonce-refused': [
    '19289cca3e99',
    '以恰好 16 个字符的 nonce 对被测实现提供的一个 GET 请求签名，预期其不被以 401 拒绝；再以 15 个字符的 nonce 签名，签名其余部分均正确，预期得到 401 `signature-invalid`。',
  ],
  'security/component-profile-enforced': [
    '5c37125aa544',
    '对创建类请求签名，覆盖组件中含 `"content-digest";sf`（这是正确的 RFC 9421 签名：该字段已是其规范形式），并对被测实现提供的一个 GET 请求签名，覆盖 `@status`（响应组件），另行覆盖 `@ecdx-unknown`（RFC 9421 未定义的名称）；预期每个请求均得到 401 `signature-invalid`。',
  ],
  'security/content-digest-without-content': [
    '9523261482c1',
    '发送被测实现提供的一个 GET 请求，带有受签名覆盖的零字节内容的 Content-Digest，预期其不被以 401 拒绝；再发送该请求，带有受签名覆盖的内容 `{}` 的 Content-Digest（请求并未携带该内容），预期得到 401 `digest-mismatch`。',
  ],
  'security/demo-keys-refused-in-production': [
    '7d284084ddd9',
    '适用于一致性声明未声明 `testMode` 的被测实现：以每个已公开的演示密钥（`ecdx-demo-…`）对一个 GET 请求签名，预期得到 401 `unknown-key`。测试部署（声明 `testMode: true`）可以接受这些密钥，因此针对测试部署，本检查不发送任何请求，结果为跳过，并说明原因。',
  ],
  'security/no-credentials-in-urls': [
    'b0966286e4ab',
    '以该角色的创建类请求创建一个资源，在可行时将其读回，并扫描 Location 头以及各响应体和一致性声明中的每个 URL、链接和游标，查找 Standard Webhooks 密钥（`whsec_`、`whsk_`、`whpk_`）、凭据参数（`sig=`、`token=`、`key=` …）、用户信息部分、演示密钥以及一致性测试套件所发送的签名。',
  ],
  'security/claimed-parameters-honoured': [
    'f2ecb51f8748',
    '对一致性声明的 `signatureAlgorithms` 中一致性测试套件持有密钥的每种算法（其自己的密钥以及同一对方的第二个密钥），发送以该算法签名的 GET 请求，预期其不被以 401 拒绝。声明 `platform-tracking-receiver` 的平台测试部署会收到演示快递企业订阅 `sub_ecdx-demo` 的一次有效推送，该推送以 `webhookSignatureSchemes` 中每种方案下测试部署为该订阅持有的密钥签名（见“测试控制”一章：v1a 密钥、已公布的 v1 密钥），平台必须接受该推送（2xx）。一致性测试套件不持有可用密钥的算法或方案报告为未执行。对声明 `carrier-tracking-pull` 的快递企业，以 `limit` = `maxPageSize` 读取一个新快件的事件，预期得到 200。',
  ],
  // --- idempotency ---
  'idempotency/key-required': [
    '941e4fbfa3de',
    '对被测实现为其所声明类别提供的每个创建类 POST 请求（操作表中标为幂等的操作：快件、取消、订阅、中断通知及其回应、网络安全事件通报），以正确的签名和有效的请求体，分别不带 Idempotency-Key、带空的 Idempotency-Key、带 256 个字符的 Idempotency-Key 以及带含空格的 Idempotency-Key 发送；预期每个请求均得到 400 `idempotency-key-missing`，其 `invalidParams` 以 `in: header` 指明 `/Idempotency-Key`（名称比较不区分大小写），并且在结果可读回之处（中断通知、回应、取消）未执行任何操作。事先以带幂等键的请求创建一个待取消的快件和一份待回应的中断通知。',
  ],
  'idempotency/replay-answers-original': [
    '1d83e89f5c9c',
    '发送该角色的创建类请求，等待一秒，再以相同的 Idempotency-Key 和请求体（新的签名）再次发送；预期得到相同的状态码和响应体，并且在资源可读回之处，读回的资源未被改变。',
  ],
  'idempotency/key-reuse-refused': [
    'b434b26e28b5',
    '发送该角色的创建类请求，然后在同一 Idempotency-Key 下发送另一个同类的有效请求；预期得到 422 `idempotency-key-reused`，且（对中断通知而言）第二个请求未被创建。',
  ],
  'idempotency/in-flight-conflict': [
    '27087a1b7098',
    '发送带测试控制 `ecdx-test-delay-ms: 1000` 的该角色创建类请求（被测实现在登记其键之后保持该请求），四分之一秒后再次发送同一请求；预期第二个请求得到 409 `idempotency-request-in-flight`，第一个请求得到 2xx。若两个请求在被测实现处未重叠（第二个被作为第一个的重放答复，或第一个被作为第二个的重放答复：负载过重的网络或一致性测试套件延误了被保持的请求），则以保持 4 秒、间隔 1.5 秒再试一次。该测试控制是可选的（见“测试控制”一章）：对立即答复被保持请求的被测实现，不就该规则作出评判，并说明原因。',
  ],
  'idempotency/expiry-published': [
    'bb50b4c724f6',
    '从所提供的一致性声明中读取 `idempotencyKeyExpirySeconds`，预期为不小于 86400 的整数（单位为秒：24 小时）。',
  ],
  'idempotency/kept-for-published-expiry': [
    '4368991352aa',
    '发送该角色的创建类请求，在时钟前进 2 秒后重复发送（必须作为重放答复），再将被测实现的时钟拨至一致性声明的 `idempotencyKeyExpirySeconds` 届满前 10 分钟（至多 30 天），并再次重复发送；预期得到原状态码和响应体。',
  ],
  'idempotency/scoped-per-client': [
    '3cd3adcf546b',
    '在某个键下发送该角色的创建类请求，然后在同一键下发送另一个请求，以同一对方的第二个密钥（另一 keyid）签名；预期第二个请求被独立处理（2xx），而不是作为重用被拒绝，也不是以第一个客户端的响应答复。',
  ],
  'idempotency/refused-request-keeps-key': [
    'ccb6e3dc83da',
    '以一致性测试套件自己的密钥、但以 5 分钟前已过期的签名发送该角色的创建类请求（以 401 被拒绝），然后在同一 Idempotency-Key 下发送以当前时间签名的同一请求；预期其被处理（2xx），而不是以所保存的 401 或冲突答复。',
  ],
  'idempotency/key-ignored-on-reads': [
    'fef9c48f23e7',
    '发送被测实现提供的一个不带 Idempotency-Key 的签名 GET 请求，然后以同一个键两次发送同一 GET 请求（签名覆盖该字段）；预期两次均以不带该键的 GET 请求所得的状态码答复，且绝不因该字段而被拒绝。',
  ],
  'idempotency/key-ignored-on-clock-moves': [
    'cd4f9ffc23d9',
    '针对测试部署：以同一 Idempotency-Key 两次将时钟拨动 1 秒；预期第二次答复显示时钟再次被拨动，而不是从键存储中重放第一次答复。针对未声明测试模式的部署，本检查跳过（在该情形下由 GET 检查涵盖该规则）。',
  ],
  // --- errors ---
  'errors/problem-format': [
    '2e19b33ed082',
    '引发若干错误——未知路径、错误的方法、缺少签名、JSON 格式错误、text/plain 请求体、违反模式——预期每个 4xx/5xx 答复均为 `application/problem+json` 格式的有效 `Problem`，其 `status` 成员等于 HTTP 状态码。',
  ],
  'errors/catalogue-types': [
    '61852f13d603',
    '对与 `errors/problem-format` 相同的错误用例，预期每个问题详情的 `type` 为目录 URI（`https://ecdx.dev/problems/<slug>`），其 `title` 为目录中的标题，HTTP 状态码为目录中该类型的状态码。',
  ],
  'errors/invalid-params': [
    '3f4304991db5',
    '发送带有两个违反模式的成员的该角色创建类请求，预期得到 422 `validation-failed`，其 `invalidParams` 以 JSON Pointer 指明这两个成员。被测实现提供共享统计时，发送格式错误的 `to` 查询参数，预期该违规以 `in: query` 列出。',
  ],
  'errors/conditional-rule-names-closest-member': [
    '264b17ebf90a',
    '发送 `POST /v1/shipments`，收件人地址为内地地址（`countryCode` 为 `CN`）且不带 `divisionCode`。地址规则有两个备选项：境外地址（`CN` 违反该备选项）和内地地址（缺少 `divisionCode`）：两者同样接近，因此只缺少一个成员的备选项为最接近的备选项（见“核心”一章第 3 节）。预期得到 422 `validation-failed`，其 `invalidParams` 指明 `/recipient/address/divisionCode`，而不只是指明整个地址；允许有更多条目。',
  ],
  'errors/query-before-lookup': [
    '8ac639a0aef7',
    '以 `limit=0` 读取未知运单号的事件，预期得到指明 `/limit` 的 422 `validation-failed`（查询参数先于查找）；仅当对已知运单号使用同样的 `limit=0` 时以 422 拒绝，404 才判为失败（否则被测实现根本不判定 limit，这属于 ECDX-TRK-010 的范畴）。然后以任何被测实现都未签发过的游标读取该未知运单号，预期得到 404 `not-found`：游标对照运单判定，在查找之后。',
  ],
  'errors/no-server-error-for-bad-requests': [
    '3fa57293408b',
    '发送 JSON 格式错误的请求、违反模式的请求、text/plain 请求体、超过 1 MiB 的请求体、未知路径、错误的方法、未签名的请求，以及以未知密钥签名的请求，预期其中任何一个都不以 5xx 答复。',
  ],
  'errors/malformed-json': [
    '677aa34d2d2c',
    '发送正确签名的该角色创建类请求，请求体分别为截断的 JSON 文档、含有非 UTF-8 字节序列的 JSON 以及空请求体；预期每个请求均得到 400 `malformed-json`。',
  ],
  'errors/unknown-path': [
    '7403cf436f4a',
    '分别以未签名和签名方式请求 /v1 下一个未定义的路径，并以签名方式请求另一角色的一个路径；预期每个请求均得到 404 `not-found`。',
  ],
  'errors/method-not-allowed': [
    '84342bea3dbe',
    '发送未签名的 DELETE /v1/conformance、签名的 PUT /v1/health，以及对该角色创建类路径的签名 DELETE 请求；预期每个请求均得到 405 `method-not-allowed`，并带列出所支持方法的 `Allow` 头。',
  ],
  'errors/unsupported-media-type': [
    '261822a273ec',
    '发送正确签名且带有效 JSON 请求体的该角色创建类请求，分别声明为 text/plain、声明为带 charset iso-8859-1 的 application/json，以及不带 Content-Type；预期得到 415 `unsupported-media-type`。',
  ],
  'errors/payload-too-large': ['dac2d7b69e29', '发送正确签名的该角色创建类请求，以 JSON 填充至刚好超过 1 MiB；预期得到 413 `payload-too-large`。'],
  'errors/no-personal-data-in-problems': [
    '27ff7e7d36ac',
    '发送该角色的创建类请求，在一个违反模式的成员中放入手机号码（并另有一处违规），分别签名和不签名发送，并扫描每个问题详情中是否有未脱敏的手机号码和身份证件号码、一致性测试套件所发送的签名以及堆栈跟踪。',
  ],
  // --- push ---
  'push/subscription-created': [
    'b61b09c758ee',
    '针对一致性声明所提供的每种签名方案各创建一个订阅（使用一致性测试套件自己的一个运单、一个状态筛选条件以及测试套件的回调），期望答复 201、指向 `/v1/subscriptions/{subscriptionId}` 的 `Location`，以及状态为 `ACTIVE`、与请求内容一致的有效 `Subscription`。`v1` 订阅携带一个由 24 至 64 个随机字节构成的 `whsec_` 密钥，第二个 `v1` 订阅携带另一个密钥；`v1a` 订阅不携带密钥。',
  ],
  'push/secret-shown-once': [
    'b4336245b74f',
    '创建一个 `v1` 订阅，然后以 `GET /v1/subscriptions/{subscriptionId}` 读取该订阅：答复中没有 `secret` 成员，密钥也不出现在答复的任何位置，亦不出现在 `Location` URL 中。（推送同样不携带该密钥，由 v1 推送的检查项 `push/v1-secret-per-subscription` 检验。）',
  ],
  'push/subscription-request-validated': [
    '401c207c04b4',
    '发送违反 `SubscriptionRequest` 模式的订阅请求（缺少 `signatureScheme`；回调 URL 含用户信息部分（user-info）），或列出快递企业从未生成的运单、或为另一平台生成的运单的订阅请求（使用第二个密钥，前提是一致性测试套件持有该密钥）。每个请求都必须以 422 `validation-failed` 拒绝，其 `invalidParams` 指明相关成员。若仍创建了订阅，则立即将其删除。',
  ],
  'push/callback-https-required': [
    '3baa26ce2c24',
    '请求向 `http://platform.example.com/…` 推送——即以明文 HTTP 推送至非环回地址的主机——期望答复 422 `validation-failed` 并指明 `/callbackUrl`。（测试部署可以仅在环回地址上接受明文 HTTP，一致性测试套件正是以此方式接收推送。）若仍创建了订阅，则立即将其删除。',
  ],
  'push/subscription-read-and-deleted': [
    'c60e37ff3d3f',
    '创建一个订阅并将其读回（答复 200 及含其状态的订阅）；随后以另一平台的密钥（第二个密钥）读取该订阅、读取一个从未存在的标识符、删除该订阅（答复 204）并再次读取：上述每次读取都必须答复 404 `subscription-not-found`。对从未存在的标识符发出的 DELETE，以及对已删除订阅的第二次 DELETE，都必须答复同样的 404。',
  ],
  'push/only-events-in-scope': [
    '4be6b6e618d4',
    '为单运单订阅推送的每个事件都属于该运单；筛选为 SORTING 的订阅只收到 SORTING 事件；订阅 ALL 的订阅收不到另一平台快件的任何事件。（共用观察：一致性测试套件所扮演平台的两个快件及另一平台的一个快件；订阅全部状态的订阅、仅订阅 SORTING 的订阅、两个 v1 订阅以及一个订阅 ALL 的订阅；时钟拨快 4 天。）',
  ],
  'push/every-event-pushed': [
    '6c128e6c353b',
    '轨迹显示在订阅创建之后记录的、所跟踪快件的每个事件，都被推送至订阅全部状态的订阅，其中每个 SORTING 事件也被推送至设有筛选条件的订阅。（共用观察：一致性测试套件所扮演平台的两个快件及另一平台的一个快件；订阅全部状态的订阅、仅订阅 SORTING 的订阅、两个 v1 订阅以及一个订阅 ALL 的订阅；时钟拨快 4 天。）',
  ],
  'push/events-identical-to-trajectory': [
    'fc95e5aa12ca',
    '为所跟踪快件推送的每个事件，均与 `GET /v1/shipments/{waybillNo}/events` 所提供的、`eventId` 相同的事件进行比较：该事件必须存在于其中，且每个成员均相等。（共用观察：一致性测试套件所扮演平台的两个快件及另一平台的一个快件；订阅全部状态的订阅、仅订阅 SORTING 的订阅、两个 v1 订阅以及一个订阅 ALL 的订阅；时钟拨快 4 天。）',
  ],
  'push/standard-webhooks-envelope': [
    '0120f741478d',
    '每次投送均为 `application/json` 格式的有效 `PushBatch`，其 `webhook-id` 等于其 `batchId`，其 `webhook-timestamp` 为整数，与发起该次尝试时被测实现的时钟相差不超过 300 秒（不早于其最新事件的 `recordedAt` 及订阅的创建时间，不晚于其到达时间：在一致性测试套件拨动时钟之前发出的推送，依被测实现当时的时间评判），其 `webhook-signature` 按订阅的签名方案验证通过：`v1a` 使用演示快递企业推送密钥，`v1` 使用该订阅的密钥。（共用观察：一致性测试套件所扮演平台的两个快件及另一平台的一个快件；订阅全部状态的订阅、仅订阅 SORTING 的订阅、两个 v1 订阅以及一个订阅 ALL 的订阅；时钟拨快 4 天。）',
  ],
  'push/batch-shape': [
    'c6dbee850b56',
    '每次投送都指明其所投送的订阅，包含 1 至 100 个事件，并按序号升序列出每个运单的事件。（共用观察：一致性测试套件所扮演平台的两个快件及另一平台的一个快件；订阅全部状态的订阅、仅订阅 SORTING 的订阅、两个 v1 订阅以及一个订阅 ALL 的订阅；时钟拨快 4 天。）',
  ],
  'push/v1-secret-per-subscription': [
    '74d18cb58d2a',
    'v1a 推送以线下登记的演示快递企业推送密钥验证通过。两个 v1 订阅获得不同的、长度为 24 至 64 字节的密钥，且均不是已公布的演示密钥；每个订阅的推送以其自己的密钥验证通过，以另一订阅的密钥则验证不通过；任何推送都不携带密钥（ECDX-PSH-002）。（共用观察：一致性测试套件所扮演平台的两个快件及另一平台的一个快件；订阅全部状态的订阅、仅订阅 SORTING 的订阅、两个 v1 订阅以及一个订阅 ALL 的订阅；时钟拨快 4 天。）',
  ],
  'push/first-attempt-prompt': [
    '1063ee9fa1d9',
    '跟踪一个新快件，每次将时钟拨快 240 秒，直至第一次推送到达；然后将首次尝试的 `webhook-timestamp` 与其所载每个事件的 `recordedAt`（对于在订阅之前记录的事件，则与订阅的创建时间）进行比较，两者均以被测实现的时钟为准：相差至多 300 秒。一致性测试套件在事件记录之后、被测实现来得及行动之前所作的时钟拨动，属于测试套件所致，而非被测实现的延迟：若仅这些拨动就使该次尝试迟到，则另跟踪第二个快件，每次拨动之后等待 2 秒。两项数值均记入证据。',
  ],
  'push/2xx-ends-delivery': [
    'baaba42698bf',
    '回调先以不是 `PushAcknowledgement` 的响应体答复 202，然后答复 204，此后对一切推送均答复 202。随后时钟越过前两个重试时间（5 秒、5 分钟）：任何批次都不得第二次到达。每次拨动之前，给被测实现留出一秒，外加与其上一次推送到达所用时长相等的时间，用以读取答复；尽管如此，若一致性测试套件仍抢在某批次的尝试之前（即测试套件先将时钟拨过了该次尝试的 15 秒时限），该批次可以被重试——正如 ECDX-PSH-014 对未获答复的尝试所规定的——对此仅作报告，不作评判。',
  ],
  'push/retry-schedule': [
    '099bb17da9ac',
    '回调对一切推送均答复 500。首次尝试之后，时钟拨快 6 秒：重试必须到来，其 `webhook-id`、`batchId` 和请求体均相同，`webhook-timestamp` 和签名则为新生成的。第二次重试应在此后 5 分钟（±10 %）到期：时钟拨快 250 秒时不得有任何推送到来，时钟拨快 340 秒时则必须到来。',
  ],
  'push/410-disables': [
    '7649cb4b5d33',
    '回调答复 410 Gone。第一次推送之后，时钟拨快 12 小时：不得再有任何推送到达，且 `GET /v1/subscriptions/{subscriptionId}` 必须显示状态为 `DISABLED`、`disabledReason` 为 `ENDPOINT_GONE`。',
  ],
  'push/retry-after-honoured': [
    'd40ec14d1d74',
    '回调以 `Retry-After: 600`（秒）答复 429。按重试计划本应在 5 秒后重试；Retry-After 所示时间更晚，因此在时钟拨快 300 秒、继而拨至 580 秒期间不得有任何推送到来；时钟拨过 600 秒之后，该批次即被再次尝试。',
  ],
  'push/nothing-after-delete': [
    'a304b56b00a8',
    '回调答复 500，因此第一个批次等待其重试；随后删除该订阅（答复 204）。时钟拨过该次重试的时间，再拨快 12 小时（产生新事件）：不得有任何推送到达。',
  ],
  'push/backlog-while-failing': [
    '139d94ba1d8c',
    '回调对一切推送均答复 500。第一次推送被拒绝后，`GET /v1/health` 必须报告 `PARCEL_DATA_PUSH` 数据流的 `backlog` 大于 0，且其状态不是 `UP`。',
  ],
  'push/abandoned-batch-disables': [
    '323c0f6b378f',
    '回调对一切推送均答复 500。时钟跟随第一个批次经历其九次重试（每次均等到重试计划的上限）；最后一次重试失败后，`GET /v1/subscriptions/{subscriptionId}` 必须显示状态为 `DISABLED`、`disabledReason` 为 `DELIVERY_FAILING`，且此后 12 小时内不得有任何推送到达。',
  ],
  'push/pending-pushes-stated-truly': [
    '8d94f37996d8',
    '适用于其 `TestClock` 给出 `pendingPushes` 的快递企业（该值可选：未给出时跳过本检查项，各推送检查项则等待其稳定等待时间）。回调对每次推送都将答复保留 600 毫秒，然后答复 500。时钟拨快 6 小时且第一次推送到达后，在答复仍被保留期间读取的 `pendingPushes` 必须大于 0；一旦其读数为 0，所有已到达的推送都必须已得到答复。只有此项成立时，其他推送检查项才将读数 0 视为后续推送已全部到来。',
  ],
  'push/receiver-acknowledges-in-time': ['ce51f8657837', '推送一个由两个事件组成、以演示快递企业推送密钥签名的有效 `PushBatch`，期望在 15 秒内得到 2xx 答复。'],
  'push/receiver-acknowledgement': [
    '6cee31f591e2',
    '推送一个由三个新事件组成的有效批次，期望在 2 秒内得到 200 以及指明该批次、`received` 为 3、`duplicates` 为 0 的 `PushAcknowledgement`。',
  ],
  'push/receiver-verifies-signature': [
    'b8340eef3a83',
    '推送有效批次，分别为：不带 `webhook-signature`、以平台不可能知道的密钥签名、签名后更改了请求体：每一种都必须以 401 问题拒绝。随后对相同事件的一次正确推送得到 `duplicates` 为 0 的确认（答复中带有确认时）：即上述推送均未被处理。',
  ],
  'push/receiver-rejects-stale': [
    '51c33bae53d6',
    '推送一个签名正确、`webhook-timestamp` 比被测实现的时钟早 420 秒的批次，以及一个晚 420 秒的批次：每一个都必须以 401 问题拒绝，且此后对相同事件的一次正确推送得到 `duplicates` 为 0 的确认。仅当平台拒绝签名验证失败的推送时（ECDX-PSH-019）才运行本检查项：否则无从分辨拒绝的原因。',
  ],
  'push/receiver-deduplicates': [
    '4472b872ff4a',
    '推送两个事件；然后再次推送同一批次（快递企业的重试），并在一个新批次中推送相同的事件，两者都必须答复 2xx；然后推送一个将同一新事件包含两次的批次。若返回确认，确认将已持有的事件计为 `duplicates`（分别为 2、2 和 1）。',
  ],
  'push/receiver-any-order': [
    '16a12d05fc2d',
    '乱序推送同一运单的事件：先是序号 5，然后是 2（低于已持有的序号），然后是 7（不连续），然后是 1、3、4 和 6。每个批次都必须以 2xx 确认。（平台在展示事件之处是否按序号排列这些事件，无法通过接口观察。）',
  ],
  'push/receiver-batch-too-large': [
    'a38fa004187f',
    '推送一个签名正确、包含 101 个事件的批次，期望答复 413 `batch-too-large`；随后对其中 100 个事件的一次正确推送得到 `duplicates` 为 0 的确认。',
  ],
  'push/receiver-validates-body': [
    'c1ba4b0d9d5b',
    '以正确签名推送一个缺少 `sentAt`、且第一个事件序号为 0 的批次，期望答复 422 `validation-failed`，其 `invalidParams` 指明 `/sentAt` 和 `/events/0/sequence`；然后推送一个不是 JSON 的请求体，对其答复 400 `malformed-json`。',
  ],
  'push/receiver-takes-unexpected': [
    'd13a104787c6',
    '针对平台从未交寄的运单，推送一个由常规投递路径之外的事件组成的有效批次——`STALLED`、`EXCEPTION`（损坏）、`CUSTOMS`（扣留）、`RETURNING`——期望答复 2xx：平台可以丢弃其不需要的内容，但拒绝会使快递企业的推送延误数日。',
  ],
  'push/receiver-several-signatures': [
    'a7cdfa3bfa1e',
    '推送一个有效批次，其 `webhook-signature` 在正确签名之前列出一个以平台不可能持有的密钥所作的签名（快递企业正在轮换密钥）；再推送一个在正确签名之前列出未知方案 `v2` 签名的批次。每个批次都必须以 2xx 确认。',
  ],
  'push/generated-invalid-subscription-refused': [
    '9356e50a2b39',
    '从 `SubscriptionRequest` 派生无效请求（逐一使每个成员缺失、类型错误、违反其正则模式、取值边界或枚举，加入未定义的成员，或使其过大），以一个包含模式所定义全部成员的有效请求为起点（其回调为 `.invalid` 主机），另加 `--fuzz-runs` 个随机请求，并将每个请求发送至 `POST /v1/subscriptions`；然后发送声明为 text/plain 的该有效请求。每个请求都必须以 422 `validation-failed` 拒绝并指明其所违反的成员（text/plain 则为 415），绝不答复 2xx，绝不答复 5xx。',
  ],
  'push/generated-invalid-push-batch-refused': [
    '3f70aa853876',
    '从 `PushBatch` 派生无效批次（逐一使每个成员缺失、类型错误、违反其正则模式、取值边界或枚举，加入未定义的成员，或使其过大），以一个包含模式所定义全部成员的有效批次为起点，另加 `--fuzz-runs` 个随机批次，以快递企业身份对每个批次签名，并将其发送至 `POST /v1/tracking-events`。每个批次都必须以 422 `validation-failed` 拒绝并指明其所违反的成员（超过 100 个事件的批次以 413 `batch-too-large` 拒绝），绝不予以确认，绝不答复 5xx。',
  ],
  // --- shipping ---
  'shipping/create-shipment': [
    '12d98e86c71c',
    '向 `POST /v1/shipments` 发送一个完整、有效的 `ShipmentRequest`（即模式示例，快递企业代码为一致性声明中的代码），预期答复 201、指向 `/v1/shipments/{waybillNo}` 的 `Location` 头，以及状态为 `CREATED` 的 `Shipment`，其 `request` 与所发送的请求逐成员一致。',
  ],
  'shipping/waybill-per-shipment': [
    '1979135313a4',
    '发送两个 `platformOrderId` 相同的有效请求（一个订单分为两个快件寄出），预期得到两个运单号不同的快件，且创建第二个快件后第一个快件仍可读取。',
  ],
  'shipping/foreign-carrier-code-refused': [
    '49f63cc3a2fe',
    '发送一个 `carrierCode` 不是一致性声明中代码的有效请求，预期以 422 和指明 `/carrierCode` 的 `validation-failed` 拒绝。',
  ],
  'shipping/prohibited-contents-refused': [
    '9b1e1e6406ae',
    '发送一个含三个内件行的有效请求，其中第二行和第三行为禁寄品类，预期答复 422 `prohibited-contents`，其 `invalidParams` 指向 `/contents/1/category` 和 `/contents/2/category`。',
  ],
  'shipping/minimal-request-accepted': [
    'b0db8d51b897',
    '发送一个不含任何可选成员（无单位名称、隐私号、区县、街道、邮政编码、计量单位、申报价值、重量、尺寸或同意记录）的有效请求，预期答复 201：快递企业不得以可选成员作为接收寄递数据的条件。',
  ],
  'shipping/read-shipment': [
    'c785bd5c4818',
    '以 `GET /v1/shipments/{waybillNo}` 读取本次运行共用的快件，预期答复 200 和一个 `Shipment`，其运单号和创建时间与 201 答复中的相同，其 `request` 与所发送的请求逐成员一致。',
  ],
  'shipping/unknown-waybill-not-found': ['c222736e38b2', '对一个格式正确但快递企业从未分配的运单号进行读取和取消，预期两者均答复 404 `not-found`。'],
  'shipping/cancel-created-shipment': [
    '94aeb4ef8264',
    '创建一个快件，随即以有效的 `CancellationRequest` 将其取消，预期答复 200 和状态为 `CANCELLED`、带有 `cancelledAt` 的 `Shipment`；其后的 `GET` 必须报告相同的状态和时间。',
  ],
  'shipping/repeat-cancellation': [
    '7a97a32de473',
    '创建并取消一个快件，等待一秒后再次取消（使用新的 `Idempotency-Key`，如同答复丢失后的重试），预期答复 200 和相同的 `Shipment`：状态为 `CANCELLED`，`cancelledAt` 为首次取消的时间。',
  ],
  'shipping/shipment-consistent': [
    '85cadf092a6a',
    '检查 `POST /v1/shipments`、`GET /v1/shipments/{waybillNo}` 以及取消操作所答复的 `Shipment`：每个均符合模式，`createdAt` 不晚于 `acceptedAt` 和 `cancelledAt`，`updatedAt` 不早于其中任何其他时间。',
  ],
  'shipping/invalid-shipping-data-refused': [
    '0e5f04f5988a',
    '向 `POST /v1/shipments` 发送 `schemas/vectors/ShipmentRequest.json` 中的每个无效实例（每个违反一条指明的规则；发送时使用被测实现的快递企业代码、新的订单号和当前时间），以及一个含两个无效成员的请求体。每个都必须以 422 `validation-failed` 拒绝，其 `invalidParams` 以 JSON Pointer 指明每个出错成员。用途不为 DELIVERY 的按 ECDX-PRV-012 判定，含未定义成员的按 ECDX-PRV-010 判定，收件人在中国大陆境外而缺少跨境信息的按 ECDX-CON-004 判定。',
  ],
  'shipping/invalid-cancellation-refused': [
    'f33059a210d4',
    '创建一个快件，向其 `POST /v1/shipments/{waybillNo}/cancellation` 发送 `schemas/vectors/CancellationRequest.json` 中的每个无效实例。每个都必须以 422 `validation-failed` 拒绝并指明出错成员，且此后该快件必须仍为 `CREATED` 状态，不带 `cancelledAt`。',
  ],
  'shipping/generated-invalid-shipping-data-refused': [
    '9650407d24f0',
    '由 `ShipmentRequest` 本身派生无效请求，以一个含模式所定义全部成员的有效请求为基础（以本次运行的种子抽取，快递企业代码为被测实现的代码）：逐一缺少每个必需成员、每个成员类型错误、违反每个 `pattern` 和 `format`、每个界限超出一个单位、在每个封闭对象中加入一个未定义成员、取值超出每个 `enum` 和 `const`、超长的字符串和数组——然后是 `--fuzz-runs` 个随机生成的有效请求，每个各带一处此类违反，以及声明为 text/plain 的请求。每个都必须以 422 `validation-failed` 拒绝并指明其违反的成员（text/plain 为 415），既不得答复 2xx，也不得答复 5xx（ECDX-ERR-004）。用途不为 DELIVERY 的按 ECDX-PRV-012 判定，含未定义成员的按 ECDX-PRV-010 判定，收件人在中国大陆境外而缺少跨境信息的按 ECDX-CON-004 判定。失败时给出仍会失败的最小请求及其违反的关键字。',
  ],
  'shipping/generated-shipping-data-held-as-sent': [
    '130d5f5cc13e',
    '以本次运行的种子从模式中抽取 `--fuzz-runs` 个有效的 ShipmentRequest——姓名和地址涵盖各个 Unicode 平面的汉字、带变音符号的拉丁字母和表情符号，涵盖模式允许的每种电话号码形式、一至五行内件、处于界限边缘的取值、国内和跨境快件，含或不含可选成员——快递企业代码为被测实现的代码，不含禁寄内件，带当前有效的同意记录。每个都必须以 201 和所发送的原样请求答复（ECDX-SHP-001），且以 `GET /v1/shipments/{waybillNo}` 读回时与其逐成员一致（ECDX-SHP-007）；拒绝时指明的成员为请求中所未包含的，即不符合 ECDX-SHP-006。失败时缩减为仍会失败的最小请求，并附可复现该失败的种子。',
  ],
  'shipping/generated-invalid-cancellation-refused': [
    'b629d5b5f779',
    '创建一个快件，向其 `POST /v1/shipments/{waybillNo}/cancellation` 发送由 `CancellationRequest` 派生的无效请求（逐一缺少每个成员、成员类型错误、超出其界限或 `enum`、含未定义成员、超长）以及 `--fuzz-runs` 个随机生成的无效请求。每个都必须以 422 `validation-failed` 拒绝并指明其违反的成员，且此后该快件必须仍为 `CREATED` 状态。',
  ],
  'shipping/accepted-shipment-not-cancellable': [
    '4814c1be2f22',
    '在常规路径上（`ecdx-happy-…`）创建一个快件，将被测实现的时钟向前拨动 6 小时（至多 24 小时），使快递企业已收寄该快件，预期对其取消以 409 `shipment-already-accepted` 拒绝，且该快件保持原样。',
  ],
  'shipping/accepted-shipment-consistent': [
    '087b76c9b594',
    '在常规路径上创建一个快件，向前拨动被测实现的时钟，直至快递企业已收寄该快件，预期 `GET /v1/shipments/{waybillNo}` 答复一个有效的、带 `acceptedAt` 的 `Shipment`，其 `createdAt` 不晚于 `acceptedAt`，`updatedAt` 不早于这两者。',
  ],
  'shipping/cancellation-lasts': [
    'ee67f609ebea',
    '在常规路径上创建一个快件并将其取消，将被测实现的时钟向前拨动 2 天（超过该快件本应投递的时间），预期 `GET` 仍报告 `CANCELLED`，且 `cancelledAt` 为首次取消的时间。',
  ],
  // --- privacy ---
  'privacy/shipment-only-for-its-platform': [
    '81df53c5eefe',
    '创建一个快件，然后以第二个平台的身份（第二个 keyid）签名读取该快件，预期得到该平台查询不存在的运单时所得的答复：状态和问题类型相同的拒绝（按本标准为 404 `not-found`）。',
  ],
  'privacy/undefined-members-refused': [
    '162d2926d591',
    '发送三个在其他方面有效、但携带 ECDX 未定义成员的请求——顶层的买家身份证件号码、收件人中的出生日期、收件人地址中的坐标——预期每个都以 422 和指明该成员的 `validation-failed` 拒绝，而不是被存储或被无声地丢弃。',
  ],
  'privacy/purpose-is-delivery': [
    '0c621079ebb1',
    '发送 `purpose` 分别为 `MARKETING` 和 `delivery`（小写）、在其他方面有效的请求，预期每个都以 422 和指明 `/purpose` 的 `validation-failed` 拒绝。',
  ],
  'privacy/location-without-personal-data': [
    '82c7a72bc9dc',
    '创建一个快件，扫描 201 答复的 `Location` 头（经百分号解码，去除运单号），查找其中未脱敏的手机号码和居民身份证号码，以及请求所携带的姓名、电话号码、隐私号、单位名称和地址信息。',
  ],
  'privacy/notice-location-without-personal-data': [
    '29efadfe73b1',
    '发送一份有效的中断通知，其缓解措施中列出一名带手机号码的联系人（王小明，13912345678），扫描 201 答复的 `Location` 头（经百分号解码，去除一致性测试套件所选定的 noticeId），查找其中未脱敏的手机号码和居民身份证号码，以及该通知所携带的姓名和号码：URL 会在消息体不会被记录之处被记录、缓存和转发。平台所提供的创建类请求中，没有其他请求的答复指明 URL。',
  ],
  // --- consent ---
  'consent/lapsed-consent-refused': [
    '7b852d41cd0e',
    '发送在其他方面有效的请求，每个先携带一条当前有效的同意记录，其后第二条分别为已撤回的记录、已过期的记录，以及 `expiresAt` 不晚于其 `grantedAt` 的记录；预期每个都以 422 和指向 `/consents/1` 的 `validation-failed` 拒绝。',
  ],
  'consent/not-a-condition': [
    'aa4eab84a4dd',
    '发送一个带有增值用途同意记录的有效请求，然后发送同一订单的第二个快件且不带任何同意记录，预期第二个与第一个一样被接受（201）。',
  ],
  'consent/cross-border-needs-legal-basis': [
    'd6869cd2d540',
    '分别向位于香港和美国的收件人发送不带 `crossBorder`、在其他方面有效的请求，预期每个都以 422 和指明 `/crossBorder` 的 `validation-failed` 拒绝。',
  ],
  'consent/separate-consent-referenced': [
    'f475350617a4',
    '向位于香港的收件人发送请求：其一的 `crossBorder.separateConsentId` 不指向该请求中的任何同意记录，另一个所指向的记录用途不是 `CROSS_BORDER_TRANSFER`；预期每个都以 422 和指明 `/crossBorder/separateConsentId` 的 `validation-failed` 拒绝。',
  ],
  // --- tracking ---
  'tracking/events-served': [
    'bb098217cb8e',
    '创建一个快件（本次运行的 `ecdx-happy-` 快件）并读取 `GET /v1/shipments/{waybillNo}/events`：预期得到 200 及该运单的有效 `EventPage`，其中每个事件都指明该运单。',
  ],
  'tracking/trajectory-pages-valid': [
    '3f6acf811189',
    '在共用快件流转之后（一个已投递的快件，以及一个按拒收路径下单的快件），以每页 3 个事件遍历每条轨迹，预期每一页都是有效的 `EventPage`——包括其中的快递员、签收人、位置信息和实名收寄查验结果。',
  ],
  'tracking/unknown-waybill-not-found': [
    '03f4b12f7b3e',
    '请求读取一个格式正确、但未由任何快递企业签发的运单号的事件：预期得到 404 及问题 `not-found`。然后以一致性测试套件持有的第二个密钥（另一 keyid）签名，请求读取本次运行的快件的事件：将该密钥视为同一平台的快递企业答复 200；按密钥划分运单的快递企业则按该运单不存在作答——404，且问题与未知运单的相同。任何其他答复（尤其是 403）都会告诉客户端他人的运单确实存在。',
  ],
  'tracking/limit-invalid-refused': [
    'b040b516fc96',
    '以 `limit` 为 0、-1、2.5 和 `abc` 读取本次运行的快件的事件：预期每次都得到 422 `validation-failed`，其 `invalidParams` 指明 `/limit`，并带 `in: query`。',
  ],
  'tracking/limit-above-100-capped': ['8473e88a4bda', '以 `limit` 为 101 和 1000 读取本次运行的快件的事件：预期得到 200，且一页至多 100 个事件。'],
  'tracking/cursor-not-issued-refused': [
    'dcb4e255ff1e',
    '以两个快递企业从未签发的游标（格式正确：均为可见 ASCII 字符）读取本次运行的快件的事件：预期每次都得到 422 问题，而不是从某个位置起的一页——无声地从头重新遍历会使客户端得到重复事件。',
  ],
  'tracking/page-size': [
    'af7838f33ba2',
    '以 `limit` 为 1、2、5、不带 `limit` 以及 100 读取已投递快件轨迹的第一页，预期恰好得到相应数量的事件（不带 limit 时为 20，至多为一致性声明的 maxPageSize）；已记录的事件少于该数量时，得到全部事件。',
  ],
  'tracking/walk-complete': [
    'c218c219938c',
    '以 `limit` 为 1、2 和 3 遍历已投递快件的轨迹，并将每次遍历与以每页 100 个事件读取的轨迹比较：事件相同（按 eventId），每个恰好出现一次，按序号升序排列，并以不带 nextCursor 的一页结束。',
  ],
  'tracking/walk-while-recording': [
    'db1575705fff',
    '创建一个 `ecdx-happy-` 快件，使其流转至至少有 3 个事件，然后以每页 1 个事件遍历其轨迹，同时在每两页之间将时钟拨动 55 分钟，使该快件在遍历期间记录新事件。预期遍历按序号升序返回每个事件各一次：先是遍历前已记录的事件，然后是新事件——与之后读取的轨迹截至遍历结束处的部分相同。',
  ],
  'tracking/cursor-lifetime': [
    'f0dc4be7e4dc',
    '取已投递快件轨迹第一页（1 个事件）的游标，将时钟拨动 55 分钟后跟随该游标：预期得到第一个事件之后的一页。然后针对本运单提交另一运单第一页的游标：预期得到 422 问题，而不是从某个位置起的一页。',
  ],
  'tracking/four-nodes': [
    '19d3e76341a1',
    '读取在测试时钟上流转完毕的共用快件：一个由收件人本人签收的 `ecdx-happy-` 快件，以及一个 `ecdx-path-rejected-` 快件——在提供该可选路径的部署中，该快件被拒收并退回寄件人。已投递快件的轨迹必须在 ACCEPTANCE、SORTING、TRANSPORT 和 DELIVERY 每个节点至少包含一个事件（OP-02）。',
  ],
  'tracking/node-matches-status': [
    '9aae91d147eb',
    '读取在测试时钟上流转完毕的共用快件：一个由收件人本人签收的 `ecdx-happy-` 快件，以及一个 `ecdx-path-rejected-` 快件——在提供该可选路径的部署中，该快件被拒收并退回寄件人。每个事件的节点必须是 ECDX 状态与节点对照表为其状态指定的节点；EXCEPTION 或 STALLED 事件沿用其前一事件的节点（为第一个事件时为 ACCEPTANCE）。',
  ],
  'tracking/sub-status-fits': [
    '90da176745fd',
    '读取在测试时钟上流转完毕的共用快件：一个由收件人本人签收的 `ecdx-happy-` 快件，以及一个 `ecdx-path-rejected-` 快件——在提供该可选路径的部署中，该快件被拒收并退回寄件人。每个带有 subStatus 的事件，都必须将其与 ECDX 状态分类体系为该子状态列出的状态之一搭配使用。',
  ],
  'tracking/sequence-contiguous': [
    'ec3c0babbfdb',
    '读取在测试时钟上流转完毕的共用快件：一个由收件人本人签收的 `ecdx-happy-` 快件，以及一个 `ecdx-path-rejected-` 快件——在提供该可选路径的部署中，该快件被拒收并退回寄件人。以每页 100 个事件读取时，每条轨迹的序号必须按所列顺序恰为 1 … n。',
  ],
  'tracking/event-identity-stable': [
    '5e84779bf26b',
    '读取在测试时钟上流转完毕的共用快件：一个由收件人本人签收的 `ecdx-happy-` 快件，以及一个 `ecdx-path-rejected-` 快件——在提供该可选路径的部署中，该快件被拒收并退回寄件人。在两个运单的全部事件中，任何 eventId 都不得出现两次；快件流转期间读取到的每个事件，都必须与最后读取到的具有相同 eventId 的事件逐成员完全一致。',
  ],
  'tracking/timestamps-ordered': [
    'fecf44679e56',
    '读取在测试时钟上流转完毕的共用快件：一个由收件人本人签收的 `ecdx-happy-` 快件，以及一个 `ecdx-path-rejected-` 快件——在提供该可选路径的部署中，该快件被拒收并退回寄件人。对快件流转期间每次读取所得的每个事件：occurredAt ≤ recordedAt，且 recordedAt 至多比该次读取得到答复的时间（以被测实现的时钟为准）晚 30 秒。',
  ],
  'tracking/recorded-promptly': [
    '76ac08efed38',
    '读取在测试时钟上流转完毕的共用快件：一个由收件人本人签收的 `ecdx-happy-` 快件，以及一个 `ecdx-path-rejected-` 快件——在提供该可选路径的部署中，该快件被拒收并退回寄件人。对每个事件，recordedAt − occurredAt 不应超过 30 分钟（报告为警告，而非不通过）。',
  ],
  'tracking/terminal-flag': [
    '6eb20021f777',
    '读取在测试时钟上流转完毕的共用快件：一个由收件人本人签收的 `ecdx-happy-` 快件，以及一个 `ecdx-path-rejected-` 快件——在提供该可选路径的部署中，该快件被拒收并退回寄件人。只有 DELIVERED、RETURNED 或 CANCELLED 事件，或带 EXCEPTION_LOST 或 EXCEPTION_DESTROYED 的 EXCEPTION 事件，才可以是终结事件；终结事件必须是最后一个事件；已结束的轨迹——以 DELIVERED、RETURNED 或 CANCELLED 结束，且在测试时钟上一天之内其后再无事件——必须将其最后一个事件标记为终结事件。',
  ],
  'tracking/nothing-after-terminal': [
    '9d542ea8cf39',
    '读取在测试时钟上流转完毕的共用快件：一个由收件人本人签收的 `ecdx-happy-` 快件，以及一个 `ecdx-path-rejected-` 快件——在提供该可选路径的部署中，该快件被拒收并退回寄件人。在结束轨迹的事件（标记为 terminal，或为 DELIVERED、RETURNED 或 CANCELLED）之后，经过测试时钟上的一天，仍不得再有任何事件。',
  ],
  'tracking/location-present': [
    '7201a978a98a',
    '读取在测试时钟上流转完毕的共用快件：一个由收件人本人签收的 `ecdx-happy-` 快件，以及一个 `ecdx-path-rejected-` 快件——在提供该可选路径的部署中，该快件被拒收并退回寄件人。除 ORDER_CREATED、AWAITING_PICKUP 和 CANCELLED 外，每个事件都必须带有指明处理场所（代码或名称）的位置信息（location），并在 countryCode 缺省或为 CN 时带有 divisionCode。',
  ],
  'tracking/real-name-outcome': [
    'c77938179769',
    '读取在测试时钟上流转完毕的共用快件：一个由收件人本人签收的 `ecdx-happy-` 快件，以及一个 `ecdx-path-rejected-` 快件——在提供该可选路径的部署中，该快件被拒收并退回寄件人。每个 ACCEPTED 事件都必须带有有效的 `realNameVerification`（寄件人是否经过查验、以何种证件类型、何时查验）——决不包含证件号码。',
  ],
  'tracking/raw-code-carried': [
    '4189af1c3e97',
    '读取在测试时钟上流转完毕的共用快件：一个由收件人本人签收的 `ecdx-happy-` 快件，以及一个 `ecdx-path-rejected-` 快件——在提供该可选路径的部署中，该快件被拒收并退回寄件人。除 ORDER_CREATED 和 STALLED（若干原始代码表中没有这两种状态）外，每个事件都应当带有 `carrierRawCode`（报告为警告，而非不通过）。',
  ],
  'tracking/happy-parcels-on-regular-path': [
    'e74ac0c29ade',
    '读取共用的 `ecdx-happy-` 快件在测试时钟上流转完毕后的轨迹，预期每条轨迹都是“快件数据”一章第 7 节规定的常规路径：可选的 ORDER_CREATED 和 AWAITING_PICKUP，ACCEPTED，顺序和次数不限的 SORTING、IN_TRANSIT、ARRIVED_DEST_CITY（跨境时还有 CUSTOMS），其中至少有一个 SORTING 事件和一个 TRANSPORT 节点的事件，OUT_FOR_DELIVERY 一次，DELIVERED / DELIVERED_SELF。',
  ],
  'tracking/page-size-on-a-long-trajectory': [
    '72a6ade55e74',
    '按可选的 `ecdx-path-long-` 测试路径（事件多于任何一页所能容纳的数量）下单一个快件，使测试时钟运行 2 天，然后读取其第一页：不带 `limit`、`limit` 为 7、`limit` 比一致性声明的 `maxPageSize` 大 1，以及 `limit` 为 1000：每次都必须恰好包含页大小个事件（20，maxPageSize 更小时为 maxPageSize；7；maxPageSize），并带有 `nextCursor`；大于 maxPageSize 的 limit 不得被拒绝。部署的快件所含事件不多于一页所能容纳的数量时（即部署未提供该路径），本检查项跳过。',
  ],
  'tracking/cancellation-recorded': [
    '91ca81bd0ebb',
    '创建一个快件，读取其轨迹，随即取消该快件并再次读取轨迹：轨迹必须以一个新事件结束——`CANCELLED`，取下一个序号，`terminal` 为 true，节点为 `ACCEPTANCE`，其 `occurredAt` 为该快件的 `cancelledAt`；此前的事件保持原样。',
  ],
  'tracking/generated-invalid-page-query-refused': [
    '0fcc314ed862',
    '根据 `GET /v1/shipments/{waybillNo}/events` 各参数的模式派生其无效查询——`limit` 不是整数、小于 1——并针对本次运行的快件逐一发送。每个查询都必须以 422 `validation-failed` 拒绝并指明该参数，决不予以提供，决不返回 5xx。（游标不作变化：快递企业能否接受一个游标，在查找资源之后判断，而不取决于其形式，见 ECDX-ERR-011；由 `tracking/cursor-not-issued-refused` 检查。）',
  ],
  // --- tracking-privacy ---
  'tracking-privacy/names-masked': [
    'f0ad0f1bf59d',
    '在快件按测试时钟流转之后读取共用的快件：一个投递给收件人本人的 `ecdx-happy-` 快件，以及一个 `ecdx-path-rejected-` 快件——提供该可选路径的部署会将其退回寄件人（寄件人的固定电话带分机号）。此外，还读取发往名为张小三、欧阳娜娜、𠮷田、王𠮷祥的收件人的 `ecdx-happy-` 快件（3 字和 4 字的姓名，以及基本多文种平面以外的字符）。快递员和签收人的姓名必须符合规则 M1 的形式；身为收件人本人的签收人（relation 为 SELF）必须恰好显示对一致性测试套件所发送姓名进行 M1 脱敏的结果（张三 → 张*，张小三 → 张*三，欧阳娜娜 → 欧**娜，𠮷田 → 𠮷*，王𠮷祥 → 王*祥）；寄件人和收件人的全名均不得出现在事件的任何位置。至少须有一个快件由本人签收，否则无法看到规则 M1 应用于一致性测试套件已知的姓名。',
  ],
  'tracking-privacy/mobiles-masked': [
    'f87df52f34dc',
    '在快件按测试时钟流转之后读取共用的快件：一个投递给收件人本人的 `ecdx-happy-` 快件，以及一个 `ecdx-path-rejected-` 快件——提供该可选路径的部署会将其退回寄件人（寄件人的固定电话带分机号）。快递员电话必须按规则 M2 脱敏（138****5678），事件文本中写出的每个已脱敏手机号码（提及快递员的描述）也必须为该形式：3 位数字、4 个 `*`、4 位数字。',
  ],
  'tracking-privacy/landlines-masked': [
    '79a806c8e9b8',
    '在快件按测试时钟流转之后读取共用的快件：一个投递给收件人本人的 `ecdx-happy-` 快件，以及一个 `ecdx-path-rejected-` 快件——提供该可选路径的部署会将其退回寄件人（寄件人的固定电话带分机号）。事件中凡显示固定电话号码之处（RETURNED 事件可能给出寄件人的号码 0571-88881234-123），都必须按规则 M3 脱敏：保留区号和用户号码末 2 位，去掉分机号（0571-******34）；用户号码决不能以明文出现。',
  ],
  'tracking-privacy/no-identity-numbers': [
    '3e66813e3449',
    '在快件按测试时钟流转之后读取共用的快件：一个投递给收件人本人的 `ecdx-happy-` 快件，以及一个 `ecdx-path-rejected-` 快件——提供该可选路径的部署会将其退回寄件人（寄件人的固定电话带分机号）。在每个事件的每个成员中扫描校验码有效的 GB 11643 居民身份证号码；实名收寄查验的结果只以状态形式传递。',
  ],
  'tracking-privacy/no-recipient-contact-or-address': [
    '39d691cd6012',
    '在快件按测试时钟流转之后读取共用的快件：一个投递给收件人本人的 `ecdx-happy-` 快件，以及一个 `ecdx-path-rejected-` 快件——提供该可选路径的部署会将其退回寄件人（寄件人的固定电话带分机号）。一致性测试套件在每个事件的每个成员（包括自由文本）中查找其所发送的收件人手机号码和隐私号（包括以空格或连字符分隔书写的形式）、详细地址和邮政编码。',
  ],
  'tracking-privacy/courier-signatory-masked': [
    'c26314cd6548',
    '在快件按测试时钟流转之后读取共用的快件：一个投递给收件人本人的 `ecdx-happy-` 快件，以及一个 `ecdx-path-rejected-` 快件——提供该可选路径的部署会将其退回寄件人（寄件人的固定电话带分机号）。快递员姓名和电话以及签收人姓名必须为脱敏值（MaskedName、MaskedMobileNumber），且隐私扫描程序在任何事件的任何成员中都不得发现未脱敏的大陆手机号码。',
  ],
  'tracking-privacy/cursor-without-personal-data': [
    'a37277c77f02',
    '在快件按测试时钟流转之后读取共用的快件：一个投递给收件人本人的 `ecdx-happy-` 快件，以及一个 `ecdx-path-rejected-` 快件——提供该可选路径的部署会将其退回寄件人（寄件人的固定电话带分机号）。以每页一个和两个事件翻阅这两条轨迹，检查每个 nextCursor——原样、经百分号解码和经 base64 解码——是否含有未脱敏的手机号码和身份证件号码，以及一致性测试套件所发送的姓名、电话号码、详细地址和邮政编码。',
  ],
  // --- notices ---
  'notices/acceptable-notice-received': [
    'd07fe03ace8d',
    '提交一份有效的 `SIGNIFICANT` 级维护中断通知（持续 3 小时，已计划向社会公示），期望得到 201、指向 `/v1/interruption-notices/{noticeId}` 的 `Location`，以及一份有效的 `InterruptionNotice`：其内容与所提交的通知一致（时间戳按时刻比较），状态为 `ISSUED`，无任何回应，并带有按 `schemas/notice-rules.ts` 的规则得出的义务：公示期限为 `plannedStart`，无报告义务。',
  ],
  'notices/lead-time-enforced': [
    'e4366ce0620c',
    '对每种规定了最短提前通知时间的原因（协议结束为 30 天，系统变更或其他原因为 7 天，维护为 72 小时），提交一份 `plannedStart` 恰好在 `issuedAt` 之后该最短时间处的中断通知（期望 201），以及一份少一秒的中断通知（期望 422 `notice-lead-time-too-short`）。对于 `SECURITY_INCIDENT` 和 `LEGAL_REQUIREMENT`（其中断通知最多可晚于开始时间 2 小时），提交一份开始时间恰好早于 `issuedAt` 2 小时的中断通知（201），以及一份早 2 小时零一秒的中断通知（422）。其他每一条规则均得到满足：严重程度为规则所允许的最低等级，须公示的均已计划公示。',
  ],
  'notices/severity-not-understated': [
    'f70ec25938ec',
    '在最低严重程度的每一阈值处提交维护中断通知，期望声明的严重程度足够的通知被接受（恰好 2 小时为 `MINOR`，恰好 24 小时为 `SIGNIFICANT`，每日 999 件快件为 `MINOR`，9,999 件为 `SIGNIFICANT`），越过阈值一步的通知以 422 `notice-severity-understated` 被拒绝（2 小时零一秒为 `MINOR`，24 小时零一秒为 `SIGNIFICANT`，1,000 件为 `MINOR`，10,000 件为 `SIGNIFICANT`）；同样被拒绝的还有因协议期满而发出的 `SIGNIFICANT` 通知，以及无 `plannedEnd` 的 `SIGNIFICANT` 通知。每份被拒绝的通知都计划了向社会公示，使其只有严重程度有误。',
  ],
  'notices/disclosure-required': [
    'f08e178fc168',
    '提交未附 `publicDisclosure` 的 `SIGNIFICANT` 通知和 `SERIOUS` 通知各一份，期望 422 `notice-disclosure-missing`；提交一份公示计划时间恰为 `plannedStart` 的 `SIGNIFICANT` 通知（201）及晚一秒的通知（422）；一份在发出后一小时开始、公示时间恰为 `issuedAt` 后 24 小时的 `SECURITY_INCIDENT` 通知（201，两个期限中较晚者）及晚一秒的通知（422）；一份在发出后 30 小时开始、公示时间恰为 `plannedStart` 的 `LEGAL_REQUIREMENT` 通知（201）及晚一秒的通知（422）；以及一份未附公示的 `MINOR` 通知（201）。',
  ],
  'notices/times-and-parties-plausible': [
    'e5e4c7460710',
    '提交 `issuedAt` 早于被测实现时钟 360 秒和晚于其 90 秒的中断通知（比所允许的 300 秒和 30 秒各超出一分钟，使误差在 ECDX-HLT-002 所规定 30 秒以内的时钟得出相同判断），期望 422 `notice-issued-at-invalid`，而 200 秒前发出的通知被接受；随后提交 `plannedEnd` 等于或早于 `plannedStart` 的通知，以及发出方与接收方均为一致性测试套件所属角色的通知，期望 422 `validation-failed`。',
  ],
  'notices/duplicate-id-refused': [
    '881a11a52711',
    '提交一份中断通知，再以新的 `Idempotency-Key` 原样重新提交（期望 201：相同内容不构成冲突），然后提交一份 `noticeId` 相同而 `reasonDetail` 不同的通知（期望 409 `notice-already-exists`），并读回副本：其中必须仍为第一次的 `reasonDetail`。',
  ],
  'notices/late-resend-answered': [
    'd15e8e85f51b',
    '提交一份中断通知，将被测实现的时钟向前拨动 10 分钟（超过 `issuedAt` 所允许的 300 秒时效），再以新的 `Idempotency-Key` 重新提交同一通知。被测实现必须先找到其已持有的该通知，再判断 `issuedAt`，并以 201 和其副本答复：丢失第一次答复的发出方重新发送的正是这样的通知。',
  ],
  'notices/misaddressed-notice-forbidden': [
    'ebe8043afe7b',
    '针对快递企业，提交一份发给另一快递企业代码的中断通知；针对平台，提交一份以签名密钥所属快递企业以外的另一快递企业为发出方的中断通知。期望 403 `forbidden`，且此后读取其 `noticeId` 时答复 404：该通知未被记录。',
  ],
  'notices/obligations-published': [
    '36e00be2c4b7',
    '提交一份 `SERIOUS` 通知（协议期满）、一份在发出后一小时开始的 `SIGNIFICANT` 级 `SECURITY_INCIDENT` 通知和一份 `MINOR` 维护通知，读取每份副本，期望 `negotiation.obligations` 等于本章规则（第 5 节、第 7 节）对副本所报告状态给出的义务：公示期限为 `plannedStart`（该网络安全事件通知为 `issuedAt` + 24 h），`MINOR` 通知无公示义务，仅处于 `DISPUTED` 状态的 `SERIOUS` 通知须向两个主管部门报告。随后向该 `SERIOUS` 通知提交发出方的 `DISCLOSED`，期望仍公布公示义务（已履行的义务仍是义务），再撤回该通知，期望不再有任何义务。',
  ],
  'notices/copy-readable': [
    '1ee21835d0dc',
    '提交一份中断通知并读取（期望 200，状态为 `ISSUED`，无任何回应），提交发出方的 `DISCLOSED`、`AUTHORITY_REPORTED` 和 `PROPOSE` 回应，再次读取：期望 200，一份有效的 `InterruptionNotice`，其内容与所提交的通知一致，状态为 `PROPOSED`，且恰好含这三项回应，顺序与提交顺序相同。',
  ],
  'notices/unknown-notice-not-found': [
    '8f55d39650ed',
    '读取一个从未提交过的 `noticeId` 并对其提交回应，期望两者均得到 404 `notice-not-found`。随后提交一份中断通知，并以一致性测试套件的第二个密钥（另一客户端）签名，读取该通知并对其提交回应，必须得到同样的 404，使他方之间的通知无法被探知。第二部分需要第二个密钥；一致性测试套件仅在作为平台（针对作为快递企业的被测实现）时才有第二个密钥。',
  ],
  'notices/response-applied': [
    'bc32bd4dbd53',
    '提交一份 `SIGNIFICANT` 通知，然后提交发出方的 `DISCLOSED`（状态仍为 `ISSUED`）、`PROPOSE`（→ `PROPOSED`）和 `WITHDRAW`（→ `WITHDRAWN`）。每次答复都必须为 201，带一份处于新状态的有效 `InterruptionNotice`，按顺序含迄今为止的每一回应，且义务已重新计算（撤回后无任何义务）。',
  ],
  'notices/state-conflict-refused': [
    '92567784b263',
    '对处于 `ISSUED` 状态的通知，提交发出方的 `ACCEPT` 和 `OBJECT`（没有接收方的提议可供答复）；在发出方自己的 `PROPOSE` 之后，提交其 `PROPOSE`、`ACCEPT` 和 `OBJECT`（一方从不答复自己的提议）；在其 `WITHDRAW` 之后，提交 `DISCLOSED`、`AUTHORITY_REPORTED`、`PROPOSE` 和 `WITHDRAW`。期望每一项都得到 409 `notice-state-conflict`，且读回的副本未因被拒绝的回应而改变。',
  ],
  'notices/response-not-allowed': [
    '30c7d83784d4',
    '对处于 `ISSUED` 状态的通知，提交发出方的 `ACKNOWLEDGE`（发出方从不确认收到），以及回应方为 `RECIPIENT` 的回应（`RECIPIENT` 是被测实现自身一侧，其回应由其自行记录）：`ACKNOWLEDGE`、`ACCEPT` 和 `WITHDRAW`。期望每一项都得到 422 `notice-response-not-allowed`，且副本不变。',
  ],
  'notices/obligations-after-own-responses': [
    '2e45c631b0ce',
    '向被测实现发出两份 `SERIOUS` 通知（协议期满），并通过测试动作 `respond-to-notice` 使其对第一份先确认收到、再提出异议，对第二份表示接受。每份副本都必须公布其所达到状态的义务：在每一状态下公示期限均为 `plannedStart`，仅在 `DISPUTED` 状态下须向两个主管部门报告。未提供 `respond-to-notice`（类别 `client`）的被测实现无法被带到这些状态：该检查项结果为跳过。',
  ],
  'notices/generated-invalid-notice-refused': [
    '9ef2f28cff73',
    '以一份含模式所定义全部成员的有效通知为基础，由 `InterruptionNoticeRequest` 派生无效通知（逐一缺少每个成员、成员类型错误、违反其 pattern、format、界限或 enum、含未定义的成员、超长），外加 `--fuzz-runs` 个随机生成的无效通知，并将每个提交至 `POST /v1/interruption-notices`；然后将该有效通知声明为 text/plain 提交。每个都必须以 422 `validation-failed` 被拒绝并指明其违反的成员（text/plain 为 415），绝不为 2xx，绝不为 5xx。',
  ],
  'notices/generated-invalid-response-refused': [
    'c4c599b701f8',
    '提交一份中断通知，然后以发出方的有效 `DISCLOSED` 为基础，由 `NoticeResponse` 派生无效回应（逐一缺少每个成员、成员类型错误、违反其 pattern、format、界限或 enum、含未定义的成员、超长），外加 `--fuzz-runs` 个随机生成的无效回应，并将每个提交至该通知的 `POST /v1/interruption-notices/{noticeId}/responses`。每个都必须以 422 `validation-failed` 被拒绝并指明其违反的成员，绝不被处理，绝不为 5xx。',
  ],
  // --- incidents ---
  'incidents/receipt-issued': [
    '2a30df5d3317',
    '发送一份有效的 `SecurityIncident`，预期答复 201 和 `IncidentReceipt`，其中写明该通报的 `incidentId`，且 `receivedAt` 与答复该请求的时间相差不超过 30 秒（被测实现有测试时钟时，以其测试时钟为准）。',
  ],
  'incidents/signature-required': [
    'fe8c943b5f7f',
    '发送一份不带签名的有效 `SecurityIncident`，以及一份以一致性测试套件的 keyid 但用另一密钥签名的（签名无法通过验证），预期每份均答复 401 问题。每份之前都先在一个 GET 请求上施加相同的错误：在所有地方都接受此类请求的被测实现不符合 ECDX-SEC-002 或 ECDX-SEC-008，此时本检查项以 precondition-failed 结束，因为本检查项验证的是网络安全事件接收方的行为。被拒绝的通报是否被记录，无法从外部观察（没有读回网络安全事件的操作）。',
  ],
  'incidents/invalid-refused': [
    '847cb2f3d0df',
    '发送以下通报：不含 `measuresTaken`、`measuresTaken` 为空、不含 `contact`、`occurredAt` 比 `detectedAt` 晚一分钟、`reportedAt` 比 `detectedAt` 早一分钟，预期每份都答复 422 `validation-failed`。',
  ],
  'incidents/update-accepted': [
    'b8d29a4e646c',
    '发送一份通报，然后以相同的 `incidentId` 和新的 `Idempotency-Key` 发送一份更新（定级为 `LARGER`，已向邮政管理部门报告，采取了第二项措施），预期每份都得到 201 和回执，且第二份回执的时间不早于第一份。每一版本是否都被保留，无法从外部观察。',
  ],
  'incidents/late-or-incomplete-accepted': [
    '01e8cd97f77a',
    '发送三份有效通报，每份各有一项过失：一份于三天前发现（远超 ECDX-INC-002 规定的 24 小时），一份承认未启动应急预案，一份定级为 `LARGER` 而未向任何主管部门报告，预期每份都答复 201 和回执：这些是通报方的过失，由主管部门评判。',
  ],
  'incidents/generated-invalid-incident-refused': [
    '837487b037e0',
    '由 `SecurityIncident` 派生无效通报（逐一缺少每个成员、成员类型错误、违反其 `pattern`、`format`、界限或 `enum`、含未定义成员、超长），以一个含模式所定义全部成员的有效通报为基础，另加 `--fuzz-runs` 个随机生成的无效通报，逐一发送至 `POST /v1/security-incidents`；然后将该有效通报声明为 text/plain 发送。每个都必须以 422 `validation-failed` 拒绝并指明其违反的成员（text/plain 为 415），既不得答复 2xx，也不得答复 5xx。',
  ],
  // --- statistics ---
  'statistics/served-for-period': [
    '7aa5fff26738',
    '请求自一天前至一小时后的期间，`from` 以 UTC 书写，`to` 以 +08:00 书写，预期得到 200 及有效的 `SharingStatistics`，其 `period` 表示相同的两个时刻，其 `role` 和 `party` 均为被测实现的角色。模式规定为可选的 `counterparty` 如有给出，必须属于一致性测试套件的角色（统计数字是否只涵盖请求方，由 `statistics/scoped-to-requester` 检查）。',
  ],
  'statistics/scoped-to-requester': [
    '5664a2a49269',
    '以一致性测试套件的第一个客户端身份进行若干交换——被测实现为快递企业时发送三个快件，为平台时推送一批两个事件——等待涵盖这些交换的时间窗口的统计数字将其计入（至多 60 秒），然后以一致性测试套件的第二个密钥签名，请求同一时间窗口的统计数字：即被测实现的另一个客户端，它未进行其中任何一次交换。其统计数字不得达到第一个客户端的计数。',
  ],
  'statistics/period-validated': [
    '4bf524100e28',
    '先省略 `from`，再省略 `to`，以仅含日期的形式发送 `from`，以不带 UTC 偏移的形式发送 `to`，预期得到 422 `validation-failed`，并在 `invalidParams` 中指明该参数（`/from`、`/to`）。然后发送 `to` 等于 `from`、`to` 早于 `from`、自现在起一小时后才开始的期间，以及长 366 天零 1 秒的期间，预期得到 422 `statistics-period-invalid`；恰为 366 天的期间答复 200。',
  ],
  'statistics/no-personal-data': [
    '97bcc5130ece',
    '先进行一次交换（一个带有姓名、电话号码和地址的快件，或一次推送），然后读取涵盖该交换的时间窗口的统计数字，预期得到有效的 `SharingStatistics`（每一层级均为封闭对象，因此没有任何成员能容纳快件列表），任何位置都没有未脱敏的手机号码或身份证件号码，不含一致性测试套件所发送的任何姓名、号码、地址细节或运单号，且任何文本成员中都没有形似运单号的字符串（8–32 个大写字母和数字，其中至少六位数字）。',
  ],
  'statistics/figures-consistent': [
    '8bc60b7e977e',
    '先进行若干交换（一个被接受的快件和一个被拒绝的快件，或一次推送），然后读取涵盖这些交换的时间窗口以及最近一天的统计数字，并用 `statisticsInconsistencies`（`schemas/src/statistics.ts`）检查其算术关系：accepted + rejected = received，各原因的拒收数之和相符，各节点的事件数之和相符，当且仅当有推送送达时给出延迟中位数，中断分钟数不超出统计期间。',
  ],
  'statistics/figures-current': [
    '2dfb6265aa7d',
    '进行若干交换（一个快件，或一次包含两个事件的推送），然后反复读取涵盖这些交换的时间窗口的统计数字，直至其计入这些交换，至多持续到交换完成后 60 秒；若届时仍未计入，报告警告。',
  ],
  'statistics/past-year-answered': [
    'c02d921f276a',
    '请求始于 366 天减五分钟之前的一天，以及自同一时刻起的 366 天期间，预期每次都得到 200 及有效的 `SharingStatistics`：统计数字必须保存如此之久。（统计数字确实被保存、而非仅仅得到答复，这一点在一次测试运行中无法从外部观察到。）',
  ],
  'statistics/generated-invalid-period-query-refused': [
    'e5af52e049fe',
    '以一个有效的过去月份为基础，根据 `GET /v1/statistics/sharing` 各参数的模式派生其无效查询——`from` 或 `to` 缺失、违反 Timestamp 的 pattern 或 format、长出一个字符。每个查询都必须以 422 `validation-failed` 拒绝并指明该参数，决不返回 5xx。',
  ],
  // --- health ---
  'health/answers-within-2s': [
    'a843fba8c590',
    '三次发送 `GET /v1/health`（未签名），预期获得完整答复所用时间的中位数不超过 2 秒，无论答复内容如何（答复是否为 200 属于 ECDX-HLT-001 的问题）；否则报告警告。采用中位数，是为了使一致性测试套件与被测实现之间网络上的一次延迟不起决定作用。',
  ],
  // --- client ---
  'client/actions-served': [
    '37e5f6f3c8af',
    '读取一致性声明中的 `testActions`：其中必须列出被测实现所属角色的每一测试动作。然后以一致性测试套件自己的一个会话为对方，请求执行一次网络安全事件通报（`notify-incident`，两种角色均提供），期望得到 200 和该动作的 `TestActionOutcome`，其 `requests` 等于一致性测试套件所收到的请求数。',
  ],
  'client/requests-signed': [
    '097c9f77d7ed',
    '使被测实现执行其所列出、且无需任何预先准备的本角色每一测试动作（平台：寄递数据、订阅、读取轨迹、中断通知、网络安全事件通报；快递企业：中断通知和网络安全事件通报），并以参考验证器验证除发现请求外的每个请求：ECDX 签名规范所规定的覆盖组件和参数、被测实现登记的密钥、按其时钟为新近的 `created`、此前未出现过的 nonce，以及与请求体相符的 `Content-Digest`。',
  ],
  'client/creating-requests-keyed': [
    'f01f6cbc1152',
    '使被测实现发送两个新的创建类请求（平台：两个快件；快递企业：两份网络安全事件通报），期望每个请求都带有由 1 至 255 个可见 ASCII 字符组成的 `Idempotency-Key`，且两个键互不相同。',
  ],
  'client/idempotency-keys-random': [
    '9a06a94efd3a',
    '使被测实现发送三个创建类请求，并依据随机性必然呈现的特征评判其键：每个键在其字母表中可容纳 128 位（UUID 必须为第 4 版），任意两个键都不只是末尾一小段不同，且没有一个键含有其请求体中的值（订单号、电话号码）。',
  ],
  'client/retry-keeps-key': [
    '921ccc766096',
    '对被测实现的首个创建类请求答复 `409 idempotency-request-in-flight`，对其第二个请求答复带 `Retry-After: 1` 的 `503`，此后按对方应有的方式答复，期望每个再次发送的请求都带有第一个请求的 Idempotency-Key 和请求体。转而放弃的被测实现无法呈现任何内容，结果为 precondition-failed。',
  ],
  'client/retry-after-honoured': [
    '7e0d102afe40',
    '对被测实现的首个创建类请求答复带 `Retry-After: 1` 的 `429`，对第二个请求答复带 `Retry-After: 2` 的 `503`，并测量每个请求何时再次到来：不得早于答复所示时间（为计时器和线路留出 50 ms 余量）。转而放弃的被测实现无法呈现任何内容，结果为 precondition-failed。',
  ],
  'client/shipping-data-minimal': [
    '42478067ffd8',
    '使平台发送其一个测试订单的寄递数据（`send-shipment`），并检查所到达的内容：没有 ShipmentRequest 未定义的成员，且在其已定义的任何成员（内件名称、单位名称、备注）中都没有校验码有效的居民身份证号码。',
  ],
  'client/trajectory-read-to-the-end': [
    '7a6e97f222c4',
    '提供一条含 120 个事件的轨迹（多于任何一页所能容纳的数量），并请求平台读取该轨迹（`pull-trajectory`）。一致性测试套件以 `nextCursor` 答复的每一页之后，都必须有一个带该游标的请求，从而使最后一页被读取。',
  ],
  'client/gap-repaired-by-pull': [
    '29cd21b97236',
    '使平台向扮演其快递企业的一致性测试套件订阅（`subscribe`），然后推送一个只含一个运单的批次，其序号跳过一个（1、2、4、5）——该批次的任何重试都无法填补这一缺口——并按订阅所指定的方式签名，再等待至多 10 s，看是否有针对该运单的 `GET /v1/shipments/{waybillNo}/events`。',
  ],
  'client/notice-before-interruption': [
    '98af7e09b5fb',
    '请求被测实现分别以 PLANNED_MAINTENANCE 和 AGREEMENT_EXPIRY 为原因计划一次中断（`issue-notice`），期望一致性测试套件对每一项都收到一份中断通知：一份有效的 InterruptionNoticeRequest，其 plannedStart 晚于该通知的接收时间至少该原因的最短提前通知时间，且其严重程度不低于由其原因、持续时间和快件量所确定的等级。',
  ],
  'client/issuer-holds-its-notice': [
    '83755ea5754b',
    '请求被测实现发出一份中断通知（`issue-notice`），然后以接收方身份在 `GET /v1/interruption-notices/{noticeId}` 从被测实现读回该通知，向其提交一项 ACKNOWLEDGE，期望副本记录该回应。随后向被测实现发出一份一致性测试套件自己的中断通知，请求其作出回应（`respond-to-notice`，ACKNOWLEDGE），期望该回应既出现在一致性测试套件的副本中，也出现在被测实现自身的副本中。',
  ],
  'client/incident-notified-in-time': [
    'f843986b2508',
    '请求被测实现按发现影响其与一致性测试套件所共享数据的网络安全事件时的做法行事（`notify-incident`），期望一致性测试套件收到一份有效的 SecurityIncident，且按被测实现的时钟，收到时间在其所述 `detectedAt` 之后 24 小时以内。',
  ],
};
