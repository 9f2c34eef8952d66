'use client';
// The figure form: notices, then field groups (value, dates, places, citation).
// Its server actions arrive as props from the page. A failed save keeps every value
// (useKeptForm) and lists every problem in a summary that takes focus.
import { useState } from 'react';
import type { FigureFormOptions } from '@/lib/figures/adminFigures';
import type { FigureFormState } from '@/lib/figures/saveFigureForm';
import type { CreatePlaceAction } from '@/lib/places/placeInput';
import type { FormAction } from '@/lib/validation/recordFormState';
import { ConflictNotice } from './ConflictNotice';
import { ErrorSummary } from './ErrorSummary';
import { FigureCitationFields } from './FigureCitationFields';
import { dateTarget, FigureDateFields } from './FigureDateFields';
import { FigureValueFields } from './FigureValueFields';
import { PlacePicker } from './PlacePicker';
import { useKeptForm } from './useKeptForm';

export interface FigureFormActions {
  save: FormAction<FigureFormState>;
  createPlace: CreatePlaceAction;
}

interface Props {
  options: FigureFormOptions;
  initial: Record<string, string>;
  actions: FigureFormActions;
  figureId?: number;
  version?: number;
}

const LABELS: Record<string, string> = {
  metricId: 'Metric',
  value: 'Value',
  qualifier: 'Qualifier',
  asOf: 'Date',
  periodStart: 'From',
  periodEnd: 'To',
  originId: 'Origin',
  destinationId: 'Destination',
  sourceId: 'Source',
  sourcePublisher: 'Publisher',
  sourceTitle: 'Source title',
  sourceUrl: 'Source URL',
  sourcePublishedAt: 'Published on',
  sourceAccessedAt: 'Accessed on',
  quote: 'Quote',
  attribution: 'Attribution',
  notes: 'Notes',
};

export function FigureForm({ options, initial, actions, figureId, version }: Props) {
  const { state, pending, formProps } = useKeptForm<FigureFormState>(actions.save, { status: 'idle' });
  const v = initial;
  const errors = state.fieldErrors;
  const [metricId, setMetricId] = useState(v.metricId ?? '');
  const [value, setValue] = useState(v.value ?? '');
  const metric = options.metrics.find((m) => String(m.id) === metricId);
  const targets = { asOf: dateTarget(metric?.kind), sourceId: 'source-search', originId: 'originId-search', destinationId: 'destinationId-search' };

  return (
    <form {...formProps} className="form figure-form" noValidate>
      {figureId && <input type="hidden" name="figureId" value={figureId} />}
      {version && <input type="hidden" name="version" value={version} />}
      {state.status === 'error' && <ErrorSummary message={state.message!} errors={errors} targets={targets} labels={LABELS} focusKey={state} />}
      <FigureFormNotices state={state} figureId={figureId} />
      <FigureValueFields metrics={options.metrics} metric={metric} values={v} errors={errors} metricId={metricId} onMetricChange={setMetricId} value={value} onValueChange={setValue} />
      <FigureDateFields kind={metric?.kind} values={v} errors={errors} />
      <fieldset>
        <legend>Places</legend>
        <div className="field-grid">
          <PlacePicker name="originId" label="Origin" places={options.places} defaultId={v.originId} errors={errors} createPlace={actions.createPlace} hint="Where people left from." />
          <PlacePicker name="destinationId" label="Destination" places={options.places} defaultId={v.destinationId} errors={errors} createPlace={actions.createPlace} hint="Where they went, if the source says." />
        </div>
      </fieldset>
      <FigureCitationFields sources={options.sources} values={v} errors={errors} value={value} />
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={pending} aria-busy={pending}>{pending ? 'Saving…' : figureId ? 'Save changes' : 'Save draft'}</button>
      </div>
    </form>
  );
}

function FigureFormNotices({ state, figureId }: { state: FigureFormState; figureId?: number }) {
  if (state.status === 'conflict' && state.conflict) return <ConflictNotice message={state.message!} conflict={state.conflict} figureId={figureId!} />;
  if (state.status !== 'duplicate') return null;
  return (
    <div role="alert" className="notice notice-warning">
      <p>
        {state.message} <a href={`/admin/figures/${state.duplicateId}/edit`}>Open figure {state.duplicateId}</a>
      </p>
      <label className="choice">
        <input type="checkbox" name="confirmDuplicate" value="on" /> Save anyway: this is a separate claim
      </label>
    </div>
  );
}
