// One card per metric: a stock's latest headline with its citation, or a flow's
// total for the selected period, each with a sparkline.
import { Sparkline } from '@/components/charts/Sparkline';
import type { Series } from '@/lib/figures/getSeries';
import { combineQualifiers } from '@/lib/figures/combineQualifiers';
import { formatCount, formatExact, formatStatedValue } from '@/lib/figures/formatValue';
import { figureHref } from '@/lib/figures/chartData';
import { formatDay } from '@/lib/figures/formatDay';

function StockCard({ s, vintage }: { s: Series; vintage?: string }) {
  const last = s.points.at(-1)!;
  const claim = last.claimDetails?.[0];
  return (
    <>
      <p className="card-value" title={`${formatExact(last.low)}${last.low !== last.high ? `–${formatExact(last.high)}` : ''} ${s.unit}`}>
        {formatStatedValue({ qualifier: last.qualifier, low: last.low, high: last.high, valueAsStated: claim?.valueAsStated })}
      </p>
      <p className="muted">
        as of {formatDay(last.date)}
        {claim && (
          <>
            {' · '}
            <a href={figureHref(claim.id, vintage)}>{claim.source.publisher ?? claim.source.title}</a>
          </>
        )}
      </p>
    </>
  );
}

function FlowCard({ s, from, to }: { s: Series; from: string; to: string }) {
  const low = s.points.reduce((sum, p) => sum + p.low, 0n);
  const high = s.points.reduce((sum, p) => sum + p.high, 0n);
  const qualifier = combineQualifiers(s.points.map((p) => p.qualifier), low, high);
  return (
    <>
      <p className="card-value" title={`${formatExact(low)}${low !== high ? `–${formatExact(high)}` : ''} ${s.unit}`}>
        {qualifier === 'RANGE' ? formatStatedValue({ qualifier, low, high }) : `${qualifier === 'AT_LEAST' ? 'at least ' : qualifier === 'AT_MOST' ? 'up to ' : qualifier === 'APPROXIMATE' ? 'about ' : ''}${formatCount(low)}`}
      </p>
      <p className="muted">total, {formatDay(from)} – {formatDay(to)}</p>
    </>
  );
}

export function HeadlineCards({ series, from, to, vintage }: { series: Series[]; from: string; to: string; vintage?: string }) {
  return (
    <ul className="headline-cards" aria-label="Headline figures">
      {series.map((s) => (
        <li key={s.metric} className="card">
          <h2 className="card-title">{s.label}</h2>
          {s.points.length === 0 ? (
            <p className="muted">No figures in this view.</p>
          ) : s.kind === 'STOCK' ? (
            <StockCard s={s} vintage={vintage} />
          ) : (
            <FlowCard s={s} from={from} to={to} />
          )}
          <Sparkline values={s.points.map((p) => Number(p.value))} label={`Trend of ${s.label.toLowerCase()}`} />
        </li>
      ))}
    </ul>
  );
}
