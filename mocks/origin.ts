// The origin a mock is known by: what its clients put in "@target-uri" when they sign. Both adapters take one (the
// server's publicOrigin, the msw handlers' baseUrl) and check it the same way.

/** `https://carrier.example` from a URL that names an origin only; a path, query or fragment is refused. */
export function originOf(value: string, what = 'baseUrl'): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(`${what} must be an absolute http or https URL such as https://carrier.example (got ${value})`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError(`${what} must use http or https (got ${value})`);
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
    throw new TypeError(`${what} must be an origin such as https://carrier.example, without a path (got ${value})`);
  }
  return url.origin;
}
