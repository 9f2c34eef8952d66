'use client';
// The error boundary for pages: a short honest message, the reference the
// server logged, and a retry that re-renders the segment.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="empty-state">
      <h1>This page could not be loaded</h1>
      <p>Something went wrong on our side while reading the figures. Try again; if it keeps failing, report reference {error.digest ?? 'unknown'}.</p>
      <button type="button" onClick={() => reset()}>Try again</button>
    </div>
  );
}
