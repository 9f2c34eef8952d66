'use client';
// The extract page's interactive part: source details and report text, "Find figures",
// then the candidates beside the text and "Save selected as drafts". Both steps are server
// actions driven through useActionState, so the server re-checks the session each time.
import { useActionState, useEffect, useRef, useState, startTransition } from 'react';
import type { CandidateFormValues } from '@/lib/extract/draftInput';
import type { ExtractOptions } from '@/lib/extract/listExtractOptions';
import type { ExtractInput, ExtractState, SaveState } from '@/lib/extract/pageState';
import { MAX_TEXT_CHARS } from '@/lib/extract/limits';
import { CandidateList } from './CandidateList';
import styles from './Extract.module.css';

type ExtractAction = (prev: ExtractState, input: ExtractInput) => Promise<ExtractState>;
type SaveAction = (prev: SaveState, input: { source: Source; candidates: CandidateFormValues[] }) => Promise<SaveState>;
type Source = { url: string; title: string; publisher: string; publishedAt: string };

const SOURCE_FIELDS: Array<{ name: keyof Source; label: string; type: string; hint?: string }> = [
  { name: 'url', label: 'Source URL', type: 'url', hint: 'If a source with this URL exists, the figures are added to it.' },
  { name: 'title', label: 'Title', type: 'text' },
  { name: 'publisher', label: 'Publisher', type: 'text', hint: 'Matched by name; a new organisation is created if needed.' },
  { name: 'publishedAt', label: 'Published date', type: 'date', hint: 'Relative dates such as “on Tuesday” count back from it.' },
];

export function ExtractWorkbench({ options, extractAction, saveAction }: { options: ExtractOptions; extractAction: ExtractAction; saveAction: SaveAction }) {
  const [extracted, extract, extracting] = useActionState(extractAction, { status: 'idle', run: 0, text: '', candidates: [] });
  const [saved, save, saving] = useActionState(saveAction, { status: 'idle', fieldErrors: {} });
  const [source, setSource] = useState<Source>({ url: '', title: '', publisher: '', publishedAt: '' });
  const [text, setText] = useState('');
  // Save errors belong to the extraction they were made against; a new extraction clears them.
  const [savedRun, setSavedRun] = useState(0);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const saveMessage = useRef<HTMLDivElement>(null);

  // Move focus to what changed, so keyboard and screen reader users follow along.
  useEffect(() => {
    if (extracted.run > 0) resultsHeading.current?.focus();
  }, [extracted.run]);
  useEffect(() => {
    if (saved.status !== 'idle') saveMessage.current?.focus();
  }, [saved]);

  const saveErrors = savedRun === extracted.run ? saved.fieldErrors : {};
  const errors = { ...(extracted.fieldErrors ?? {}), ...saveErrors };
  const fieldError = (name: string) => errors[name];

  const submitExtract = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(() => extract({ text, publishedAt: source.publishedAt, url: source.url, title: source.title }));
  };
  const submitSave = (candidates: CandidateFormValues[]) => {
    setSavedRun(extracted.run);
    startTransition(() => save({ source, candidates }));
  };

  if (saved.status === 'saved') {
    const count = saved.figureIds?.length ?? 0;
    return (
      <div ref={saveMessage} tabIndex={-1} className={styles.success} role="status">
        <h2>
          Saved {count === 1 ? '1 draft figure' : `${count} draft figures`}
        </h2>
        <p>
          {saved.sourceCreated ? 'A new source was created' : 'They were added to the existing source'} “{source.title || source.url}”.
        </p>
        <ul>
          {saved.figureIds?.map((id) => (
            <li key={id}>
              <a href={`/admin/figures/${id}/edit`}>Review figure {id}</a>
            </li>
          ))}
        </ul>
        <p className={styles.actions}>
          <a className="button-link" href="/admin/figures?status=DRAFT">
            See all drafts
          </a>
          <a href="/admin/extract">Extract another report</a>
        </p>
      </div>
    );
  }

  const textError = fieldError('text');
  return (
    <>
      <form className={styles.sourceForm} onSubmit={submitExtract} noValidate aria-label="Report to extract from">
        <fieldset className={styles.sourceFields}>
          <legend className={styles.fieldLabel}>Source</legend>
          {SOURCE_FIELDS.map((f) => {
            const id = `source-${f.name}`;
            const error = fieldError(`source.${f.name}`);
            const describedBy = [f.hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
            return (
              <div key={f.name} className={styles.field}>
                <label htmlFor={id}>{f.label}</label>
                <input
                  id={id}
                  name={f.name}
                  type={f.type}
                  value={source[f.name]}
                  onChange={(e) => setSource((s) => ({ ...s, [f.name]: e.target.value }))}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={describedBy}
                />
                {f.hint ? <p id={`${id}-hint`} className={styles.hint}>{f.hint}</p> : null}
                {error ? <p id={`${id}-error`} className={styles.error}>{error}</p> : null}
              </div>
            );
          })}
        </fieldset>
        <div className={styles.field}>
          <label htmlFor="report-text">Report text</label>
          <textarea
            id="report-text"
            name="text"
            className={styles.reportText}
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-invalid={textError ? true : undefined}
            aria-describedby={`report-text-hint${textError ? ' report-text-error' : ''}`}
          />
          <p id="report-text-hint" className={styles.hint}>
            Paste the wire report, statement or briefing as plain text ({text.length.toLocaleString('en')} of {MAX_TEXT_CHARS.toLocaleString('en')} characters).
          </p>
          {textError ? <p id="report-text-error" className={styles.error}>{textError}</p> : null}
        </div>
        <div className={styles.actions}>
          <button type="submit" className={styles.button} disabled={extracting} aria-busy={extracting}>
            {extracting ? 'Finding figures…' : 'Find figures'}
          </button>
          <span role="status" aria-live="polite" className="muted">
            {extracting ? 'Reading the report…' : ''}
          </span>
        </div>
      </form>

      {extracted.status === 'error' ? (
        <div role="alert" className={styles.alert}>
          {extracted.message}
        </div>
      ) : null}

      {extracted.status === 'done' ? (
        <>
          <h2 ref={resultsHeading} tabIndex={-1} className="visually-hidden">
            Results
          </h2>
          {saved.status === 'error' && savedRun === extracted.run ? (
            <div ref={saveMessage} tabIndex={-1} role="alert" className={styles.alert}>
              {saved.message}
            </div>
          ) : null}
          {extracted.candidates.length === 0 ? (
            <p className={styles.empty}>No figures found in this text.</p>
          ) : (
            <CandidateList
              key={extracted.run}
              text={extracted.text}
              candidates={extracted.candidates}
              options={options}
              errors={saveErrors}
              saving={saving}
              onSave={submitSave}
            />
          )}
        </>
      ) : null}
    </>
  );
}
