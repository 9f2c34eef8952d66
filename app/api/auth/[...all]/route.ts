// better-auth's HTTP endpoints (session, sign-out, change password) for API
// clients. The app's own pages sign in through a server action; both paths share
// the per-account and per-IP throttle on failed sign-ins.
import { getAuth } from '@/lib/auth/auth';
import { assertLoginAllowed, clearLoginFailures, recordLoginFailure } from '@/lib/auth/loginThrottle';
import { clientIp } from '@/lib/auth/signIn';
import { handle } from '@/lib/http/respond';

async function handler(request: Request): Promise<Response> {
  const auth = await getAuth();
  if (request.method !== 'POST' || !new URL(request.url).pathname.endsWith('/sign-in/email')) return auth.handler(request);
  const body = (await request.clone().json().catch(() => null)) as { email?: unknown } | null;
  // Malformed bodies go to better-auth, which answers them with its own 400.
  if (!body || typeof body.email !== 'string') return auth.handler(request);
  const email = body.email.trim().toLowerCase();
  await assertLoginAllowed(email, clientIp(request.headers));
  const response = await auth.handler(request);
  if (response.status === 401 || response.status === 403) await recordLoginFailure(email, clientIp(request.headers));
  else if (response.ok) await clearLoginFailures(email);
  return response;
}

export const GET = handle(handler);
export const POST = handle(handler);
