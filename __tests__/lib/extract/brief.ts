// The fields the extractor's sentence tests compare, for one text against the test
// corpus's place table (corpus/places.json): origin and destination as place ids, or
// the names the table lacks.
import places from './corpus/places.json';
import { DEFAULT_METRIC_CUES, extractCandidates } from '@/lib/extract/extractCandidates';

export const brief = (text: string, publishedAt = '2022-03-16') =>
  extractCandidates(text, { publishedAt, metrics: DEFAULT_METRIC_CUES, places }).map((c) => ({
    asStated: c.asStated,
    metric: c.metric,
    date: c.date,
    origin: c.origin?.placeId ?? c.origin?.name ?? null,
    destination: c.destination?.placeId ?? c.destination?.name ?? null,
    attribution: c.attribution,
  }));
