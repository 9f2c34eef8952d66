'use client';
// The extract page's first step: the source's details and the pasted report.
import { TEXT_LIMITS } from '@/lib/vocabulary';
import type { Source } from './ExtractWorkbench';
import styles from './Extract.module.css';

const SOURCE_FIELDS: Array<{ name: keyof Source; label: string; type: string; hint?: string }> = [
  { name: 'publisher', label: 'Publisher', type: 'text', hint: 'Matched by name; a new organisation is created if needed.' },
  { name: 'publishedAt', label: 'Published date', type: 'date', hint: 'Relative dates such as “on Tuesday” count back from it, and figures without a date of their own are dated with it.' },
  { name: 'title', label: 'Title (optional)', type: 'text', hint: 'Without one, the source is named after its publisher and date.' },
  { name: 'url', label: 'Source URL (optional)', type: 'url', hint: 'If a source with this URL exists, the figures are added to it.' },
];

interface Props {
  source: Source;
  onSourceChange: (update: (source: Source) => Source) => void;
  text: string;
  onTextChange: (text: string) => void;
  errors: Record<string, string>;
  extracting: boolean;
  onSubmit: (event: React.FormEvent) => void;
}

export function ReportForm({ source, onSourceChange, text, onTextChange, errors, extracting, onSubmit }: Props) {
  const textError = errors.text;
  return (
    <form className={styles.sourceForm} onSubmit={onSubmit} noValidate aria-label="Report to extract from">
      <fieldset className={styles.sourceFields}>
        <legend className={styles.fieldLabel}>Source</legend>
        {SOURCE_FIELDS.map((f) => {
          const id = `source-${f.name}`;
          const error = errors[`source.${f.name}`];
          const describedBy = [f.hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
          return (
            <div key={f.name} className={styles.field}>
              <label htmlFor={id}>{f.label}</label>
              <input
                id={id}
                name={f.name}
                type={f.type}
                value={source[f.name]}
                onChange={(e) => onSourceChange((s) => ({ ...s, [f.name]: e.target.value }))}
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
          onChange={(e) => onTextChange(e.target.value)}
          aria-invalid={textError ? true : undefined}
          aria-describedby={`report-text-hint${textError ? ' report-text-error' : ''}`}
        />
        <p id="report-text-hint" className={styles.hint}>
          Paste the wire report, statement or briefing as plain text ({text.length.toLocaleString('en')} of {TEXT_LIMITS.extractText.toLocaleString('en')} characters).
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
  );
}
