// Skeleton while the server renders a page: the shapes of cards and charts.
export default function Loading() {
  return (
    <div aria-busy="true" aria-live="polite">
      <p className="visually-hidden">Loading figures…</p>
      <div className="skeleton skeleton-title" />
      <div className="headline-cards">
        {[0, 1, 2].map((i) => <div key={i} className="card skeleton skeleton-card" />)}
      </div>
      {[0, 1].map((i) => <div key={i} className="chart-panel skeleton skeleton-chart" />)}
    </div>
  );
}
