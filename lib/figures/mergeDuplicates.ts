// Merging a duplicate place or source into the one that stays: its figures move
// (each with a MERGE revision, through moveFigures), then the duplicate is retracted.
// A merge rewrites figures, so it lives with them.
import { liesWithin } from '@/lib/places/placeTree';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/http/AppError';
import { assertPermission, type Actor } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit/writeAudit';
import { notFound } from '@/lib/records/writeRecord';
import { moveFigures } from './moveFigures';

/** Moves every figure and event of `fromId` to `intoId`, then retracts `fromId`. */
export async function mergeSources(actor: Actor, fromId: number, intoId: number): Promise<{ moved: number }> {
  assertPermission(actor, 'mergeRecords');
  if (fromId === intoId) throw new AppError('BAD_REQUEST', 'Choose two different sources to merge.', 'intoId');
  return db.$transaction(async (tx) => {
    const [from, into] = await Promise.all([
      tx.source.findUnique({ where: { id: fromId }, select: { id: true, title: true } }),
      tx.source.findUnique({ where: { id: intoId }, select: { id: true, title: true, retiredAt: true } }),
    ]);
    if (!from) throw notFound('source', fromId, 'fromId');
    if (!into || into.retiredAt) throw new AppError('NOT_FOUND', `Source ${intoId} does not exist or is retracted.`, 'intoId');
    const reason = `Merged duplicate source ${fromId} into ${intoId}`;
    const moved = await moveFigures(tx, actor, { sourceId: fromId }, { sourceId: intoId }, reason);
    await tx.event.updateMany({ where: { sourceId: fromId }, data: { sourceId: intoId } });
    await tx.source.update({ where: { id: fromId }, data: { retiredAt: new Date(), version: { increment: 1 } } });
    await writeAudit(tx, actor, { entityType: 'source', entityId: String(fromId), action: 'MERGE', after: { intoId, movedFigures: moved }, reason });
    return { moved };
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
    if (!from) throw notFound('place', fromId, 'fromId');
    if (!into || into.retiredAt) throw new AppError('NOT_FOUND', `Place ${intoId} does not exist or is retracted.`, 'intoId');
    // Its children would move under a place below it, and the tree would loop.
    if (await liesWithin(tx, intoId, fromId)) {
      throw new AppError('BAD_REQUEST', `Place ${intoId} lies within place ${fromId}; merge the other way round, or move it out first.`, 'intoId');
    }
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
