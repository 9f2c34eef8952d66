// Writes to sources: create (also inline from the figure form), edit with an
// optimistic lock, retract, and merge a duplicate into the source that stays.
import { AppError } from '@/lib/http/AppError';
import { assertPermission } from '@/lib/auth/permissions';
import type { Actor } from '@/lib/auth/permissions';
import { parseOrThrow } from '@/lib/validation/parseOrThrow';
import type { Tx } from '@/lib/db/transaction';
import { createRecord, retractRecord, updateVersioned } from '@/lib/records/writeRecord';
import { sourceInputSchema, type SourceInput } from './sourceInput';

/** The publisher named, matched without regard to case ("reuters" is Reuters), or a new one. */
async function publisherId(tx: Tx, name: string | null): Promise<number | null> {
  if (!name) return null;
  const existing = await tx.organization.findFirst({ where: { name: { equals: name, mode: 'insensitive' } }, orderBy: { id: 'asc' }, select: { id: true } });
  if (existing) return existing.id;
  const org = await tx.organization.upsert({ where: { name }, create: { name }, update: {}, select: { id: true } });
  return org.id;
}

async function assertUrlFree(tx: Tx, url: string | null, exceptId?: number) {
  if (!url) return;
  const other = await tx.source.findUnique({ where: { url }, select: { id: true, title: true } });
  if (other && other.id !== exceptId) {
    throw new AppError('CONFLICT', `A source with this URL already exists: "${other.title}" (source ${other.id}). Choose it instead.`, 'url', { sourceId: other.id });
  }
}

export async function createSource(actor: Actor, input: SourceInput, tx?: Tx): Promise<{ id: number }> {
  assertPermission(actor, 'editReferenceData');
  const data = parseOrThrow(sourceInputSchema, input);
  const { publisher, ...fields } = data;
  return createRecord(actor, 'source', {
    check: (tx) => assertUrlFree(tx, data.url),
    create: async (tx) => tx.source.create({ data: { ...fields, publisherId: await publisherId(tx, publisher) }, select: { id: true } }),
    after: data,
  }, tx);
}

export async function updateSource(actor: Actor, id: number, expectedVersion: number, input: SourceInput): Promise<void> {
  assertPermission(actor, 'editReferenceData');
  const data = parseOrThrow(sourceInputSchema, input);
  const { publisher, ...fields } = data;
  await updateVersioned(actor, 'source', id, {
    before: (tx) => tx.source.findUnique({ where: { id }, select: { title: true, url: true, publishedAt: true, accessedAt: true, archiveUrl: true, preferred: true, version: true } }),
    check: (tx) => assertUrlFree(tx, data.url, id),
    update: async (tx) => tx.source.updateMany({ where: { id, version: expectedVersion }, data: { ...fields, publisherId: await publisherId(tx, publisher), version: { increment: 1 } } }),
    after: data,
  });
}

/** Retracting hides a source from pickers; the figures it backs keep their citation. */
export async function retractSource(actor: Actor, id: number, reason: string): Promise<void> {
  assertPermission(actor, 'editReferenceData');
  await retractRecord(actor, 'source', id, reason);
}

