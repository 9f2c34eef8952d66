// Who is making this request: a session cookie or a personal API token, resolved
// to an Actor with a role. Every page, server action and route handler asks here.
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/http/AppError';
import { allowReplicaReads } from '@/lib/http/requestContext';
import { actorFromApiToken } from './apiTokens';
import { getAuth } from './auth';
import { assertPermission, type Actor, type Permission, type Role } from './permissions';
import { assertSameOrigin } from './origin';

export type { Actor } from './permissions';

async function requestHeaders(request?: Request | null): Promise<Headers> {
  if (request) return request.headers;
  // Server components and server actions: read the incoming request's headers.
  const { headers } = await import('next/headers');
  return new Headers(await headers());
}

/** The actor behind a set of request headers, or null for an anonymous request. */
export async function getActorFromHeaders(headers: Headers): Promise<Actor | null> {
  const actor = await resolveActor(headers);
  // An analyst only reads, so the rest of the request may read from the replica
  // (lib/db/readTarget.ts); editors and admins stay on the primary to see their writes.
  if (actor?.role === 'ANALYST') allowReplicaReads();
  return actor;
}

async function resolveActor(headers: Headers): Promise<Actor | null> {
  const authorization = headers.get('authorization');
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    // A malformed or unknown token is an error, not an anonymous request: the caller meant to sign in.
    const actor = match ? await actorFromApiToken(match[1]) : null;
    if (!actor) throw new AppError('UNAUTHORIZED', 'The API token is invalid or revoked. Create a new one at /account/tokens.');
    return actor;
  }
  if (!headers.get('cookie')) return null;
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  // Roles and deactivation are read fresh so a change applies to the very next request.
  const user = await db.user.findUnique({
    where: { id: session.user.id },
    select: { id: true, email: true, name: true, role: true, deactivatedAt: true },
  });
  if (!user || user.deactivatedAt) return null;
  return { userId: user.id, email: user.email, name: user.name, role: user.role as Role, via: 'session' };
}

/** The signed-in actor, or null. Without a request, reads the current request's headers (pages, actions). */
export async function getActor(request?: Request | null): Promise<Actor | null> {
  return getActorFromHeaders(await requestHeaders(request));
}

/**
 * For route handlers: resolves the actor, checks the permission and, for mutating
 * requests made with a session cookie, checks the Origin header (CSRF). Bearer
 * token requests carry no ambient credentials, so they need no Origin.
 */
export async function requireActor(request: Request | null | undefined, permission: Permission): Promise<Actor> {
  const actor = await getActor(request);
  assertPermission(actor, permission);
  if (request && actor.via === 'session') assertSameOrigin(request);
  return actor;
}
