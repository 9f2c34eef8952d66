'use client';
// Pick an existing source by title, URL or publisher, or enter a new one inline.
import { useMemo, useState } from 'react';
import { describedBy, FieldError } from './FieldError';

export interface SourceOption {
  id: number;
  title: string;
  url: string | null;
  publisher: string | null;
  publishedAt: string | null;
}

export function SourcePicker({ sources, values, errors }: { sources: SourceOption[]; values: Record<string, string>; errors?: Record<string, string> }) {
  const [mode, setMode] = useState(values.sourceMode === 'new' ? 'new' : 'existing');
  const [selected, setSelected] = useState(values.sourceId ?? '');
  const [query, setQuery] = useState('');
  const chosen = sources.find((s) => String(s.id) === selected);
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (q.length < 2) return [];
    return sources.filter((s) => [s.title, s.url, s.publisher].some((f) => f?.toLowerCase().includes(q))).slice(0, 10);
  }, [sources, query]);

  return (
    <fieldset>
      <legend>Source</legend>
      <div role="radiogroup" aria-label="Source">
        <label><input type="radio" name="sourceMode" value="existing" checked={mode === 'existing'} onChange={() => setMode('existing')} /> Existing source</label>
        <label><input type="radio" name="sourceMode" value="new" checked={mode === 'new'} onChange={() => setMode('new')} /> New source</label>
      </div>
      {mode === 'existing' ? (
        <>
          <input type="hidden" name="sourceId" value={selected} />
          <label htmlFor="source-search">Search sources</label>
          <input id="source-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Title, URL or publisher" autoComplete="off" aria-describedby={describedBy('sourceId', errors)} />
          {chosen && <p className="picker-chosen">Selected: <strong>{chosen.title}</strong>{chosen.publisher ? ` — ${chosen.publisher}` : ''}</p>}
          <ul className="picker-options">
            {matches.map((s) => (
              <li key={s.id}>
                <button type="button" onClick={() => { setSelected(String(s.id)); setQuery(''); }}>
                  {s.title}{s.publisher ? ` — ${s.publisher}` : ''}{s.publishedAt ? ` (${s.publishedAt})` : ''}
                </button>
              </li>
            ))}
          </ul>
          <FieldError name="sourceId" errors={errors} />
        </>
      ) : (
        <>
          {([
            ['sourceUrl', 'Source URL', 'url'],
            ['sourceTitle', 'Source title', 'text'],
            ['sourcePublisher', 'Publisher', 'text'],
            ['sourcePublishedAt', 'Published on', 'date'],
            ['sourceAccessedAt', 'Accessed on', 'date'],
          ] as const).map(([name, label, type]) => (
            <div key={name}>
              <label htmlFor={name}>{label}</label>
              <input id={name} name={name} type={type} defaultValue={values[name]} aria-describedby={describedBy(name, errors)} />
              <FieldError name={name} errors={errors} />
            </div>
          ))}
        </>
      )}
    </fieldset>
  );
}
