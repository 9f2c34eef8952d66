// A record's edit page body: its form, then retract (or retire) and, for places
// and sources, merge into the record that stays. Actions arrive as props.
import type { FormAction, RecordFormState } from '@/lib/validation/recordFormState';
import { RecordForm, type FieldSpec } from './RecordForm';
import { RETRACT_FIELDS } from './recordFields';

export interface RecordActions {
  save: FormAction<RecordFormState>;
  retract: FormAction<RecordFormState>;
  merge: FormAction<RecordFormState>;
}

interface Props {
  recordType: 'source' | 'place' | 'event' | 'metric';
  id: number;
  /** The optimistic-lock version; metrics have none. */
  version?: number;
  fields: FieldSpec[];
  initial: Record<string, string>;
  retracted: boolean;
  actions: RecordActions;
  /** "Retire" for metrics; "Retract" otherwise. */
  retractVerb?: string;
  /** The hint beside "ID of the … to keep"; records without it cannot be merged. */
  mergeHint?: string;
}

export function RecordEditor({ recordType, id, version, fields, initial, retracted, actions, retractVerb = 'Retract', mergeHint }: Props) {
  const hidden = { recordType, id: String(id) };
  return (
    <>
      <RecordForm action={actions.save} fields={fields} initial={initial} hidden={version === undefined ? hidden : { ...hidden, version: String(version) }} submitLabel={`Save ${recordType}`} />
      {!retracted && (
        <>
          <h2>{retractVerb}</h2>
          <RecordForm action={actions.retract} fields={RETRACT_FIELDS} initial={{}} hidden={hidden} submitLabel={`${retractVerb} ${recordType}`} danger />
          {mergeHint && (
            <>
              <h2>Merge into another {recordType}</h2>
              <RecordForm action={actions.merge} fields={[{ name: 'intoId', label: `ID of the ${recordType} to keep`, type: 'number', hint: mergeHint }]} initial={{}} hidden={hidden} submitLabel={`Merge ${recordType}`} danger />
            </>
          )}
        </>
      )}
    </>
  );
}
