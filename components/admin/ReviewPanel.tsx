'use client';
import { useActionState } from 'react';
import type { FormAction, RecordFormState as ReviewState } from '@/lib/validation/recordFormState';
import { FieldError } from './FieldError';

interface Props {
  figureId: number;
  version: number;
  status: 'DRAFT' | 'PUBLISHED' | 'RETRACTED';
  hasQuote: boolean;
  canPublish: boolean;
  reviewRequired: boolean;
  lastEditor: string | null;
  retractedReason: string | null;
  publishAction: FormAction<ReviewState>;
  retractAction: FormAction<ReviewState>;
}

export function ReviewPanel(p: Props) {
  const [publishState, publish, publishing] = useActionState<ReviewState, FormData>(p.publishAction, { status: 'idle' });
  const [retractState, retract, retracting] = useActionState<ReviewState, FormData>(p.retractAction, { status: 'idle' });
  if (p.status === 'RETRACTED') return <p className="form-warning">Retracted: {p.retractedReason}</p>;
  return (
    <div className="review-panel">
      {p.status === 'DRAFT' && (
        <form action={publish}>
          <input type="hidden" name="figureId" value={p.figureId} />
          <input type="hidden" name="version" value={p.version} />
          {publishState.status === 'error' && <p role="alert" className="form-error">{publishState.message}</p>}
          {!p.hasQuote && <p className="field-hint warning">Add the quote before publishing.</p>}
          {!p.canPublish && p.reviewRequired && <p className="field-hint">Review is required and you made the last change{p.lastEditor ? ` (${p.lastEditor})` : ''}: someone else must publish.</p>}
          <button type="submit" disabled={publishing}>Publish</button>
        </form>
      )}
      <form action={retract}>
        <input type="hidden" name="figureId" value={p.figureId} />
        <input type="hidden" name="version" value={p.version} />
        {retractState.status === 'error' && !retractState.fieldErrors && <p role="alert" className="form-error">{retractState.message}</p>}
        <label htmlFor="reason">Reason for retracting</label>
        <input id="reason" name="reason" aria-describedby={retractState.fieldErrors?.reason ? 'reason-error' : undefined} />
        <FieldError name="reason" errors={retractState.fieldErrors} />
        <button type="submit" disabled={retracting}>Retract</button>
      </form>
    </div>
  );
}
