// Writes to sources: create (also inline from the figure form), edit with an
// optimistic lock, retract, and merge a duplicate into the source that stays.
import { db, Prisma } from '@/lib/db/client';
import { AppError } from '@/lib/http/AppError';
import { assertPermission } from '@/lib/auth/session';
import type { Actor } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit/writeAudit';
import { parseOrThrow } from '@/lib/validation/parseOrThrow';
import { inTransaction } from '@/lib/figures/mutations';
import { moveFigures } from '@/lib/figures/moveFigures';
import { sourceInputSchema, type SourceInput } from './sourceInput';

type Tx = Prisma.TransactionClient;

async function publisherId(tx: Tx, name: string | null): Promise<number | null> {
  if (!name) return null;
  const org = await tx.organization.upsert({ where: { name }, create: { name }, update: {}, select: { id: true } });
  return org.id;
}

async function assertUrlFree(tx: Tx, url: string, exceptId?: number) {
  const other = await tx.source.findUnique({ where: { url }, select: { id: true, title: true } });
  if (other && other.id !== exceptId) {
    throw new AppError('CONFLICT', `A source with this URL already exists: "${other.title}" (source ${other.id}). Choose it instead.`, 'url', { sourceId: other.id });
  }
}

export async function createSource(actor: Actor, input: SourceInput, tx?: Tx): Promise<{ id: number }> {
  assertPermission(actor, 'editReferenceData');
  const data = parseOrThrow(sourceInputSchema, input);
  return inTransaction(tx, async (tx) => {
    await assertUrlFree(tx, data.url);
    const { publisher, ...fields } = data;
    const row = await tx.source.create({ data: { ...fields, publisherId: await publisherId(tx, publisher) }, select: { id: true } });
    await writeAudit(tx, actor, { entityType: 'source', entityId: String(row.id), action: 'CREATE', after: data });
    return row;
  });
}

export async function updateSource(actor: Actor, id: number, expectedVersion: number, input: SourceInput): Promise<void> {
  assertPermission(actor, 'editReferenceData');
  const data = parseOrThrow(sourceInputSchema, input);
  await db.$transaction(async (tx) => {
    const before = await tx.source.findUnique({ where: { id }, select: { title: true, url: true, publishedAt: true, accessedAt: true, archiveUrl: true, preferred: true, version: true } });
    if (!before) throw new AppError('NOT_FOUND', `Source ${id} does not exist.`, 'id');
    await assertUrlFree(tx, data.url, id);
    const { publisher, ...fields } = data;
    const { count } = await tx.source.updateMany({
      where: { id, version: expectedVersion },
      data: { ...fields, publisherId: await publisherId(tx, publisher), version: { increment: 1 } },
    });
    if (count === 0) throw new AppError('CONFLICT', 'Someone else changed this source after you opened it. Reload to see their change, then reapply yours.', 'version');
    await writeAudit(tx, actor, { entityType: 'source', entityId: String(id), action: 'UPDATE', before, after: data });
  });
}

/** Retracting hides a source from pickers; the figures it backs keep their citation. */
export async function retractSource(actor: Actor, id: number, reason: string): Promise<void> {
  assertPermission(actor, 'editReferenceData');
  if (!reason?.trim()) throw new AppError('BAD_REQUEST', 'Say why the source is retracted.', 'reason');
  await db.$transaction(async (tx) => {
    const source = await tx.source.findUnique({ where: { id }, select: { retiredAt: true } });
    if (!source) throw new AppError('NOT_FOUND', `Source ${id} does not exist.`, 'id');
    if (source.retiredAt) return;
    await tx.source.update({ where: { id }, data: { retiredAt: new Date(), version: { increment: 1 } } });
    await writeAudit(tx, actor, { entityType: 'source', entityId: String(id), action: 'RETRACT', reason: reason.trim() });
  });
}

/** Moves every figure and event of `fromId` to `intoId`, then retracts `fromId`. */
export async function mergeSources(actor: Actor, fromId: number, intoId: number): Promise<{ moved: number }> {
  assertPermission(actor, 'mergeRecords');
  if (fromId === intoId) throw new AppError('BAD_REQUEST', 'Choose two different sources to merge.', 'intoId');
  return db.$transaction(async (tx) => {
    const [from, into] = await Promise.all([
      tx.source.findUnique({ where: { id: fromId }, select: { id: true, title: true } }),
      tx.source.findUnique({ where: { id: intoId }, select: { id: true, title: true, retiredAt: true } }),
    ]);
    if (!from) throw new AppError('NOT_FOUND', `Source ${fromId} does not exist.`, 'fromId');
    if (!into || into.retiredAt) throw new AppError('NOT_FOUND', `Source ${intoId} does not exist or is retracted.`, 'intoId');
    const reason = `Merged duplicate source ${fromId} into ${intoId}`;
    const moved = await moveFigures(tx, actor, { sourceId: fromId }, { sourceId: intoId }, reason);
    await tx.event.updateMany({ where: { sourceId: fromId }, data: { sourceId: intoId } });
    await tx.source.update({ where: { id: fromId }, data: { retiredAt: new Date(), version: { increment: 1 } } });
    await writeAudit(tx, actor, { entityType: 'source', entityId: String(fromId), action: 'MERGE', after: { intoId, movedFigures: moved }, reason });
    return { moved };
  });
}
