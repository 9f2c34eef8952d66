// Which X-Forwarded-* headers to believe. Any client can send them, so they are
// taken only from a connection whose peer is a configured proxy (TRUSTED_PROXIES);
// otherwise the peer itself is the client and the request's own Host and scheme
// stand. The HTTP server (scripts/serve.ts) rewrites the headers with this once per
// request, before Next.js, the proxy, better-auth or a route sees them, so every
// reader downstream (the sign-in throttle, better-auth's rate limiter, the Origin
// check, Next's own server-action check) gets the same trustworthy answer.
import { BlockList, isIP } from 'node:net';

type HeaderValue = string | string[] | undefined;
export type NodeHeaders = Record<string, HeaderValue>;

const FORWARDING_HEADERS = ['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'x-real-ip', 'forwarded'];

/** "::ffff:10.0.0.1" → "10.0.0.1"; anything that is not an IP address → null. */
export function normaliseIp(text: string | undefined | null): string | null {
  const value = text?.trim().replace(/^\[(.*)\]$/, '$1') ?? '';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value);
  const ip = mapped ? mapped[1] : value;
  return isIP(ip) ? ip : null;
}

/** Whether an entry is an IP address or a CIDR range such as 10.0.0.0/8 or fd00::/8. */
export function isProxyEntry(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/** The set of trusted proxies; entries are validated by lib/config.ts. */
export function proxyList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, prefix] = entry.split('/');
    const type = isIP(address) === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return list;
}

const isTrusted = (ip: string, proxies: BlockList) => proxies.check(ip, isIP(ip) === 4 ? 'ipv4' : 'ipv6');
/** Is the connection's peer one of TRUSTED_PROXIES (whose X-Request-Id is then kept)? */
export function isTrustedPeer(peer: string | undefined, proxies: BlockList): boolean {
  const ip = normaliseIp(peer);
  return ip !== null && isTrusted(ip, proxies);
}
const firstValue = (value: HeaderValue) => (Array.isArray(value) ? value[0] : value)?.split(',')[0]?.trim() || undefined;

export interface Forwarding {
  /** The client's address: the peer, or the nearest untrusted hop behind trusted proxies. */
  clientIp: string | null;
  /** Host and scheme as the client used them, when a trusted proxy said so. */
  host?: string;
  proto?: 'http' | 'https';
}

/** What the request's forwarding headers may be believed to say, given its peer. */
export function resolveForwarding(peer: string | undefined, headers: NodeHeaders, proxies: BlockList): Forwarding {
  const peerIp = normaliseIp(peer);
  if (!peerIp || !isTrusted(peerIp, proxies)) return { clientIp: peerIp };
  // Walk the chain from the right: each trusted hop vouches for the one before it.
  const raw = headers['x-forwarded-for'];
  const chain = (Array.isArray(raw) ? raw.join(',') : raw ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  let clientIp = peerIp;
  for (let i = chain.length - 1; i >= 0; i--) {
    const hop = normaliseIp(chain[i]);
    if (!hop) break;
    clientIp = hop;
    if (!isTrusted(hop, proxies)) break;
  }
  const host = firstValue(headers['x-forwarded-host']);
  const proto = firstValue(headers['x-forwarded-proto'])?.toLowerCase();
  return {
    clientIp,
    ...(host && /^[A-Za-z0-9.:[\]-]{1,255}$/.test(host) ? { host } : {}),
    ...(proto === 'http' || proto === 'https' ? { proto } : {}),
  };
}

/** Replaces the request's forwarding headers with what may be believed (in place, before Next.js runs). */
export function applyForwarding(headers: NodeHeaders, peer: string | undefined, proxies: BlockList): void {
  const forwarding = resolveForwarding(peer, headers, proxies);
  for (const name of FORWARDING_HEADERS) delete headers[name];
  if (forwarding.clientIp) headers['x-forwarded-for'] = forwarding.clientIp;
  if (forwarding.host) headers['x-forwarded-host'] = forwarding.host;
  if (forwarding.proto) headers['x-forwarded-proto'] = forwarding.proto;
}

/**
 * The client's IP address for a request, as the server left it in X-Forwarded-For:
 * exactly one address. Anything else (a list, a name) was not set by our server and
 * is not believed.
 */
export function clientIp(headers: Headers): string | null {
  const value = headers.get('x-forwarded-for');
  return value && !value.includes(',') ? normaliseIp(value) : null;
}
