// A figure's history as a timeline, newest first.
import type { Revision } from '@/lib/figures/getFigure';

const ACTIONS: Record<string, string> = { CREATE: 'Created', UPDATE: 'Edited', PUBLISH: 'Published', UNPUBLISH: 'Unpublished', RETRACT: 'Retracted', IMPORT: 'Imported', MERGE: 'Merged' };

export function RevisionTimeline({ revisions }: { revisions: Revision[] }) {
  if (revisions.length === 0) return <p className="muted">No recorded changes.</p>;
  return (
    <ol className="timeline" aria-label="Revision history">
      {revisions.map((r) => (
        <li key={r.id} id={`revision-${r.id}`}>
          <strong>{ACTIONS[r.action] ?? r.action}</strong> (version {r.version}) on <time>{r.createdAt}</time>
          {r.user ? ` by ${r.user}` : ''}
          {r.changed.length > 0 && <> — changed {r.changed.join(', ')}</>}
          {r.reason && <div className="muted">Reason: {r.reason}</div>}
        </li>
      ))}
    </ol>
  );
}
