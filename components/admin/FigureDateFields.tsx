// The figure form's dates: a running total is true "as of" a day; a count per
// period covers a period (a count for one day may fill either end).
import type { MetricKind } from '@/lib/vocabulary';
import { errorProps, FieldError } from './FieldError';

/** The control an "as of" error points to: the period's first day for a count per period. */
export const dateTarget = (kind: MetricKind | undefined) => (kind === 'FLOW' ? 'periodStart' : 'asOf');

export function FigureDateFields({ kind, values, errors }: { kind: MetricKind | undefined; values: Record<string, string>; errors?: Record<string, string> }) {
  if (kind === 'FLOW') {
    // An "as of" error belongs to the period here; both period inputs point at it.
    const asOfError = errors?.asOf ? 'asOf-error' : undefined;
    const props = (name: string) => {
      const p = errorProps(name, errors, [asOfError, 'period-hint'].filter(Boolean).join(' '));
      return { ...p, 'aria-invalid': p['aria-invalid'] ?? (asOfError ? (true as const) : undefined) };
    };
    return (
      <fieldset>
        <legend>Day or period counted</legend>
        <p id="period-hint" className="field-hint">For a count on one day, fill either date.</p>
        <div className="field-grid">
          <div className="field">
            <label htmlFor="periodStart">From</label>
            <input id="periodStart" name="periodStart" type="date" defaultValue={values.periodStart} {...props('periodStart')} />
            <FieldError name="periodStart" errors={errors} />
          </div>
          <div className="field">
            <label htmlFor="periodEnd">To</label>
            <input id="periodEnd" name="periodEnd" type="date" defaultValue={values.periodEnd ?? values.asOf} {...props('periodEnd')} />
            <FieldError name="periodEnd" errors={errors} />
          </div>
        </div>
        <FieldError name="asOf" errors={errors} />
      </fieldset>
    );
  }
  return (
    <div className="field">
      <label htmlFor="asOf">As of</label>
      <input id="asOf" name="asOf" type="date" defaultValue={values.asOf} {...errorProps('asOf', errors, 'asOf-hint')} />
      <p id="asOf-hint" className="field-hint">The day the total is true for.</p>
      <FieldError name="asOf" errors={errors} />
    </div>
  );
}
