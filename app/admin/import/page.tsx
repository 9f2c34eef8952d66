// /admin/import: upload a CSV, preview it as a dry run, then commit it.
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getActor } from '@/lib/auth/session';
import { canImportFigures } from '@/lib/auth/permissions';
import { getConfig } from '@/lib/config';
import { ImportForm } from '@/components/exchange/ImportForm';

export const metadata: Metadata = { title: 'Import figures — Corridor' };
export const dynamic = 'force-dynamic';

export default async function ImportPage() {
  const actor = await getActor();
  if (!actor) redirect('/login?next=/admin/import');
  if (!canImportFigures(actor)) {
    return (
      <section>
        <h1>Import figures</h1>
        <p role="alert">Your role ({actor.role.toLowerCase()}) cannot import figures. Ask an admin to make you an editor.</p>
      </section>
    );
  }
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
