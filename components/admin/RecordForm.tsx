'use client';
// A plain record form (source, place, event, metric) built from a field list, with
// errors beside fields and typed values kept on error.
import { useActionState } from 'react';
import type { RecordFormState } from '@/lib/validation/recordFormState';
import { describedBy, FieldError } from './FieldError';

export interface FieldSpec {
  name: string;
  label: string;
  type?: 'text' | 'url' | 'date' | 'number' | 'textarea' | 'select' | 'checkbox';
  options?: Array<{ value: string; label: string }>;
  hint?: string;
}

type Action = (prev: RecordFormState, formData: FormData) => Promise<RecordFormState>;

export function RecordForm({ action, fields, initial, hidden, submitLabel }: { action: Action; fields: FieldSpec[]; initial: Record<string, string>; hidden?: Record<string, string>; submitLabel: string }) {
  const [state, formAction, pending] = useActionState<RecordFormState, FormData>(action, { status: 'idle' });
  const values = state.values ?? initial;
  const errors = state.fieldErrors;
  return (
    <form action={formAction} className="stack-form">
      {Object.entries(hidden ?? {}).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
      {state.status === 'error' && <p role="alert" className="form-error">{state.message}</p>}
      {fields.map((f) => {
        const id = `${submitLabel.replace(/\W+/g, '-').toLowerCase()}-${f.name}`;
        const common = { id, name: f.name, 'aria-describedby': describedBy(f.name, errors, f.hint ? `${id}-hint` : undefined) };
        return (
          <div key={f.name} className="field">
            <label htmlFor={id}>{f.label}</label>
            {f.type === 'textarea' ? (
              <textarea {...common} rows={3} defaultValue={values[f.name]} />
            ) : f.type === 'select' ? (
              <select {...common} defaultValue={values[f.name]}>
                {f.options!.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
              </select>
            ) : f.type === 'checkbox' ? (
              <input {...common} type="checkbox" value="on" defaultChecked={values[f.name] === 'on'} />
            ) : (
              <input {...common} type={f.type ?? 'text'} defaultValue={values[f.name]} />
            )}
            {f.hint && <p id={`${id}-hint`} className="field-hint">{f.hint}</p>}
            <FieldError name={f.name} errors={errors} />
          </div>
        );
      })}
      <button type="submit" disabled={pending}>{submitLabel}</button>
    </form>
  );
}
