// Helpers for import tests: a user to import as, and a file body from text or bytes.
import { db } from '@/lib/db/client';
import { runImport, type ImportOptions } from '@/lib/exchange/import/runImport';

export async function createUser(role: 'ADMIN' | 'EDITOR' | 'ANALYST' = 'EDITOR') {
  const id = `user-${role.toLowerCase()}-${Math.random().toString(36).slice(2, 8)}`;
  return db.user.create({ data: { id, name: `Test ${role}`, email: `${id}@corridor.test`, role } });
}

export async function* bodyOf(content: string | Uint8Array, chunkSize = 64 * 1024): AsyncGenerator<Uint8Array> {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
}

export function importText(content: string | Uint8Array, userId: string, options: Partial<ImportOptions> = {}) {
  return runImport(bodyOf(content), { fileName: 'test.csv', userId, dryRun: true, status: 'DRAFT', maxBytes: 50 * 1024 * 1024, ...options });
}

export async function tableCounts() {
  const [figures, sources, places, organizations, revisions] = await Promise.all([
    db.figure.count(), db.source.count(), db.place.count(), db.organization.count(), db.figureRevision.count(),
  ]);
  return { figures, sources, places, organizations, revisions };
}
