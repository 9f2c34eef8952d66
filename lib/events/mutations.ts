// Writes to chart events (ceasefires, corridor openings): create, edit, retract.
import type { Tx } from '@/lib/db/transaction';
import { AppError } from '@/lib/http/AppError';
import { assertPermission } from '@/lib/auth/permissions';
import type { Actor } from '@/lib/auth/permissions';
import { parseOrThrow } from '@/lib/validation/parseOrThrow';
import { createRecord, retractRecord, updateVersioned } from '@/lib/records/writeRecord';
import { eventInputSchema, type EventInput } from './eventInput';

async function checkRefs(tx: Tx, data: { placeId?: number | null; sourceId?: number | null }) {
  if (data.placeId != null && !(await tx.place.findUnique({ where: { id: data.placeId }, select: { id: true } }))) {
    throw new AppError('BAD_REQUEST', `Place ${data.placeId} does not exist.`, 'placeId');
  }
  if (data.sourceId != null && !(await tx.source.findUnique({ where: { id: data.sourceId }, select: { id: true } }))) {
    throw new AppError('BAD_REQUEST', `Source ${data.sourceId} does not exist.`, 'sourceId');
  }
}

export async function createEvent(actor: Actor, input: EventInput): Promise<{ id: number }> {
  assertPermission(actor, 'editReferenceData');
  const data = parseOrThrow(eventInputSchema, input);
  return createRecord(actor, 'event', {
    check: (tx) => checkRefs(tx, data),
    create: (tx) => tx.event.create({ data, select: { id: true } }),
    after: data,
  });
}

export async function updateEvent(actor: Actor, id: number, expectedVersion: number, input: EventInput): Promise<void> {
  assertPermission(actor, 'editReferenceData');
  const data = parseOrThrow(eventInputSchema, input);
  await updateVersioned(actor, 'event', id, {
    before: (tx) => tx.event.findUnique({ where: { id }, select: { date: true, endDate: true, title: true, description: true, placeId: true, sourceId: true } }),
    check: (tx) => checkRefs(tx, data),
    update: (tx) => tx.event.updateMany({ where: { id, version: expectedVersion }, data: { ...data, version: { increment: 1 } } }),
    after: data,
  });
}

export async function retractEvent(actor: Actor, id: number, reason: string): Promise<void> {
  assertPermission(actor, 'editReferenceData');
  await retractRecord(actor, 'event', id, reason);
}
