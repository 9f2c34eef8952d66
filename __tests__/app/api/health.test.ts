import postgres from 'postgres';
import { GET } from '@/app/api/health/route';
import { getHealth } from '@/lib/db/health';
import { findFreePort } from '@/lib/db/ports';

describe('GET /api/health', () => {
  it('answers 200 with db ok when the database is up', async () => {
    const res = await GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', db: 'ok' });
  });

  it('reports the database unreachable when nothing listens on its port', async () => {
    const port = await findFreePort();
    const dead = postgres(`postgresql://postgres@127.0.0.1:${port}/nowhere`, { connect_timeout: 1, max: 1, types: { bigint: postgres.BigInt } });
    try {
      await expect(getHealth(dead, 2_000)).resolves.toEqual({ status: 'degraded', db: 'unreachable' });
    } finally {
      await dead.end({ timeout: 0 });
    }
  });

  it('answers 503 through the route when DATABASE_URL points at a dead server', async () => {
    const port = await findFreePort();
    const { spawnSync } = await import('node:child_process');
    // A fresh process so the route's shared pool is created for the dead URL.
    const out = spawnSync(
      process.execPath,
      ['--import', 'tsx', '-e', "import('./app/api/health/route.ts').then(async (m) => { const r = await m.GET(); console.log(r.status, await r.text()); process.exit(0); })"],
      { env: { ...process.env, DATABASE_URL: `postgresql://postgres@127.0.0.1:${port}/nowhere` }, encoding: 'utf8', timeout: 20_000 },
    );
    expect(out.stdout.trim()).toBe('503 {"status":"degraded","db":"unreachable"}');
  });
});
