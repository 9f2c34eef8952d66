// A record list's "New …" form (sources, places, events, metrics): the save action
// creates the record when the form carries no id.
import type { FormAction, RecordFormState } from '@/lib/validation/recordFormState';
import { RecordForm, type FieldSpec } from './RecordForm';

interface Props {
  recordType: 'source' | 'place' | 'event' | 'metric';
  fields: FieldSpec[];
  initial?: Record<string, string>;
  save: FormAction<RecordFormState>;
}

export function NewRecordForm({ recordType, fields, initial = {}, save }: Props) {
  return (
    <>
      <h2>{`New ${recordType}`}</h2>
      <RecordForm action={save} fields={fields} initial={initial} hidden={{ recordType }} submitLabel={`Create ${recordType}`} />
    </>
  );
}

export type RecordOutcomeFlags = { saved?: string; retracted?: string; merged?: string };

/** The status line for the list a record action redirected to (`?saved=1`, `?retracted=1`, `?merged=1`). */
export function recordOutcome(flags: RecordOutcomeFlags, recordType: 'source' | 'place' | 'event' | 'metric'): string | null {
  if (flags.saved) return 'Saved.';
  if (flags.retracted) return 'Retracted.';
  if (flags.merged) return `Merged: figures moved to the ${recordType} that stays.`;
  return null;
}
