export { extractCandidates, DEFAULT_METRIC_CUES } from './extractCandidates';
export type { Candidate, ExtractOptions, MetricCue, PlaceRef, NamedPlace } from './types';
