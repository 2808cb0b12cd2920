// Error responses: RFC 9457 problem details with ECDX's stable problem types. The catalogue below is the single
// list of problem types; servers, the mock and the harness all read it, so a type URI never drifts from its status.
import { Type, type Static } from '@sinclair/typebox';
import { Closed, ref, schemaId, StringEnum } from './common.ts';

export const PROBLEM_BASE = 'https://ecdx.dev/problems/';

/** One entry of the problem-type catalogue. `status` is the HTTP status every server answers with for it. */
export interface ProblemType {
  readonly slug: string;
  readonly title: string;
  readonly status: number;
  readonly description: string;
}

/**
 * The catalogue of ECDX problem types. Slugs are stable: a type is never renamed or given another status; a new
 * condition gets a new slug. Titles are fixed per type (RFC 9457 §3.1.3), so clients may show them as they are.
 */
export const problemTypes = [
  // 400 — the request cannot be read
  {
    slug: 'bad-request',
    title: 'Bad request',
    status: 400,
    description:
      'The message is not a well-formed HTTP request: an unparsable request line or header section, a missing or invalid Host, or an unknown method.',
  },
  {
    slug: 'malformed-json',
    title: 'Malformed JSON',
    status: 400,
    description: 'The body is not well-formed JSON in UTF-8, or is empty where a body is required.',
  },
  {
    slug: 'idempotency-key-missing',
    title: 'Idempotency-Key missing',
    status: 400,
    description: 'A creating POST arrived without an `Idempotency-Key` header, or with one that is not 1–255 visible ASCII characters.',
  },
  // 401 — the request cannot be trusted
  {
    slug: 'signature-missing',
    title: 'Signature missing',
    status: 401,
    description: 'The request carries no `Signature` / `Signature-Input` pair labelled `ecdx`.',
  },
  {
    slug: 'signature-invalid',
    title: 'Signature invalid',
    status: 401,
    description:
      'The signature does not verify over the covered components with the key named by `keyid`, omits a component the request carries and ECDX requires it to cover, names an algorithm the key does not use, or claims a validity longer than 300 s.',
  },
  {
    slug: 'signature-expired',
    title: 'Signature expired',
    status: 401,
    description: 'The signature is outside its validity: `expires` has passed, or `created` lies in the future beyond the allowed clock skew.',
  },
  {
    slug: 'nonce-replayed',
    title: 'Nonce replayed',
    status: 401,
    description: 'The signature nonce has already been used with this key within the validity window: the request is a replay.',
  },
  {
    slug: 'digest-mismatch',
    title: 'Content-Digest mismatch',
    status: 401,
    description: 'The `Content-Digest` header is missing for a request with a body, or does not match the body received.',
  },
  {
    slug: 'unknown-key',
    title: 'Unknown key',
    status: 401,
    description: 'The `keyid` names no key the receiver holds for the sending party, or names a revoked key.',
  },
  // 403, 404, 405
  {
    slug: 'forbidden',
    title: 'Forbidden',
    status: 403,
    description: 'The authenticated party may not act on this resource, for example a notice addressed to another party.',
  },
  {
    slug: 'not-found',
    title: 'Not found',
    status: 404,
    description:
      'No resource exists at this path for the requesting party: an unknown path, or an identifier (such as a waybill number) that is unknown or belongs to another party, where no more specific type exists.',
  },
  {
    slug: 'subscription-not-found',
    title: 'Subscription not found',
    status: 404,
    description: 'No subscription with this identifier exists for the requesting party.',
  },
  {
    slug: 'callback-gone',
    title: 'Callback gone',
    status: 410,
    description: 'The platform no longer accepts pushes at this callback URL; the carrier disables the subscription and stops sending to it.',
  },
  {
    slug: 'notice-not-found',
    title: 'Interruption notice not found',
    status: 404,
    description: 'No interruption notice with this identifier is held for the requesting party.',
  },
  {
    slug: 'method-not-allowed',
    title: 'Method not allowed',
    status: 405,
    description: 'The path exists but does not support this method; the `Allow` header lists the methods it does support.',
  },
  // 409 — the request conflicts with the state of the resource
  {
    slug: 'idempotency-request-in-flight',
    title: 'Request with this Idempotency-Key in flight',
    status: 409,
    description: 'A request with the same `Idempotency-Key` is still being processed; retry after it has completed.',
  },
  {
    slug: 'shipment-already-accepted',
    title: 'Shipment already accepted',
    status: 409,
    description: 'The shipment can no longer be cancelled: the carrier has accepted (收寄) the parcel.',
  },
  {
    slug: 'notice-already-exists',
    title: 'Interruption notice already exists',
    status: 409,
    description: 'A notice with this `noticeId` from this issuer is already held, with different content.',
  },
  {
    slug: 'notice-state-conflict',
    title: 'Response not possible in this negotiation state',
    status: 409,
    description:
      "The response type cannot be given in the notice's current negotiation state, for example any response to a withdrawn notice, or accepting one's own proposal.",
  },
  // 413, 415
  { slug: 'payload-too-large', title: 'Payload too large', status: 413, description: 'The request body exceeds 1 MiB.' },
  { slug: 'batch-too-large', title: 'Batch too large', status: 413, description: 'A push batch carries more than 100 tracking events.' },
  {
    slug: 'unsupported-media-type',
    title: 'Unsupported media type',
    status: 415,
    description: 'The request body is not `application/json` (a `charset` other than UTF-8 is also refused).',
  },
  // 422 — well-formed, but breaks a schema or business rule
  {
    slug: 'validation-failed',
    title: 'Validation failed',
    status: 422,
    description: 'The body or a parameter does not conform to its ECDX schema; `invalidParams` lists every violation found.',
  },
  {
    slug: 'idempotency-key-reused',
    title: 'Idempotency-Key reused',
    status: 422,
    description: 'The `Idempotency-Key` was already used by the same client for a request with a different method, target or content.',
  },
  {
    slug: 'prohibited-contents',
    title: 'Prohibited contents',
    status: 422,
    description: 'The shipment declares contents in a category that may not be sent; the carrier refuses the shipping data rather than accepting it silently.',
  },
  {
    slug: 'notice-lead-time-too-short',
    title: 'Notice lead time too short',
    status: 422,
    description: "plannedStart − issuedAt is shorter than the minimum lead time ECDX sets for the notice's reason.",
  },
  {
    slug: 'notice-severity-understated',
    title: 'Notice severity understated',
    status: 422,
    description: "The declared impact severity is lower than the minimum the notice's reason, duration and volume imply.",
  },
  {
    slug: 'notice-disclosure-missing',
    title: 'Public disclosure missing or late',
    status: 422,
    description: 'The notice requires a public disclosure and none is planned, or it is planned after the deadline.',
  },
  {
    slug: 'notice-issued-at-invalid',
    title: 'Notice issue time implausible',
    status: 422,
    description: 'issuedAt lies more than 300 s before or more than 30 s after the time the receiver got the notice.',
  },
  {
    slug: 'notice-response-not-allowed',
    title: 'Response type not allowed for this respondent',
    status: 422,
    description:
      'The respondent may never give this response type (a recipient cannot withdraw, an issuer cannot acknowledge), or it is not the party that posted it.',
  },
  {
    slug: 'statistics-period-invalid',
    title: 'Statistics period invalid',
    status: 422,
    description: 'The requested period is empty or reversed (from ≥ to) or longer than 366 days.',
  },
  // 429, 5xx
  { slug: 'rate-limited', title: 'Rate limited', status: 429, description: 'Too many requests; the `Retry-After` header says when to try again.' },
  {
    slug: 'internal-error',
    title: 'Internal error',
    status: 500,
    description: 'The server failed to process a request that was valid. Never used for a fault of the client.',
  },
  {
    slug: 'service-unavailable',
    title: 'Service unavailable',
    status: 503,
    description: 'The server is temporarily unable to process requests (overload, maintenance); `Retry-After` says when to try again.',
  },
] as const satisfies readonly ProblemType[];

