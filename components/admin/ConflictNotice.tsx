import type { ConflictDetails } from '@/lib/figures/conflictError';

/** Shown when a save lost the race: the other person's change, field by field. */
export function ConflictNotice({ message, conflict, figureId }: { message: string; conflict: ConflictDetails; figureId: number }) {
  return (
    <div role="alert" className="form-error conflict">
      <p>{message}</p>
      {conflict.changes.map((c) => (
        <div key={c.version}>
          <p>
            Version {c.version}: {c.action.toLowerCase()} by {c.by} at {c.at.slice(0, 16).replace('T', ' ')} UTC
          </p>
          <div className="table-wrap">
          <table>
            <thead><tr><th>Field</th><th>Was</th><th>Now</th></tr></thead>
            <tbody>
              {c.fields.map((f) => (
                <tr key={f.field}><td>{f.field}</td><td>{String(f.before ?? '—')}</td><td>{String(f.after ?? '—')}</td></tr>
              ))}
            </tbody>
          </table></div>
        </div>
      ))}
      <p><a href={`/admin/figures/${figureId}/edit`}>Reload the figure</a> to edit the current version; your typed values stay in the form below until you do.</p>
    </div>
  );
}
