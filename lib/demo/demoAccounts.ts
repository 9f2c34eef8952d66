// Demo accounts exist only in demo mode: the embedded database with demo data.
// Anywhere else there are no default credentials.
import { db } from '@/lib/db/client';
import { getLoadedDataset } from '@/lib/exchange/dataset';
import { insertUser } from '@/lib/users/mutations';
import type { Role } from '@/lib/auth/permissions';

export const DEMO_PASSWORD = 'corridor-demo';
export const DEMO_ACCOUNTS: Array<{ email: string; role: Role }> = [
  { email: 'admin@corridor.demo', role: 'ADMIN' },
  { email: 'editor@corridor.demo', role: 'EDITOR' },
  { email: 'analyst@corridor.demo', role: 'ANALYST' },
];

/** Demo mode: started on the embedded database (or the e2e flag) and the curated dataset is loaded. */
export async function isDemoMode(): Promise<boolean> {
  if (process.env.CORRIDOR_EMBEDDED !== '1' && process.env.CORRIDOR_DEMO_ACCOUNTS !== '1') return false;
  return (await getLoadedDataset()) !== null;
}

/** Creates the demo accounts that do not exist yet; a no-op outside demo mode. */
export async function ensureDemoAccounts(): Promise<number> {
  if (!(await isDemoMode())) return 0;
  let created = 0;
  for (const account of DEMO_ACCOUNTS) {
    if (await db.user.findUnique({ where: { email: account.email }, select: { id: true } })) continue;
    await insertUser(null, { email: account.email, name: `Demo ${account.role.toLowerCase()}`, role: account.role, password: DEMO_PASSWORD });
    created++;
  }
  return created;
}
