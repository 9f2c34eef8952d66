import { ConfigError, parseConfig } from '@/lib/config';

describe('parseConfig', () => {
  it('uses the documented defaults for an empty environment', () => {
    const c = parseConfig({});
    expect(c).toMatchObject({ PORT: 3000, EMBEDDED_PG_PORT: 54329, DEMO_DATA: true, PUBLIC_READ: true, REQUIRE_REVIEW: false, IMPORT_MAX_MB: 50 });
    expect(c.DATABASE_URL).toBeUndefined();
  });

  it('accepts a postgresql:// DATABASE_URL and boolean words', () => {
    const c = parseConfig({ DATABASE_URL: 'postgresql://u:p@db.example:5432/corridor', PUBLIC_READ: 'false', REQUIRE_REVIEW: 'yes' });
    expect(c).toMatchObject({ DATABASE_URL: 'postgresql://u:p@db.example:5432/corridor', PUBLIC_READ: false, REQUIRE_REVIEW: true });
  });

  it.each([
    [{ DATABASE_URL: 'not a url' }, /DATABASE_URL is not a valid URL/],
    [{ DATABASE_URL: 'mysql://u@h/db' }, /DATABASE_URL must start with postgresql:\/\//],
    [{ PORT: 'abc' }, /PORT must be a number/],
    [{ PORT: '70000' }, /PORT must be between 1 and 65535/],
    [{ EMBEDDED_PG_PORT: '80' }, /EMBEDDED_PG_PORT must be between 1024 and 65535/],
    [{ PUBLIC_READ: 'maybe' }, /PUBLIC_READ must be true or false, got "maybe"/],
    [{ IMPORT_MAX_MB: '0' }, /IMPORT_MAX_MB must be greater than 0/],
  ])('rejects %j with a message naming the variable', (env, message) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(message);
  });
});
