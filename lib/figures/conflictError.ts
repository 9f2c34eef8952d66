// Builds the message for a save that lost the race: who changed the figure since
// the editor opened it, when, and what they changed.
import type { Prisma } from '@/lib/db/client';
import { AppError } from '@/lib/http/AppError';
import { diffSnapshots, type FigureSnapshot } from './figureSnapshot';

export interface ConflictDetails {
  currentVersion: number;
  changes: Array<{ version: number; action: string; by: string; at: string; fields: ReturnType<typeof diffSnapshots> }>;
}

export async function conflictError(tx: Prisma.TransactionClient, figureId: number, expectedVersion: number): Promise<AppError> {
  const current = await tx.figure.findUnique({ where: { id: figureId }, select: { version: true } });
  if (!current) return new AppError('NOT_FOUND', `Figure ${figureId} does not exist.`, 'id');
  const revisions = await tx.figureRevision.findMany({
    where: { figureId, version: { gt: expectedVersion } },
    orderBy: { version: 'asc' },
    select: { version: true, action: true, before: true, after: true, createdAt: true, user: { select: { name: true, email: true } } },
  });
  const details: ConflictDetails = {
    currentVersion: current.version,
    changes: revisions.map((r) => ({
      version: r.version,
      action: r.action,
      by: r.user?.name || r.user?.email || 'someone',
      at: r.createdAt.toISOString(),
      fields: diffSnapshots(r.before as Partial<FigureSnapshot> | null, r.after as Partial<FigureSnapshot> | null),
    })),
  };
  const last = details.changes.at(-1);
  const who = last ? `${last.by} changed it at ${last.at.slice(0, 16).replace('T', ' ')} UTC` : 'Someone changed it';
  return new AppError('CONFLICT', `${who} after you opened it. Your changes were not saved; review their change below, then reapply yours.`, 'version', details);
}
