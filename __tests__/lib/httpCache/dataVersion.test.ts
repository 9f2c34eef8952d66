// The data version (bumped by triggers in the writer's transaction) and the HTTP
// caching proxy.ts builds on it: ETags, 304s and Cache-Control. Real PostgreSQL.
import { NextRequest } from 'next/server';
import postgres from 'postgres';
import { resetDatabase } from '@/__tests__/helpers/db';
import { createTestUser, type TestUser } from '@/__tests__/helpers/auth';
import { figureData, seedReferenceData, type Seed } from '@/__tests__/helpers/fixtures';
import { closeAuth } from '@/lib/auth/auth';
import { databaseUrl } from '@/lib/db/databaseUrl';
import { db } from '@/lib/db/client';
import { createFigure, publishFigure, retractFigure, updateFigure } from '@/lib/figures/mutations';
import { getDataVersion } from '@/lib/httpCache/dataVersion';
import { PRIVATE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL, ifNoneMatchHits } from '@/lib/httpCache/policy';
import { seedExchangeData } from '../exchange/fixtures';
import { createUser, importText } from '../exchange/importHelpers';
import { proxy } from '@/proxy';

let seed: Seed;
let editor: TestUser;
/** A second connection, outside the app's pools, to look at what others can see. */
let other: postgres.Sql;

beforeAll(() => {
  other = postgres(databaseUrl(), { max: 1, onnotice: () => {} });
});
beforeEach(async () => {
  await resetDatabase();
  seed = await seedReferenceData();
  editor = await createTestUser('EDITOR');
});
afterAll(async () => {
  await other.end();
  await closeAuth();
  await db.$disconnect();
});

const version = async () => BigInt(await getDataVersion());

