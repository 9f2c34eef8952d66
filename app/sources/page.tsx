// Every source with the figures it backs.
import { safeHref } from '@/components/figures/ClaimCitation';
import { formatDay } from '@/lib/figures/formatDay';
import { formatStatedValue } from '@/lib/figures/formatValue';
import { FilterError } from '@/components/filters/FilterError';
import { AppError } from '@/lib/http/AppError';
import { listSources, parseSourcesPage } from '@/lib/sources/listSources';
import { toSearchParams } from '@/lib/http/searchParams';

export const dynamic = 'force-dynamic';

export const metadata = {
  title: 'Sources — Corridor',
  description: 'The reports, articles and datasets behind Corridor’s figures, each with the figures it states.',
};

export default async function SourcesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  let page;
  try {
    page = parseSourcesPage(toSearchParams(await searchParams));
  } catch (err) {
    if (err instanceof AppError) return <FilterError message={err.message} href="/sources" />;
    throw err;
  }
  const { sources, nextBefore } = await listSources(page.before);
  return (
    <>
      <h1>Sources</h1>
      {sources.length === 0 && <p className="empty-state">No sources yet. Sources appear here once an editor cites them.</p>}
      {sources.map((s) => {
        const href = safeHref(s.url);
        return (
          <section key={s.id} id={`source-${s.id}`} className="chart-panel" aria-labelledby={`source-${s.id}-title`}>
            <h2 id={`source-${s.id}-title`}>{href ? <a href={href} rel="noopener noreferrer">{s.title}</a> : s.title}</h2>
            <p className="muted">
              {s.publisher ?? 'Unknown publisher'}
              {s.publishedAt && <>, {formatDay(s.publishedAt)}</>}
              {s.preferred && <> · preferred source</>} · {s.figureCount === 1 ? '1 published figure' : `${s.figureCount} published figures`}
            </p>
            {s.figures.length > 0 && (
              <ul>
                {s.figures.map((f) => (
                  <li key={f.id}>
                    <a href={`/figures/${f.id}`}>{f.metric}: “{f.valueAsStated ?? formatStatedValue(f, f.unit)}”</a>, as of {formatDay(f.asOf)}
                  </li>
                ))}
                {s.figureCount > s.figures.length && <li className="muted">and {s.figureCount - s.figures.length} more</li>}
              </ul>
            )}
          </section>
        );
      })}
      {nextBefore && <nav className="pager" aria-label="Pages"><a href={`/sources?before=${nextBefore}`}>Older sources →</a></nav>}
    </>
  );
}
