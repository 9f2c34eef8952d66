// The extract page's "Find figures": validates the pasted report with the API's
// rules, extracts, and returns every candidate as editable strings.
import { extractFromDatabase } from './extractFromDatabase';
import { parseExtractRequest } from './extractRequest';
import { candidateFormValues } from './draftInput';
import { listExtractOptions } from './listExtractOptions';
import type { CandidateView, ExtractInput } from './pageState';
import { toDay } from '@/lib/vocabulary';

export async function extractForPage(input: ExtractInput): Promise<{ text: string; candidates: CandidateView[] }> {
  const request = parseExtractRequest({ text: input.text, publishedAt: input.publishedAt, url: input.url || null, title: input.title || null });
  const [candidates, options] = await Promise.all([
    extractFromDatabase(request.text, toDay(request.publishedAt)),
    listExtractOptions(),
  ]);
  const metricIds = Object.fromEntries(options.metrics.map((m) => [m.key, m.id]));
  return {
    text: request.text,
    candidates: candidates.map((c, i) => ({
      values: candidateFormValues(c, `c${i + 1}`, metricIds),
      start: c.start,
      end: c.end,
      dateText: c.dateText,
      confidence: c.confidence,
      unknownOrigin: c.origin && c.origin.placeId === null ? c.origin.name : null,
      unknownDestination: c.destination && c.destination.placeId === null ? c.destination.name : null,
    })),
  };
}
