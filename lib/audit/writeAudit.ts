// Appends one row to the audit log. Callers pass their transaction, so the log
// entry commits or rolls back together with the change it describes.
import type { Prisma } from '@/lib/db/client';
import { toJsonValue } from './toJsonValue';

export interface AuditEntry {
  entityType: string;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

export async function writeAudit(tx: Prisma.TransactionClient, actor: { userId: string } | null, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      entityType: entry.entityType,
      entityId: entry.entityId,
      action: entry.action,
      before: toJsonValue(entry.before),
      after: toJsonValue(entry.after),
      reason: entry.reason ?? null,
      userId: actor?.userId ?? null,
    },
  });
}
