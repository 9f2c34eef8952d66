'use client';
// A searchable place picker that can create a missing place inline. The chosen id
// travels in a hidden input named `name`; the text box is `${name}-search`.
import { useMemo, useState } from 'react';
import type { CreatePlaceAction } from '@/lib/places/placeInput';
import { Combobox, type ComboboxOption } from './Combobox';
import { errorProps, FieldError } from './FieldError';

export interface PlaceOption {
  id: number;
  name: string;
  code: string | null;
}

interface Props {
  name: string;
  label: string;
  places: PlaceOption[];
  defaultId?: string;
  errors?: Record<string, string>;
  createPlace: CreatePlaceAction;
  hint?: string;
}

export function PlacePicker(props: Props) {
  const [places, setPlaces] = useState(props.places);
  const [selected, setSelected] = useState(props.defaultId ?? '');
  const [query, setQuery] = useState(() => places.find((p) => String(p.id) === props.defaultId)?.name ?? '');
  const [message, setMessage] = useState<string | null>(null);
  const chosen = places.find((p) => String(p.id) === selected);
  const searchId = `${props.name}-search`;

  const options = useMemo<ComboboxOption[]>(() => {
    const q = query.trim().toLowerCase();
    if (!q || chosen?.name === query) return [];
    const matches = places.filter((p) => p.name.toLowerCase().includes(q) || p.code?.toLowerCase() === q).slice(0, 8);
    const list: ComboboxOption[] = matches.map((p) => ({
      key: String(p.id),
      label: <>{p.name}{p.code ? <span className="muted"> ({p.code})</span> : null}</>,
      onChoose: () => {
        setSelected(String(p.id));
        setQuery(p.name);
      },
    }));
    if (q.length > 1 && !matches.some((p) => p.name.toLowerCase() === q)) {
      list.push({ key: 'create', action: true, label: `Create place “${query.trim()}”`, onChoose: () => void createPlace(query.trim()) });
    }
    return list;
  }, [places, query, chosen]);

  async function createPlace(name: string) {
    setMessage(null);
    const result = await props.createPlace(null, name);
    if (!result || 'error' in result) return setMessage(result?.error ?? 'Creating the place failed; try again.');
    setPlaces((list) => [...list, { id: result.id, name: result.name, code: null }]);
    setSelected(String(result.id));
    setQuery(result.name);
  }

  const hintId = `${props.name}-hint`;
  return (
    <div className="field picker">
      <input type="hidden" name={props.name} value={selected} />
      <Combobox
        id={searchId}
        label={props.label}
        query={query}
        onQueryChange={(q) => {
          setQuery(q);
          if (chosen && q !== chosen.name) setSelected('');
        }}
        options={options}
        placeholder="Type to search places"
        {...comboboxErrorProps(props.name, props.errors, chosen || props.hint ? hintId : undefined)}
      />
      {chosen ? (
        <p id={hintId} className="field-hint picker-chosen">
          Chosen: <strong>{chosen.name}</strong>{' '}
          <button type="button" className="button-link-inline" onClick={() => { setSelected(''); setQuery(''); }}>
            Clear {props.label.toLowerCase()}
          </button>
        </p>
      ) : props.hint ? (
        <p id={hintId} className="field-hint">{props.hint}</p>
      ) : null}
      {message && <p className="field-error" role="alert">{message}</p>}
      <FieldError name={props.name} errors={props.errors} />
    </div>
  );
}

/** A combobox takes `invalid` and `describedBy` rather than raw aria props. */
export function comboboxErrorProps(name: string, errors?: Record<string, string>, hint?: string) {
  const p = errorProps(name, errors, hint);
  return { invalid: !!p['aria-invalid'], describedBy: p['aria-describedby'] };
}
