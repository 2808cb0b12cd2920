// What a member of an evidence body means, read off the published schema of the body: whether a string is a
// person's name (PersonName, MaskedName: sender, recipient, courier, signatory) or an address detail that rule M4
// removes, as opposed to an organisation's name (an ExchangeParty, the claim's party) or free text. Redaction
// decides by this meaning, never by the member's name alone: `recipient.name` is a person in a shipment and a
// company in an interruption notice. Which schema a body has follows from the exchange: the operations table
// gives each operation's request and answer schemas, a problem answer is a Problem, a push is a PushBatch.
import { allSchemas, MaskedAddress, schemaId, schemaName } from '../../schemas/src/index.ts';
import { operations, pushWebhook } from '../../spec/openapi/operations.ts';

type JsonSchema = Record<string, unknown>;

/** One schema a value at some position may follow, and the published schema it is part of. */
interface Alternative {
  schema: JsonSchema;
  /** The name of the nearest published schema (`Address`, `Contact` …) this one belongs to. */
  within: string | undefined;
}

/** The alternatives at one position of a body; undefined where the schema says nothing (unknown JSON). */
export type Position = readonly Alternative[] | undefined;

const published = new Map<string, JsonSchema>(allSchemas.map((s) => [s.$id as string, s as JsonSchema]));
const nameOf = (schema: JsonSchema): string | undefined => (typeof schema.$id === 'string' ? schemaName(schema as never) : undefined);

/** Schemas whose value is a person's name. */
const PERSON_NAMES = new Set(['PersonName', 'MaskedName']);

/** Every schema a value following `schema` may follow: references resolved, anyOf, oneOf and allOf flattened. */
function expand(schema: unknown, within: string | undefined, depth = 0): Alternative[] {
  if (!schema || typeof schema !== 'object' || depth > 16) return [];
  const s = schema as JsonSchema;
  if (typeof s.$ref === 'string') {
    const target = published.get(s.$ref);
    return target ? expand(target, nameOf(target), depth + 1) : [];
  }
  const own = nameOf(s) ?? within;
  const alternatives: Alternative[] = [{ schema: s, within: own }];
  for (const key of ['anyOf', 'oneOf', 'allOf']) {
    const branches = s[key];
    if (Array.isArray(branches)) for (const branch of branches) alternatives.push(...expand(branch, own, depth + 1));
  }
  return alternatives;
}

const propertiesOf = (s: JsonSchema): Record<string, unknown> =>
  s.properties && typeof s.properties === 'object' ? (s.properties as Record<string, unknown>) : {};

/** Rule M4's members: those of an Address that a MaskedAddress has no room for (`detail`, `postalCode`). */
const ADDRESS_DETAILS: ReadonlySet<string> = (() => {
  const all = new Set(expand(published.get(schemaId('Address')), 'Address').flatMap((a) => Object.keys(propertiesOf(a.schema))));
  for (const kept of Object.keys(propertiesOf(MaskedAddress as JsonSchema))) all.delete(kept);
  return all;
})();

/** The position of a body that follows the published schema `name`; undefined (unknown JSON) for no name. */
export const positionOf = (name: string | undefined): Position => {
  if (name === undefined) return undefined;
  if (!bodyPositions.has(name)) {
    const schema = published.get(schemaId(name));
    bodyPositions.set(name, schema ? expand(schema, name) : undefined);
  }
  return bodyPositions.get(name);
};

// Positions are computed once: every string of every evidence body is redacted twice in a run, and expanding the
// schemas again for each was a large share of the harness's CPU (issue 12). The schemas never change in a process.
const bodyPositions = new Map<string, Position>();
const memberPositions = new WeakMap<readonly Alternative[], Map<string, Position>>();
const itemPositions = new WeakMap<readonly Alternative[], Position>();

/** The position of member `key` inside an object at `position`. */
export function memberPosition(position: Position, key: string): Position {
  if (!position) return undefined;
  const members = memberPositions.get(position) ?? new Map<string, Position>();
  memberPositions.set(position, members);
  if (!members.has(key)) members.set(key, memberPositionOf(position, key));
  return members.get(key);
}

function memberPositionOf(position: readonly Alternative[], key: string): Position {
  const found = position.flatMap((a) => {
    const property = propertiesOf(a.schema)[key];
    if (property !== undefined) return expand(property, a.within);
    const additional = a.schema.additionalProperties;
    return additional && typeof additional === 'object' ? expand(additional, a.within) : [];
  });
  return found.length > 0 ? found : undefined;
}

/** The position of the items of an array at `position`. */
export function itemPosition(position: Position): Position {
  if (!position) return undefined;
  if (!itemPositions.has(position)) {
    const found = position.flatMap((a) => expand(a.schema.items, a.within));
    itemPositions.set(position, found.length > 0 ? found : undefined);
  }
  return itemPositions.get(position);
}

/** What a string member means to redaction. */
export type Meaning = 'person-name' | 'address-detail' | 'text';

/** The meaning of member `key` of an object at `position`, whose own position is `member`. */
export function meaningOf(position: Position, key: string | undefined, member: Position): Meaning {
  if (member?.some((a) => PERSON_NAMES.has(nameOf(a.schema) ?? ''))) return 'person-name';
  if (key !== undefined && ADDRESS_DETAILS.has(key) && position?.some((a) => a.within === 'Address' && key in propertiesOf(a.schema))) return 'address-detail';
  return 'text';
}

/** Where an evidence body was: who sent it, to which operation, and in which part of the exchange. */
export interface BodyPlace {
  direction: 'to-target' | 'from-target';
  method: string;
  url: string;
  part: 'request' | 'response';
  /** The status of the response, for a response body. */
  status?: number;
}

/** `/ecdx/v1/shipments/SF1/events?limit=2` → `/v1/shipments/SF1/events`: the target's base path is not the operation's. */
const operationPath = (url: string): string | undefined => {
  let path: string;
  try {
    path = new URL(url, 'http://target.invalid').pathname;
  } catch {
    return undefined;
  }
  const at = path.indexOf('/v1/');
  return at >= 0 ? path.slice(at) : undefined;
};

const matches = (template: string, path: string): boolean => {
  const want = template.split('/');
  const have = path.split('/');
  return want.length === have.length && want.every((segment, i) => (segment.startsWith('{') ? have[i] !== '' : segment === have[i]));
};

/** The published schema of an evidence body, or undefined when the exchange names none (a path outside the table). */
export function bodySchemaOf(place: BodyPlace): string | undefined {
  // The target's push reaches the harness's receiver: a batch, answered by the harness's acknowledgement.
  if (place.direction === 'from-target') return place.part === 'request' ? pushWebhook.schema : pushWebhook.acknowledgement;
  const path = operationPath(place.url);
  const operation = path === undefined ? undefined : operations.find((o) => o.method === place.method.toLowerCase() && matches(o.path, path));
  if (place.part === 'request') return operation?.requestBody?.schema;
  if (place.status !== undefined && place.status >= 400) return 'Problem';
  if (!operation) return undefined;
  if (operation.success.status === place.status) return operation.success.schema;
  return operation.alternatives?.find((a) => a.status === place.status)?.schema;
}
