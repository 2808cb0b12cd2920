// What `ecdx monitor` watches and how often: one process, many links (issue 13). The flags of one target and a
// config file with a `targets:` list come to the same MonitorConfig; the file is validated against this schema, so
// a misspelt option or a target without a role is a usage error before any probe is sent, never a silent default.
// Key material never goes in the file (it is committed and shared): only where to read it (keyFile, keyEnv).
import { Type, type Static } from '@sinclair/typebox';
import { PartyRole } from '../schemas/src/index.ts';
import { violations } from '../schemas/validate.ts';

/** A duration as the flags write it (`30s`, `500ms`, `2m`, `24h`, `7d`) or a number of seconds. */
const Duration = Type.Union([Type.String({ pattern: '^\\s*\\d+(\\.\\d+)?\\s*(ms|s|min|m|h|d|)\\s*$', maxLength: 20 }), Type.Number({ exclusiveMinimum: 0 })]);

export const TargetConfig = Type.Object(
  {
    /** The link's name: every metric's `target` label and every evidence record's `target`. */
    name: Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]*$' }),
    /** The base URL, the part before /v1 (as `ecdx test --target`). */
    target: Type.String({ minLength: 1, maxLength: 2048 }),
    role: PartyRole,
    /** A waybill of the target's whose trajectory is pulled every round (carrier targets); a test deployment gets one created. */
    canaryWaybill: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    /** The declared push cadence: no push for longer than this interrupts PARCEL_DATA_PUSH. Absent: push gaps are not judged. */
    pushGap: Type.Optional(Duration),
    /** Subscribe to the target's pushes (carrier targets; default true). */
    subscribe: Type.Optional(Type.Boolean()),
    keyId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    keyFile: Type.Optional(Type.String({ minLength: 1, maxLength: 4096 })),
    keyEnv: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    keyAlg: Type.Optional(Type.Union([Type.Literal('ed25519'), Type.Literal('hmac-sha256')])),
    targetKeyId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    targetKeyFile: Type.Optional(Type.String({ minLength: 1, maxLength: 4096 })),
    insecureHttp: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type TargetConfig = Static<typeof TargetConfig>;

export const MonitorConfigFile = Type.Object(
  {
    interval: Type.Optional(Duration),
    duration: Type.Optional(Duration),
    failuresToOpen: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    probeTimeout: Type.Optional(Duration),
    clock: Type.Optional(Type.Union([Type.Literal('real'), Type.Literal('target')])),
    state: Type.Optional(Type.String({ minLength: 1, maxLength: 4096 })),
    evidence: Type.Optional(Type.String({ minLength: 1, maxLength: 4096 })),
    signKey: Type.Optional(Type.String({ minLength: 1, maxLength: 4096 })),
    metricsPort: Type.Optional(Type.Integer({ minimum: 0, maximum: 65535 })),
    metricsHost: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
    reportDir: Type.Optional(Type.String({ minLength: 1, maxLength: 4096 })),
    /**
     * The language of report.html (`--lang`); absent: the locale's. Any short string here, so that a language the
     * monitor does not speak is refused as `--lang` refuses it, naming the languages it does.
     */
    lang: Type.Optional(Type.String({ minLength: 1, maxLength: 35 })),
    callbackHost: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
    callbackPort: Type.Optional(Type.Integer({ minimum: 0, maximum: 65535 })),
    callbackUrl: Type.Optional(Type.String({ minLength: 1, maxLength: 2048 })),
    counterpartyHost: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
    counterpartyPort: Type.Optional(Type.Integer({ minimum: 0, maximum: 65535 })),
    counterpartyUrl: Type.Optional(Type.String({ minLength: 1, maxLength: 2048 })),
    targets: Type.Optional(Type.Array(TargetConfig, { maxItems: 1000 })),
  },
  { additionalProperties: false },
);
export type MonitorConfigFile = Static<typeof MonitorConfigFile>;

/** Why a config file's content is refused, in one line; undefined when it is a valid MonitorConfigFile. */
export function configProblem(value: unknown): string | undefined {
  const [first] = violations(MonitorConfigFile, value, 1);
  if (first) return `${first.pointer || '/'} ${first.message}`;
  const names = ((value as MonitorConfigFile).targets ?? []).map((t) => t.name);
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  return twice === undefined ? undefined : `/targets: the name '${twice}' is given to two targets (each link needs its own)`;
}

const UNITS: Record<string, number> = { ms: 1, s: 1000, min: 60_000, m: 60_000, h: 3_600_000, d: 86_400_000, '': 1000 };

/** A Duration in ms, or NaN when it is none. */
export function durationMs(value: string | number): number {
  if (typeof value === 'number') return value > 0 ? value * 1000 : Number.NaN;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|min|m|h|d|)\s*$/.exec(value);
  const ms = match ? Number(match[1]) * UNITS[match[2]!]! : Number.NaN;
  return ms >= 1 ? ms : Number.NaN;
}
