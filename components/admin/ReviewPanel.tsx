'use client';
// A figure's review actions, kept apart: Publish sits at the top of the page;
// Retract sits at the foot, behind a confirmation that asks for the reason.
import { useEffect, useRef, useState } from 'react';
import type { FormAction, RecordFormState as ReviewState } from '@/lib/validation/recordFormState';
import { errorProps, FieldError } from './FieldError';
import { useKeptForm } from './useKeptForm';

interface PublishProps {
  figureId: number;
  version: number;
  hasQuote: boolean;
  canPublish: boolean;
  reviewRequired: boolean;
  lastEditor: string | null;
  publishAction: FormAction<ReviewState>;
}

export function PublishPanel(p: PublishProps) {
  const { state, pending, formProps } = useKeptForm<ReviewState>(p.publishAction, { status: 'idle' });
  const blocked = !p.hasQuote || !p.canPublish;
  return (
    <form {...formProps} className="panel publish-panel">
      <input type="hidden" name="figureId" value={p.figureId} />
      <input type="hidden" name="version" value={p.version} />
      {state.status === 'error' && <p role="alert" className="notice notice-error">{state.message}</p>}
      {!p.hasQuote && <p className="field-hint warning">Add the quote before publishing.</p>}
      {p.hasQuote && !p.canPublish && p.reviewRequired && (
        <p className="field-hint">Review is required and you made the last change{p.lastEditor ? ` (${p.lastEditor})` : ''}: someone else must publish.</p>
      )}
      <button type="submit" className="button-primary" disabled={pending || blocked} aria-busy={pending}>Publish</button>
    </form>
  );
}

interface RetractProps {
  figureId: number;
  version: number;
  retractAction: FormAction<ReviewState>;
}

export function RetractPanel(p: RetractProps) {
  const { state, pending, formProps } = useKeptForm<ReviewState>(p.retractAction, { status: 'idle' });
  const [open, setOpen] = useState(false);
  const reason = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (open) reason.current?.focus();
  }, [open]);
  if (!open) {
    return (
      <button type="button" className="button-danger-outline" aria-expanded="false" onClick={() => setOpen(true)}>
        Retract this figure…
      </button>
    );
  }
  const errors = state.fieldErrors;
  return (
    <form {...formProps} className="panel danger-panel" aria-labelledby="retract-heading" noValidate>
      <h3 id="retract-heading">Retract this figure?</h3>
      <p>It leaves the charts and stays in history and exports with status “retracted”. This cannot be undone.</p>
      <input type="hidden" name="figureId" value={p.figureId} />
      <input type="hidden" name="version" value={p.version} />
      {state.status === 'error' && !errors && <p role="alert" className="notice notice-error">{state.message}</p>}
      <div className="field">
        <label htmlFor="reason">Reason for retracting</label>
        <textarea ref={reason} id="reason" name="reason" rows={2} aria-required="true" {...errorProps('reason', errors, 'reason-hint')} />
        <p id="reason-hint" className="field-hint">Shown in the figure’s history, e.g. “Duplicate of figure 12” or “Source corrected the number”.</p>
        <FieldError name="reason" errors={errors} />
      </div>
      <div className="form-actions">
        <button type="submit" className="button-danger" disabled={pending} aria-busy={pending}>Retract figure</button>
        <button type="button" className="button-secondary" onClick={() => setOpen(false)}>Cancel</button>
      </div>
    </form>
  );
}
