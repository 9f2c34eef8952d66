'use client';
// The review queue: drafts oldest first, each with its source, quote and value as
// stated side by side. Keyboard: J/K move, X selects, P publishes, O opens. Selected
// drafts are published together in one transaction, or not at all.
import { useCallback, useEffect, useRef, useState } from 'react';
import { publishItemValue, type ReviewItem } from '@/lib/figures/reviewQueue';
import type { FormAction, RecordFormState } from '@/lib/validation/recordFormState';
import { useKeptForm } from './useKeptForm';

export const SHORTCUTS: Array<[string, string]> = [
  ['J', 'next draft'],
  ['K', 'previous draft'],
  ['X', 'select or unselect'],
  ['P', 'publish this draft'],
  ['O', 'open this draft'],
];

interface Props {
  drafts: ReviewItem[];
  total: number;
  publish: FormAction<RecordFormState>;
}

export function ReviewQueue({ drafts, total, publish }: Props) {
  const { state, pending, submit, formProps } = useKeptForm<RecordFormState>(publish, { status: 'idle' });
  const [active, setActive] = useState(0);
  const [chosen, setChosen] = useState<Set<number>>(() => new Set());
  const items = useRef<Array<HTMLElement | null>>([]);
  const status = useRef<HTMLParagraphElement>(null);
  // Published drafts leave the list when the page refreshes; forget them.
  const selected = new Set([...chosen].filter((id) => drafts.some((d) => d.id === id && !d.blocked)));
  const current = drafts[Math.min(active, drafts.length - 1)];

  const toggle = useCallback((id: number) => {
    setChosen((all) => {
      const next = new Set(all);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);

  const move = useCallback(
    (step: number) => {
      const next = Math.max(0, Math.min(drafts.length - 1, active + step));
      setActive(next);
      items.current[next]?.focus();
    },
    [active, drafts.length],
  );

  const publishOne = useCallback(
    (item: ReviewItem) => {
      const data = new FormData();
      data.append('figure', publishItemValue(item));
      submit(data);
    },
    [submit],
  );

  useEffect(() => {
    if (state.status !== 'idle') status.current?.focus();
  }, [state]);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement;
      if (event.ctrlKey || event.metaKey || event.altKey || !current) return;
      if (target.closest('input:not([type=checkbox]), textarea, select, [contenteditable]')) return;
      const key = event.key.toLowerCase();
      if (key === 'j') move(1);
      else if (key === 'k') move(-1);
      else if (key === 'x' && !current.blocked) toggle(current.id);
      else if (key === 'p' && !current.blocked && !pending) publishOne(current);
      else if (key === 'o') window.location.assign(`/admin/figures/${current.id}/edit`);
      else return;
      event.preventDefault();
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [current, move, toggle, publishOne, pending]);

  return (
    <>
      <section aria-labelledby="shortcuts-heading" className="shortcuts">
        <h2 id="shortcuts-heading" className="shortcuts-title">Keyboard shortcuts</h2>
        <dl>
          {SHORTCUTS.map(([key, what]) => (
            <div key={key}><dt><kbd>{key}</kbd></dt><dd>{what}</dd></div>
          ))}
        </dl>
      </section>
      <p ref={status} tabIndex={-1} role="status" className={state.status === 'error' ? 'notice notice-error' : state.status === 'done' ? 'notice notice-success' : 'visually-hidden'}>
        {state.message ?? ''}
      </p>
      {drafts.length === 0 ? (
        <div className="empty-state">
          <p>No drafts are waiting for review.</p>
          <p><a href="/admin/figures/new">Enter a figure</a> or <a href="/admin/extract">extract figures from a report</a>.</p>
        </div>
      ) : (
        <form {...formProps} aria-label="Drafts to review">
          <div className="toolbar">
            <button type="submit" className="button-primary" disabled={pending || selected.size === 0} aria-busy={pending}>
              {selected.size === 0 ? 'Publish selected' : `Publish ${selected.size} selected`}
            </button>
            <span className="muted">
              {drafts.length < total ? `The ${drafts.length} oldest of ${total} drafts.` : `${total} draft${total === 1 ? '' : 's'}, oldest first.`}
            </span>
          </div>
          <ol className="review-list">
            {drafts.map((d, i) => (
              <li key={d.id}>
                <article
                  ref={(el) => { items.current[i] = el; }}
                  tabIndex={i === active ? 0 : -1}
                  className="review-item"
                  aria-current={i === active ? 'true' : undefined}
                  aria-labelledby={`draft-${d.id}-title`}
                  onFocus={() => setActive(i)}
                  data-figure-id={d.id}
                >
                  <header className="review-item-head">
                    <label className="choice">
                      <input type="checkbox" name="figure" value={publishItemValue(d)} checked={selected.has(d.id)} disabled={!!d.blocked} onChange={() => toggle(d.id)} aria-describedby={d.blocked ? `draft-${d.id}-blocked` : undefined} />
                      <span className="visually-hidden">Select figure {d.id}</span>
                    </label>
                    <h3 id={`draft-${d.id}-title`} className="review-item-title">
                      <a href={`/admin/figures/${d.id}/edit`}>Figure {d.id}</a>: {d.metric}, {d.day}{d.places ? `, ${d.places}` : ''}
                    </h3>
                  </header>
                  <div className="review-columns">
                    <div>
                      <h4>Source</h4>
                      <p>{d.source.url ? <a href={d.source.url} rel="noreferrer noopener" target="_blank">{d.source.title}</a> : d.source.title}</p>
                      <p className="muted">{[d.source.publisher, d.source.publishedAt].filter(Boolean).join(', ')}</p>
                    </div>
                    <div>
                      <h4>Quote</h4>
                      {d.quote ? <blockquote>{d.quote}</blockquote> : <p className="field-hint warning">No quote yet.</p>}
                      {d.attribution && <p className="muted">— {d.attribution}</p>}
                    </div>
                    <div>
                      <h4>Value as stated</h4>
                      <p className="review-value">{d.valueAsStated ? `“${d.valueAsStated}”` : '—'}</p>
                      <p className="muted">Reads as {d.reading}</p>
                    </div>
                  </div>
                  <footer className="review-item-foot">
                    <span className="muted">Entered {d.createdAt.slice(0, 10)}{d.lastEditor ? `, last change by ${d.lastEditor}` : ''}</span>
                    {d.blocked ? (
                      <span id={`draft-${d.id}-blocked`} className="field-hint warning">{d.blocked}</span>
                    ) : (
                      <button type="button" className="button-secondary" disabled={pending} onClick={() => publishOne(d)}>Publish figure {d.id}</button>
                    )}
                  </footer>
                </article>
              </li>
            ))}
          </ol>
        </form>
      )}
    </>
  );
}
