// Real users and real sessions for tests: accounts are created through lib/users
// and signed in through better-auth, so cookies are the ones a browser would get.
import { insertUser } from '@/lib/users/mutations';
import { signInWithPassword } from '@/lib/auth/signIn';
import type { Actor, Role } from '@/lib/auth/permissions';

export const TEST_PASSWORD = 'correct horse battery';
export const TEST_ORIGIN = 'http://corridor.test';

export interface TestUser {
  actor: Actor;
  /** The Cookie header of a signed-in browser. */
  cookie: string;
}

let counter = 0;

export async function createTestUser(role: Role, email?: string): Promise<TestUser> {
  const address = email ?? `${role.toLowerCase()}${++counter}-${Date.now()}@corridor.test`;
  const user = await insertUser(null, { email: address, name: `${role} tester`, role, password: TEST_PASSWORD });
  const { setCookie } = await signInWithPassword(address, TEST_PASSWORD, new Headers({ 'x-forwarded-for': `10.0.${counter}.1` }));
  const cookie = setCookie.map((c) => c.split(';')[0]).join('; ');
  return { actor: { userId: user.id, email: address, name: `${role} tester`, role, via: 'session' }, cookie };
}

/** A request as a browser on this site would send it. */
export function browserRequest(path: string, init: { method?: string; cookie?: string; origin?: string | null; body?: BodyInit; headers?: Record<string, string> } = {}): Request {
  const headers = new Headers(init.headers);
  headers.set('host', 'corridor.test');
  if (init.cookie) headers.set('cookie', init.cookie);
  if (init.origin !== null) headers.set('origin', init.origin ?? TEST_ORIGIN);
  return new Request(`${TEST_ORIGIN}${path}`, { method: init.method ?? 'GET', headers, body: init.body });
}
