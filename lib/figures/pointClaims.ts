// A chart point's claims, loaded when a reader hovers or taps the point rather
// than sent inline with every point (that was most of the overview's HTML on a
// large database). GET /api/v1/claims?ids=…[&vintage=…] answers with the published
// claims among the ids, in the order given, each with its citation; with a vintage,
// as they stood then, so a snapshot's tooltips show what its points showed.
import { z } from 'zod';
import { parseOrThrow } from '@/lib/validation/parseOrThrow';
import { isRecordId } from '@/lib/vocabulary';
import { listClaims, type Claim } from './listClaims';
import { MAX_IDS_PER_POINT } from './listSeriesPoints';
import { vintageSchema } from './vintage';

/** The query of GET /api/v1/claims; the API reference is built from it. */
export const pointClaimsQuerySchema = z.object({
  ids: z
    .string({ message: 'ids is required: figure ids separated by commas, such as ids=12,7' })
    .meta({ description: `1 to ${MAX_IDS_PER_POINT} figure ids separated by commas (a chart point's figureIds), such as 12,7.` })
    .transform((v) => v.split(',').map((id) => id.trim()).filter(Boolean))
    .refine((ids) => ids.length > 0 && ids.every(isRecordId), 'ids must be figure ids (whole numbers) separated by commas, such as ids=12,7')
    .refine((ids) => ids.length <= MAX_IDS_PER_POINT, `ids may name at most ${MAX_IDS_PER_POINT} figures, as a chart point lists`)
    .transform((ids) => [...new Set(ids.map(Number))]),
  vintage: vintageSchema.optional(),
});

export type PointClaimsQuery = z.output<typeof pointClaimsQuerySchema>;

export function parsePointClaimsQuery(params: URLSearchParams): PointClaimsQuery {
  const ids = params.get('ids')?.trim();
  const vintage = params.get('vintage') ?? undefined;
  return parseOrThrow(pointClaimsQuerySchema, { ...(ids ? { ids } : {}), vintage });
}

/**
 * The published claims among `ids`, in the order given; drafts and retractions are
 * left out. With a vintage: the claims as published at that instant.
 */
export async function listPointClaims({ ids, vintage }: PointClaimsQuery): Promise<Claim[]> {
  return (await listClaims(ids, { vintage })).filter((c) => c.status === 'PUBLISHED');
}
