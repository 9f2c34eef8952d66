'use client';
// Uploads the file with XHR so the page can show upload progress, then reads the
// server's NDJSON progress lines (rows checked) and the final report.
import { useRef, useState } from 'react';

interface RowError { row: number; column: string | null; message: string }
interface Report { dryRun: boolean; committed: boolean; rows: number; newRows: number; duplicate: number; invalid: number; errors: RowError[]; warnings: string[] }
type Phase = { kind: 'idle' } | { kind: 'uploading'; percent: number; rows: number } | { kind: 'done'; report: Report } | { kind: 'error'; message: string };

function send(file: File, dryRun: boolean, status: string, onPhase: (p: Phase) => void) {
  const xhr = new XMLHttpRequest();
  const query = new URLSearchParams({ dryRun: dryRun ? '1' : '0', status, fileName: file.name });
  xhr.open('POST', `/api/v1/figures/import?${query}`);
  xhr.setRequestHeader('accept', 'application/x-ndjson');
  xhr.setRequestHeader('content-type', 'text/csv');
  let rows = 0;
  let percent = 0;
  xhr.upload.onprogress = (e) => {
    if (e.lengthComputable) percent = Math.round((e.loaded / e.total) * 100);
    onPhase({ kind: 'uploading', percent, rows });
  };
  xhr.onprogress = () => {
    for (const line of xhr.responseText.trim().split('\n')) {
      if (!line) continue;
      const message = JSON.parse(line);
      if (message.type === 'progress') rows = message.rows;
    }
    onPhase({ kind: 'uploading', percent, rows });
  };
  xhr.onload = () => {
    const last = xhr.responseText.trim().split('\n').at(-1);
    try {
      const message = last ? JSON.parse(last) : null;
      if (message?.type === 'report') return onPhase({ kind: 'done', report: message.report });
      onPhase({ kind: 'error', message: message?.error?.message ?? `The server answered ${xhr.status}.` });
    } catch {
      onPhase({ kind: 'error', message: `The server answered ${xhr.status}.` });
    }
  };
  xhr.onerror = () => onPhase({ kind: 'error', message: 'The upload failed; check your connection and try again.' });
  xhr.send(file);
}

export function ImportForm({ canPublish }: { canPublish: boolean }) {
  const fileRef = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState('DRAFT');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [previewed, setPreviewed] = useState<File | null>(null);

  const run = (dryRun: boolean) => {
    const file = fileRef.current?.files?.[0];
    if (!file) return setPhase({ kind: 'error', message: 'Choose a CSV file first.' });
    setPhase({ kind: 'uploading', percent: 0, rows: 0 });
    send(file, dryRun, status, (p) => {
      setPhase(p);
      if (p.kind === 'done' && p.report.dryRun) setPreviewed(p.report.invalid === 0 ? file : null);
    });
  };

  return (
    <form onSubmit={(e) => { e.preventDefault(); run(true); }} aria-describedby="import-status">
      <p>
        <label htmlFor="import-file">CSV file</label>{' '}
        <input id="import-file" ref={fileRef} type="file" accept=".csv,text/csv" onChange={() => { setPreviewed(null); setPhase({ kind: 'idle' }); }} />
      </p>
      {canPublish && (
        <p>
          <label htmlFor="import-status-select">Import as</label>{' '}
          <select id="import-status-select" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="DRAFT">Draft</option>
            <option value="PUBLISHED">Published</option>
          </select>
        </p>
      )}
      <p>
        <button type="submit" disabled={phase.kind === 'uploading'}>Preview import</button>{' '}
        <button type="button" disabled={!previewed || phase.kind === 'uploading'} onClick={() => run(false)}>Commit import</button>
      </p>
      <div id="import-status" aria-live="polite">
        {phase.kind === 'uploading' && (
          <p>
            <label htmlFor="import-progress">Uploading {phase.percent}% · {phase.rows.toLocaleString('en')} rows checked</label>{' '}
            <progress id="import-progress" max={100} value={phase.percent} />
          </p>
        )}
        {phase.kind === 'error' && <p role="alert">{phase.message}</p>}
        {phase.kind === 'done' && <ImportReportView report={phase.report} />}
      </div>
    </form>
  );
}

function ImportReportView({ report }: { report: Report }) {
  return (
    <div>
      <p role="status">
        {report.committed ? 'Imported' : report.dryRun ? 'Preview' : 'Nothing imported'}: {report.newRows} new, {report.duplicate} duplicate,{' '}
        {report.invalid} invalid of {report.rows} rows.
        {!report.dryRun && !report.committed && ' Fix the invalid rows and try again; nothing was written.'}
      </p>
      {report.warnings.map((w) => <p key={w} className="muted">{w}</p>)}
      {report.errors.length > 0 && (
        <div className="table-wrap">
        <table>
          <caption>Invalid rows</caption>
          <thead><tr><th scope="col">Row</th><th scope="col">Column</th><th scope="col">Problem</th></tr></thead>
          <tbody>
            {report.errors.slice(0, 500).map((e, i) => (
              <tr key={i}><td>{e.row}</td><td>{e.column ?? '—'}</td><td>{e.message}</td></tr>
            ))}
          </tbody>
        </table></div>
      )}
      {report.errors.length > 500 && <p>… and {report.errors.length - 500} more problems. Fix these first.</p>}
    </div>
  );
}
