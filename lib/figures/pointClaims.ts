// A chart point's claims, loaded when a reader hovers or taps the point rather
// than sent inline with every point (that was most of the overview's HTML on a
// large database). GET /api/v1/claims?ids=… answers with the published claims
// among the ids, in the order given, each with its citation.
import { z } from 'zod';
import { parseOrThrow } from '@/lib/validation/parseOrThrow';
import { isRecordId } from '@/lib/vocabulary';
import { listClaims, type Claim } from './listClaims';
import { MAX_IDS_PER_POINT } from './listSeriesPoints';

/** The ids parameter; the API reference is built from it. */
export const claimIdsSchema = z.object({
  ids: z
    .string({ message: 'ids is required: figure ids separated by commas, such as ids=12,7' })
    .meta({ description: `1 to ${MAX_IDS_PER_POINT} figure ids separated by commas (a chart point's figureIds), such as 12,7.` })
    .transform((v) => v.split(',').map((id) => id.trim()).filter(Boolean))
    .refine((ids) => ids.length > 0 && ids.every(isRecordId), 'ids must be figure ids (whole numbers) separated by commas, such as ids=12,7')
    .refine((ids) => ids.length <= MAX_IDS_PER_POINT, `ids may name at most ${MAX_IDS_PER_POINT} figures, as a chart point lists`)
    .transform((ids) => [...new Set(ids.map(Number))]),
});

export function parseClaimIds(params: URLSearchParams): number[] {
  const ids = params.get('ids')?.trim();
  return parseOrThrow(claimIdsSchema, ids ? { ids } : {}).ids;
}

/** The published claims among `ids`, in the order given; drafts and retractions are left out. */
export async function listPointClaims(ids: number[]): Promise<Claim[]> {
  return (await listClaims(ids)).filter((c) => c.status === 'PUBLISHED');
}
