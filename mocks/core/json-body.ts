// Reading a JSON request body as the Core chapter says: `application/json` in UTF-8, well-formed, and no word of
// the body quoted back (it may hold personal data, ECDX-ERR-010). The pipeline and the mock's own test controls
// (mocks/fault-control.ts) read bodies with these.

/** `application/json`, optionally with `charset=utf-8` (any case); nothing else. */
export function isJsonMediaType(value: string): boolean {
  const [type, ...params] = value.split(';').map((p) => p.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((p) => p === '' || p === 'charset=utf-8' || p === 'charset="utf-8"');
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function parseJson(body: Uint8Array | undefined): { ok: true; value: unknown } | { ok: false; reason: string } {
  if (!body || body.length === 0) return { ok: false, reason: 'the body is empty; this operation needs a JSON document' };
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    return { ok: false, reason: 'the body is not valid UTF-8' };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    // V8's message quotes the start of the body, which may hold personal data (ECDX-ERR-010): say nothing of it.
    return { ok: false, reason: 'the body is not well-formed JSON' };
  }
}