describe('data version', () => {
  it('goes up with every create, edit, publish and retract', async () => {
    const v0 = await version();
    const { id } = await createFigure(editor.actor, figureData(seed));
    const v1 = await version();
    expect(v1).toBeGreaterThan(v0);
    await updateFigure(editor.actor, id, 1, figureData(seed, { qualifier: 'AT_LEAST', low: 2_300_000n, high: 2_300_000n, valueAsStated: 'more than 2.3 million' }));
    const v2 = await version();
    expect(v2).toBeGreaterThan(v1);
    await publishFigure(editor.actor, id);
    const v3 = await version();
    expect(v3).toBeGreaterThan(v2);
    const { version: current } = await db.figure.findUniqueOrThrow({ where: { id }, select: { version: true } });
    await retractFigure(editor.actor, id, 'Superseded by a later count', { version: current });
    expect(await version()).toBeGreaterThan(v3);
  });

  it('goes up with a committed import, and not with a dry run', async () => {
    await resetDatabase();
    await seedExchangeData();
    const userId = (await createUser()).id;
    const file = 'metric,value_low,value_high,qualifier,as_of,source_title,source_url,origin,quote\nrefugees,5000,5000,EXACT,2022-03-09,Wire,https://example.org/w,Україна,Five thousand.\n';
    const v0 = await version();
    await importText(file, userId, { dryRun: true });
    expect(await version()).toBe(v0);
    await importText(file, userId, { dryRun: false });
    expect(await version()).toBeGreaterThan(v0);
  });

  it('is bumped inside the writing transaction: seen there, hidden from others until commit, undone by a rollback', async () => {
    const { id } = await createFigure(editor.actor, figureData(seed));
    const v0 = await version();
    const seen: bigint[] = [];
    await expect(
      db.$transaction(async (tx) => {
        await tx.figure.update({ where: { id }, data: { notes: 'inside the transaction' } });
        const [row] = await tx.$queryRaw<{ version: bigint }[]>`SELECT version FROM data_version WHERE id = 1`;
        seen.push(row.version);
        const [outside] = await other<{ version: string }[]>`SELECT version::text AS version FROM data_version WHERE id = 1`;
        seen.push(BigInt(outside.version));
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(seen).toEqual([v0 + 1n, v0]);
    expect(await version()).toBe(v0);
    expect((await db.figure.findUniqueOrThrow({ where: { id } })).notes).toBeNull();
  });

  it('goes up with edits to sources, places and publishers too (they show in every citation)', async () => {
    const v0 = await version();
    await db.source.update({ where: { id: seed.source.id }, data: { title: 'Renamed report' } });
    const v1 = await version();
    expect(v1).toBeGreaterThan(v0);
    await db.place.update({ where: { id: seed.ukraine.id }, data: { name: 'Ukraine (renamed)' } });
    expect(await version()).toBeGreaterThan(v1);
  });
});

const request = (path: string, headers: Record<string, string> = {}) => new NextRequest(new URL(path, 'http://corridor.test'), { headers });

describe('HTTP caching in proxy.ts', () => {
  const series = '/api/v1/series?metric=refugees';

  it('gives an anonymous read a strong ETag from the data version and public caching', async () => {
    const res = await proxy(request(series));
    const etag = res.headers.get('etag');
    expect(etag).toMatch(/^"d\d+-[\w-]+"$/); // strong
    expect(etag).toContain(`d${await getDataVersion()}-`);
    expect(res.headers.get('cache-control')).toBe(PUBLIC_CACHE_CONTROL);
    expect(res.headers.get('cache-control')).toMatch(/^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/);
    expect(res.headers.get('vary')).toMatch(/Cookie/);
    // The same data, the same tag; a write changes it.
    expect((await proxy(request(series))).headers.get('etag')).toBe(etag);
    await createFigure(editor.actor, figureData(seed));
    expect((await proxy(request(series))).headers.get('etag')).not.toBe(etag);
  });

  it('answers a matching If-None-Match with 304 without reading the figure tables', async () => {
    const etag = (await proxy(request('/figures'))).headers.get('etag')!;
    // Another session holds the figure tables locked: any query on them would wait.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const holder = other.begin(async (tx) => {
      await tx`LOCK TABLE figure, figure_headline IN ACCESS EXCLUSIVE MODE`;
      locked();
      await held;
    });
    try {
      await isLocked;
      const timeout = new Promise<'blocked'>((r) => setTimeout(() => r('blocked'), 5000));
      const res = await Promise.race([proxy(request('/figures', { 'if-none-match': etag })), timeout]);
      expect(res).not.toBe('blocked');
      const response = res as Response;
      expect(response.status).toBe(304);
      expect(response.headers.get('etag')).toBe(etag);
      expect(response.headers.get('cache-control')).toBe(PUBLIC_CACHE_CONTROL);
      // A 304 must not replace the cached page's CSP, whose nonce matches the cached body.
      expect(response.headers.get('content-security-policy')).toBeNull();
    } finally {
      release();
      await holder;
    }
  });

  it('sends the full response for a stale or foreign ETag', async () => {
    const etag = (await proxy(request(series))).headers.get('etag')!;
    await createFigure(editor.actor, figureData(seed));
    const res = await proxy(request(series, { 'if-none-match': etag }));
    expect(res.status).toBe(200);
    expect((await proxy(request(series, { 'if-none-match': '"something-else"' }))).status).toBe(200);
  });

  it('gives pages weak ETags (equivalent, not byte-identical renders) and API routes strong ones', async () => {
    expect((await proxy(request('/figures'))).headers.get('etag')).toMatch(/^W\/"d\d+-/);
    expect((await proxy(request('/'))).headers.get('etag')).toMatch(/^W\/"d\d+-/);
    expect((await proxy(request('/api/v1/figures.csv'))).headers.get('etag')).toMatch(/^"d\d+-/);
    // A client-side navigation asks the same URL for an RSC payload: not tagged, not shared.
    const rsc = await proxy(request('/figures', { rsc: '1' }));
    expect(rsc.headers.get('etag')).toBeNull();
    expect(rsc.headers.get('cache-control')).toBe(PRIVATE_CACHE_CONTROL);
  });

  it('makes signed-in reads private, with no ETag, and never answers them 304', async () => {
    const etag = (await proxy(request(series))).headers.get('etag')!;
    const res = await proxy(request(series, { cookie: 'better-auth.session_token=whatever', 'if-none-match': etag }));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe(PRIVATE_CACHE_CONTROL);
    expect(res.headers.get('etag')).toBeNull();
  });

  it('does not tag or publicly cache an error (a bad filter)', async () => {
    const res = await proxy(request('/figures?place=NOPE1'));
    expect(res.status).toBe(400);
    expect(res.headers.get('etag')).toBeNull();
    expect(res.headers.get('cache-control')).toBe(PRIVATE_CACHE_CONTROL);
  });

  it('leaves writes, admin pages and the health check alone', async () => {
    expect((await proxy(request('/api/health'))).headers.get('etag')).toBeNull();
    const post = await proxy(new NextRequest(new URL(series, 'http://corridor.test'), { method: 'POST' }));
    expect(post.headers.get('etag')).toBeNull();
  });
});

describe('ifNoneMatchHits', () => {
  it('reads lists, weak prefixes and *', () => {
    expect(ifNoneMatchHits('"a", "d3-x"', '"d3-x"')).toBe(true);
    expect(ifNoneMatchHits('W/"d3-x"', '"d3-x"')).toBe(true);
    expect(ifNoneMatchHits('*', '"d3-x"')).toBe(true);
    expect(ifNoneMatchHits('W/"d3-x"', 'W/"d3-x"')).toBe(true);
    expect(ifNoneMatchHits('"d2-x"', '"d3-x"')).toBe(false);
    expect(ifNoneMatchHits(null, '"d3-x"')).toBe(false);
  });
});
