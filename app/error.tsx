'use client';
// The error boundary for pages: a short honest message, the request id the server
// logged the error under (instrumentation.ts logs it with this digest), and a retry.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="empty-state">
      <h1>This page could not be loaded</h1>
      <p>Something went wrong on our side while reading the figures. Try again; if it keeps failing, report request id {error.digest ?? 'unknown'}.</p>
      <button type="button" onClick={() => reset()}>Try again</button>
    </div>
  );
}
