import { publicOrigin } from '@/lib/http/publicOrigin';

describe('publicOrigin', () => {
  const saved = process.env.BETTER_AUTH_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.BETTER_AUTH_URL;
    else process.env.BETTER_AUTH_URL = saved;
  });

  it('uses BETTER_AUTH_URL when it is set', () => {
    process.env.BETTER_AUTH_URL = 'https://corridor.example.org/some/path';
    expect(publicOrigin(new Headers({ host: '0.0.0.0:3000' }))).toBe('https://corridor.example.org');
  });

  it('otherwise uses the host the client asked for, not the listening address', () => {
    delete process.env.BETTER_AUTH_URL;
    expect(publicOrigin(new Headers({ host: 'data.example.net:8080' }))).toBe('http://data.example.net:8080');
    expect(publicOrigin(new Headers({ 'x-forwarded-host': 'corridor.example.net', 'x-forwarded-proto': 'https' }))).toBe('https://corridor.example.net');
  });

  it('never answers 0.0.0.0', () => {
    delete process.env.BETTER_AUTH_URL;
    expect(publicOrigin(new Headers())).toBe('http://localhost');
    expect(publicOrigin(new Headers({ host: '0.0.0.0:3000' }))).toBe('http://localhost:3000');
  });
});
