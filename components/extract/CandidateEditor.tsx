'use client';
// One candidate figure, every field editable, with a checkbox to keep it. Uses the figure
// form's value rules (parseStatedValue) for the live preview, the admin place picker and the
// admin field-error helpers; the server validates again.
import { QUALIFIERS, QUALIFIER_LABELS, type Qualifier } from '@/lib/vocabulary';
import { parseStatedValue } from '@/lib/figures/parseStatedValue';
import { formatStatedValue } from '@/lib/figures/formatValue';
import type { CandidateFormValues } from '@/lib/extract/draftInput';
import type { CandidateView } from '@/lib/extract/pageState';
import type { ExtractOptions } from '@/lib/extract/listExtractOptions';
import type { CreatePlaceAction } from '@/lib/places/placeInput';
import { describedBy, FieldError } from '@/components/admin/FieldError';
import { PlacePicker } from '@/components/admin/PlacePicker';
import styles from './Extract.module.css';

type FieldName = Exclude<keyof CandidateFormValues, 'key'>;

interface Props {
  index: number;
  candidate: CandidateView;
  publishedAt: string;
  /** A source an earlier sentence names, offered rather than filled in. */
  earlierAttribution: string | null;
  values: CandidateFormValues;
  selected: boolean;
  errors: Record<string, string>;
  options: ExtractOptions;
  createPlace: CreatePlaceAction;
  onChange: (field: FieldName, value: string) => void;
  onSelect: (selected: boolean) => void;
  onFocusCandidate: () => void;
}

function valuePreview(values: CandidateFormValues): { ok: boolean; text: string } {
  if (!values.value.trim()) return { ok: false, text: 'Enter a value, for example 5,000 or 2.1–2.2 million.' };
  const parsed = parseStatedValue(values.value, (values.qualifier || undefined) as Qualifier | undefined);
  return parsed.ok ? { ok: true, text: `Reads as: ${formatStatedValue(parsed.value)}` } : { ok: false, text: parsed.message };
}

export function CandidateEditor({ index, candidate, publishedAt, earlierAttribution, values, selected, errors, options, createPlace, onChange, onSelect, onFocusCandidate }: Props) {
  // Names follow the page's error keys, `<candidate>.<field>`, so the admin FieldError helpers fit.
  const id = (field: string) => `${values.key}.${field}`;
  const control = (field: FieldName, hint?: boolean) => ({
    id: id(field),
    name: field,
    value: values[field],
    'aria-invalid': errors[id(field)] ? true : undefined,
    'aria-describedby': describedBy(id(field), errors, hint ? `${id(field)}-hint` : undefined),
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => onChange(field, e.target.value),
  });
  const field = (name: FieldName, label: string, input: React.ReactNode, extra?: { hint?: React.ReactNode; hintIsError?: boolean; wide?: boolean }) => (
    <div className={extra?.wide ? `${styles.field} ${styles.wide}` : styles.field}>
      <label htmlFor={id(name)}>{label}</label>
      {input}
      {extra?.hint !== undefined && (
        <p id={`${id(name)}-hint`} className={extra.hintIsError ? styles.error : styles.hint} aria-live="polite">
          {extra.hint}
        </p>
      )}
      <FieldError name={id(name)} errors={errors} />
    </div>
  );
  const preview = valuePreview(values);
  // The admin place picker keeps its choice in a hidden input named `<candidate>.<field>`; the list reads it on save.
  const placePicker = (name: 'originId' | 'destinationId', label: string, unknown: string | null) => (
    <div className={styles.field}>
      <PlacePicker name={id(name)} label={label} places={options.places} defaultId={values[name]} errors={errors} createPlace={createPlace} />
      {unknown ? (
        <p className={styles.hint}>The text names “{unknown}”, which is not in the places table. Choose a place, create it, or leave it empty.</p>
      ) : null}
    </div>
  );

  return (
    <fieldset className={styles.candidate} data-selected={selected} onFocus={onFocusCandidate}>
      <legend id={id('legend')} className={styles.fieldLabel}>
        Figure {index + 1}
        <span className="muted"> · confidence {Math.round(candidate.confidence * 100)}%</span>
      </legend>
      <div className={styles.candidateHead}>
        <label className={styles.keep}>
          <input type="checkbox" name="selected" checked={selected} onChange={(e) => onSelect(e.target.checked)} />
          Save figure {index + 1} as a draft
        </label>
        <a href={`#quote-${values.key}`}>Show in text</a>
      </div>
      <div className={styles.candidateFields}>
        {field('metricId', 'Metric', (
          <select {...control('metricId')}>
            <option value="">Choose a metric</option>
            {options.metrics.map((m) => <option key={m.id} value={m.id}>{m.label}</option>)}
          </select>
        ))}
        {field('qualifier', 'Qualifier', (
          <select {...control('qualifier')}>
            <option value="">From the value’s wording</option>
            {QUALIFIERS.map((q) => <option key={q} value={q}>{QUALIFIER_LABELS[q]}</option>)}
          </select>
        ))}
        {field('value', 'Value', <input type="text" inputMode="text" autoComplete="off" {...control('value', true)} />, { hint: preview.text, hintIsError: !preview.ok })}
        {field('valueAsStated', 'Value as stated', <input type="text" autoComplete="off" {...control('valueAsStated')} />)}
        {field('asOf', 'As of date', <input type="date" {...control('asOf', true)} />, {
          hint: candidate.dateText
            ? `The text says “${candidate.dateText}”.`
            : publishedAt && values.asOf === publishedAt
              ? 'The sentence gives no date; this is the publication date. Check it.'
              : 'The text gives no date; enter the day the figure is true for.',
        })}
        {placePicker('originId', 'Origin', candidate.unknownOrigin)}
        {placePicker('destinationId', 'Destination', candidate.unknownDestination)}
        {field('attribution', 'Attribution', <input type="text" autoComplete="off" {...control('attribution', !!earlierAttribution && !values.attribution)} />, {
          wide: true,
          hint: earlierAttribution && !values.attribution ? (
            <>
              This sentence names no source; an earlier one credits “{earlierAttribution}”.{' '}
              <button type="button" className="button-link-inline" onClick={() => onChange('attribution', earlierAttribution)}>
                Use “{earlierAttribution}”
              </button>
            </>
          ) : undefined,
        })}
        {field('quote', 'Quote', <textarea {...control('quote')} />, { wide: true })}
      </div>
    </fieldset>
  );
}
