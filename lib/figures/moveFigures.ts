// Re-points figures from one record to another (merging duplicate places or
// sources), bumping each figure's version and writing a MERGE revision for it.
import type { Prisma } from '@/lib/db/client';
import type { Actor } from '@/lib/auth/permissions';
import { toJsonValue } from '@/lib/audit/toJsonValue';
import { FIGURE_ROW_SELECT, figureSnapshot } from './figureSnapshot';

type Reference = { sourceId: number } | { originId: number } | { destinationId: number };

export async function moveFigures(tx: Prisma.TransactionClient, actor: Actor, from: Reference, to: Reference, reason: string): Promise<number> {
  const figures = await tx.figure.findMany({ where: from, select: { id: true, version: true, ...FIGURE_ROW_SELECT } });
  for (const figure of figures) {
    const after = await tx.figure.update({ where: { id: figure.id }, data: { ...to, version: { increment: 1 } }, select: { version: true, ...FIGURE_ROW_SELECT } });
    await tx.figureRevision.create({
      data: { figureId: figure.id, version: after.version, action: 'MERGE', before: toJsonValue(figureSnapshot(figure)), after: toJsonValue(figureSnapshot(after)), reason, userId: actor.userId },
    });
  }
  return figures.length;
}
