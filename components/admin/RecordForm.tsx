'use client';
// A plain record form (source, place, event, metric) built from a field list. A failed
// save keeps every value (useKeptForm), marks each invalid field and lists them all in
// a summary that takes focus.
import type { RecordFormState } from '@/lib/validation/recordFormState';
import { ErrorSummary } from './ErrorSummary';
import { errorProps } from './FieldError';
import { useKeptForm } from './useKeptForm';

export interface FieldSpec {
  name: string;
  label: string;
  type?: 'text' | 'url' | 'date' | 'number' | 'textarea' | 'select' | 'checkbox';
  options?: Array<{ value: string; label: string }>;
  hint?: string;
}

type Action = (prev: RecordFormState, formData: FormData) => Promise<RecordFormState>;

export function RecordForm({ action, fields, initial, hidden, submitLabel, danger }: { action: Action; fields: FieldSpec[]; initial: Record<string, string>; hidden?: Record<string, string>; submitLabel: string; danger?: boolean }) {
  const { state, pending, formProps } = useKeptForm<RecordFormState>(action, { status: 'idle' });
  // The summary lists problems in the order the fields appear.
  const order = (name: string) => { const i = fields.findIndex((f) => f.name === name); return i < 0 ? fields.length : i; };
  const errors = state.fieldErrors && Object.fromEntries(Object.entries(state.fieldErrors).sort(([a], [b]) => order(a) - order(b)));
  const prefix = submitLabel.replace(/\W+/g, '-').toLowerCase();
  const idFor = (name: string) => `${prefix}-${name}`;
  // Errors about a field this form does not show (a hidden id, say) stay in the summary only.
  const shown = new Set(fields.map((f) => f.name));
  return (
    <form {...formProps} className="form" noValidate>
      {Object.entries(hidden ?? {}).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
      {state.status === 'error' && (
        <ErrorSummary
          message={state.message!}
          errors={errors}
          targets={Object.fromEntries(fields.map((f) => [f.name, idFor(f.name)]))}
          labels={Object.fromEntries(fields.map((f) => [f.name, f.label]))}
          focusKey={state}
        />
      )}
      {fields.map((f) => {
        const id = idFor(f.name);
        const hintId = f.hint ? `${id}-hint` : undefined;
        const common = { id, name: f.name, ...errorProps(f.name, errors, hintId) };
        if (common['aria-describedby']) common['aria-describedby'] = common['aria-describedby'].replace(`${f.name}-error`, `${id}-error`);
        return (
          <div key={f.name} className={f.type === 'checkbox' ? 'field field-check' : 'field'}>
            {f.type === 'checkbox' ? (
              <label className="choice" htmlFor={id}>
                <input {...common} type="checkbox" value="on" defaultChecked={initial[f.name] === 'on'} /> {f.label}
              </label>
            ) : (
              <label htmlFor={id}>{f.label}</label>
            )}
            {f.type === 'textarea' ? (
              <textarea {...common} rows={3} defaultValue={initial[f.name]} />
            ) : f.type === 'select' ? (
              <select {...common} defaultValue={initial[f.name]}>
                {f.options!.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
              </select>
            ) : f.type === 'checkbox' ? null : (
              <input {...common} type={f.type ?? 'text'} defaultValue={initial[f.name]} />
            )}
            {f.hint && <p id={hintId} className="field-hint">{f.hint}</p>}
            {shown.has(f.name) && errors?.[f.name] && <p id={`${id}-error`} className="field-error">{errors[f.name]}</p>}
          </div>
        );
      })}
      <div className="form-actions">
        <button type="submit" className={danger ? 'button-danger' : 'button-primary'} disabled={pending} aria-busy={pending}>{submitLabel}</button>
      </div>
    </form>
  );
}
