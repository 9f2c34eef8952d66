'use client';
// The figure form: notices, then field groups (value, dates, places, citation).
// Its server actions arrive as props from the page.
import { useActionState, useState } from 'react';
import type { FigureFormOptions } from '@/lib/figures/adminFigures';
import type { FigureFormState } from '@/lib/figures/saveFigureForm';
import type { CreatePlaceAction } from '@/lib/places/placeInput';
import type { FormAction } from '@/lib/validation/recordFormState';
import { ConflictNotice } from './ConflictNotice';
import { FigureCitationFields } from './FigureCitationFields';
import { FigureDateFields } from './FigureDateFields';
import { FigureValueFields } from './FigureValueFields';
import { PlacePicker } from './PlacePicker';

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

export function FigureForm({ options, initial, actions, figureId, version }: Props) {
  const [state, action, pending] = useActionState<FigureFormState, FormData>(actions.save, { status: 'idle' });
  const v = state.values ?? initial;
  const errors = state.fieldErrors;
  const [metricId, setMetricId] = useState(v.metricId ?? '');
  const [value, setValue] = useState(v.value ?? '');
  const metric = options.metrics.find((m) => String(m.id) === metricId);

  return (
    <form action={action} className="figure-form" noValidate>
      {figureId && <input type="hidden" name="figureId" value={figureId} />}
      {version && <input type="hidden" name="version" value={version} />}
      <FigureFormNotices state={state} figureId={figureId} />
      <FigureValueFields metrics={options.metrics} metric={metric} values={v} errors={errors} metricId={metricId} onMetricChange={setMetricId} value={value} onValueChange={setValue} />
      <FigureDateFields kind={metric?.kind} values={v} errors={errors} />
      <PlacePicker name="originId" label="Origin" places={options.places} defaultId={v.originId} errors={errors} createPlace={actions.createPlace} />
      <PlacePicker name="destinationId" label="Destination" places={options.places} defaultId={v.destinationId} errors={errors} createPlace={actions.createPlace} />
      <FigureCitationFields sources={options.sources} values={v} errors={errors} value={value} />
      <button type="submit" disabled={pending}>{pending ? 'Saving…' : figureId ? 'Save changes' : 'Save draft'}</button>
    </form>
  );
}

function FigureFormNotices({ state, figureId }: { state: FigureFormState; figureId?: number }) {
  if (state.status === 'error') return <p role="alert" className="form-error">{state.message}</p>;
  if (state.status === 'conflict' && state.conflict) return <ConflictNotice message={state.message!} conflict={state.conflict} figureId={figureId!} />;
  if (state.status !== 'duplicate') return null;
  return (
    <div role="alert" className="form-warning">
      <p>
        {state.message} <a href={`/admin/figures/${state.duplicateId}/edit`}>Open figure {state.duplicateId}</a>
      </p>
      <label>
        <input type="checkbox" name="confirmDuplicate" value="on" /> Save anyway: this is a separate claim
      </label>
    </div>
  );
}
