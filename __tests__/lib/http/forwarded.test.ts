// Issue 10, item 3 (unit level): X-Forwarded-* headers are believed only from a
// peer listed in TRUSTED_PROXIES. The HTTP tests (__tests__/e2e/httpSecurity) check
// that the running server applies this to every request.
import { parseConfig } from '@/lib/config';
import { applyForwarding, clientIp, proxyList, resolveForwarding, type NodeHeaders } from '@/lib/http/forwarded';

const spoofed: NodeHeaders = { host: 'corridor.test', 'x-forwarded-for': '203.0.113.9', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https', 'x-real-ip': '203.0.113.8' };

describe('resolveForwarding', () => {
  it('ignores every forwarding header from a peer that is not a trusted proxy', () => {
    expect(resolveForwarding('198.51.100.7', spoofed, proxyList([]))).toEqual({ clientIp: '198.51.100.7' });
    expect(resolveForwarding('::ffff:198.51.100.7', spoofed, proxyList(['10.0.0.0/8']))).toEqual({ clientIp: '198.51.100.7' });
  });

  it('walks the chain behind trusted proxies to the first untrusted hop, whatever the client prepended', () => {
    const headers = { 'x-forwarded-for': '1.2.3.4, 198.51.100.7, 10.0.0.2', 'x-forwarded-host': 'corridor.example.org', 'x-forwarded-proto': 'https' };
    expect(resolveForwarding('10.0.0.1', headers, proxyList(['10.0.0.0/24']))).toEqual({ clientIp: '198.51.100.7', host: 'corridor.example.org', proto: 'https' });
  });

  it('rewrites the headers in place so nothing downstream sees the spoofed values', () => {
    const headers = { ...spoofed };
    applyForwarding(headers, '127.0.0.1', proxyList([]));
    expect(headers).toEqual({ host: 'corridor.test', 'x-forwarded-for': '127.0.0.1' });
    expect(clientIp(new Headers(headers as Record<string, string>))).toBe('127.0.0.1');
  });

  it('believes no list or name in X-Forwarded-For that the server did not set', () => {
    expect(clientIp(new Headers({ 'x-forwarded-for': '1.2.3.4, 5.6.7.8' }))).toBeNull();
    expect(clientIp(new Headers({ 'x-forwarded-for': 'localhost' }))).toBeNull();
  });
});

describe('TRUSTED_PROXIES', () => {
  it('is empty by default and takes addresses and CIDR ranges', () => {
    expect(parseConfig({}).TRUSTED_PROXIES).toEqual([]);
    expect(parseConfig({ TRUSTED_PROXIES: '10.0.0.5, 10.1.0.0/16,fd00::/8' }).TRUSTED_PROXIES).toEqual(['10.0.0.5', '10.1.0.0/16', 'fd00::/8']);
  });

  it.each(['proxy.internal', '10.0.0.0/33', '10.0.0.1/8/2'])('refuses %s with a message naming the variable', (value) => {
    expect(() => parseConfig({ TRUSTED_PROXIES: value })).toThrow(/TRUSTED_PROXIES must list IP addresses or CIDR ranges/);
  });
});
