// Personal API tokens: `Authorization: Bearer crd_…`, acting with the owner's role.
// Only a SHA-256 hash is stored; the token itself is shown once, when created.
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/http/AppError';
import { writeAudit } from '@/lib/audit/writeAudit';
import { parseOrThrow } from '@/lib/validation/parseOrThrow';
import { assertPermission, type Actor, type Role } from './permissions';

const TOKEN_PREFIX = 'crd_';
// Writing lastUsedAt on every request would turn reads into writes; once a minute is enough.
const LAST_USED_GRANULARITY_MS = 60_000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export const tokenNameSchema = z
  .string()
  .trim()
  .min(1, 'Name the token, for example "R script on my laptop".')
  .max(100, 'Keep the name under 100 characters.');

export interface ApiTokenSummary {
  id: number;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** Creates a token for the actor and returns it in full, the only time it is readable. */
export async function createApiToken(actor: Actor, name: string): Promise<{ token: string; summary: ApiTokenSummary }> {
  assertPermission(actor, 'manageOwnAccount');
  const tokenName = parseOrThrow(tokenNameSchema, name, 'name');
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const summary = await db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: { userId: actor.userId, name: tokenName, tokenHash: hashToken(token), prefix: token.slice(0, TOKEN_PREFIX.length + 6) },
      select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
    });
    await writeAudit(tx, actor, { entityType: 'api_token', entityId: String(row.id), action: 'CREATE', after: { name: row.name, prefix: row.prefix } });
    return row;
  });
  return { token, summary };
}

export async function listApiTokens(userId: string): Promise<ApiTokenSummary[]> {
  return db.apiToken.findMany({
    where: { userId },
    orderBy: { createdAt: 'desc' },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}

/** Revokes one of the actor's own tokens. */
export async function revokeApiToken(actor: Actor, id: number): Promise<void> {
  assertPermission(actor, 'manageOwnAccount');
  await db.$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({ where: { id, userId: actor.userId }, select: { id: true, revokedAt: true, name: true } });
    if (!token) throw new AppError('NOT_FOUND', 'No such token among yours.', 'id');
    if (token.revokedAt) return;
    await tx.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
    await writeAudit(tx, actor, { entityType: 'api_token', entityId: String(id), action: 'REVOKE', before: { name: token.name } });
  });
}

/** The actor behind a bearer token, or null when it is unknown, revoked or its owner deactivated. */
export async function actorFromApiToken(token: string): Promise<Actor | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, revokedAt: true, lastUsedAt: true, user: { select: { id: true, email: true, name: true, role: true, deactivatedAt: true } } },
  });
  if (!row || row.revokedAt || row.user.deactivatedAt) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_GRANULARITY_MS) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return { userId: row.user.id, email: row.user.email, name: row.user.name, role: row.user.role as Role, via: 'token' };
}
