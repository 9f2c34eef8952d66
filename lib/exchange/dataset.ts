// Which curated dataset this database was loaded with (lib/demo loads one into an
// empty database), so every page, the Data Package and each export can name it.
// Kept in app_setting under the key the first demo loader used, so databases
// loaded by that loader still say that they hold demo data.
import { db } from '@/lib/db/client';
import type { ImportTx } from './import/runImport';

export const DATASET_SETTING_KEY = 'demo_data';
/** What databases loaded before datasets had titles are called. */
const UNTITLED = 'Demo data';

export interface LoadedDataset {
  title: string;
  loadedAt: string;
  figures: number;
}

export async function getLoadedDataset(): Promise<LoadedDataset | null> {
  const row = await db.appSetting.findUnique({ where: { key: DATASET_SETTING_KEY }, select: { value: true } });
  if (!row) return null;
  const value = (row.value ?? {}) as Partial<LoadedDataset>;
  return { title: value.title ?? UNTITLED, loadedAt: value.loadedAt ?? '', figures: value.figures ?? 0 };
}

export async function recordLoadedDataset(tx: ImportTx, dataset: LoadedDataset): Promise<void> {
  await tx`INSERT INTO app_setting (key, value, "updatedAt") VALUES (${DATASET_SETTING_KEY}, ${tx.json({ ...dataset })}, now())`;
}
