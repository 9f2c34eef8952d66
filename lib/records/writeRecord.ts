// The write path shared by the reference records (places, sources, events,
// metrics): a create, an optimistic-lock update and a retraction, each in one
// transaction with its audit row, with one wording for "not found" and "someone
// else changed it".
import { db } from '@/lib/db/client';
import { inTransaction, type Tx } from '@/lib/db/transaction';
import { AppError } from '@/lib/http/AppError';
import { writeAudit } from '@/lib/audit/writeAudit';
import type { Actor } from '@/lib/auth/permissions';

export type RecordType = 'place' | 'source' | 'event' | 'metric';

const Noun: Record<RecordType, string> = { place: 'Place', source: 'Source', event: 'Event', metric: 'Metric' };

export const notFound = (type: RecordType, id: number, param = 'id') => new AppError('NOT_FOUND', `${Noun[type]} ${id} does not exist.`, param);

/** Why a record is retracted is part of its history, so a reason is required. */
export function requireReason(type: RecordType, reason: string | null | undefined, verb = 'retracted'): string {
  const text = reason?.trim();
  if (!text) throw new AppError('BAD_REQUEST', `Say why the ${type} is ${verb}.`, 'reason');
  return text;
}

interface RecordCreate<Row> {
  /** Checks that need the database (unique codes, references). */
  check?: (tx: Tx) => Promise<void>;
  create: (tx: Tx) => Promise<Row>;
  after: unknown;
}

/** Creates a record with its audit row, in the caller's transaction when given one. */
export function createRecord<Row extends { id: number }>(actor: Actor, type: RecordType, change: RecordCreate<Row>, tx?: Tx): Promise<Row> {
  return inTransaction(tx, async (tx) => {
    await change.check?.(tx);
    const row = await change.create(tx);
    await writeAudit(tx, actor, { entityType: type, entityId: String(row.id), action: 'CREATE', after: change.after });
    return row;
  });
}

interface VersionedUpdate<Before> {
  /** The record as it was, for the audit row; null when it does not exist. */
  before: (tx: Tx) => Promise<Before | null>;
  /** Checks that need the record or the database (unique codes, references). */
  check?: (tx: Tx, before: Before) => Promise<void>;
  /** The update guarded by `version = expectedVersion`; it must bump the version. */
  update: (tx: Tx) => Promise<{ count: number }>;
  after: unknown;
}

/** Updates a record only if nobody changed it since the editor opened it. */
export async function updateVersioned<Before>(actor: Actor, type: RecordType, id: number, change: VersionedUpdate<Before>): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await change.before(tx);
    if (!before) throw notFound(type, id);
    await change.check?.(tx, before);
    const { count } = await change.update(tx);
    if (count === 0) {
      throw new AppError('CONFLICT', `Someone else changed this ${type} after you opened it. Reload to see their change, then reapply yours.`, 'version');
    }
    await writeAudit(tx, actor, { entityType: type, entityId: String(id), action: 'UPDATE', before, after: change.after });
  });
}

// How each kind of record is marked retracted. Table and column names come from this
// fixed map only, never from input. Metrics are "retired" and carry no version.
// Timestamps are stored as UTC without a zone, as Prisma writes them.
const NOW = `timezone('UTC', now())`;
const RETRACTION: Record<RecordType, { isRetracted: string; retract: string; action: 'RETRACT' | 'RETIRE' }> = {
  place: { isRetracted: `"retiredAt" IS NOT NULL`, retract: `"retiredAt" = ${NOW}, version = version + 1`, action: 'RETRACT' },
  source: { isRetracted: `"retiredAt" IS NOT NULL`, retract: `"retiredAt" = ${NOW}, version = version + 1`, action: 'RETRACT' },
  event: { isRetracted: `status = 'RETRACTED'`, retract: `status = 'RETRACTED', version = version + 1`, action: 'RETRACT' },
  metric: { isRetracted: `"retiredAt" IS NOT NULL`, retract: `"retiredAt" = ${NOW}`, action: 'RETIRE' },
};

/**
 * Retracts a record once (a second retraction changes nothing) and logs why. A
 * retracted record leaves pickers and lists; what cites it keeps its citation.
 */
export async function retractRecord(actor: Actor, type: RecordType, id: number, reason: string): Promise<void> {
  const { isRetracted, retract, action } = RETRACTION[type];
  const why = requireReason(type, reason, action === 'RETIRE' ? 'retired' : 'retracted');
  await db.$transaction(async (tx) => {
    const [row] = await tx.$queryRawUnsafe<{ retracted: boolean }[]>(`SELECT ${isRetracted} AS retracted FROM "${type}" WHERE id = $1 FOR UPDATE`, id);
    if (!row) throw notFound(type, id);
    if (row.retracted) return;
    await tx.$executeRawUnsafe(`UPDATE "${type}" SET ${retract}, "updatedAt" = ${NOW} WHERE id = $1`, id);
    await writeAudit(tx, actor, { entityType: type, entityId: String(id), action, reason: why });
  });
}
