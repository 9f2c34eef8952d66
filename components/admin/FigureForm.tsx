'use client';
// The figure form: the value as the source states it with a live preview, dates
// that follow the metric's kind, place and source pickers, and the quote check.
import { useActionState, useMemo, useState } from 'react';
import { saveFigureAction } from '@/app/admin/figures/actions';
import type { FigureFormState } from '@/lib/figures/saveFigureForm';
import type { FigureFormOptions } from '@/lib/figures/adminFigures';
import { formatStatedValue, parseStatedValue, QUALIFIERS, type Qualifier } from '@/lib/figures/value';
import { quoteContainsValue } from '@/lib/figures/figureInput';
import { describedBy, FieldError } from './FieldError';
import { PlacePicker } from './PlacePicker';
import { SourcePicker } from './SourcePicker';
import { ConflictNotice } from './ConflictNotice';

const QUALIFIER_LABELS: Record<Qualifier, string> = { EXACT: 'Exact', APPROXIMATE: 'Approximate', AT_LEAST: 'At least', AT_MOST: 'At most', RANGE: 'Range' };

export function FigureForm({ options, initial, figureId, version }: { options: FigureFormOptions; initial: Record<string, string>; figureId?: number; version?: number }) {
  const [state, action, pending] = useActionState<FigureFormState, FormData>(saveFigureAction, { status: 'idle' });
  const v = state.values ?? initial;
  const errors = state.fieldErrors;
  const [metricId, setMetricId] = useState(v.metricId ?? '');
  const [value, setValue] = useState(v.value ?? '');
  const [qualifier, setQualifier] = useState(v.qualifier ?? '');
  const [quote, setQuote] = useState(v.quote ?? '');
  const metric = options.metrics.find((m) => String(m.id) === metricId);
  const preview = useMemo(() => {
    if (!value.trim()) return null;
    const parsed = parseStatedValue(value, (qualifier || undefined) as Qualifier | undefined);
    return parsed.ok ? { ok: true as const, text: formatStatedValue(parsed.value, metric?.unit) } : { ok: false as const, text: parsed.message };
  }, [value, qualifier, metric]);
  const quoteWarning = quote.trim() && value.trim() && !quoteContainsValue(quote, value);

  return (
    <form action={action} className="figure-form" noValidate>
      {figureId && <input type="hidden" name="figureId" value={figureId} />}
      {version && <input type="hidden" name="version" value={version} />}
      {state.status === 'error' && <p role="alert" className="form-error">{state.message}</p>}
      {state.status === 'conflict' && state.conflict && <ConflictNotice message={state.message!} conflict={state.conflict} figureId={figureId!} />}
      {state.status === 'duplicate' && (
        <div role="alert" className="form-warning">
          <p>
            {state.message} <a href={`/admin/figures/${state.duplicateId}/edit`}>Open figure {state.duplicateId}</a>
          </p>
          <label>
            <input type="checkbox" name="confirmDuplicate" value="on" /> Save anyway: this is a separate claim
          </label>
        </div>
      )}

      <label htmlFor="metricId">Metric</label>
      <select id="metricId" name="metricId" value={metricId} onChange={(e) => setMetricId(e.target.value)} aria-describedby={describedBy('metricId', errors)}>
        <option value="">Choose a metric</option>
        {options.metrics.map((m) => (
          <option key={m.id} value={m.id}>{m.label} ({m.kind === 'STOCK' ? 'running total' : 'count per period'})</option>
        ))}
      </select>
      <FieldError name="metricId" errors={errors} />

      <fieldset>
        <legend>Value as stated</legend>
        <label htmlFor="qualifier">Qualifier</label>
        <select id="qualifier" name="qualifier" value={qualifier} onChange={(e) => setQualifier(e.target.value)}>
          <option value="">From the wording</option>
          {QUALIFIERS.map((q) => <option key={q} value={q}>{QUALIFIER_LABELS[q]}</option>)}
        </select>
        <label htmlFor="value">Value</label>
        <input id="value" name="value" value={value} onChange={(e) => setValue(e.target.value)} placeholder="5,000 · 2.1 million · 2.1–2.2 million · more than 5,000" aria-describedby={describedBy('value', errors, 'value-preview')} />
        <p id="value-preview" className={preview?.ok === false ? 'field-hint warning' : 'field-hint'} aria-live="polite">
          {preview ? (preview.ok ? <>Reads as: <strong data-testid="value-preview">{preview.text}</strong></> : preview.text) : 'Type the number the way the source wrote it.'}
        </p>
        <FieldError name="value" errors={errors} />
      </fieldset>

      {metric?.kind === 'FLOW' ? (
        <fieldset>
          <legend>Period</legend>
          <label htmlFor="periodStart">From</label>
          <input id="periodStart" name="periodStart" type="date" defaultValue={v.periodStart} aria-describedby={describedBy('periodStart', errors)} />
          <FieldError name="periodStart" errors={errors} />
          <label htmlFor="periodEnd">To</label>
          <input id="periodEnd" name="periodEnd" type="date" defaultValue={v.periodEnd ?? v.asOf} aria-describedby={describedBy('periodEnd', errors)} />
          <FieldError name="periodEnd" errors={errors} />
          <FieldError name="asOf" errors={errors} />
        </fieldset>
      ) : (
        <>
          <label htmlFor="asOf">As of</label>
          <input id="asOf" name="asOf" type="date" defaultValue={v.asOf} aria-describedby={describedBy('asOf', errors)} />
          <FieldError name="asOf" errors={errors} />
        </>
      )}

      <PlacePicker name="originId" label="Origin" places={options.places} defaultId={v.originId} errors={errors} />
      <PlacePicker name="destinationId" label="Destination" places={options.places} defaultId={v.destinationId} errors={errors} />

      <SourcePicker sources={options.sources} values={v} errors={errors} />

      <label htmlFor="quote">Quote</label>
      <textarea id="quote" name="quote" rows={4} value={quote} onChange={(e) => setQuote(e.target.value)} aria-describedby={describedBy('quote', errors, quoteWarning ? 'quote-warning' : 'quote-hint')} />
      <p id="quote-hint" className="field-hint">The sentence from the source, verbatim. Required to publish.</p>
      {quoteWarning && <p id="quote-warning" className="field-hint warning" role="status">The quote does not contain “{value.trim()}” as stated; check you copied the right passage.</p>}
      <FieldError name="quote" errors={errors} />

      <label htmlFor="attribution">Attribution</label>
      <input id="attribution" name="attribution" defaultValue={v.attribution} placeholder="Who said it, e.g. UNHCR spokesperson" aria-describedby={describedBy('attribution', errors)} />
      <FieldError name="attribution" errors={errors} />

      <label htmlFor="notes">Notes</label>
      <textarea id="notes" name="notes" rows={2} defaultValue={v.notes} aria-describedby={describedBy('notes', errors)} />
      <FieldError name="notes" errors={errors} />

      <button type="submit" disabled={pending}>{pending ? 'Saving…' : figureId ? 'Save changes' : 'Save draft'}</button>
    </form>
  );
}
