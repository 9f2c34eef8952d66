// Issue 10, item 7: the CSP needs the response's nonce for scripts, and HSTS is
// sent exactly when the public URL is https.
import { createNonce, securityHeaders } from '@/lib/http/securityHeaders';

describe('securityHeaders', () => {
  it('allows scripts only with the nonce, never inline, and forbids framing', () => {
    const nonce = createNonce();
    const headers = securityHeaders('/', { nonce });
    const scriptSrc = headers['Content-Security-Policy'].split('; ').find((d) => d.startsWith('script-src'))!;
    expect(scriptSrc).toContain(`'nonce-${nonce}'`);
    expect(scriptSrc).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(headers['Content-Security-Policy']).toContain("frame-ancestors 'none'");
    expect(createNonce()).not.toBe(nonce);
  });

  it('sends HSTS when the public URL is https, and not over http or when it is unset', () => {
    expect(securityHeaders('/', { nonce: 'n', publicUrl: 'https://corridor.example.org' })['Strict-Transport-Security']).toMatch(/^max-age=31536000/);
    expect(securityHeaders('/', { nonce: 'n', publicUrl: 'http://localhost:3000' })['Strict-Transport-Security']).toBeUndefined();
    expect(securityHeaders('/', { nonce: 'n' })['Strict-Transport-Security']).toBeUndefined();
  });

  it('lets other sites frame the embed routes only', () => {
    for (const path of ['/embed/s/abcdefghjk', '/embed/refugees']) {
      const headers = securityHeaders(path, { nonce: 'n' });
      expect(headers['Content-Security-Policy']).toContain('frame-ancestors *');
      expect(headers['X-Frame-Options']).toBeUndefined();
    }
    for (const path of ['/', '/s/abcdefghjk', '/figures', '/embedded', '/api/v1/series']) {
      const headers = securityHeaders(path, { nonce: 'n' });
      expect(headers['Content-Security-Policy']).toContain("frame-ancestors 'none'");
      expect(headers['X-Frame-Options']).toBe('DENY');
    }
  });
});
