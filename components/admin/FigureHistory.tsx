import { diffSnapshots, type FigureSnapshot } from '@/lib/figures/figureSnapshot';

interface Revision {
  id: bigint;
  version: number;
  action: string;
  before: unknown;
  after: unknown;
  reason: string | null;
  createdAt: Date;
  user: { name: string; email: string } | null;
}

/** A figure's revisions as a timeline, newest first, each with the fields it changed. */
export function FigureHistory({ revisions }: { revisions: Revision[] }) {
  if (revisions.length === 0) return <p className="muted">No history.</p>;
  return (
    <ol className="timeline">
      {revisions.map((r) => {
        const fields = r.action === 'CREATE' ? [] : diffSnapshots(r.before as Partial<FigureSnapshot> | null, r.after as Partial<FigureSnapshot> | null);
        return (
          <li key={String(r.id)}>
            <p>
              <time dateTime={r.createdAt.toISOString()}>{r.createdAt.toISOString().slice(0, 16).replace('T', ' ')} UTC</time> — <strong>{r.action.toLowerCase()}</strong> by {r.user?.name ?? 'system'} (version {r.version})
              {r.reason ? <> — “{r.reason}”</> : null}
            </p>
            {fields.length > 0 && (
              <ul>
                {fields.map((f) => (
                  <li key={f.field}>{f.field}: {String(f.before ?? '—')} → {String(f.after ?? '—')}</li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
