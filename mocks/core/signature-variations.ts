// The plausible ways a client's signature base differs from the one the mock computed, each with what to change.
// They come from the mistakes signers actually make: the origin (a client that reached the mock as `localhost`,
// through a proxy, over TLS terminated in front of it), the target's form (no query, the path alone, a trailing
// slash, the default port, not percent-encoded), a header value signed before it was trimmed or before the HTTP
// library added parameters, and Signature-Input written in another form than the one it signed. Each variation
// names the values it changes, by covered component; signature-help.ts tries them in order.
import { contentDigest, type SignableRequest } from '../../protocol/index.ts';
import type { MockRequest } from './types.ts';

export interface Variation {
  /** Covered component → the value the client may have signed instead. */
  values: Partial<Record<string, string>>;
  /** Why the values differ and what to change, for a developer. */
  hint: string;
}

const LOOPBACK = ['127.0.0.1', 'localhost', '[::1]'];

/** The target as the client may have signed it: every component derived from the URL changes together. */
export function targetVariations(request: MockRequest, covered: ReadonlyMap<string, string>): Variation[] {
  const url = request.url;
  const origin = url.origin;
  const pathAndQuery = `${url.pathname}${url.search}`;
  const variations: Variation[] = [];
  const at = (scheme: string, authority: string, hint: string) =>
    variations.push({ values: { '@target-uri': `${scheme}//${authority}${pathAndQuery}`, '@authority': authority, '@scheme': scheme.slice(0, -1) }, hint });
  const verifiedWith = `this mock verifies every request with its own origin, ${origin}, whatever the Host says`;
  const publicOrigin = 'or start the mock with --public-origin (startMockServer({ publicOrigin })) set to the origin clients use';

  const host = request.headers['host']?.toLowerCase();
  if (host !== undefined && host !== url.host)
    at(url.protocol, host, `the client signed the target for ${host}, the Host it sent; ${verifiedWith}: sign ${origin}${url.pathname}, ${publicOrigin}`);
  const port = url.port === '' ? '' : `:${url.port}`;
  if (LOOPBACK.includes(url.hostname)) {
    for (const alias of LOOPBACK.filter((name) => name !== url.hostname)) {
      if (`${alias}${port}` !== host)
        at(
          url.protocol,
          `${alias}${port}`,
          `the client signed the target for ${alias}${port}; ${verifiedWith}: sign the URL the request is sent to, with the same host name`,
        );
    }
  }
  const other = url.protocol === 'http:' ? 'https:' : 'http:';
  for (const authority of new Set([url.host, ...(host === undefined ? [] : [host])])) {
    at(
      other,
      authority,
      `the client signed an ${other.slice(0, -1)} target, and this mock is reached over ${url.protocol.slice(0, -1)} (a proxy that terminates TLS?); ${verifiedWith}: ${publicOrigin}`,
    );
  }
  if (url.search !== '') {
    variations.push({
      values: { '@target-uri': `${origin}${url.pathname}`, '@request-target': url.pathname },
      hint: 'the client signed the target without its query; "@target-uri" is the whole URI, query included',
    });
    variations.push({
      values: { '@path': pathAndQuery },
      hint: 'the client signed "@path" with the query; "@path" is the path alone ("@query" covers the query)',
    });
  }
  variations.push({
    values: { '@target-uri': pathAndQuery },
    hint: `the client signed the path alone; "@target-uri" is the absolute URI, ${origin}${pathAndQuery}`,
  });
  const slashed = url.pathname.length > 1 && url.pathname.endsWith('/') ? url.pathname.slice(0, -1) : `${url.pathname}/`;
  variations.push({
    values: { '@target-uri': `${origin}${slashed}${url.search}`, '@path': slashed, '@request-target': `${slashed}${url.search}` },
    hint: `the client signed the path ${slashed.endsWith('/') ? 'with' : 'without'} a trailing slash; sign the path exactly as requested`,
  });
  if (url.port === '') {
    const explicit = `${url.hostname}:${url.protocol === 'https:' ? 443 : 80}`;
    variations.push({
      values: { '@target-uri': `${url.protocol}//${explicit}${pathAndQuery}`, '@authority': explicit },
      hint: 'the client signed the default port; "@target-uri" leaves it out, as a WHATWG URL serialises it',
    });
  }
  const target = covered.get('@target-uri');
  const decoded = target === undefined ? undefined : safeDecode(target);
  if (decoded !== undefined && decoded !== target) {
    variations.push({ values: { '@target-uri': decoded }, hint: 'the client signed the target before it was percent-encoded; sign it as it is sent' });
  }
  return variations;
}

