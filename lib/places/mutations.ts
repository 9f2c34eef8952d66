// Writes to places: create (also inline from the figure form's picker), edit,
// retract, and merge a duplicate into the place that stays.
import { AppError } from '@/lib/http/AppError';
import { assertPermission } from '@/lib/auth/permissions';
import type { Actor } from '@/lib/auth/permissions';
import { parseOrThrow } from '@/lib/validation/parseOrThrow';
import type { Tx } from '@/lib/db/transaction';
import { createRecord, retractRecord, updateVersioned } from '@/lib/records/writeRecord';
import { placeInputSchema, type PlaceInput } from './placeInput';
import { liesWithin } from './placeTree';

async function checkPlace(tx: Tx, data: { code: string | null; parentId?: number | null }, exceptId?: number) {
  if (data.code) {
    const other = await tx.place.findUnique({ where: { code: data.code }, select: { id: true, name: true } });
    if (other && other.id !== exceptId) throw new AppError('CONFLICT', `The code ${data.code} already belongs to "${other.name}".`, 'code');
  }
  if (data.parentId != null) {
    if (data.parentId === exceptId) throw new AppError('BAD_REQUEST', 'A place cannot be its own parent.', 'parentId');
    const parent = await tx.place.findUnique({ where: { id: data.parentId }, select: { id: true } });
    if (!parent) throw new AppError('BAD_REQUEST', `Place ${data.parentId} does not exist; choose a parent from the list.`, 'parentId');
    if (exceptId !== undefined && (await liesWithin(tx, data.parentId, exceptId))) {
      throw new AppError('BAD_REQUEST', `Place ${data.parentId} lies within this place, so it cannot be its parent; choose a place above it.`, 'parentId');
    }
  }
}

export async function createPlace(actor: Actor, input: PlaceInput, tx?: Tx): Promise<{ id: number; name: string }> {
  assertPermission(actor, 'editReferenceData');
  const data = parseOrThrow(placeInputSchema, input);
  return createRecord(actor, 'place', {
    check: (tx) => checkPlace(tx, data),
    create: (tx) => tx.place.create({ data, select: { id: true, name: true } }),
    after: data,
  }, tx);
}

export async function updatePlace(actor: Actor, id: number, expectedVersion: number, input: PlaceInput): Promise<void> {
  assertPermission(actor, 'editReferenceData');
  const data = parseOrThrow(placeInputSchema, input);
  await updateVersioned(actor, 'place', id, {
    before: (tx) => tx.place.findUnique({ where: { id }, select: { name: true, type: true, parentId: true, code: true, aliases: true, latitude: true, longitude: true } }),
    check: (tx) => checkPlace(tx, data, id),
    update: (tx) => tx.place.updateMany({ where: { id, version: expectedVersion }, data: { ...data, version: { increment: 1 } } }),
    after: data,
  });
}

export async function retractPlace(actor: Actor, id: number, reason: string): Promise<void> {
  assertPermission(actor, 'editReferenceData');
  await retractRecord(actor, 'place', id, reason);
}

