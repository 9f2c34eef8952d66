// The figure form's dates: a running total is true "as of" a day; a count per
// period covers a period (one day is a period of one day).
import type { MetricKind } from '@/lib/vocabulary';
import { describedBy, FieldError } from './FieldError';

export function FigureDateFields({ kind, values, errors }: { kind: MetricKind | undefined; values: Record<string, string>; errors?: Record<string, string> }) {
  if (kind === 'FLOW') {
    return (
      <fieldset>
        <legend>Period</legend>
        <label htmlFor="periodStart">From</label>
        <input id="periodStart" name="periodStart" type="date" defaultValue={values.periodStart} aria-describedby={describedBy('periodStart', errors)} />
        <FieldError name="periodStart" errors={errors} />
        <label htmlFor="periodEnd">To</label>
        <input id="periodEnd" name="periodEnd" type="date" defaultValue={values.periodEnd ?? values.asOf} aria-describedby={describedBy('periodEnd', errors)} />
        <FieldError name="periodEnd" errors={errors} />
        <FieldError name="asOf" errors={errors} />
      </fieldset>
    );
  }
  return (
    <>
      <label htmlFor="asOf">As of</label>
      <input id="asOf" name="asOf" type="date" defaultValue={values.asOf} aria-describedby={describedBy('asOf', errors)} />
      <FieldError name="asOf" errors={errors} />
    </>
  );
}