/** The method, the covered header fields and the signature parameters as the client may have signed them. */
export function valueVariations(signable: SignableRequest, covered: ReadonlyMap<string, string>, signatureInput: string | undefined): Variation[] {
  const variations: Variation[] = [];
  const method = covered.get('@method');
  if (method !== undefined) {
    for (const other of new Set([method.toLowerCase(), method.toUpperCase()])) {
      if (other !== method)
        variations.push({ values: { '@method': other }, hint: `the client signed the method as ${other}; "@method" is the method as sent, ${method}` });
    }
  }
  for (const [name, value] of covered) {
    if (name.startsWith('@')) continue;
    const vary = (signed: string, hint: string) => {
      if (signed !== value) variations.push({ values: { [name]: signed }, hint });
    };
    const untrimmed = `the client signed ${name} with white space around it; RFC 9421 §2.1 covers a field's value with leading and trailing white space removed`;
    for (const signed of [` ${value}`, `${value} `, ` ${value} `, `\t${value}`]) vary(signed, untrimmed);
    if (value.includes(', '))
      vary(value.replaceAll(', ', ','), `the client joined the field lines of ${name} without a space; RFC 9421 §2.1 joins them with ", "`);
    if (name === 'content-type') {
      if (value.includes(';')) {
        vary(value.split(';')[0]!.trim(), `the client signed ${name} without the parameters sent with it (${value}): sign the field as it is sent`);
      } else {
        for (const signed of [`${value}; charset=utf-8`, `${value};charset=UTF-8`])
          vary(signed, `the client signed ${name} with parameters that were not sent (${signed})`);
      }
      vary(value.toLowerCase(), `the client signed ${name} in another case; sign the field as it is sent`);
    }
    if (name === 'content-digest') {
      vary(
        contentDigest(signable.body),
        'the client signed the sha-256 Content-Digest of the content, but sent the field in another form: sign the field as it is sent',
      );
    }
  }
  const params = covered.get('@signature-params');
  const written = signatureInputMember(signatureInput, 'ecdx');
  if (params !== undefined && written !== undefined && written !== params) {
    variations.push({
      values: { '@signature-params': written },
      hint:
        'the client signed "@signature-params" as it wrote Signature-Input; the base holds the parameters as RFC 8941 ' +
        'serialises them: write Signature-Input in exactly the form of the line it signs',
    });
  }
  return variations;
}

const safeDecode = (text: string): string | undefined => {
  try {
    return decodeURI(text);
  } catch {
    return undefined;
  }
};

/**
 * A member of a Structured Field dictionary as it was written, before parsing: the value of `label=` up to the next
 * comma outside a string or an inner list.
 */
function signatureInputMember(field: string | undefined, label: string): string | undefined {
  if (field === undefined) return undefined;
  let i = 0;
  while (i < field.length) {
    while (field[i] === ' ' || field[i] === '\t') i++;
    const start = i;
    let quoted = false;
    let depth = 0;
    for (; i < field.length; i++) {
      const c = field[i];
      if (quoted) {
        if (c === '\\') i++;
        else if (c === '"') quoted = false;
      } else if (c === '"') quoted = true;
      else if (c === '(') depth++;
      else if (c === ')') depth--;
      else if (c === ',' && depth === 0) break;
    }
    const member = field.slice(start, i).trimEnd();
    if (member.startsWith(`${label}=`)) return member.slice(label.length + 1);
    i++;
  }
  return undefined;
}