export type ProblemSlug = (typeof problemTypes)[number]['slug'];

/** The type URI of a catalogued problem: `https://ecdx.dev/problems/<slug>`. */
export const problemTypeUri = (slug: ProblemSlug): string => `${PROBLEM_BASE}${slug}`;

/** The catalogue entry of a slug (throws on an unknown slug, which is a programming error). */
export const problemType = (slug: ProblemSlug): ProblemType => {
  const entry = problemTypes.find((p) => p.slug === slug);
  if (!entry) throw new Error(`unknown problem type ${slug}`);
  return entry;
};

/** RFC 6901 JSON Pointer: empty (the whole document) or `/`-separated tokens with `~0` and `~1` escapes. */
export const JSON_POINTER_PATTERN = '^(/([^~/]|~[01])*)*$';

export const InvalidParam = Type.Object(
  {
    name: Type.String({
      description:
        'Where the violation is, as an RFC 6901 JSON Pointer. For the body it points into the request body ' +
        '(`/recipient/phone`; the empty pointer is the body as a whole); for a query, path or header parameter ' +
        'it is `/` followed by the parameter name (`/from`), and `in` says which.',
      pattern: JSON_POINTER_PATTERN,
      maxLength: 512,
    }),
    in: Type.Optional(
      StringEnum(['body', 'query', 'path', 'header'] as const, {
        description: 'Which part of the request `name` points into; absent means the body.',
      }),
    ),
    reason: Type.String({
      description: 'What is wrong, for a developer. It must not repeat the offending value when that could be personal data.',
      minLength: 1,
      maxLength: 500,
    }),
  },
  {
    $id: schemaId('InvalidParam'),
    title: 'InvalidParam',
    description:
      'One violation in a request, addressed by JSON Pointer so that a client can attach it to the field that ' +
      'caused it. A JSON Pointer rather than a dotted path, because member names may themselves contain dots.',
    ...Closed,
    examples: [
      { name: '/recipient/phone', reason: 'must match ^1[3-9]\\d{9}$' },
      { name: '/from', in: 'query', reason: 'must be an RFC 3339 date-time with an offset' },
    ],
  },
);
export type InvalidParam = Static<typeof InvalidParam>;

