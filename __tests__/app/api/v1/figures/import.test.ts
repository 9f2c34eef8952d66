import { createApiToken } from '@/lib/auth/apiTokens';
import { POST } from '@/app/api/v1/figures/import/route';
import { db } from '@/lib/db/client';
import { resetDatabase } from '../../../../helpers/db';
import { seedExchangeData } from '../../../../lib/exchange/fixtures';
import { createUser } from '../../../../lib/exchange/importHelpers';

const FILE = 'metric,value_low,as_of,source_title,source_url,quote\nrefugees,"1,000,000",2022-03-03,UNHCR statement,https://example.org/a,One million have fled.\n';

async function tokenFor(role: 'ADMIN' | 'EDITOR' | 'ANALYST') {
  const user = await createUser(role);
  const { token } = await createApiToken({ userId: user.id, email: user.email, name: user.name, role, via: 'session' }, 'import test');
  return token;
}

const post = (query: string, headers: Record<string, string> = {}) =>
  POST(new Request(`http://localhost/api/v1/figures/import?${query}`, { method: 'POST', body: FILE, headers: { 'content-type': 'text/csv', ...headers } }));

describe('POST /api/v1/figures/import', () => {
  beforeEach(async () => {
    await resetDatabase();
    await seedExchangeData();
  });

  it('refuses anonymous requests with 401 and analysts with 403, writing nothing', async () => {
    expect((await post('dryRun=0')).status).toBe(401);
    const analyst = await tokenFor('ANALYST');
    const response = await post('dryRun=0', { authorization: `Bearer ${analyst}` });
    expect(response.status).toBe(403);
    expect(await db.figure.count({ where: { source: { url: 'https://example.org/a' } } })).toBe(0);
    expect(await db.importRun.count()).toBe(0);
  });

  it('answers an editor with a dry-run report by default, and commits with dryRun=0', async () => {
    const editor = await tokenFor('EDITOR');
    const dry = await post('', { authorization: `Bearer ${editor}` });
    expect(dry.status).toBe(200);
    expect(await dry.json()).toMatchObject({ dryRun: true, committed: false, newRows: 1, invalid: 0 });
    expect(await db.source.count({ where: { url: 'https://example.org/a' } })).toBe(0);
    const commit = await post('dryRun=0&fileName=march.csv', { authorization: `Bearer ${editor}` });
    expect(await commit.json()).toMatchObject({ committed: true, newRows: 1, fileName: 'march.csv' });
    expect(await db.figure.count({ where: { source: { url: 'https://example.org/a' }, status: 'DRAFT' } })).toBe(1);
  });

  it('lets only admins import as PUBLISHED', async () => {
    const editor = await tokenFor('EDITOR');
    const refused = await post('dryRun=0&status=PUBLISHED', { authorization: `Bearer ${editor}` });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.param).toBe('status');
    const admin = await tokenFor('ADMIN');
    await post('dryRun=0&status=PUBLISHED', { authorization: `Bearer ${admin}` });
    expect(await db.figure.count({ where: { source: { url: 'https://example.org/a' }, status: 'PUBLISHED' } })).toBe(1);
  });

  it('refuses a cookie-authenticated request from another origin (CSRF)', async () => {
    const response = await post('dryRun=0', { cookie: 'better-auth.session_token=whatever', origin: 'https://evil.example' });
    expect([401, 403]).toContain(response.status);
  });

  it('streams progress lines and the report as NDJSON when asked', async () => {
    const editor = await tokenFor('EDITOR');
    const response = await post('', { authorization: `Bearer ${editor}`, accept: 'application/x-ndjson' });
    const lines = (await response.text()).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.at(-1)).toMatchObject({ type: 'report', report: { newRows: 1 } });
    expect(lines.some((l) => l.type === 'progress')).toBe(true);
  });
});
