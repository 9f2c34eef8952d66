// Writes to places: create (also inline from the figure form's picker), edit,
// retract, and merge a duplicate into the place that stays.
import { db, Prisma } from '@/lib/db/client';
import { AppError } from '@/lib/http/AppError';
import { assertPermission } from '@/lib/auth/session';
import type { Actor } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit/writeAudit';
import { parseOrThrow } from '@/lib/validation/parseOrThrow';
import { inTransaction } from '@/lib/figures/mutations';
import { moveFigures } from '@/lib/figures/moveFigures';
import { placeInputSchema, type PlaceInput } from './placeInput';

type Tx = Prisma.TransactionClient;

async function checkPlace(tx: Tx, data: { code: string | null; parentId?: number | null }, exceptId?: number) {
  if (data.code) {
    const other = await tx.place.findUnique({ where: { code: data.code }, select: { id: true, name: true } });
    if (other && other.id !== exceptId) throw new AppError('CONFLICT', `The code ${data.code} already belongs to "${other.name}".`, 'code');
  }
  if (data.parentId != null) {
    if (data.parentId === exceptId) throw new AppError('BAD_REQUEST', 'A place cannot be its own parent.', 'parentId');
    const parent = await tx.place.findUnique({ where: { id: data.parentId }, select: { id: true } });
    if (!parent) throw new AppError('BAD_REQUEST', `Place ${data.parentId} does not exist; choose a parent from the list.`, 'parentId');
  }
}

export async function createPlace(actor: Actor, input: PlaceInput, tx?: Tx): Promise<{ id: number; name: string }> {
  assertPermission(actor, 'editReferenceData');
  const data = parseOrThrow(placeInputSchema, input);
  return inTransaction(tx, async (tx) => {
    await checkPlace(tx, data);
    const row = await tx.place.create({ data, select: { id: true, name: true } });
    await writeAudit(tx, actor, { entityType: 'place', entityId: String(row.id), action: 'CREATE', after: data });
    return row;
  });
}

export async function updatePlace(actor: Actor, id: number, expectedVersion: number, input: PlaceInput): Promise<void> {
  assertPermission(actor, 'editReferenceData');
  const data = parseOrThrow(placeInputSchema, input);
  await db.$transaction(async (tx) => {
    const before = await tx.place.findUnique({ where: { id }, select: { name: true, type: true, parentId: true, code: true, aliases: true, latitude: true, longitude: true } });
    if (!before) throw new AppError('NOT_FOUND', `Place ${id} does not exist.`, 'id');
    await checkPlace(tx, data, id);
    const { count } = await tx.place.updateMany({ where: { id, version: expectedVersion }, data: { ...data, version: { increment: 1 } } });
    if (count === 0) throw new AppError('CONFLICT', 'Someone else changed this place after you opened it. Reload to see their change, then reapply yours.', 'version');
    await writeAudit(tx, actor, { entityType: 'place', entityId: String(id), action: 'UPDATE', before, after: data });
  });
}

export async function retractPlace(actor: Actor, id: number, reason: string): Promise<void> {
  assertPermission(actor, 'editReferenceData');
  if (!reason?.trim()) throw new AppError('BAD_REQUEST', 'Say why the place is retracted.', 'reason');
  await db.$transaction(async (tx) => {
    const place = await tx.place.findUnique({ where: { id }, select: { retiredAt: true } });
    if (!place) throw new AppError('NOT_FOUND', `Place ${id} does not exist.`, 'id');
    if (place.retiredAt) return;
    await tx.place.update({ where: { id }, data: { retiredAt: new Date(), version: { increment: 1 } } });
    await writeAudit(tx, actor, { entityType: 'place', entityId: String(id), action: 'RETRACT', reason: reason.trim() });
  });
}

/** Moves figures, events and child places of `fromId` to `intoId`, keeps its name as an alias, retracts it. */
export async function mergePlaces(actor: Actor, fromId: number, intoId: number): Promise<{ moved: number }> {
  assertPermission(actor, 'mergeRecords');
  if (fromId === intoId) throw new AppError('BAD_REQUEST', 'Choose two different places to merge.', 'intoId');
  return db.$transaction(async (tx) => {
    const [from, into] = await Promise.all([
      tx.place.findUnique({ where: { id: fromId }, select: { id: true, name: true, aliases: true } }),
      tx.place.findUnique({ where: { id: intoId }, select: { id: true, aliases: true, retiredAt: true } }),
    ]);
    if (!from) throw new AppError('NOT_FOUND', `Place ${fromId} does not exist.`, 'fromId');
    if (!into || into.retiredAt) throw new AppError('NOT_FOUND', `Place ${intoId} does not exist or is retracted.`, 'intoId');
    const reason = `Merged duplicate place ${fromId} into ${intoId}`;
    const moved =
      (await moveFigures(tx, actor, { originId: fromId }, { originId: intoId }, reason)) +
      (await moveFigures(tx, actor, { destinationId: fromId }, { destinationId: intoId }, reason));
    await tx.event.updateMany({ where: { placeId: fromId }, data: { placeId: intoId } });
    await tx.place.updateMany({ where: { parentId: fromId }, data: { parentId: intoId } });
    const aliases = [...new Set([...into.aliases, from.name, ...from.aliases])];
    await tx.place.update({ where: { id: intoId }, data: { aliases, version: { increment: 1 } } });
    // The duplicate's code must not block the survivor from taking it later.
    await tx.place.update({ where: { id: fromId }, data: { retiredAt: new Date(), code: null, version: { increment: 1 } } });
    await writeAudit(tx, actor, { entityType: 'place', entityId: String(fromId), action: 'MERGE', after: { intoId, movedFigures: moved }, reason });
    return { moved };
  });
}
