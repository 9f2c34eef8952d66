// After each test file: close the shared database pools so Jest can exit.
import { disconnectDb } from '@/lib/db/client';
import { closeSql } from '@/lib/db/sql';

afterAll(async () => {
  await Promise.all([disconnectDb(), closeSql()]);
});
