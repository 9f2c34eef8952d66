'use client';
// A searchable place picker that can create a missing place inline.
import { useId, useMemo, useState } from 'react';
import type { CreatePlaceAction } from '@/lib/places/placeInput';
import { describedBy, FieldError } from './FieldError';

export interface PlaceOption {
  id: number;
  name: string;
  code: string | null;
}

export function PlacePicker(props: { name: string; label: string; places: PlaceOption[]; defaultId?: string; errors?: Record<string, string>; createPlace: CreatePlaceAction }) {
  const [places, setPlaces] = useState(props.places);
  const [selected, setSelected] = useState(props.defaultId ?? '');
  const [query, setQuery] = useState(() => places.find((p) => String(p.id) === props.defaultId)?.name ?? '');
  const [message, setMessage] = useState<string | null>(null);
  const listId = useId();
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    return places.filter((p) => p.name.toLowerCase().includes(q) || p.code?.toLowerCase() === q).slice(0, 8);
  }, [places, query]);
  const chosen = places.find((p) => String(p.id) === selected);
  const exact = matches.some((p) => p.name.toLowerCase() === query.trim().toLowerCase());

  async function createPlace() {
    setMessage(null);
    const result = await props.createPlace(null, query);
    if (!result || 'error' in result) return setMessage(result?.error ?? 'Creating the place failed; try again.');
    setPlaces((list) => [...list, { id: result.id, name: result.name, code: null }]);
    setSelected(String(result.id));
  }

  return (
    <div className="picker">
      <label htmlFor={`${props.name}-search`}>{props.label}</label>
      <input type="hidden" name={props.name} value={selected} />
      <input
        id={`${props.name}-search`}
        type="search"
        value={query}
        placeholder="Type to search places"
        autoComplete="off"
        aria-controls={listId}
        aria-describedby={describedBy(props.name, props.errors)}
        onChange={(e) => {
          setQuery(e.target.value);
          if (chosen && e.target.value !== chosen.name) setSelected('');
        }}
      />
      {chosen ? (
        <p className="picker-chosen">
          Selected: <strong>{chosen.name}</strong>{' '}
          <button type="button" onClick={() => { setSelected(''); setQuery(''); }}>Clear</button>
        </p>
      ) : (
        <ul id={listId} className="picker-options">
          {matches.map((p) => (
            <li key={p.id}>
              <button type="button" onClick={() => { setSelected(String(p.id)); setQuery(p.name); }}>
                {p.name}{p.code ? ` (${p.code})` : ''}
              </button>
            </li>
          ))}
          {query.trim().length > 1 && !exact && (
            <li>
              <button type="button" onClick={createPlace}>Create place “{query.trim()}”</button>
            </li>
          )}
        </ul>
      )}
      {message && <p className="field-error" role="alert">{message}</p>}
      <FieldError name={props.name} errors={props.errors} />
    </div>
  );
}
