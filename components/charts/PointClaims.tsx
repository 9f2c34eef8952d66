'use client';
// The words behind one chart point: its value as stated, how many claims it has,
// and the first few claims with their sources. The page sends points only; the
// claims load from GET /api/v1/claims when a tooltip first shows the point (at the
// chart's vintage, if it has one), and are kept for the rest of the visit. Used by the hover tooltip and the panel a
// tap pins under the chart.
import { useEffect, useState } from 'react';
import { toChartClaims, type ChartClaim, type ChartPoint } from '@/lib/figures/chartData';
import type { Claim } from '@/lib/figures/listClaims';

/** Claims a tooltip lists; the figure page lists them all. */
const TOOLTIP_CLAIMS = 5;
const loaded = new Map<string, Promise<ChartClaim[]>>();

function loadClaims(ids: number[], unit: string, vintage: string | undefined): Promise<ChartClaim[]> {
  const query = new URLSearchParams({ ids: ids.join(',') });
  if (vintage) query.set('vintage', vintage);
  const key = query.toString();
  let claims = loaded.get(key);
  if (!claims) {
    claims = fetch(`/api/v1/claims?${query}`)
      .then((r) => (r.ok ? (r.json() as Promise<{ claims: Claim[] }>) : Promise.reject(new Error(String(r.status)))))
      .then((body) => toChartClaims(body.claims, unit));
    claims.catch(() => loaded.delete(key));
    loaded.set(key, claims);
  }
  return claims;
}

export function PointClaims({ point, unit, hint, vintage }: { point: ChartPoint; unit: string; hint: string; vintage?: string }) {
  const ids = point.figureIds.slice(0, TOOLTIP_CLAIMS);
  const complete = point.claimList.length >= ids.length;
  const [fetched, setFetched] = useState<{ key: string; claims: ChartClaim[] | null; failed?: boolean } | null>(null);
  const key = `${ids.join(',')}@${vintage ?? ''}`;
  useEffect(() => {
    if (complete) return;
    let live = true;
    loadClaims(ids, unit, vintage).then(
      (claims) => live && setFetched({ key, claims }),
      () => live && setFetched({ key, claims: null, failed: true }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- ids are keyed by `key`
  }, [key, complete, unit, vintage]);
  const current = fetched?.key === key ? fetched : null;
  const list = complete ? point.claimList : current?.claims ?? null;
  return (
    <>
      <p><strong>{point.date}</strong>: {point.label} {unit} <span className="muted">({point.exact})</span></p>
      <p className="muted">{point.claims === 1 ? '1 claim' : `${point.claims} claims`}; {hint}</p>
      {list ? (
        <ul>
          {list.map((c) => (
            <li key={c.id}>
              <strong>{c.headline ? 'Headline: ' : ''}“{c.stated}”</strong> — {c.sourceTitle}
              {c.publisher ? `, ${c.publisher}` : ''}
              {c.date ? `, ${c.date}` : ''}
              {c.quote && <q>{c.quote}</q>}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{current?.failed ? 'The claims could not be loaded; open the figure to see them.' : 'Loading the claims…'}</p>
      )}
      {list && point.claims > list.length && <p className="muted">and {point.claims - list.length} more on the figure page</p>}
    </>
  );
}
