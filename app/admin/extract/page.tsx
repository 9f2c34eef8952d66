// /admin/extract: paste a report, review the figures Corridor finds in it, save the kept ones as drafts.
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getActor } from '@/lib/auth/session';
import { canExtractFigures } from '@/lib/auth/permissions';
import { listExtractOptions } from '@/lib/extract/listExtractOptions';
import { ExtractWorkbench } from '@/components/extract/ExtractWorkbench';
import { createPlaceInlineAction } from '../places/actions';
import { extractAction, saveDraftsAction } from './actions';

export const metadata: Metadata = { title: 'Extract figures from a report — Corridor' };
export const dynamic = 'force-dynamic';

export default async function ExtractPage() {
  const actor = await getActor();
  if (!actor) redirect('/login?next=/admin/extract');
  if (!canExtractFigures(actor)) {
    return (
      <section>
        <h1>Extract figures from a report</h1>
        <p>Your role ({actor.role.toLowerCase()}) cannot add figures. Ask an admin to make you an editor.</p>
      </section>
    );
  }
  const options = await listExtractOptions();
  return (
    <section>
      <h1>Extract figures from a report</h1>
      <p className="muted">
        Paste a report and Corridor proposes the figures in it, each with the sentence that states it. Nothing is published:
        the figures you keep are saved as drafts citing this source.
      </p>
      <ExtractWorkbench options={options} actions={{ extract: extractAction, save: saveDraftsAction, createPlace: createPlaceInlineAction }} />
    </section>
  );
}
