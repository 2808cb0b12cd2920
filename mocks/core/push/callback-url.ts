// Which callback URLs a carrier pushes to (ECDX-PSH-004): HTTPS, and on a test deployment also plain HTTP to a
// loopback address, where the conformance harness listens. Trajectories are sensitive personal information; over
// plain HTTP on any other network they would be readable by every hop.

/** Why the URL is refused, or undefined when the carrier may push to it. */
export function callbackUrlRefusal(callbackUrl: string, testDeployment: boolean): string | undefined {
  let url: URL;
  try {
    url = new URL(callbackUrl);
  } catch {
    return 'must be an absolute URL';
  }
  if (url.username !== '' || url.password !== '') return 'must not carry user-info: credentials never travel in a URL';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:') {
    if (!testDeployment) return 'must use https';
    return isLoopbackHost(url.hostname) ? undefined : 'must use https (plain http is accepted only for a loopback address on a test deployment)';
  }
  return 'must use https';
}

/** `localhost`, 127.0.0.0/8 and ::1, as the WHATWG URL parser normalises them (IPv4-mapped IPv6 included). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost') return true;
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)) return true;
  if (host === '[::1]') return true;
  // The parser writes ::ffff:127.0.0.1 as ::ffff:7f00:1; the first hextet after ffff holds the 127.
  return /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(host);
}
