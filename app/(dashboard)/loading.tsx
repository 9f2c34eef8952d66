// Skeleton while the overview renders: the shapes of cards and charts. It lives in
// this route group, not at the root, because a loading boundary starts the response
// (status 200) before a page below it could redirect, answer 404 or 403.
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
