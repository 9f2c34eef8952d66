// The citation of one claim: source (linked when it has a safe URL), publisher,
// date, and with `full` the quote, attribution and access details.
import type { Claim } from '@/lib/figures/listClaims';
import type { FigureDetail } from '@/lib/figures/getFigure';
import { formatDay } from '@/lib/figures/formatDay';

/** Only http(s) links are rendered; anything else is shown as text. */
export function safeHref(url: string | null | undefined): string | null {
  return url && /^https?:\/\//i.test(url) ? url : null;
}

export function ClaimCitation({ claim, full }: { claim: Claim | FigureDetail; full?: boolean }) {
  const href = safeHref(claim.source.url);
  const detail = full ? (claim as FigureDetail) : null;
  return (
    <span className={full ? 'citation' : undefined} style={full ? { display: 'block' } : undefined}>
      {full && claim.quote && <q className="quote" style={{ display: 'block', marginBottom: '0.5rem' }}>{claim.quote}</q>}
      {full && claim.attribution && <span style={{ display: 'block' }}>— {claim.attribution}</span>}
      <cite>{href ? <a href={href} rel="noopener noreferrer">{claim.source.title}</a> : claim.source.title}</cite>
      {claim.source.publisher && <>, {claim.source.publisher}</>}
      {claim.source.publishedAt && <>, {formatDay(claim.source.publishedAt)}</>}
      {claim.source.preferred && <> (preferred source)</>}
      {detail?.accessedAt && <>. Accessed {formatDay(detail.accessedAt)}</>}
      {detail?.archiveUrl && safeHref(detail.archiveUrl) && <> · <a href={safeHref(detail.archiveUrl)!} rel="noopener noreferrer">archived copy</a></>}
      {full && <> · <a href={`/sources#source-${claim.source.id}`}>all figures from this source</a></>}
    </span>
  );
}
