// Which server a read goes to. With DATABASE_REPLICA_URL set, a request's reads
// go to the streaming replica when the request may see data a moment old:
//
// - anonymous GET and HEAD requests (no session cookie, no Authorization header),
//   except better-auth's own routes;
// - an analyst's requests, from the moment the session or token resolves to the
//   ANALYST role (lib/auth/session.ts calls allowReplicaReads).
//
// Everything else reads the primary: editors and admins, who write and must see
// their writes at once; every POST, PUT, PATCH and DELETE, including the reads
// inside them and the page Next.js renders after a server action; and anything
// outside a request (scripts, start-up, tests). Writes and transactions always go
// to the primary (lib/db/client.ts, lib/db/sql.ts). A replica that stops
// answering sends every read to the primary within about a second.
import { currentRequest, type RequestContext } from '@/lib/http/requestContext';
import { replicaUrl } from './databaseUrl';
import { replicaUsable } from './replicaHealth';

export type ReadTarget = 'primary' | 'replica';

/** Where the current request's reads go right now. */
export function readTarget(): ReadTarget {
  if (!replicaUrl()) return 'primary';
  if (currentRequest()?.reads !== 'replica') return 'primary';
  return replicaUsable() ? 'replica' : 'primary';
}

const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?better-auth\.session_token=/;

/** Where a new request's reads start, from its method, path and credentials. */
export function initialReads(method: string | undefined, path: string, headers: { cookie?: string; authorization?: string }): RequestContext['reads'] {
  if (method !== 'GET' && method !== 'HEAD') return 'primary';
  if (path === '/api/auth' || path.startsWith('/api/auth/')) return 'primary';
  if (headers.authorization) return 'primary';
  if (headers.cookie && SESSION_COOKIE.test(headers.cookie)) return 'primary';
  return 'replica';
}
