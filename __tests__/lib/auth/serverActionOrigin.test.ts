// Issue 10, item 3: a cookie-authenticated server action without a same-origin
// Origin header is refused, as route handlers refuse it. Only Next's request
// plumbing is stubbed: headers() returns what the test sets, with a real session.
import { createTestUser, type TestUser } from '@/__tests__/helpers/auth';
import { resetDatabase } from '@/__tests__/helpers/db';
import { closeAuth } from '@/lib/auth/auth';
import { db } from '@/lib/db/client';

let requestHeaders: Record<string, string> = {};
jest.mock('next/headers', () => ({
  headers: async () => new Headers(requestHeaders),
  cookies: async () => ({ set: () => {} }),
}));
jest.mock('next/cache', () => ({ revalidatePath: () => {} }));
jest.mock('next/navigation', () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error('NEXT_REDIRECT'), { url });
  },
}));

import { createTokenAction } from '@/app/account/actions';

let user: TestUser;
beforeEach(async () => {
  await resetDatabase();
  user = await createTestUser('EDITOR');
});
afterAll(async () => {
  await closeAuth();
});

async function createToken(headers: Record<string, string>, name: string) {
  requestHeaders = headers;
  const form = new FormData();
  form.set('name', name);
  return createTokenAction({ status: 'idle' }, form);
}

describe('server actions and the Origin header', () => {
  it('refuses a session-cookie action with no Origin and writes nothing', async () => {
    const state = await createToken({ cookie: user.cookie, host: 'corridor.test' }, 'no origin');
    expect(state).toMatchObject({ status: 'error', message: expect.stringMatching(/Origin/) });
    expect(await db.apiToken.count()).toBe(0);
  });

  it('refuses a session-cookie action from another site', async () => {
    const state = await createToken({ cookie: user.cookie, host: 'corridor.test', origin: 'https://evil.example' }, 'foreign');
    expect(state).toMatchObject({ status: 'error' });
    expect(await db.apiToken.count()).toBe(0);
  });

  it('runs the action for a same-origin form post', async () => {
    const state = await createToken({ cookie: user.cookie, host: 'corridor.test', origin: 'http://corridor.test' }, 'same origin');
    expect(state).toMatchObject({ status: 'done' });
    expect(await db.apiToken.count({ where: { name: 'same origin' } })).toBe(1);
  });
});