export const Problem = Type.Object(
  {
    type: Type.String({
      description:
        'The problem type: `https://ecdx.dev/problems/<slug>` with a slug from the ECDX catalogue. Clients ' +
        'branch on this member, never on `title` or `detail`.',
      format: 'uri',
      pattern: '^https://ecdx\\.dev/problems/[a-z0-9]+(-[a-z0-9]+)*$',
      // Room for a slug of 100 characters; the catalogue's longest is far shorter.
      maxLength: 126,
    }),
    title: Type.String({ description: 'The catalogue title of the type, the same for every occurrence.', minLength: 1, maxLength: 200 }),
    status: Type.Integer({
      format: 'int32',
      description: 'The HTTP status code of the response, repeated so that the body stands alone.',
      minimum: 400,
      maximum: 599,
    }),
    detail: Type.Optional(
      Type.String({
        description: 'What went wrong with this request, for a developer. Never personal data, secrets or stack traces.',
        minLength: 1,
        maxLength: 2000,
      }),
    ),
    instance: Type.Optional(
      Type.String({
        description: 'A URI reference that identifies this occurrence, for example the request path or a log correlation URN.',
        pattern: '^\\S{1,2048}$',
        maxLength: 2048,
      }),
    ),
    invalidParams: Type.Optional(
      Type.Array(ref(InvalidParam), {
        description:
          'Every violation found, for `validation-failed` (required there) and other 422 types where a field is at fault. ' +
          'A value that matches no alternative of a conditional rule (`anyOf`) is named by the members of the closest ' +
          'alternative (chapter Core, Errors); entries beyond the ones a client expects may be listed, each naming a ' +
          'member that breaks a rule.',
        minItems: 1,
        maxItems: 100,
      }),
    ),
    signatureBase: Type.Optional(
      Type.String({
        description:
          'Test deployments only, on a 401 `signature-invalid` or `digest-mismatch`: the signature base (RFC 9421 ' +
          '§2.5) the receiver computed for the request, for a developer to compare with the one their client ' +
          'signed. It holds what the request sent, never a signature value or key material; a production ' +
          'deployment never sends it.',
        minLength: 1,
        maxLength: 8192,
      }),
    ),
    signatureMismatch: Type.Optional(
      Type.Object(
        {
          component: Type.String({
            description: 'The covered component, as Signature-Input names it (`@target-uri`, `content-type`, `@signature-params`).',
            minLength: 1,
            maxLength: 256,
          }),
          verifierValue: Type.String({
            description:
              'Its value as the receiver derived it: its line of `signatureBase`; for `content-digest` on a ' +
              '`digest-mismatch`, the digest of the content the receiver got.',
            maxLength: 4096,
          }),
          signerValue: Type.Optional(
            Type.String({
              description:
                'The value the client most likely used: the one with which the signature verifies; for ' +
                '`content-digest` on a `digest-mismatch`, the field it sent.',
              maxLength: 4096,
            }),
          ),
          hint: Type.String({ description: 'Why the two differ and what to change, for a developer.', minLength: 1, maxLength: 500 }),
        },
        {
          description:
            'Test deployments only: the first covered component whose value differs from what the client signed, ' +
            'found by verifying the signature over plausible variations of the base (another origin or Host, the ' +
            'path without its query, a header value untrimmed …). Absent when no single variation verifies.',
          ...Closed,
        },
      ),
    ),
  },
  {
    $id: schemaId('Problem'),
    title: 'Problem',
    description:
      'An error response (RFC 9457, media type `application/problem+json`). The `type` URI is stable and names ' +
      'one entry of the ECDX problem catalogue; `invalidParams` lists validation failures by JSON Pointer. The ' +
      'object is closed: ECDX senders add no extension members, so a client can rely on exactly these. A test ' +
      'deployment may add `signatureBase` and `signatureMismatch` to a signature failure, to help a developer ' +
      'fix their signer (chapter Security); a production deployment never does.',
    ...Closed,
    examples: [
      {
        type: 'https://ecdx.dev/problems/validation-failed',
        title: 'Validation failed',
        status: 422,
        detail: 'The shipping data has 1 invalid field.',
        instance: '/v1/shipments',
        invalidParams: [{ name: '/recipient/phone', reason: 'must match ^1[3-9]\\d{9}$' }],
      },
      { type: 'https://ecdx.dev/problems/signature-expired', title: 'Signature expired', status: 401 },
    ],
  },
);
export type Problem = Static<typeof Problem>;

/** A Problem body for a catalogued type. */
export const problem = (slug: ProblemSlug, fields: Omit<Problem, 'type' | 'title' | 'status'> = {}): Problem => {
  const entry = problemType(slug);
  return { type: problemTypeUri(slug), title: entry.title, status: entry.status, ...fields };
};
