// "Cite this view": a plain form (works without JavaScript) that freezes the
// view in a snapshot and opens its page, /s/<id>, with the citation to copy.
export function CiteViewForm({ view, query, label }: { view: 'chart' | 'table'; query: string; label?: string }) {
  return (
    <form action="/api/v1/snapshots" method="post" className="cite-form">
      <input type="hidden" name="view" value={view} />
      <input type="hidden" name="query" value={query} />
      <button type="submit" aria-label={label}>Cite this view</button>
    </form>
  );
}
