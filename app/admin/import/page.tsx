// /admin/import: upload a CSV, preview it as a dry run, then commit it.
import type { Metadata } from 'next';
import { requirePageActor } from '@/lib/auth/pageGuard';
import { getConfig } from '@/lib/config';
import { ImportForm } from '@/components/exchange/ImportForm';

export const metadata: Metadata = { title: 'Import figures — Corridor' };
export const dynamic = 'force-dynamic';

export default async function ImportPage() {
  const actor = await requirePageActor('importFigures', '/admin/import');
  return (
    <section>
      <h1>Import figures</h1>
      <p className="muted">
        Upload a CSV in the export&apos;s format (or with HXL hashtags). The preview checks every row and writes nothing;
        the commit imports all rows or none. Figures land as drafts. Limit: {getConfig().IMPORT_MAX_MB} MB.
      </p>
      <ImportForm canPublish={actor.role === 'ADMIN'} />
    </section>
  );
}
