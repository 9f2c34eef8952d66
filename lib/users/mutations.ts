// Admin changes to accounts: create, change role, deactivate and reactivate. A role
// change or a deactivation ends the user's sessions so it applies at once.
import { randomBytes } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/http/AppError';
import { assertPermission } from '@/lib/auth/permissions';
import type { Actor, Role } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit/writeAudit';
import { parseOrThrow } from '@/lib/validation/parseOrThrow';
import { newUserSchema, roleSchema, type NewUserInput } from './userInput';

/** An admin creates an account for someone. */
export async function createUser(actor: Actor, input: NewUserInput): Promise<{ id: string; email: string; role: Role }> {
  assertPermission(actor, 'manageUsers');
  return insertUser(actor, input);
}

/**
 * Creates a user with a password account, hashed by better-auth's own scrypt.
 * Called without an actor only by trusted code with no session: the
 * `npm run user:create` bootstrap and demo accounts. Never from a request.
 */
export async function insertUser(actor: Actor | null, input: NewUserInput): Promise<{ id: string; email: string; role: Role }> {
  const data = parseOrThrow(newUserSchema, input);
  const hash = await hashPassword(data.password);
  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: data.email }, select: { id: true } });
    if (existing) throw new AppError('CONFLICT', `An account for ${data.email} already exists.`, 'email');
    const id = randomBytes(16).toString('hex');
    const user = await tx.user.create({
      data: { id, email: data.email, name: data.name || data.email.split('@')[0], role: data.role, emailVerified: true },
      select: { id: true, email: true, role: true, name: true },
    });
    await tx.account.create({ data: { id: randomBytes(16).toString('hex'), accountId: id, providerId: 'credential', userId: id, password: hash } });
    await writeAudit(tx, actor, { entityType: 'user', entityId: id, action: 'CREATE', after: { email: user.email, name: user.name, role: user.role } });
    return { id: user.id, email: user.email, role: user.role as Role };
  });
}

async function loadUser(id: string) {
  const user = await db.user.findUnique({ where: { id }, select: { id: true, email: true, role: true, deactivatedAt: true } });
  if (!user) throw new AppError('NOT_FOUND', 'No such user.', 'id');
  return user;
}

export async function changeUserRole(actor: Actor, userId: string, role: string): Promise<void> {
  assertPermission(actor, 'manageUsers');
  const next = parseOrThrow(roleSchema, role);
  const user = await loadUser(userId);
  if (user.id === actor.userId && next !== 'ADMIN') throw new AppError('BAD_REQUEST', 'You cannot remove your own admin role; ask another admin.', 'role');
  if (user.role === next) return;
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { role: next } });
    await tx.session.deleteMany({ where: { userId } });
    await writeAudit(tx, actor, { entityType: 'user', entityId: userId, action: 'CHANGE_ROLE', before: { role: user.role }, after: { role: next } });
  });
}

export async function setUserActive(actor: Actor, userId: string, active: boolean): Promise<void> {
  assertPermission(actor, 'manageUsers');
  const user = await loadUser(userId);
  if (user.id === actor.userId && !active) throw new AppError('BAD_REQUEST', 'You cannot deactivate your own account.', 'id');
  if (!!user.deactivatedAt === !active) return;
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { deactivatedAt: active ? null : new Date() } });
    if (!active) await tx.session.deleteMany({ where: { userId } });
    await writeAudit(tx, actor, { entityType: 'user', entityId: userId, action: active ? 'REACTIVATE' : 'DEACTIVATE', before: { active: !user.deactivatedAt }, after: { active } });
  });
}
