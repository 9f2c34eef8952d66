import { checkConnection, describeDatabaseUrl, withDatabase } from '@/lib/db/admin';
import { findFreePort } from '@/lib/db/ports';
import { testServerUrl } from '../../helpers/db';

describe('database server helpers', () => {
  it('describes a URL without its password', () => {
    expect(describeDatabaseUrl('postgresql://u:secret@db.example:6543/corridor')).toBe('db.example:6543/corridor');
  });

  it('connects to a live database without complaint', async () => {
    await expect(checkConnection(process.env.DATABASE_URL!)).resolves.toBeUndefined();
  });

  it('says the connection was refused when nothing listens', async () => {
    const port = await findFreePort();
    await expect(checkConnection(`postgresql://postgres@127.0.0.1:${port}/x`)).rejects.toThrow(
      `Cannot reach PostgreSQL at 127.0.0.1:${port}/x: connection refused. Start the server or fix DATABASE_URL.`,
    );
  });

  it('says which database does not exist', async () => {
    const url = withDatabase(testServerUrl(), 'corridor_no_such_database');
    await expect(checkConnection(url)).rejects.toThrow(/corridor_no_such_database does not exist\. Create it \(createdb\) or fix the name in DATABASE_URL/);
  });
});
