// Runs the pure extractor against the metrics and places editors maintain in the
// database, and hands back candidates whose place ids are the table's integer ids.
import { db } from '@/lib/db/client';
import { DEFAULT_METRIC_CUES, extractCandidates } from './extractCandidates';
import type { Candidate, MetricCue, PlaceRef } from './types';

export interface DbNamedPlace {
  name: string;
  placeId: number | null;
}

export type DbCandidate = Omit<Candidate, 'origin' | 'destination'> & {
  origin: DbNamedPlace | null;
  destination: DbNamedPlace | null;
};

/**
 * The cues for every metric in use. The built-in cues for refugees, evacuees and buses are
 * merged with the keywords editors set, but only for metrics that exist, so every candidate
 * names a real Metric. Other metrics are recognised through their keywords alone.
 */
export function mergeMetricCues(metrics: Array<{ key: string; keywords: string[] }>): MetricCue[] {
  const byKey = new Map(metrics.map((m) => [m.key, m.keywords]));
  const builtIn = DEFAULT_METRIC_CUES.filter((cue) => byKey.has(cue.key)).map((cue) => ({
    ...cue,
    keywords: [...new Set([...cue.keywords, ...byKey.get(cue.key)!.map((k) => k.toLowerCase())])],
  }));
  const builtInKeys = new Set(DEFAULT_METRIC_CUES.map((cue) => cue.key));
  const others = metrics
    .filter((m) => !builtInKeys.has(m.key) && m.keywords.length > 0)
    .map((m) => ({ key: m.key, keywords: m.keywords.map((k) => k.toLowerCase()) }));
  return [...builtIn, ...others];
}

/** Metric cues and places as the extractor wants them: active rows only, a few hundred at most. */
export async function loadExtractionContext(): Promise<{ metrics: MetricCue[]; places: PlaceRef[] }> {
  const [metrics, places] = await Promise.all([
    db.metric.findMany({ where: { retiredAt: null }, select: { key: true, keywords: true }, orderBy: { id: 'asc' } }),
    db.place.findMany({ where: { retiredAt: null }, select: { id: true, name: true, aliases: true, type: true, parentId: true }, orderBy: { id: 'asc' } }),
  ]);
  // The country each place lies in, up its parent chain ("Przemysl" → Poland), so arrivals there read as refugees.
  const byId = new Map(places.map((p) => [p.id, p]));
  const countryOf = (place: (typeof places)[number]): string | undefined => {
    let current = place.parentId === null ? undefined : byId.get(place.parentId);
    for (let hops = 0; current && hops < 8; hops++) {
      if (current.type === 'COUNTRY') return current.name;
      current = current.parentId === null ? undefined : byId.get(current.parentId);
    }
    return undefined;
  };
  return {
    metrics: mergeMetricCues(metrics),
    places: places.map((p) => {
      const country = p.type === 'COUNTRY' ? undefined : countryOf(p);
      return { id: String(p.id), name: p.name, aliases: p.aliases, ...(country ? { country } : {}) };
    }),
  };
}

const toDbPlace = (place: Candidate['origin']): DbNamedPlace | null =>
  place ? { name: place.name, placeId: place.placeId === null ? null : Number(place.placeId) } : null;

/** Candidate figures in `text`; `publishedAt` is YYYY-MM-DD and anchors relative dates. */
export async function extractFromDatabase(text: string, publishedAt: string): Promise<DbCandidate[]> {
  const { metrics, places } = await loadExtractionContext();
  return extractCandidates(text, { publishedAt, metrics, places }).map((c) => ({
    ...c,
    origin: toDbPlace(c.origin),
    destination: toDbPlace(c.destination),
  }));
}
