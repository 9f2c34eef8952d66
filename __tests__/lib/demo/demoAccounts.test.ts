import { resetDatabase } from '@/__tests__/helpers/db';
import { closeAuth } from '@/lib/auth/auth';
import { DEMO_PASSWORD, ensureDemoAccounts } from '@/lib/demo/demoAccounts';
import { signInWithPassword } from '@/lib/auth/signIn';
import { db } from '@/lib/db/client';
import { DATASET_SETTING_KEY } from '@/lib/exchange/dataset';

const saved = { embedded: process.env.CORRIDOR_EMBEDDED, flag: process.env.CORRIDOR_DEMO_ACCOUNTS };

beforeEach(async () => {
  await resetDatabase();
  await db.appSetting.create({ data: { key: DATASET_SETTING_KEY, value: { loadedAt: new Date().toISOString() } } });
});
afterEach(() => {
  process.env.CORRIDOR_EMBEDDED = saved.embedded;
  process.env.CORRIDOR_DEMO_ACCOUNTS = saved.flag;
});
afterAll(async () => {
  await closeAuth();
  await db.$disconnect();
});

describe('demo accounts', () => {
  it('are never created on an external database, even with demo data', async () => {
    delete process.env.CORRIDOR_EMBEDDED;
    delete process.env.CORRIDOR_DEMO_ACCOUNTS;
    expect(await ensureDemoAccounts()).toBe(0);
    expect(await db.user.count()).toBe(0);
  });

  it('are created once on the embedded database with demo data, and can sign in', async () => {
    process.env.CORRIDOR_EMBEDDED = '1';
    expect(await ensureDemoAccounts()).toBe(3);
    expect(await ensureDemoAccounts()).toBe(0);
    const roles = await db.user.findMany({ orderBy: { email: 'asc' }, select: { email: true, role: true } });
    expect(roles).toEqual([
      { email: 'admin@corridor.demo', role: 'ADMIN' },
      { email: 'analyst@corridor.demo', role: 'ANALYST' },
      { email: 'editor@corridor.demo', role: 'EDITOR' },
    ]);
    await expect(signInWithPassword('editor@corridor.demo', DEMO_PASSWORD, new Headers())).resolves.toHaveProperty('setCookie');
  });

  it('are not created without demo data', async () => {
    process.env.CORRIDOR_EMBEDDED = '1';
    await db.appSetting.deleteMany();
    expect(await ensureDemoAccounts()).toBe(0);
  });
});
