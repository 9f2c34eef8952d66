import { resetDatabase } from '@/__tests__/helpers/db';
import { browserRequest, createTestUser, TEST_PASSWORD } from '@/__tests__/helpers/auth';
import { getActor, requireActor } from '@/lib/auth/session';
import { signInWithPassword, WRONG_CREDENTIALS } from '@/lib/auth/signIn';
import { createApiToken, revokeApiToken } from '@/lib/auth/apiTokens';
import { changeUserRole, setUserActive } from '@/lib/users/mutations';
import { MAX_FAILURES_PER_ACCOUNT } from '@/lib/auth/loginThrottle';
import { db } from '@/lib/db/client';
import { closeAuth } from '@/lib/auth/auth';

beforeEach(resetDatabase);
afterAll(async () => {
  await closeAuth();
  await db.$disconnect();
});

const headers = (ip = '192.0.2.1') => new Headers({ 'x-forwarded-for': ip });

describe('sessions', () => {
  it('resolves a session cookie to the user and role', async () => {
    const editor = await createTestUser('EDITOR');
    const actor = await getActor(browserRequest('/admin', { cookie: editor.cookie }));
    expect(actor).toMatchObject({ userId: editor.actor.userId, role: 'EDITOR', via: 'session' });
  });

  it('treats a request without cookies as anonymous', async () => {
    expect(await getActor(browserRequest('/'))).toBeNull();
  });

  it('sets an httpOnly SameSite=Lax session cookie', async () => {
    const editor = await createTestUser('EDITOR');
    const { setCookie } = await signInWithPassword(editor.actor.email, TEST_PASSWORD, headers());
    const session = setCookie.find((c) => c.includes('session_token'))!;
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
  });

  it('gives one message for an unknown email and a wrong password', async () => {
    const editor = await createTestUser('EDITOR');
    await expect(signInWithPassword('nobody@corridor.test', TEST_PASSWORD, headers())).rejects.toThrow(WRONG_CREDENTIALS);
    await expect(signInWithPassword(editor.actor.email, 'wrong password!', headers())).rejects.toThrow(WRONG_CREDENTIALS);
  });

  it('locks an account after repeated failures, even with the right password, and from another IP', async () => {
    const editor = await createTestUser('EDITOR');
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      await expect(signInWithPassword(editor.actor.email, 'wrong password!', headers(`198.51.100.${i}`))).rejects.toThrow(WRONG_CREDENTIALS);
    }
    await expect(signInWithPassword(editor.actor.email, TEST_PASSWORD, headers('203.0.113.9'))).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
  });

  it('limits failures per IP across accounts', async () => {
    for (let i = 0; i < 20; i++) {
      await expect(signInWithPassword(`guess${i}@corridor.test`, 'wrong password!', headers('192.0.2.77'))).rejects.toThrow(WRONG_CREDENTIALS);
    }
    await expect(signInWithPassword('guess99@corridor.test', 'wrong password!', headers('192.0.2.77'))).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
  });

  it('ends sessions when a user is deactivated, and refuses their sign-in', async () => {
    const admin = await createTestUser('ADMIN');
    const editor = await createTestUser('EDITOR');
    await setUserActive(admin.actor, editor.actor.userId, false);
    expect(await getActor(browserRequest('/admin', { cookie: editor.cookie }))).toBeNull();
    await expect(signInWithPassword(editor.actor.email, TEST_PASSWORD, headers())).rejects.toThrow(WRONG_CREDENTIALS);
    expect(await db.session.count({ where: { userId: editor.actor.userId } })).toBe(0);
  });

  it('ends sessions when a role changes', async () => {
    const admin = await createTestUser('ADMIN');
    const editor = await createTestUser('EDITOR');
    await changeUserRole(admin.actor, editor.actor.userId, 'analyst');
    expect(await getActor(browserRequest('/admin', { cookie: editor.cookie }))).toBeNull();
    expect(await db.user.findUnique({ where: { id: editor.actor.userId }, select: { role: true } })).toEqual({ role: 'ANALYST' });
  });
});

describe('requireActor', () => {
  it('answers 401 for anonymous and 403 for a role without the permission', async () => {
    const analyst = await createTestUser('ANALYST');
    await expect(requireActor(browserRequest('/x', { method: 'POST' }), 'importFigures')).rejects.toMatchObject({ status: 401 });
    await expect(requireActor(browserRequest('/x', { method: 'POST', cookie: analyst.cookie }), 'importFigures')).rejects.toMatchObject({ status: 403 });
  });

  it('refuses a cookie-authenticated POST without an Origin header, or from another site', async () => {
    const editor = await createTestUser('EDITOR');
    await expect(requireActor(browserRequest('/x', { method: 'POST', cookie: editor.cookie, origin: null }), 'importFigures')).rejects.toMatchObject({ status: 403 });
    await expect(requireActor(browserRequest('/x', { method: 'POST', cookie: editor.cookie, origin: 'https://evil.example' }), 'importFigures')).rejects.toMatchObject({ status: 403 });
    await expect(requireActor(browserRequest('/x', { method: 'POST', cookie: editor.cookie }), 'importFigures')).resolves.toMatchObject({ role: 'EDITOR' });
  });
});

describe('API tokens', () => {
  it('authenticates with the owner role, records last use, stores only a hash, and stops after revocation', async () => {
    const editor = await createTestUser('EDITOR');
    const { token, summary } = await createApiToken(editor.actor, 'script');
    const request = () => browserRequest('/api/v1/figures/import', { method: 'POST', origin: null, headers: { authorization: `Bearer ${token}` } });
    await expect(requireActor(request(), 'importFigures')).resolves.toMatchObject({ userId: editor.actor.userId, role: 'EDITOR', via: 'token' });
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: summary.id } });
    expect(row.lastUsedAt).not.toBeNull();
    expect(row.tokenHash).not.toContain(token.slice(4));
    await revokeApiToken(editor.actor, summary.id);
    await expect(requireActor(request(), 'importFigures')).rejects.toMatchObject({ status: 401 });
  });

  it('rejects an unknown token with 401 rather than treating it as anonymous', async () => {
    await expect(getActor(browserRequest('/', { headers: { authorization: 'Bearer crd_nope' } }))).rejects.toMatchObject({ status: 401 });
  });
});
