// /admin/extract: paste a report, review the figures Corridor finds in it, save the kept ones as drafts.
import type { Metadata } from 'next';
import { requirePageActor } from '@/lib/auth/pageGuard';
import { listExtractOptions } from '@/lib/extract/listExtractOptions';
import { ExtractWorkbench } from '@/components/extract/ExtractWorkbench';
import { createPlaceInlineAction } from '../places/actions';
import { extractAction, saveDraftsAction } from './actions';

export const metadata: Metadata = { title: 'Extract figures from a report — Corridor' };
export const dynamic = 'force-dynamic';

export default async function ExtractPage() {
  await requirePageActor('extractFigures', '/admin/extract');
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
