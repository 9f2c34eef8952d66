// Issue 10, items 2 and 5: the sign-in throttle counts every failed attempt on
// every path, atomically, and refuses an unknown email, a wrong password and a
// deactivated account with one and the same answer.
import { resetDatabase } from '@/__tests__/helpers/db';
import { POST as authPost } from '@/app/api/auth/[...all]/route';
import { closeAuth } from '@/lib/auth/auth';
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP } from '@/lib/auth/loginThrottle';
import { signInWithPassword, WRONG_CREDENTIALS } from '@/lib/auth/signIn';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/http/AppError';
import { insertUser, setUserActive } from '@/lib/users/mutations';

const PASSWORD = 'correct horse battery';
let ipCounter = 0;
const freshIp = () => `10.9.${Math.floor(++ipCounter / 250)}.${(ipCounter % 250) + 1}`;
const headersFrom = (ip: string) => new Headers({ 'x-forwarded-for': ip });

async function outcome(email: string, password: string, ip = freshIp()): Promise<string> {
  try {
    await signInWithPassword(email, password, headersFrom(ip));
    return 'signed in';
  } catch (err) {
    if (err instanceof AppError) return `${err.status} ${err.message}`;
    return `unexpected: ${(err as Error).message}`;
  }
}

let email: string;
beforeEach(async () => {
  await resetDatabase();
  await closeAuth();
  email = `guess-${Date.now()}@corridor.test`;
  await insertUser(null, { email, name: 'Target', role: 'EDITOR', password: PASSWORD });
});
afterAll(async () => {
  await closeAuth();
});

describe('signInWithPassword', () => {
  it('counts wrong passwords when better-auth was first started by another copy of its modules (as /api/auth/* does in Next.js)', async () => {
    // A separate module registry is a separate bundle: its better-auth instance goes
    // to globalThis, and its APIError class is not the one this registry would load.
    await jest.isolateModulesAsync(async () => {
      const { getAuth } = await import('@/lib/auth/auth');
      await getAuth();
    });
    const ip = freshIp();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) expect(await outcome(email, 'wrong password!', ip)).toBe(`401 ${WRONG_CREDENTIALS}`);
    // The limit is reached: even the right password is refused until the window ends.
    expect(await outcome(email, PASSWORD, ip)).toMatch(/^429 Too many failed sign-in attempts/);
  });

  it('lets at most the account limit of parallel guesses reach the password check', async () => {
    const guesses = await Promise.all(Array.from({ length: 12 }, () => outcome(email, 'wrong password!')));
    expect(guesses.filter((g) => g.startsWith('401')).length).toBe(MAX_FAILURES_PER_ACCOUNT);
    expect(guesses.filter((g) => g.startsWith('429')).length).toBe(12 - MAX_FAILURES_PER_ACCOUNT);
  });

  it('limits one address across accounts, and a success gives the address its slot back', async () => {
    const ip = freshIp();
    expect(await outcome(email, PASSWORD, ip)).toBe('signed in');
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) expect(await outcome(`nobody${i}@corridor.test`, 'wrong password!', ip)).toMatch(/^401/);
    expect(await outcome(`nobody-more@corridor.test`, 'wrong password!', ip)).toMatch(/^429/);
  });

  it('answers an unknown email, a wrong password and a deactivated account alike, right password or not', async () => {
    const admin = await insertUser(null, { email: `admin-${Date.now()}@corridor.test`, name: 'Admin', role: 'ADMIN', password: PASSWORD });
    const target = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    expect(await outcome('nobody@corridor.test', PASSWORD)).toBe(`401 ${WRONG_CREDENTIALS}`);
    expect(await outcome(email, 'wrong password!')).toBe(`401 ${WRONG_CREDENTIALS}`);
    await setUserActive({ userId: admin.id, email: admin.email, name: 'Admin', role: 'ADMIN', via: 'session' }, target.id, false);
    expect(await outcome(email, PASSWORD)).toBe(`401 ${WRONG_CREDENTIALS}`);
    expect(await outcome(email, 'wrong password!')).toBe(`401 ${WRONG_CREDENTIALS}`);
  });
});

describe('POST /api/auth/sign-in/email', () => {
  const apiSignIn = (body: unknown, ip = freshIp()) =>
    authPost(new Request('http://corridor.test/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip, origin: 'http://corridor.test' },
      body: JSON.stringify(body),
    }));

  it('signs in with the right password and sets the session cookie', async () => {
    const response = await apiSignIn({ email, password: PASSWORD });
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(/session_token=/);
    expect((await response.json()).user).toMatchObject({ email });
  });

  it('gives a deactivated account with the right password the same answer as a wrong password', async () => {
    const wrong = await apiSignIn({ email, password: 'wrong password!' });
    await db.user.update({ where: { email }, data: { deactivatedAt: new Date() } });
    const deactivated = await apiSignIn({ email, password: PASSWORD });
    const unknown = await apiSignIn({ email: 'nobody@corridor.test', password: PASSWORD });
    const answers = await Promise.all([wrong, deactivated, unknown].map(async (r) => ({ status: r.status, body: await r.json() })));
    expect(answers[0]).toEqual({ status: 401, body: { error: { message: WRONG_CREDENTIALS } } });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });

  it('shares the account limit with the sign-in form', async () => {
    for (let i = 0; i < 3; i++) expect(await outcome(email, 'wrong password!')).toMatch(/^401/);
    for (let i = 0; i < 2; i++) expect((await apiSignIn({ email, password: 'wrong password!' })).status).toBe(401);
    expect((await apiSignIn({ email, password: PASSWORD })).status).toBe(429);
  });

  it('refuses a body it cannot read with 400 naming the field, without reaching better-auth', async () => {
    const response = await apiSignIn({ email });
    expect(response.status).toBe(400);
    expect((await response.json()).error.param).toBe('password');
  });
});
