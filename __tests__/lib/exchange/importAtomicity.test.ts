import { db } from '@/lib/db/client';
import { resetDatabase } from '../../helpers/db';
import { seedExchangeData } from './fixtures';
import { createUser, importText, tableCounts } from './importHelpers';
import { HEAVY_TEST_TIMEOUT_MS } from '@/__tests__/helpers/timeouts';

const ROWS = 100_000;

function bigFile(badRow: number | null): string {
  const lines = ['metric,value_low,value_high,qualifier,as_of,origin_code,source_title,source_url,publisher,quote'];
  for (let i = 1; i <= ROWS; i++) {
    const day = `2022-03-${String((i % 28) + 1).padStart(2, '0')}`;
    const value = i + 1 === badRow ? '-5' : String(1000 + i);
    lines.push(`evacuees,${value},${value},EXACT,${day},UKR,Bulk report ${i % 50},https://example.org/bulk/${i % 50},Publisher ${i % 5},"Quote ${i}, with a comma"`);
  }
  return lines.join('\n') + '\n';
}

describe('import of 100,000 rows', () => {
  let userId: string;
  beforeAll(async () => {
    await resetDatabase();
    await seedExchangeData();
    userId = (await createUser()).id;
  });

  it('writes nothing when row 90,000 fails, then commits the fixed file in one go', async () => {
    const before = await tableCounts();
    // Spreadsheet row 90,001 holds data row 90,000 (the header is row 1).
    const failed = await importText(bigFile(90_001), userId, { dryRun: false });
    expect(failed).toMatchObject({ committed: false, invalid: 1, rows: ROWS });
    expect(failed.errors).toEqual([expect.objectContaining({ row: 90_001, column: 'value_low' }), expect.objectContaining({ row: 90_001, column: 'value_high' })]);
    expect(await tableCounts()).toEqual(before);
    expect(await db.importRun.count({ where: { dryRun: false } })).toBe(0);

    const ok = await importText(bigFile(null), userId, { dryRun: false });
    expect(ok).toMatchObject({ committed: true, newRows: ROWS, invalid: 0 });
    expect(await db.figure.count({ where: { importRunId: ok.importRunId } })).toBe(ROWS);
    expect(await db.figureRevision.count({ where: { action: 'IMPORT' } })).toBe(ROWS);
    expect(await db.source.count({ where: { url: { startsWith: 'https://example.org/bulk/' } } })).toBe(50);
  }, HEAVY_TEST_TIMEOUT_MS);
});
